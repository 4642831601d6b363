"""Kept by the deadline, kept late, or kept at a time the system does not say.

A verify run looks after the deadline: "delivered" then says the order
arrived, not when. Where the map reads when the system changed the status
(``promise: {changed_at: <fact>}``, or a fact ``<fact>.changed_at`` at the
touchpoint), a change after the deadline is a promise kept late: broken.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Literal

from journeys.core.records import Observation
from journeys.messages import say

__all__ = ["Timed", "by_deadline", "changed_at"]


@dataclass(frozen=True)
class Timed:
    status: Literal["kept", "broken"]
    verdict: str
    late: bool = False


def changed_at(observation: Observation | None, due: datetime) -> datetime | None:
    """The moment an observation shows: an ISO moment (in the deadline's zone when it has none), or the
    end of a date; None when it shows none."""
    if observation is None or not observation.raw:
        return None
    try:
        moment = datetime.fromisoformat(observation.raw.strip())
    except ValueError:
        value = observation.value
        if not isinstance(value, date) or isinstance(value, datetime):
            return None
        moment = datetime.combine(value, time(23, 59))
    return moment.replace(tzinfo=due.tzinfo) if moment.tzinfo is None else moment


def by_deadline(due: datetime, changed: datetime | None, found: str, name: str) -> Timed:
    """The verdict on a promise found kept (``found``: what the touchpoint shows) given when it changed,
    in the journey's language."""
    if changed is None:
        return Timed("kept", say("promise.time_unknown", found=found, name=name))
    if changed > due:
        late = say("promise.late", found=found, changed=f"{changed:%Y-%m-%d %H:%M}", due=f"{due:%Y-%m-%d %H:%M}")
        return Timed("broken", say("promise.broken", why=late), late=True)
    return Timed("kept", say("promise.in_time", found=found, changed=f"{changed:%Y-%m-%d %H:%M}"))
