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

from dataclasses import dataclass, replace
from datetime import datetime
from urllib.parse import urlsplit

from journeys.core import rules
from journeys.core.promise_records import Promise
from journeys.core.promise_store import StoredPromise
from journeys.core.rules.fact_kinds import words
from journeys.core.rules.violation import Violation
from journeys.errors import ChannelError, JourneysError, RuleConfigError
from journeys.journey.journey import Journey
from journeys.journey.journey_touchpoints import Step
from journeys.messages import say
from journeys.promises.deadline import by_deadline, changed_at
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
    promise = _recorded(journey, original, where)
    params = {k: v for k, v in original.check.params.items() if k not in ("value", "tolerance")}
    journey.memory.update(params)
    step = Step(f"the promise of {stored.label()} is checked at {where}", original.where.location)
    refused = ""
    try:
        with journey.at(step):
            refused = _log_in(journey, where)
            seen = journey.visit(where, **params)
    except (ChannelError, JourneysError) as exc:
        return Judged("unverifiable", refused + say("promise.not_read", touchpoint=where, why=_line(exc)), where)
    observation = seen.get(original.check.fact)
    if observation is None:
        return Judged("unverifiable", say("promise.no_fact", touchpoint=where, fact=original.check.fact), where)
    # Not shown: unknown, unless "shown at all" is the promise and the page was surely the right one.
    unread = observation.raw is None and (original.check.expect != "present" or bool(refused))
    if unread or (observation.raw is not None and observation.problem):
        problem = observation.problem or say(
            "not_shown", fact=original.check.fact, name=words(original.check.fact), touchpoint=where
        )
        return Judged("unverifiable", f"{refused}{problem}", where)
    try:
        journey.ledger.add(rules.promise_kept(promise, observation, now))
    except RuleConfigError as exc:
        return Judged("unverifiable", str(exc), where)
    if promise.status == "kept":
        name = check_spec.get("changed_at") or f"{original.check.fact}.changed_at"
        found = say(
            "promise.shows", touchpoint=observation.where.touchpoint, value=show(observation.kind, observation.value)
        )
        timed = by_deadline(promise.due, changed_at(seen.get(name), promise.due), found, name)
        promise.status, promise.verdict = timed.status, timed.verdict
        if timed.late:
            title = say("promise.late_title", name=words(promise.fact), touchpoint=promise.where.touchpoint)
            journey.ledger.add([Violation("promise_kept", promise.fact, title, (observation,), timed.verdict)])
    return Judged(promise.status, promise.verdict or "", where)


def _log_in(journey: Journey, touchpoint: str) -> str:
    """Staff log in before a staff touchpoint is opened directly (a task would have logged them in).

    Returns a note when the login page is still showing afterwards (the login was likely refused), else ''.
    """
    tp = journey.touchpoint(touchpoint)
    if tp.channel != "agent":
        return ""
    with journey.on(tp.system):
        staff = journey.staff(tp.role) if tp.role else journey.agent
        staff.login()
        login_url = str(dict(staff.credentials.get("login") or {}).get("url", "/agent/login"))
        here = urlsplit(str(getattr(staff, "current_url", "") or "")).path
    if here and here == urlsplit(login_url).path:
        names = f"{staff.credentials.get('user_env')} / {staff.credentials.get('password_env')}"
        return say("promise.login_refused", url=login_url, names=names)
    return ""


def _recorded(journey: Journey, original: Promise, where: str) -> Promise:
    """The stored promise on this run's ledger, pending again (the map draws it)."""
    return journey.ledger.promise(
        original.fact,
        original.raw,
        kind=original.kind,
        due=original.due,
        check=replace(original.check, touchpoint=where),  # where it is checked this time
        where=original.where,
        about=original.about,
        id=original.id,
    )


def _line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= 300 else text[:299] + "…"
