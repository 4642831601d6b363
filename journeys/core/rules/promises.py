"""Rule *promise kept*: each promise is fulfilled by its deadline, as a touchpoint shows."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from journeys.core.rules.fact_kinds import words
from journeys.core.rules.violation import Violation
from journeys.errors import RuleConfigError
from journeys.messages import say
from journeys.values import DateRange, Unreadable, agree, read_value, show

if TYPE_CHECKING:
    from journeys.core.ledger import Ledger
    from journeys.core.promise_records import Promise
    from journeys.core.records import Observation


def due_promises(ledger: Ledger, now: datetime) -> list[Promise]:
    """The pending promises whose deadline ``now`` has reached."""
    return [p for p in ledger.promises if p.status == "pending" and _reached(now, p.due)]


def promise_kept(promise: Promise, observation: Observation | None, now: datetime) -> list[Violation]:
    """Check a due promise against what its check touchpoint shows, and settle it.

    Sets ``promise.status`` to ``kept`` or ``broken`` and ``promise.verdict``
    to one line saying why. A promise not yet due, or already settled, is left
    as it is and gives no violation.

    Args:
        promise: the promise (its ``check`` says which touchpoint, fact and comparison).
        observation: what the check touchpoint showed for the checked fact
            (None: it showed nothing).
        now: the system's clock.

    Raises:
        RuleConfigError: ``not_after`` on a fact that is not a date, or
            ``equals`` between facts of different kinds.
    """
    if promise.status != "pending" or not _reached(now, promise.due):
        return []
    check = promise.check
    rule = "promise_kept"
    if check.expect == "not_after" and (promise.kind != "date" or (observation and observation.kind != "date")):
        raise RuleConfigError(
            rule,
            promise.fact,
            "not_after compares dates: the promise and the checked fact"
            f" must both be dates (got {promise.kind} and"
            f" {observation.kind if observation else '-'})",
        )
    origin = _promise_row(promise)
    if promise.value is None:
        return _broken(promise, origin, observation, say("promise.unreadable", verdict=promise.verdict))
    if observation is None or observation.problem is not None:
        problem = _not_shown(check.fact, check.touchpoint)
        if observation is not None and observation.problem is not None:
            problem = observation.problem
        return _broken(promise, origin, observation, problem)
    expected = _expected(promise, observation, now)
    if check.expect == "present" and "value" not in check.params:
        return _kept(
            promise, say("promise.shows", touchpoint=check.touchpoint, value=show(observation.kind, observation.value))
        )
    if check.expect == "not_after":
        shown_day, promised_day = _last_day(observation.value), _last_day(expected)
        dates = {
            "touchpoint": check.touchpoint,
            "shown": show("date", observation.value),
            "promised": show("date", expected),
        }
        if shown_day <= promised_day:
            return _kept(promise, say("promise.not_after", **dates))
        return _broken(promise, origin, observation, say("promise.after", **dates))
    if "value" not in check.params and observation.kind != promise.kind:
        raise RuleConfigError(
            rule,
            promise.fact,
            f"cannot compare a {promise.kind} promise with"
            f" {check.fact}, a {observation.kind} fact: check a fact of the same kind",
        )
    tolerance = Decimal(check.params["tolerance"]) if "tolerance" in check.params else None
    shown = show(observation.kind, observation.value)
    if agree(observation.kind, expected, observation.value, tolerance=tolerance):
        return _kept(promise, say("promise.shows", touchpoint=check.touchpoint, value=shown))
    wrong = say("promise.not", touchpoint=check.touchpoint, shown=shown, expected=show(observation.kind, expected))
    return _broken(promise, origin, observation, wrong)


def _expected(promise: Promise, observation: Observation, now: datetime) -> Any:
    text = promise.check.params.get("value")
    if text is None:
        return promise.value
    try:
        return read_value(observation.kind, text, seen_at=now)
    except Unreadable as exc:
        raise RuleConfigError("promise_kept", promise.fact, f"the check's value: {exc}") from None


def _last_day(value: Any) -> date:
    # Dates are read as a date or a range: a range counts by its last day.
    return value.end if isinstance(value, DateRange) else value


def _kept(promise: Promise, why: str) -> list[Violation]:
    promise.status, promise.verdict = "kept", say("promise.kept", why=why)
    return []


def _broken(promise: Promise, origin: Observation, observation: Observation | None, why: str) -> list[Violation]:
    from journeys.core.records import Observation, Provenance

    promise.status, promise.verdict = "broken", say("promise.broken", why=why)
    check = promise.check
    if observation is None:
        observation = Observation(
            check.fact,
            promise.kind,
            None,
            None,
            promise.about,
            Provenance(check.touchpoint, check.touchpoint.split(".")[0], None, None, promise.due),
            _not_shown(check.fact, check.touchpoint),
        )
    detail = say(
        "promise.detail",
        origin=promise.where.touchpoint,
        due=show("date", promise.due),
        touchpoint=check.touchpoint,
        expect=check.expect,
        why=why,
    )
    which = f" ({promise.about})" if promise.about else ""  # which parcel (or order), when it is one of several
    title = say("promise.title", name=f"{words(promise.fact)}{which}", touchpoint=promise.where.touchpoint)
    return [Violation("promise_kept", promise.fact, title, (origin, observation), detail)]


def _promise_row(promise: Promise) -> Observation:
    from journeys.core.records import Observation

    problem = None if promise.value is not None else (promise.verdict or say("promise.unread"))
    return Observation(
        promise.fact,
        promise.kind,
        promise.raw,
        promise.value,
        promise.about,
        promise.where,
        problem,
        promise.seq,
    )


def _not_shown(fact: str, touchpoint: str) -> str:
    return say("not_shown", fact=fact, name=words(fact), touchpoint=touchpoint)


def _reached(now: datetime, due: datetime) -> bool:
    # A naive clock and an aware deadline (or the reverse) are read in the same zone.
    if (now.tzinfo is None) != (due.tzinfo is None):
        now = now.replace(tzinfo=due.tzinfo)
    return now >= due
