"""One stored promise checked: kept (by the deadline), broken, or unverifiable.

Honest verdicts: a touchpoint that could not be read (a login refused, a page
that never got ready, a mail that did not come while this run listened)
says nothing about the promise, so the promise stays pending and the run says
why. Kept means kept by the deadline: a verify run looks after it, when
"delivered" says that the order arrived, not when. Where the map reads when
the system changed the status (``promise: {changed_at: <fact>}``, or a fact
``<fact>.changed_at`` at the touchpoint), a change after the deadline is a
promise kept late, i.e. broken; where it cannot, the verdict says "kept,
time unknown".
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time
from typing import Literal
from urllib.parse import urlsplit

from journeys.core import rules
from journeys.core.promise_records import Promise
from journeys.core.promise_store import StoredPromise
from journeys.core.records import Observation
from journeys.core.rules.fact_kinds import words
from journeys.core.rules.violation import Violation
from journeys.errors import ChannelError, JourneysError, RuleConfigError
from journeys.journey.journey import Journey
from journeys.journey.journey_touchpoints import Step
from journeys.messages import say
from journeys.values import show

__all__ = ["Judged", "Timed", "by_deadline", "changed_at", "judge"]


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


@dataclass(frozen=True)
class Timed:
    status: Literal["kept", "broken"]
    verdict: str
    late: bool = False


def changed_at(observation: Observation | None, due: datetime) -> datetime | None:
    """The moment an observation shows: an ISO moment (in the deadline's zone when it has none), or the
    end of a date; None when it shows none."""
    if observation is None or not observation.raw:
        return None
    try:
        moment = datetime.fromisoformat(observation.raw.strip())
    except ValueError:
        value = observation.value
        if not isinstance(value, date) or isinstance(value, datetime):
            return None
        moment = datetime.combine(value, time(23, 59))
    return moment.replace(tzinfo=due.tzinfo) if moment.tzinfo is None else moment


def by_deadline(due: datetime, changed: datetime | None, found: str, name: str) -> Timed:
    """The verdict on a promise found kept (``found``: what the touchpoint shows) given when it changed,
    in the journey's language."""
    if changed is None:
        return Timed("kept", say("promise.time_unknown", found=found, name=name))
    if changed > due:
        late = say("promise.late", found=found, changed=f"{changed:%Y-%m-%d %H:%M}", due=f"{due:%Y-%m-%d %H:%M}")
        return Timed("broken", say("promise.broken", why=late), late=True)
    return Timed("kept", say("promise.in_time", found=found, changed=f"{changed:%Y-%m-%d %H:%M}"))
