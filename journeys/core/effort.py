"""The effort one journey cost the customer, as one documented score.

A Customer Effort Score asks customers how easy it was; here the journey's
ledger answers for them. The parts and their weights are explained in
``docs/effort.md``: lower is better, 0 is a journey with no contact at all.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from journeys.core.rules.patience import not_asked_twice

if TYPE_CHECKING:
    from journeys.core.ledger import Ledger
    from journeys.core.records import Visit

WEIGHTS = {
    "touchpoints": 1.0,  # every contact costs a little
    "channel_switches": 3.0,  # moving to another channel costs more than another page
    "repeated_questions": 5.0,  # being asked again for what she gave: most resented
    "waiting_per_10_seconds": 1.0,
    "broken_promises": 8.0,  # a broken promise brings her back: a whole extra contact cycle
}


@dataclass(frozen=True)
class Effort:
    """What one journey asked of the customer, and the weighted score.

    Attributes:
        touchpoints: visits to touchpoints (a touchpoint visited twice counts twice).
        channel_switches: times the next visit was on another channel than the last.
        repeated_questions: questions asked while she was known, for something she gave.
        waiting_seconds: time she waited for touchpoints to answer, in seconds.
        broken_promises: promises settled as broken.
        score: the weighted sum (see ``WEIGHTS`` and docs/effort.md), one decimal.
    """

    touchpoints: int
    channel_switches: int
    repeated_questions: int
    waiting_seconds: float
    broken_promises: int
    score: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def effort(ledger: Ledger) -> Effort:
    """The effort of the journey on ``ledger``.

    Visits come from ``Ledger.visited``; a ledger without visits (a journey
    recorded without them) counts the distinct touchpoints that showed facts,
    in order, instead.
    """
    if ledger.visits:
        visits = _page_visits(ledger)
        channels = [v.channel for v in visits]
        touchpoints = len(visits)
    else:
        first_seen: dict[str, str] = {}
        for observation in ledger.observations:
            first_seen.setdefault(observation.where.touchpoint, observation.where.channel)
        channels = list(first_seen.values())
        touchpoints = len(first_seen)
    switches = sum(1 for before, after in zip(channels, channels[1:], strict=False) if before != after)
    repeated = sum(1 for v in not_asked_twice(ledger) if v.name != "NothingToCompare")  # a question asked again
    waiting = round(sum(v.waited_seconds for v in ledger.visits), 3)
    broken = sum(1 for p in ledger.promises if p.status == "broken")
    score = (
        touchpoints * WEIGHTS["touchpoints"]
        + switches * WEIGHTS["channel_switches"]
        + repeated * WEIGHTS["repeated_questions"]
        + waiting / 10 * WEIGHTS["waiting_per_10_seconds"]
        + broken * WEIGHTS["broken_promises"]
    )
    return Effort(touchpoints, switches, repeated, waiting, broken, round(score, 1))


def _page_visits(ledger: Ledger) -> list[Visit]:
    """Visits in order, a page read right after the click that brought her there counted once.

    ``Journey.waiting`` times the click and ``Journey.read`` records the page it led to: two visits
    with nothing between them (consecutive ``seq``) to the same touchpoint are one page she saw.
    """
    found: list[Visit] = []
    previous: Visit | None = None
    for visit in sorted(ledger.visits, key=lambda v: v.seq):
        if previous is None or previous.touchpoint != visit.touchpoint or previous.seq != visit.seq - 1:
            found.append(visit)
        previous = visit
    return found
