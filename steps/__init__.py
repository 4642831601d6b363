"""The bundled step library, English and Dutch: thin sentences over the journeys library.

Importing this package registers every step with pytest-bdd and the
vocabulary catalogue (``journeys steps``).
"""

from steps import account, assertions, clock, customer, ordering, returns, service  # noqa: F401
