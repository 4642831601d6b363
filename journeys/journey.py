"""One synthetic customer's journey through a system.

A ``Journey`` is what a scenario drives: the customer, its ledger, and the
channel drivers of one system. It runs the same inside a pytest-bdd scenario,
in a plain script or in a load-test user: nothing here depends on pytest.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journeys import rules
from journeys.channels.base import Reading, describe_missing
from journeys.channels.errors import ChannelError
from journeys.customer import Customer
from journeys.effort import effort
from journeys.errors import JourneyFailed, MailNotReceived, StepError
from journeys.evidence import EvidenceStore
from journeys.ledger import Ledger
from journeys.records import Observation, Promise, PromiseCheck, Provenance
from journeys.system.touchpoint_map import Touchpoint

if TYPE_CHECKING:
    from journeys.session import SystemSession


MAIL_WAIT = 30.0  # seconds a real system may take to send a mail, unless --mail-timeout says otherwise
MAIL_WAIT_TEST_CLOCK = 5.0

# A map fact of this name lists what the touchpoint asked the customer for (e.g. a chat
# message asking for her order number): it becomes questions on the ledger, not a fact.
ASKED = "asked"


@dataclass(frozen=True)
class Step:
    """The Gherkin step being run: its text and where it is written."""

    text: str
    location: str | None = None


class Journey:
    """A customer, its memory, and the channels it meets the company through.

    Args:
        system: the running system session (map, drivers, clock).
        customer: the synthetic customer walking the journey.
        name: the journey's name (the scenario), for reports.
    """

    def __init__(self, system: SystemSession, customer: Customer, *, name: str) -> None:
        self.system = system
        self.customer = customer
        self.name = name
        self.ledger = Ledger(customer.to_dict(), customer.seed, system.map.system)
        self.evidence = EvidenceStore(system.reports_dir, customer.key)
        self.memory: dict[str, str] = {"email": customer.email, "name": customer.name}
        self.step: Step | None = None
        self.identified = False  # logged in / known to the channel being used
        if system.clock.controllable:
            system.clock.set(system.start_moment)
        self._drivers: dict[str, Any] = {}
        self._listeners: list[Callable[[str, Reading, dict[str, Observation]], None]] = []

    # -- channels ---------------------------------------------------------

    @property
    def web(self) -> Any:
        """The customer's browser (a fresh browser context of its own)."""
        return self._driver("web")

    @property
    def agent(self) -> Any:
        """The customer-service agent's browser, separate from the customer's."""
        return self._driver("agent")

    @property
    def chat(self) -> Any:
        """The chat widget (or chat API), in the customer's own browser session."""
        return self._driver("chat")

    @property
    def api(self) -> Any:
        return self._driver("api")

    @property
    def mail(self) -> Any:
        return self._driver("email")

    def _driver(self, channel: str) -> Any:
        if channel not in self._drivers:
            self._drivers[channel] = self.system.driver(channel, self)
        return self._drivers[channel]

    # -- touchpoints ------------------------------------------------------

    def touchpoint(self, name: str) -> Touchpoint:
        return self.system.touchpoint(name)

    def visit(self, name: str, *, about: str = "", **params: str) -> dict[str, Observation]:
        """Go to a touchpoint on its channel and record every fact it shows."""
        tp = self.touchpoint(name)
        values = {**self.memory, **params}
        started = time.perf_counter()
        if tp.channel in ("web", "agent", "chat"):
            reading = self._driver(tp.channel).visit(tp, **values)
        elif tp.channel == "email":
            # With a test clock a due mail is sent the moment the clock moves: no long wait.
            settings = getattr(self.system, "browser_settings", None)  # a stand-in system may have none
            real_wait = settings.mail_timeout if settings else MAIL_WAIT
            timeout = MAIL_WAIT_TEST_CLOCK if self.system.clock.controllable else real_wait
            reading = self.mail.receive(tp, self.customer.email, timeout=timeout, **values)
        else:  # api, store
            reading = self.api.call(tp, **values)
        return self.observe(reading, about=about, waited=time.perf_counter() - started)

    def read(self, name: str, *, about: str = "") -> dict[str, Observation]:
        """Record the facts of the page the customer is on, as touchpoint ``name``."""
        tp = self.touchpoint(name)
        started = time.perf_counter()
        reading = self._driver(tp.channel).read(tp)
        return self.observe(reading, about=about, waited=time.perf_counter() - started)

    def observe(self, reading: Reading, *, about: str = "", waited: float = 0.0) -> dict[str, Observation]:
        """Put what a touchpoint showed on the ledger, with its provenance."""
        tp = self.touchpoint(reading.touchpoint)
        # Evidence paths as a reader of the report finds them: under the reports folder.
        evidence = tuple(str(self.system.reports_dir / path) for path in reading.evidence)
        where = self._where(reading.touchpoint, tp.channel, evidence)
        self.ledger.visited(reading.touchpoint, tp.channel, where.seen_at, waited)
        vocabulary = self.system.map.vocabulary.get("status", {})
        seen: dict[str, Observation] = {}
        asked = list(reading.asked)
        for fact, raw in reading.raw.items():
            if fact == ASKED:
                asked += raw if isinstance(raw, list) else [raw] if raw else []
                continue
            reader = tp.facts[fact]
            # A many reader that matched nothing did not show the fact either (a login form, not the list).
            text = (", ".join(raw) or None) if isinstance(raw, list) else raw
            shot = evidence[-1] if evidence else None
            missing = describe_missing(tp, reader, reading.url, evidence=shot) if text is None else None
            seen[fact] = self.ledger.observe(
                fact, text, kind=reader.kind, where=where, about=about, vocabulary=vocabulary, missing=missing
            )
        if tp.channel == "agent":
            asked = []  # the agent console's forms ask the agent, not the customer
        for what in dict.fromkeys(asked):
            self.ledger.asked(what, reading.touchpoint, where, identified=self.identified)
        if "order.number" in seen and seen["order.number"].value is not None:
            self.memory.setdefault("order_number", str(seen["order.number"].value))
        as_mapped = replace(reading, channel=tp.channel)  # a chat read in the browser is still chat
        for listener in self._listeners:
            listener(reading.touchpoint, as_mapped, seen)
        return seen

    def on_touchpoint(self, listener: Callable[[str, Reading, dict[str, Observation]], None]) -> None:
        """Call ``listener`` after every touchpoint (reports attach evidence this way)."""
        self._listeners.append(listener)

    def gave(self, what: str, value: str, touchpoint: str) -> None:
        """Remember that the customer gave ``what`` to ``touchpoint``."""
        tp = self.touchpoint(touchpoint) if touchpoint in self.system.map.touchpoints else None
        channel = tp.channel if tp else touchpoint.split(".")[0]
        self.ledger.gave(what, value, touchpoint, self._where(touchpoint, channel, ()))

    def _where(self, touchpoint: str, channel: str, evidence: tuple[str, ...]) -> Provenance:
        return Provenance(
            touchpoint=touchpoint,
            channel=channel,
            step=self.step.text if self.step else None,
            location=self.step.location if self.step else None,
            seen_at=self.now(),
            evidence=evidence,
        )

    # -- tasks and clock --------------------------------------------------

    def do(self, task: str, **kwargs: Any) -> Any:
        """Run one of the system's tasks ("place order", "file complaint", ...)."""
        return self.system.tasks.run(task, self, **kwargs)

    def now(self) -> datetime:
        return self.system.clock.now()

    def set_clock(self, moment: datetime) -> None:
        self.system.clock.set(moment)

    def advance(self, seconds: float) -> None:
        self.system.clock.advance(seconds)

    def settle(self, promise: Promise) -> None:
        """Check one promise now, at its touchpoint (a stored promise, in a later run)."""
        self.ledger.add(rules.promise_kept(promise, self._look(promise.check), self.now()))

    # -- who the customer is ---------------------------------------------

    def cast(self, *, segment: str | None = None, locale: str | None = None) -> None:
        """Make the customer one of ``segment`` / ``locale``, before the journey starts."""
        if self.ledger.observations or self.ledger.inputs:
            raise StepError("the customer is already on her way: describe who she is before the first touchpoint")
        old = self.customer
        self.customer = Customer.create(
            old.seed,
            index=old.index,
            run_id=old.run_id,
            worker=old.worker,
            segment=segment or old.segment,
            locale=locale or old.locale,
        )
        self.ledger.customer = self.customer.to_dict()
        self.evidence = EvidenceStore(self.system.reports_dir, self.customer.key)
        self.memory.update(email=self.customer.email, name=self.customer.name)

    # -- rules ------------------------------------------------------------

    def agree(self, fact: str, *, about: str | None = None) -> None:
        """Rule *agree*: every touchpoint that showed ``fact`` showed the same value."""
        self.ledger.add(rules.agree(self.ledger, fact, about=about))

    def not_asked_twice(self, what: str | None = None) -> None:
        """Rule *not asked twice*, for everything or for one thing (``order_number``)."""
        self.ledger.add(rules.not_asked_twice(self.ledger, what))

    def parity(self, fact: str, sides: tuple[str, str]) -> None:
        """Rule *channel parity*: ``fact`` agrees between two channels or touchpoints."""
        self.ledger.add(rules.channel_parity(self.ledger, fact, sides))

    def known_at(self, touchpoint: str, fact: str) -> None:
        """Rule *known at*: ``touchpoint`` shows what the company already knows of ``fact``."""
        self.ledger.add(rules.known_at(self.ledger, touchpoint, fact))

    def answered_within(self, touchpoints: str, seconds: float) -> None:
        """Rule *answered within*: no visit to ``touchpoints`` took longer than ``seconds``."""
        self.ledger.add(rules.answered_within(self.ledger, touchpoints, seconds))

    def expect_shown(self, touchpoint: str, *facts: str) -> None:
        """Rule *shown*: go to ``touchpoint`` and expect each of ``facts`` there.

        A touchpoint that cannot be reached (a mail that never comes) is a
        finding about the system, recorded with what happened instead.
        """
        why = ""
        try:
            self.visit(touchpoint)
        except (MailNotReceived, ChannelError) as exc:
            why = str(exc)
        for fact in facts:
            self.ledger.add(rules.shown(self.ledger, touchpoint, fact, why=why))

    def expect(self, touchpoint: str, fact: str, value: Any) -> None:
        """Rule *shows*: ``touchpoint`` last showed ``fact`` as ``value``."""
        kind = self.touchpoint(touchpoint).facts[fact].kind
        self.ledger.add(rules.shows(self.ledger, touchpoint, fact, value, kind))

    def expect_everywhere(self, fact: str, value: Any) -> None:
        """Rule *shows*, at every touchpoint that showed ``fact``."""
        seen = self.ledger.observations_of(fact)
        if not seen:
            raise StepError(f"no touchpoint showed {fact} yet: visit one first")
        for touchpoint in dict.fromkeys(o.where.touchpoint for o in seen):
            self.ledger.add(rules.shows(self.ledger, touchpoint, fact, value, seen[0].kind))

    def suits(self, fact: str, audience: str) -> None:
        """Rule *suits*: the offers in ``fact`` are meant for ``audience``."""
        self.ledger.add(rules.suits(self.ledger, fact, audience))

    # -- promises ---------------------------------------------------------

    def promise(
        self, fact: str, *, due: datetime, check: PromiseCheck, about: str = "", touchpoint: str | None = None
    ) -> Promise:
        """Hold the company to what it last showed of ``fact`` (at ``touchpoint``), by ``due``,
        as ``check`` will show."""
        shown = self.ledger.latest(fact, about or None, touchpoint=touchpoint)
        if shown is None:
            raise StepError(f"no {fact} was shown yet: nothing to hold the company to")
        vocabulary = self.system.map.vocabulary.get("status", {})
        return self.ledger.promise(
            fact,
            shown.raw,
            kind=shown.kind,
            due=due,
            check=check,
            where=shown.where,
            about=about,
            vocabulary=vocabulary,
        )

    def keep_promises(self) -> None:
        """Check every pending promise at its deadline.

        With a test clock the clock moves to each deadline in turn; without
        one, promises not yet due are stored for a later run to check.
        """
        for promise in sorted(self.ledger.promises, key=lambda p: p.due):
            if promise.status != "pending":
                continue
            if self.now() < promise.due:
                if not self.system.clock.controllable:
                    self._store(promise)
                    continue
                self.set_clock(promise.due)
            seen = self._look(promise.check)
            self.ledger.add(rules.promise_kept(promise, seen, self.now()))

    def _store(self, promise: Promise) -> None:
        """Keep a promise for a later run, with what that run needs to find the touchpoint again."""
        tp = self.touchpoint(promise.check.touchpoint)
        needed = {name: self.memory[name] for name in tp.placeholders() if name in self.memory}
        promise.check.params.update(needed)
        self.system.promise_store().save(
            self.name, promise, system=self.system.map.system, customer=self.ledger.customer
        )

    def _look(self, check: PromiseCheck) -> Observation | None:
        """What ``check``'s touchpoint shows now; a "not shown" observation when it shows nothing
        (a mail that never came breaks the promise, it does not stop the journey)."""
        try:
            params = {k: v for k, v in check.params.items() if k not in ("value", "tolerance")}
            return self.visit(check.touchpoint, **params).get(check.fact)
        except (MailNotReceived, ChannelError) as exc:
            tp = self.touchpoint(check.touchpoint)
            kind = tp.facts[check.fact].kind if check.fact in tp.facts else "text"
            where = self._where(tp.name, tp.channel, ())
            why = f"{check.fact} not shown at {tp.name}: {exc}"  # reported by promise kept, and only there
            return self.ledger.observe(check.fact, None, kind=kind, where=where, missing=why)

    @contextmanager
    def waiting(self, touchpoint: str) -> Iterator[None]:
        """Time how long the system keeps the customer waiting on ``touchpoint`` (a click, a post)."""
        started, clock = self.now(), time.perf_counter()
        yield
        channel = self.touchpoint(touchpoint).channel
        self.ledger.visited(touchpoint, channel, started, time.perf_counter() - clock)

    def conclude(self) -> None:
        """Fail with every violation found, if any (the end of a scenario).

        First rule *all shown*: a fact the map says a touchpoint shows, which
        it did not show, fails the journey even if no step read it (unless
        the map marks it ``optional``).
        """
        optional = [
            (tp.name, fact)
            for tp in self.system.map.touchpoints.values()
            for fact, reader in tp.facts.items()
            if reader.optional
        ]
        self.ledger.add(rules.all_shown(self.ledger, optional=optional))
        if self.ledger.violations:
            raise JourneyFailed(self.ledger.violations)

    def close(self, *, failed: bool = False, outcome: str | None = None) -> Path:
        """Close the channels (keeping the browser trace of a failed journey) and write the ledger.

        ``outcome`` (passed, failed, interrupted) goes into the ledger file as the journey's verdict.
        """
        keep_trace = failed or bool(self.ledger.violations)
        for driver in self._drivers.values():
            driver.close(keep_trace=keep_trace)
        self._drivers.clear()
        verdict = outcome or ("failed" if keep_trace else "passed")
        record = {
            "journey": self.name,
            "outcome": verdict,
            **self.ledger.to_dict(),
            "effort": effort(self.ledger).to_dict(),
        }
        text = json.dumps(record, indent=2, ensure_ascii=False, default=str)
        return Path(self.system.reports_dir) / self.evidence.write_text("ledger.json", text)

    @contextmanager
    def at(self, step: Step) -> Iterator[None]:
        """Attribute everything recorded inside the block to ``step`` (for scripts)."""
        previous, self.step = self.step, step
        try:
            yield
        finally:
            self.step = previous
