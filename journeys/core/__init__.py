"""The middle: the customer, what she was told (the ledger and its records), the rules that judge it, and the
promises kept for a later run."""
