"""Rules *shown* and *shows*: a touchpoint shows a fact at all, or shows the value a journey expects.

For what the writer states outright ("the web shop promises delivery on
Monday", "she has a track and trace code"), beside the rules that compare
touchpoints with each other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from journeys.rules.violation import Violation
from journeys.values import agree, show

if TYPE_CHECKING:
    from journeys.ledger import Ledger


def shown(ledger: Ledger, touchpoint: str, fact: str, *, why: str = "") -> list[Violation]:
    """``touchpoint`` showed a readable ``fact``; ``why`` says what happened instead, if known."""
    seen = [o for o in ledger.observations_of(fact) if o.where.touchpoint == touchpoint]
    if any(o.problem is None for o in seen):
        return []
    return [Violation("shown", fact, f"{fact} not shown at {touchpoint}", tuple(seen[-1:]), why, heading="Missing")]


def shows(ledger: Ledger, touchpoint: str, fact: str, expected: Any, kind: str) -> list[Violation]:
    """The latest ``fact`` at ``touchpoint`` is ``expected`` (a typed value of ``kind``)."""
    seen = [o for o in ledger.observations_of(fact) if o.where.touchpoint == touchpoint]
    if seen and seen[-1].problem is None and agree(kind, seen[-1].value, expected):
        return []
    return [
        Violation(
            "shows",
            fact,
            f"{fact} at {touchpoint} is not {show(kind, expected)}",
            tuple(seen[-1:]),
            f"expected: {show(kind, expected)}",
            heading="UnexpectedFact",
        )
    ]
