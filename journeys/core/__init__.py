"""The middle: the customer, what she was told (the ledger and its records), and the journey that walks."""
