"""One stored promise checked: kept (by the deadline), broken, or unverifiable.

Honest verdicts: a touchpoint that could not be read (a login refused, a page
that never got ready, a mail that did not come while this run listened)
says nothing about the promise, so the promise stays pending and the run says
why. Kept means kept by the deadline: where the map can read when the system
changed the status (``promise: {changed_at: <fact>}``), a change after the
deadline is a promise kept late, i.e. broken; where it cannot, the verdict
says "kept, time unknown".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from journeys import rules
from journeys.channels.errors import ChannelError
from journeys.errors import JourneysError, RuleConfigError
from journeys.journey import Journey, Step
from journeys.promise_store import StoredPromise
from journeys.records import Observation, Promise
from journeys.rules.violation import Violation
from journeys.values import show

__all__ = ["Judged", "judge"]


@dataclass
class Judged:
    """What a verify run found of one promise."""

    status: str  # kept, broken, unverifiable
    verdict: str
    checked_at: str  # the touchpoint looked at


def judge(journey: Journey, stored: StoredPromise, now: datetime) -> Judged:
    """Check ``stored`` at its touchpoint (or the map's ``verify_at``), as of ``now``; record it on the ledger."""
    original = stored.promise
    declared = journey.declared_fact(original.fact)
    check_spec = (declared.check if declared else None) or {}
    same = check_spec.get("touchpoint") == original.check.touchpoint
    where = str(check_spec.get("verify_at") or "") if same else ""
    where = where or original.check.touchpoint
    promise = _recorded(journey, original)
    params = {k: v for k, v in original.check.params.items() if k not in ("value", "tolerance")}
    journey.memory.update(params)
    step = Step(f"the promise of {stored.label()} is checked at {where}", original.where.location)
    try:
        with journey.at(step):
            _log_in(journey, where)
            seen = journey.visit(where, **params)
    except (ChannelError, JourneysError) as exc:
        return Judged("unverifiable", f"{where} could not be read: {_line(exc)}", where)
    observation = seen.get(original.check.fact)
    if observation is None:
        return Judged("unverifiable", f"{where} does not read {original.check.fact}: add it to its facts", where)
    unread = observation.raw is None and original.check.expect != "present"  # "present": not shown is broken
    if unread or (observation.raw is not None and observation.problem):
        return Judged("unverifiable", f"{where}: {observation.problem}", where)
    try:
        journey.ledger.add(rules.promise_kept(promise, observation, now))
    except RuleConfigError as exc:
        return Judged("unverifiable", str(exc), where)
    if promise.status == "kept":
        _judge_time(journey, promise, seen, check_spec, original.check.fact, observation)
    return Judged(promise.status, promise.verdict or "", where)


def _log_in(journey: Journey, touchpoint: str) -> None:
    """Staff log in before a staff touchpoint is opened directly (a task would have logged them in)."""
    tp = journey.touchpoint(touchpoint)
    if tp.channel == "agent":
        with journey.on(tp.system):
            (journey.staff(tp.role) if tp.role else journey.agent).login()


def _recorded(journey: Journey, original: Promise) -> Promise:
    """The stored promise on this run's ledger, pending again (the map draws it)."""
    return journey.ledger.promise(
        original.fact,
        original.raw,
        kind=original.kind,
        due=original.due,
        check=original.check,
        where=original.where,
        about=original.about,
        id=original.id,
    )


def _judge_time(
    journey: Journey,
    promise: Promise,
    seen: dict[str, Observation],
    spec: dict[str, str],
    fact: str,
    shown: Observation,
) -> None:
    """Kept by the deadline, kept late (broken), or kept at a time the system does not say."""
    name = spec.get("changed_at") or f"{fact}.changed_at"
    changed = _moment(seen.get(name), promise.due)
    found = f"{shown.where.touchpoint} shows {show(shown.kind, shown.value)}"
    if changed is None:
        promise.verdict = f"kept, time unknown: {found} (the map reads no {name} there)"
        return
    if changed > promise.due:
        promise.status = "broken"
        late = f"kept late: {found} since {changed:%Y-%m-%d %H:%M}, after the deadline {promise.due:%Y-%m-%d %H:%M}"
        promise.verdict = f"broken: {late}"
        title = f"{promise.fact} promised at {promise.where.touchpoint} was kept late"
        journey.ledger.add([Violation("promise_kept", promise.fact, title, (shown,), late)])
        return
    promise.verdict = f"kept by the deadline: {found} since {changed:%Y-%m-%d %H:%M}"


def _moment(observation: Observation | None, due: datetime) -> datetime | None:
    """The time an observation shows: an ISO moment, or a date (the end of that day)."""
    if observation is None or not observation.raw:
        return None
    value: Any = observation.value
    try:
        moment = datetime.fromisoformat(observation.raw.strip())
    except ValueError:
        if isinstance(value, date) and not isinstance(value, datetime):
            moment = datetime.combine(value, time(23, 59))
        else:
            return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=due.tzinfo)
    return moment


def _line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= 300 else text[:299] + "…"
