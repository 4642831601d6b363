"""The shop's web layer: one Flask blueprint per channel."""
