"""One customer's journey: the systems under test, her walk across their channels, and its rules."""
