"""Rule *not asked twice*: a customer who is known is not asked again for what she gave."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from journeys.rules.kinds import what_key, words
from journeys.rules.violation import Violation

if TYPE_CHECKING:
    from journeys.ledger import Input, Ledger, Observation, Question


def not_asked_twice(ledger: Ledger, *, scope: Collection[str] | None = None) -> list[Violation]:
    """A question asked while the customer was identified, for something she already gave.

    ``order_number``, ``order.number`` and ``Order number`` are the same
    thing. Questions asked while not logged in are fair (the company cannot
    know who is asking) and are not counted.

    Args:
        ledger: the journey's ledger.
        scope: the touchpoints (or channels) that should share what they are
            told; None: the whole company. Only inputs given, and questions
            asked, within the scope count.

    Returns:
        One violation per repeated question, naming where it was given before.
    """
    given: dict[str, list[Input]] = {}
    for item in ledger.inputs:
        if _in_scope(item.touchpoint, item.where.channel, scope):
            given.setdefault(what_key(item.what), []).append(item)
    found = []
    for question in ledger.questions:
        if not question.identified or not _in_scope(question.touchpoint, question.where.channel, scope):
            continue
        earlier = [i for i in given.get(what_key(question.what), []) if i.seq < question.seq]
        if earlier:
            found.append(_violation(question, earlier))
    return found


def _in_scope(touchpoint: str, channel: str, scope: Collection[str] | None) -> bool:
    return scope is None or touchpoint in scope or channel in scope


def _violation(question: Question, earlier: list[Input]) -> Violation:
    from journeys.ledger import Observation

    rows: list[Observation] = [
        Observation(question.what, "text", str(i.value), str(i.value), "", i.where, None, i.seq) for i in earlier
    ]
    rows.append(
        Observation(
            question.what,
            "text",
            None,
            None,
            "",
            question.where,
            f"asked again for {question.what} while logged in",
            question.seq,
        )
    )
    before = ", ".join(dict.fromkeys(i.touchpoint for i in earlier))
    return Violation(
        "not_asked_twice",
        question.what,
        f"{words(question.what)} asked again at {question.touchpoint}",
        tuple(rows),
        f"the customer gave it before at {before}",
    )
