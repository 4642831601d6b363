"""Rule *matches*: what every touchpoint showed of one fact equals what she was first told of another.

For two facts that must be one amount without being one fact: the refund she
is paid and the price she paid (``refund.amount`` against ``order.total``).
Her reference is the first readable value she was told, where she was told it;
each touchpoint that showed the other fact otherwise is named beside it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from journeys.core.rules.fact_kinds import words
from journeys.core.rules.violation import Violation
from journeys.messages import bare, say
from journeys.values import agree, show

if TYPE_CHECKING:
    from journeys.core.ledger import Ledger


def matches(ledger: Ledger, fact: str, reference: str) -> list[Violation]:
    """Every observation of ``fact`` equals the first readable observation of ``reference``.

    Nothing to compare (``reference`` never told readably, or ``fact`` never
    shown) is a ``NothingToCompare`` violation, never a pass; an unreadable
    ``fact`` is reported with the reference beside it.
    """
    told = next((o for o in ledger.observations_of(reference) if o.problem is None), None)
    seen = ledger.observations_of(fact)
    said = {"name": words(fact), "reference": words(reference), "bare_reference": bare(words(reference))}
    if told is None or not seen:
        missing = reference if told is None else fact
        detail = say("matches.nothing_hint", missing=missing, missing_name=words(missing))
        return [Violation("matches", fact, say("matches.nothing", **said), (), detail, heading="NothingToCompare")]
    wrong = [o for o in seen if o.problem is not None or not agree(told.kind, o.value, told.value)]
    if not wrong:
        return []
    return [
        Violation(
            "matches",
            fact,
            say("matches.differs", **said),
            (told, *wrong),
            say(
                "matches.expected",
                value=show(told.kind, told.value),
                fact=reference,
                reference=words(reference),
                touchpoint=told.where.touchpoint,
            ),
            heading="InconsistentFact",
        )
    ]
