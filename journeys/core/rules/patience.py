"""Rules on her patience: *not asked twice* for what she gave, and *answered within*: not kept waiting.

Both spare the customer effort the effort score counts (repeated questions,
waiting seconds). *not asked twice*: a customer is not asked again for what
she gave, on any channel. *answered within*: a touchpoint does not keep her
waiting; slow portals are the first complaint customers name (seed 002). The
waits are the ones the journey measured around each request to the
touchpoint.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from journeys.core.rules.fact_kinds import what_key, words
from journeys.core.rules.violation import Violation
from journeys.messages import bare, moment, say

if TYPE_CHECKING:
    from journeys.core.ledger import Ledger
    from journeys.core.records import Input, Observation, Question


def not_asked_twice(
    ledger: Ledger, what: str | None = None, *, scope: Collection[str] | None = None
) -> list[Violation]:
    """A question for something the customer already gave, anywhere, logged in or not.

    ``order_number``, ``order.number`` and ``Order number`` are the same
    thing; questions and inputs are recorded by what they ask for, not by a
    form's field names (``submitter_email`` is ``email``: ``journeys.core.fields``).
    Once she gave a thing, on any channel, the company has it: asking for it
    again is a repeat, whether or not she was logged in (a guest's chat
    that asks again for the e-mail address she typed at the checkout too).

    What was compared: every question against every earlier input. Given but
    never asked again passes (nobody asked twice); asked but never given
    passes too (a fair question). Only when the journey neither gave nor was
    asked for ``what`` at all (within the scope) is there nothing to
    compare, and that is a violation of its own (``NothingToCompare``): the
    journey never came near the thing it claims was not asked twice.

    Args:
        ledger: the journey's ledger.
        what: only this thing (``order_number``); None: everything, and then
            nothing to compare means nothing given or asked at all.
        scope: the touchpoints (or channels) that should share what they are
            told; None: the whole company. Only inputs given, and questions
            asked, within the scope count.

    Returns:
        One violation per repeated question, naming where it was given before.
    """
    key = what_key(what) if what is not None else None
    inputs = [
        i for i in ledger.inputs if _in_scope(i.touchpoint, i.where.channel, scope) and key in (None, what_key(i.what))
    ]
    questions = [
        q
        for q in ledger.questions
        if _in_scope(q.touchpoint, q.where.channel, scope) and key in (None, what_key(q.what))
    ]
    if not inputs and not questions:
        return [_nothing_to_compare(what, scope)]
    given: dict[str, list[Input]] = {}
    for item in inputs:
        given.setdefault(what_key(item.what), []).append(item)
    found = []
    for question in questions:
        earlier = [i for i in given.get(what_key(question.what), []) if i.seq < question.seq]
        if earlier:
            found.append(_violation(question, earlier))
    return found


def _nothing_to_compare(what: str | None, scope: Collection[str] | None) -> Violation:
    within = say("asked.within", scope=", ".join(sorted(scope))) if scope is not None else ""
    if what:
        title = say("asked.nothing", name=words(what), bare=bare(words(what)), within=within)
    else:
        title = say("asked.nothing_any", within=within)
    thing = say("asked.hers", bare=bare(words(what))) if what else say("asked.something")
    return Violation(
        "not_asked_twice",
        what or "*",
        title,
        (),
        say("asked.nothing_hint", what=what or say("asked.something"), thing=thing),
        heading="NothingToCompare",
    )


def _in_scope(touchpoint: str, channel: str, scope: Collection[str] | None) -> bool:
    return scope is None or touchpoint in scope or channel in scope


def _violation(question: Question, earlier: list[Input]) -> Violation:
    from journeys.core.records import Observation

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
            say(
                "asked.again_logged_in" if question.identified else "asked.again",
                name=words(question.what),
                bare=bare(words(question.what)),
            ),
            question.seq,
        )
    )
    before = ", ".join(dict.fromkeys(i.touchpoint for i in earlier))
    return Violation(
        "not_asked_twice",
        question.what,
        say("asked.title", name=words(question.what), bare=bare(words(question.what)), touchpoint=question.touchpoint),
        tuple(rows),
        say("asked.before", before=before),
    )


def answered_within(ledger: Ledger, touchpoints: str, seconds: float) -> list[Violation]:
    """Every visit to a touchpoint named ``touchpoints`` (or starting with ``touchpoints.``)
    was answered within ``seconds``.

    No such visit at all means nothing was measured: a violation of its own
    (``NothingToCompare``), not a pass.
    """
    visits = [v for v in ledger.visits if v.touchpoint == touchpoints or v.touchpoint.startswith(touchpoints + ".")]
    if not visits:
        return [
            Violation(
                "answered_within",
                touchpoints,
                say("answered.nothing", touchpoints=touchpoints, seconds=f"{seconds:g}"),
                (),
                say("answered.nothing_hint", touchpoints=touchpoints),
                heading="NothingToCompare",
            )
        ]
    slow = [v for v in visits if v.waited_seconds > seconds]
    if not slow:
        return []
    width = max(len(v.touchpoint) for v in slow)
    detail = "\n".join(
        f"{v.touchpoint:<{width}}  " + say("answered.row", seconds=f"{v.waited_seconds:.1f}", started=moment(v.started))
        for v in slow
    )
    return [
        Violation(
            "answered_within",
            touchpoints,
            say("answered.slow", touchpoints=touchpoints, seconds=f"{seconds:g}"),
            (),
            detail,
            heading="SlowTouchpoint",
        )
    ]
