"""Rule *known at*: a touchpoint shows what the company already knows (the 360° view)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from journeys.core.rules.fact_kinds import kind_of, what_key, words
from journeys.core.rules.violation import Violation
from journeys.errors import RuleConfigError
from journeys.messages import bare, say
from journeys.values import Unreadable, agree, read_value, show

if TYPE_CHECKING:
    from journeys.core.ledger import Ledger
    from journeys.core.records import Observation

_LIST_SEPARATORS = re.compile(r"\s*[\n;|]\s*|,\s+(?=\S)")


def known_at(ledger: Ledger, touchpoint: str, fact: str, *, about: str | None = None) -> list[Violation]:
    """``touchpoint`` shows ``fact`` as the customer last gave it or was shown it elsewhere.

    What is known: the inputs of ``fact`` and the readable observations of
    it at other touchpoints, recorded before ``touchpoint`` showed it (when
    none, what this touchpoint showed on an earlier visit: an agent who
    placed the order told her first); the most recent of them is the reference. The touchpoint may show a list
    (an agent's order list): the fact is known when one item agrees.

    Returns:
        A violation when the touchpoint's latest observation is missing,
        unreadable or different; and one (``NothingToCompare``) when nothing
        was known of ``fact`` before the touchpoint showed it: the customer
        never gave it and no other touchpoint showed it readably first.

    Raises:
        RuleConfigError: the touchpoint never showed ``fact`` at all (visit it
            first, or add the fact to the touchpoint in the map), or the fact
            has more than one kind.
    """
    observations = ledger.observations_of(fact, about)
    shown = [o for o in observations if o.where.touchpoint == touchpoint]
    if not shown:
        raise RuleConfigError(
            "known_at",
            fact,
            say("known_at.never_shown", fact=fact, name=words(fact), bare=bare(words(fact)), touchpoint=touchpoint),
        )
    target = shown[-1]
    kind = kind_of("known_at", fact, observations) or "text"
    known_rows = [
        o for o in observations if o.where.touchpoint != touchpoint and o.seq < target.seq and o.problem is None
    ]
    known_rows += [
        _input_row(i, fact, kind, about or "")
        for i in ledger.inputs
        if what_key(i.what) == what_key(fact) and i.seq < target.seq
    ]
    known_rows = [row for row in known_rows if row.value is not None]
    if not known_rows:  # told only here: what it told her on an earlier visit is what it knows
        known_rows = [o for o in shown[:-1] if o.problem is None and o.value is not None]
    if target.kind == "status":  # a status changes with time: what it was then says nothing of now
        known_rows = [row for row in known_rows if row.epoch == target.epoch and row.kind == "status"]
    if not known_rows:
        return [
            Violation(
                "known_at",
                fact,
                say("known_at.nothing", name=words(fact), bare=bare(words(fact)), touchpoint=touchpoint),
                (target,),
                say(
                    "known_at.nothing_hint", fact=fact, name=words(fact), bare=bare(words(fact)), touchpoint=touchpoint
                ),
                heading="NothingToCompare",
            )
        ]
    known_rows.sort(key=lambda row: row.seq)
    reference = known_rows[-1]
    if target.problem is None and agree(kind, reference.value, target.value):
        return []
    if target.raw is not None and listed(kind, reference.value, target):
        return []
    rows = (*known_rows, target)
    title = say(
        "known_at.not_known" if target.problem is not None else "known_at.differs",
        name=words(fact),
        bare=bare(words(fact)),
        touchpoint=touchpoint,
    )
    detail = say("known_at.known", value=show(kind, reference.value), touchpoint=reference.where.touchpoint)
    return [Violation("known_at", fact, title, rows, detail)]


def _input_row(given: Any, fact: str, kind: str, about: str) -> Observation:
    from journeys.core.records import Observation

    raw = str(given.value)
    try:
        value = read_value(kind, raw, seen_at=given.where.seen_at)
    except Unreadable:
        value = None  # what the customer typed is not evidence of what the company knows
    return Observation(fact, kind, raw, value, about, given.where, None, given.seq)


def listed(kind: str, reference: Any, target: Observation) -> bool:
    """Whether the list ``target`` showed (``RS-1, RS-2``; one a line) has an item that is ``reference``."""
    for item in _LIST_SEPARATORS.split(target.raw or ""):
        try:
            value = read_value(kind, item, seen_at=target.where.seen_at)
        except Unreadable:
            continue
        if agree(kind, reference, value):
            return True
    return False
