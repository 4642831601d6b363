"""journeys: synthetic customers across channels, checked for one consistent story.

The public surface; everything else is reachable through its module.
"""

from journeys.customer import Customer
from journeys.effort import effort
from journeys.errors import JourneyFailed, JourneysError
from journeys.journey import Journey, Step
from journeys.ledger import Ledger, PromiseCheck, Provenance
from journeys.rules import Violation
from journeys.session import SystemSession
from journeys.values import DateRange, Money, read_value

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
