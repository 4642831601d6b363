"""Fixtures for the core tests."""

from __future__ import annotations

import pytest

from journeys.core.ledger import Ledger


@pytest.fixture
def ledger() -> Ledger:
    return Ledger({"name": "Anna de Vries", "email": "anna-1a2b3c@journeys.test"}, 3, "refshop")
