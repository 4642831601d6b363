"""A verify run: every promise due as of a moment, checked against its own system.

Each stored promise carries its system, the map it was made with and the
system's address; the due ones are checked system by system with that map
and address (``--system`` / ``--base-url`` override them, for one system),
never against a default. A system that cannot be opened (its map missing,
nobody answering at its address) leaves its promises pending with the
reason. One journey per promise is written into the run folder, so the
summary, the journey map and the trend read it as any run.

Its ``junit.xml`` has one test case per promise checked: kept passes, broken
fails (``<failure>``), a promise that could not be checked is an error
(``<error>``, the reason in its message): CI shows each promise by customer,
order, fact and where it was made, as it shows journeys.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from journeys.channels.browser_settings import BrowserSettings
from journeys.core.customer import Customer
from journeys.core.promise_store import PromiseStore, StoredPromise
from journeys.errors import JourneysError
from journeys.journey.journey import Journey
from journeys.messages import language_of
from journeys.messages import say as word
from journeys.promises.as_of import AsOfClock, in_zone
from journeys.promises.digest import Checked
from journeys.promises.judge import Judged, judge

__all__ = ["Target", "journey_name", "verify_due", "write_junit"]


@dataclass(frozen=True)
class Target:
    """What the command line says about where to check."""

    system: str | None = None  # --system: only this map's system, checked with this map
    base_url: str | None = None  # --base-url: that system's address now
    smtp_port: int | None = None
    systems_dir: str = "fixtures/systems"
    browser: BrowserSettings | None = None  # --chromium, --browser-ws, the timeouts; None: the defaults
    variables: Mapping[str, str] = field(default_factory=dict)  # the maps' ${NAME} and *_env (RunSettings')


def journey_name(stored: StoredPromise) -> str:
    """``Anna de Vries, order 100234: delivery.date 8 Dec 2026 promised at web.order_confirmation``."""
    return f"{stored.label()} promised at {stored.promise.where.touchpoint}"


def verify_due(
    store: PromiseStore,
    as_of: datetime | None,
    target: Target,
    folder: Path,
    say: Callable[[str], None],
) -> list[Checked]:
    """Check every promise due as of ``as_of`` (None: now), settle what was found, return each verdict.

    Raises:
        ConfigError: ``--system`` names a map whose system has no promises in the store.
    """
    only = _only_system(store, target)
    pending = store.pending(only)
    checked: list[Checked] = []
    for system in dict.fromkeys(p.system for p in pending):
        group = [p for p in pending if p.system == system]
        checked += _verify_system(store, group, as_of, target, folder, say)
    return checked


def _only_system(store: PromiseStore, target: Target) -> str | None:
    if target.system is None:
        if target.base_url and len(store.systems()) > 1:
            from journeys.errors import ConfigError

            raise ConfigError(
                f"--base-url is one system's address; {store.path} holds promises of"
                f" {', '.join(store.systems())}: name the system with --system"
            )
        return None
    from journeys.errors import ConfigError
    from journeys.systems.map_files import find_map

    name = find_map(target.system, target.systems_dir).system
    held = store.systems()
    if name not in held:
        raise ConfigError(
            f"{store.path} holds no promises of {name} (--system {target.system}); it holds promises of"
            f" {', '.join(held) or 'nothing yet'}: name one of those, or point JOURNEYS_PROMISE_STORE at"
            f" {name}'s store"
        )
    return name


def _verify_system(
    store: PromiseStore,
    group: list[StoredPromise],
    as_of: datetime | None,
    target: Target,
    folder: Path,
    say: Callable[[str], None],
) -> list[Checked]:
    from journeys.journey.session import SystemSession
    from journeys.systems.map_files import find_map

    first = group[0]
    source = target.system or _source(first, target.systems_dir)
    url = target.base_url or first.base_url or None
    try:
        system_map = find_map(source, target.systems_dir, target.variables)
        moment = in_zone(as_of, system_map.timezone)
        due = [p for p in group if moment >= p.promise.due]
        if not due:
            return []
        if not url and not system_map.base_url:
            raise JourneysError(
                f"no address for {first.system}: its promises were made on a system journeys started itself,"
                " which has gone; pass --base-url (or set base_url in its map)"
            )
        needs_mail = any(_channel(system_map, p) == "email" for p in due)
        session = SystemSession(
            source,
            base_url=url,
            reports_dir=folder,
            systems_dir=target.systems_dir,
            smtp_port=target.smtp_port,
            promise_store=str(store.path),
            mail=needs_mail,
            browser=target.browser,
            environ=target.variables,
        )
    except JourneysError as exc:
        say(f"journeys promises: {first.system} could not be opened: {exc}")
        due = [p for p in group if _reached(as_of or datetime.now(UTC), p)]
        return [_unverified(store, p, _not_opened(p, exc), p.promise.check.touchpoint) for p in due]
    try:
        session.clock = AsOfClock(moment, first.system)
        return [_verify_one(store, session, stored, moment, folder.name) for stored in due]
    finally:
        session.close()


def _verify_one(store: PromiseStore, session: object, stored: StoredPromise, moment: datetime, run_id: str) -> Checked:
    try:
        customer = Customer.from_dict(stored.customer)
    except (KeyError, TypeError, ValueError):  # a store of an older journeys kept less of her
        customer = Customer.create(stored.id, run_id="promises")
        said = stored.customer
        customer = replace(
            customer,
            name=str(said.get("name") or customer.name),
            email=str(said.get("email") or customer.email),
            key=str(said.get("key") or customer.key),
        )
    customer = replace(customer, key=f"{customer.key}-promise-{stored.id}")  # one evidence folder per promise
    language = language_of(stored.language)  # its verdict in the words of the journey that made it
    journey = Journey(session, customer, name=journey_name(stored), language=language)  # type: ignore[arg-type]
    try:
        found = judge(journey, stored, moment)
    except Exception as exc:  # noqa: BLE001 - one promise's surprise leaves it pending; the others are checked
        found = Judged("unverifiable", f"{type(exc).__name__}: {exc}", stored.promise.check.touchpoint)
    outcome = {"kept": "passed", "broken": "failed"}.get(found.status, "unknown")  # not checked: no verdict
    journey.close(outcome=outcome)
    if found.status == "unverifiable":
        return _unverified(store, stored, found.verdict, found.checked_at)
    store.settle(stored.id, found.status, found.verdict, run_id=run_id)
    return Checked(stored, found.status, found.verdict, found.checked_at)


def _not_opened(stored: StoredPromise, exc: Exception) -> str:
    return word("promise.not_opened", language_of(stored.language), system=stored.system, why=exc)


def _unverified(store: PromiseStore, stored: StoredPromise, reason: str, where: str) -> Checked:
    store.unverified(stored.id, reason)
    return Checked(stored, "unverifiable", reason, where)


def _source(stored: StoredPromise, systems_dir: str) -> str:
    """The map the promise was made with, when it is still there; else the system's name."""
    if stored.map_source and Path(stored.map_source).is_file():
        return stored.map_source
    return stored.system


def _channel(system_map: object, stored: StoredPromise) -> str:
    touchpoints = getattr(system_map, "touchpoints", {})
    found = touchpoints.get(stored.promise.check.touchpoint)
    return str(getattr(found, "channel", ""))


def _reached(as_of: datetime, stored: StoredPromise) -> bool:
    due = stored.promise.due
    moment = as_of.replace(tzinfo=due.tzinfo) if as_of.tzinfo is None else as_of
    return moment >= due


def write_junit(folder: Path, checked: Sequence[Checked]) -> Path:
    """Write ``junit.xml`` into ``folder``; returns its path."""
    failures = sum(1 for c in checked if c.status == "broken")
    errors = sum(1 for c in checked if c.status == "unverifiable")
    suites = ElementTree.Element("testsuites")
    suite = ElementTree.SubElement(
        suites,
        "testsuite",
        name="journeys promises",
        tests=str(len(checked)),
        failures=str(failures),
        errors=str(errors),
        skipped="0",
    )
    for found in checked:
        stored, p = found.stored, found.stored.promise
        case = ElementTree.SubElement(
            suite, "testcase", name=journey_name(stored), classname=f"promises.{stored.system}", time="0"
        )
        text = "\n".join(
            line
            for line in (
                f"{found.status}: {found.verdict}".replace(f"{found.status}: {found.status}: ", f"{found.status}: "),
                f"customer: {stored.who} ({stored.customer.get('email', '')})",
                f"about: {stored.subject or '-'}; journey: {stored.journey_id}",
                f"promised: {p.fact} {p.raw!r} at {p.where.touchpoint} ({p.where.location or 'no location'})",
                f"due: {p.due:%Y-%m-%d %H:%M %Z}; checked at: {found.checked_at}",
                f"later shown otherwise: {stored.contradiction}" if stored.contradiction else "",
            )
            if line
        )
        if found.status == "broken":
            ElementTree.SubElement(case, "failure", message=text.splitlines()[0], type="BrokenPromise").text = text
        elif found.status == "unverifiable":
            ElementTree.SubElement(case, "error", message=text.splitlines()[0], type="Unverifiable").text = text
    target = folder / "junit.xml"
    ElementTree.ElementTree(suites).write(target, encoding="utf-8", xml_declaration=True)
    return target
