"""Reporting, at the side: what the journeys did, for people and for CI."""
