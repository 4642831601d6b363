"""journeys: synthetic customers across channels, checked for one consistent story.

The public surface. Names are imported on first use (PEP 562), so that the
pytest plugin, registered at pytest's start, loads nothing heavy and
``pytest --help`` stays fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

_WHERE = {
    "Customer": "journeys.customer",
    "DateRange": "journeys.values",
    "Journey": "journeys.journey",
    "JourneyFailed": "journeys.errors",
    "JourneysError": "journeys.errors",
    "Ledger": "journeys.ledger",
    "Money": "journeys.values",
    "PromiseCheck": "journeys.ledger",
    "Provenance": "journeys.ledger",
    "Step": "journeys.journey",
    "SystemSession": "journeys.session",
    "Violation": "journeys.rules",
    "effort": "journeys.effort",
    "read_value": "journeys.values",
}
__all__ = [
    "Customer",
    "DateRange",
    "Journey",
    "JourneyFailed",
    "JourneysError",
    "Ledger",
    "Money",
    "PromiseCheck",
    "Provenance",
    "Step",
    "SystemSession",
    "Violation",
    "effort",
    "read_value",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'journeys' has no attribute {name!r}")
    return getattr(import_module(_WHERE[name]), name)


if TYPE_CHECKING:
    from journeys.customer import Customer
    from journeys.effort import effort
    from journeys.errors import JourneyFailed, JourneysError
    from journeys.journey import Journey, Step
    from journeys.ledger import Ledger, PromiseCheck, Provenance
    from journeys.rules import Violation
    from journeys.session import SystemSession
    from journeys.values import DateRange, Money, read_value
