"""Rules *shown*, *shows* and *not sent*: what a touchpoint shows, or a mail that must not come at all.

For what the writer states outright ("the web shop promises delivery on
Monday", "she has a track and trace code", "no shipping notice comes for a
cancelled order"), beside the rules that compare touchpoints with each other.
A touchpoint shows a fact at all, or shows the value a journey expects; a
mail that must not come (a shipping notice for a cancelled order) did not.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from journeys.core.rules.fact_kinds import words
from journeys.core.rules.violation import Violation
from journeys.messages import say
from journeys.values import agree, show

if TYPE_CHECKING:
    from journeys.core.ledger import Ledger
    from journeys.core.records import Observation


def shown(ledger: Ledger, touchpoint: str, fact: str, *, why: str = "") -> list[Violation]:
    """``touchpoint`` showed a readable ``fact``; ``why`` says what happened instead, if known.

    A fact the journey never read there (no observation at all) is not shown either.
    """
    seen = [o for o in ledger.observations_of(fact) if o.where.touchpoint == touchpoint]
    if any(o.problem is None for o in seen):
        return []
    detail = why or ("" if seen else say("shown.never_read", touchpoint=touchpoint))
    title = say("not_shown", fact=fact, name=words(fact), touchpoint=touchpoint)
    return [Violation("shown", fact, title, tuple(seen[-1:]), detail, heading="Missing")]


def shows(ledger: Ledger, touchpoint: str, fact: str, expected: Any, kind: str) -> list[Violation]:
    """The latest ``fact`` at ``touchpoint`` is ``expected`` (a typed value of ``kind``).

    Never read there, not shown or unreadable is a violation too, saying so:
    there was nothing to compare with ``expected``.
    """
    seen = [o for o in ledger.observations_of(fact) if o.where.touchpoint == touchpoint]
    latest = seen[-1] if seen else None
    if latest is not None and latest.problem is None and agree(kind, latest.value, expected):
        return []
    value = show(kind, expected)
    expectation = say("expected", value=value)
    said = {"fact": fact, "name": words(fact), "touchpoint": touchpoint, "expected": value}
    if latest is None:
        detail = f"{expectation}\n{say('shows.visit_first', touchpoint=touchpoint)}"
        return [Violation("shows", fact, say("shows.never_read", **said), (), detail, heading="NothingToCompare")]
    if latest.problem is not None:
        title = say("shows.missing" if latest.raw is None else "shows.unreadable", **said)
        heading = "MissingFact" if latest.raw is None else "UnreadableFact"
        return [Violation("shows", fact, title, (latest,), expectation, heading=heading)]
    return [
        Violation(
            "shows",
            fact,
            say("shows.differs", **said),
            (latest,),
            expectation,
            heading="UnexpectedFact",
        )
    ]


def not_sent(touchpoint: str, why: str, seen: tuple[Observation, ...]) -> list[Violation]:
    """The mail of ``touchpoint`` came although ``why`` says it must not, with what it said (``seen``)."""
    return [
        Violation(
            "not_sent",
            touchpoint,
            say("not_sent.title", touchpoint=touchpoint, why=why),
            seen,
            say("not_sent.detail", why=why),
            heading="UnexpectedMail",
        )
    ]
