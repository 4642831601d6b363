"""One customer's journey through a company's systems.

A ``Journey`` is what a scenario drives: the customer, its ledger, and the
channel drivers of each system it meets (a run may hold several: a shop and
a helpdesk). It runs the same inside a pytest-bdd scenario, in a plain
script or in a load-test user: nothing here depends on pytest. Its channels
are ``journeys.journey.journey_channels``; its rules and promises
``journeys.journey.journey_rules``; who the customer is (a segment, an existing
account) is ``journeys.core.identity``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journeys.channels.base import Reading, describe_missing
from journeys.core.customer import Customer
from journeys.core.effort import effort
from journeys.core.evidence import EvidenceStore
from journeys.core.fields import meaning_of
from journeys.core.identity import Identity
from journeys.core.ledger import Ledger
from journeys.core.records import Observation, Provenance
from journeys.core.rules.fact_kinds import say_facts, stop_saying
from journeys.core.stopwatch import Stopwatch
from journeys.errors import StepError
from journeys.journey.journey_channels import JourneyChannels
from journeys.journey.journey_rules import JourneyRules
from journeys.journey.mail_parts import part_violations
from journeys.messages import MESSAGES, Language, say, speak, stop_speaking
from journeys.systems.touchpoint_map import Touchpoint
from journeys.vocabulary.fact_words import fact_words, input_words, stop_using, use_words

if TYPE_CHECKING:
    from journeys.channels.browser_settings import BrowserSettings
    from journeys.journey.session import SystemSession


MAIL_WAIT = 30.0  # seconds a real system may take to send a mail, unless --mail-timeout says otherwise
MAIL_WAIT_TEST_CLOCK = 5.0

# Tasks whose names say she logged in or out: a journey records it when the task did not (``Journey.do``).
LOGIN_TASKS = ("log in", "log out")

# A map fact of this name lists what the touchpoint asked the customer for (e.g. a chat
# message asking for her order number): it becomes questions on the ledger, not a fact.
ASKED = "asked"


@dataclass(frozen=True)
class Step:
    """The Gherkin step being run: its text and where it is written."""

    text: str
    location: str | None = None


class Journey(JourneyChannels, JourneyRules, Identity):
    """A customer, its memory, and the channels it meets the company through.

    Args:
        system: the running system session (maps, drivers, clock).
        customer: the synthetic customer walking the journey.
        name: the journey's name (the scenario), for reports.
        language: the language of its feature file (``journeys.messages.language_of``): what the run
            tells of this journey (violations, step errors) is told in it.
    """

    def __init__(self, system: SystemSession, customer: Customer, *, name: str, language: Language = "en") -> None:
        self.system = system
        self.customer = customer
        self.name = name
        systems = getattr(system, "systems", None) or [system.map.system]
        self.ledger = Ledger(customer.to_dict(), customer.seed, "+".join(systems))
        # Browser set-up, logins of staff and evidence are the harness's time, not the system's.
        self.stopwatch = Stopwatch()
        # Its ledger too is written with the secrets masked (the reports read it).
        secrets = getattr(system, "secrets", None)
        self.evidence = EvidenceStore(system.reports_dir, customer.key, secrets, stopwatch=self.stopwatch)
        self.memory: dict[str, str] = {"email": customer.email, "name": customer.name}
        self.step: Step | None = None
        # Her browser, when not the system's (a run in several browsers); None: the system's.
        self.browser_settings: BrowserSettings | None = None
        # She walks without a browser (True: HTTP) or in one (False); None: as the system session says.
        self.browserless: bool | None = None
        if system.clock.controllable:
            system.clock.set(system.start_moment)
        self._drivers = {}  # its channels' drivers, made on first use (journeys.journey.journey_channels)
        self._asked: dict[str, tuple[str, ...]] = {}  # touchpoint -> what it asked her, the last time
        self._listeners: list[Callable[[str, Reading, dict[str, Observation]], None]] = []
        self._on = []
        words = getattr(system, "fact_words", None) or getattr(system.map, "fact_words", None)
        self._words = use_words(words() if callable(words) else {})  # steps read the systems' own fact words
        self._maps = getattr(system, "maps", None) or [system.map]
        self.language = language
        self._language = speak(language)
        self._titles = say_facts(declared_words(self._maps, language))
        # Form fields -> what they ask for: questions and inputs are recorded by meaning (journeys.core.fields).
        self._fields = {
            name: what for each in reversed(self._maps) for name, what in (getattr(each, "fields", None) or {}).items()
        }

    def speak(self, language: Language) -> None:
        """Tell of this journey in ``language`` from now on: a scenario pytest-bdd binds learns its
        feature's language only after the journey was made."""
        stop_saying(self._titles)
        stop_speaking(self._language)
        self.language = language
        self._language = speak(language)
        self._titles = say_facts(declared_words(self._maps, language))

    # -- touchpoints ------------------------------------------------------

    def touchpoint(self, name: str) -> Touchpoint:
        return self.system.touchpoint(name)

    def visit(self, name: str, /, *, about: str = "", **params: str) -> dict[str, Observation]:
        """Go to a touchpoint on its channel (and system) and record every fact it shows."""
        tp = self.touchpoint(name)
        values = {**self.memory, **params}
        if tp.of_parcel and not about:
            about = say("step.parcel", number=values.get("parcel", ""))  # the violation names which parcel
        filled = tp.filled(values)  # {placeholders} in its readers: this customer's order, her name...
        with self.on(tp.system):
            if tp.channel in ("web", "agent", "chat"):
                driver = self._page_driver(tp)
                with self.stopwatch.lap() as lap:
                    reading = driver.visit(filled, **values)
            elif tp.channel == "email":
                # With a test clock a due mail is sent the moment the clock moves: no long wait.
                settings = getattr(self.system, "browser_settings", None)  # a stand-in system may have none
                asked = settings.mail_timeout if settings else None  # --mail-timeout
                default = MAIL_WAIT_TEST_CLOCK if self.system.clock.controllable else MAIL_WAIT
                timeout = asked if asked is not None else default
                mail = self.mail
                placeholders: dict[str, Any] = values  # her memory and the step's: no `after` among them
                with self.stopwatch.lap() as lap:
                    reading = mail.receive(filled, self.customer.email, timeout=timeout, **placeholders)
            else:  # api, store
                api = self.api
                with self.stopwatch.lap() as lap:
                    reading = api.call(filled, **values)
        product = str(values.get("sku") or "") if tp.of_product else ""
        return self._record(reading, filled, about=about, waited=lap.seconds, product=product)

    def visit_when_sent(self, name: str, /, *, by: datetime, **params: str) -> dict[str, Observation]:
        """Read mail ``name`` once it comes, as a customer waits for it until the day it was promised by.

        On a test clock the clock moves on, a few hours at a time and never past ``by``, until the mail is
        there; a mail that has not come by then is not received. Without a test clock, the usual wait.
        ``params`` fill its subject's placeholders beside what the journey knows (``parcel="2"``).
        """
        if self.system.clock.controllable:
            self.wait_for_mail(name, by=by, **params)
        return self.visit(name, **params)

    def read(self, name: str, *, about: str = "") -> dict[str, Observation]:
        """Record the facts of the page the customer is on, as touchpoint ``name``."""
        tp = self.touchpoint(name).filled(self.memory)
        with self.on(tp.system):
            driver = self._page_driver(tp)
            with self.stopwatch.lap() as lap:
                reading = driver.read(tp)
        return self._record(reading, tp, about=about, waited=lap.seconds)

    def observe(self, reading: Reading, *, about: str = "", waited: float = 0.0) -> dict[str, Observation]:
        """Put what a touchpoint showed on the ledger, with its provenance."""
        return self._record(reading, self.touchpoint(reading.touchpoint), about=about, waited=waited)

    def _record(
        self, reading: Reading, tp: Touchpoint, *, about: str, waited: float, product: str = ""
    ) -> dict[str, Observation]:
        # Evidence paths as a reader of the report finds them: under the reports folder.
        evidence = tuple(str(self.system.reports_dir / path) for path in reading.evidence)
        where = self._where(reading.touchpoint, tp.channel, evidence)
        self.ledger.visited(reading.touchpoint, tp.channel, where.seen_at, waited)
        vocabulary = self._vocabulary(tp)
        seen: dict[str, Observation] = {}
        # The agent console's forms ask the agent, not the customer; what its map says it asks her, she is asked.
        asked = [] if tp.channel == "agent" else list(reading.asked)
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
                fact,
                text,
                kind=reader.kind,
                where=where,
                about=about,
                vocabulary=vocabulary,
                missing=missing,
                product=product,
            )
        parts = getattr(reading, "parts", None)  # a mail's text and HTML parts tell one story
        if parts:
            self.ledger.add(part_violations(tp, parts, where, vocabulary=vocabulary))
        questions = tuple(dict.fromkeys(meaning_of(field, self._fields) for field in asked))
        for what in questions:
            self.ledger.asked(what, reading.touchpoint, where)
        self._asked[reading.touchpoint] = questions
        if "order.number" in seen and seen["order.number"].value is not None:
            self.memory.setdefault("order_number", str(seen["order.number"].value))
        as_mapped = replace(reading, channel=tp.channel)  # a chat read in the browser is still chat
        for listener in self._listeners:
            listener(reading.touchpoint, as_mapped, seen)
        return seen

    def asked(self, touchpoint: str) -> tuple[str, ...]:
        """What ``touchpoint`` asked her for the last time she was there, by meaning (``email``,
        ``order_number``), as the ledger's questions say it; empty: it asked nothing, or she was not there.

        A task answers a page with it: ``if "order_number" in journey.asked("returns.portal"): ...``.
        """
        return self._asked.get(touchpoint, ())

    def on_touchpoint(self, listener: Callable[[str, Reading, dict[str, Observation]], None]) -> None:
        """Call ``listener`` after every touchpoint (reports attach evidence this way)."""
        self._listeners.append(listener)

    def gave(self, what: str, value: str, touchpoint: str) -> None:
        """Remember that the customer gave ``what`` to ``touchpoint``."""
        channel = self._channel_of(touchpoint)
        self.ledger.gave(meaning_of(what, self._fields), value, touchpoint, self._where(touchpoint, channel, ()))

    # -- who she is to the company ---------------------------------------

    @property
    def identified(self) -> bool:
        """Whether the company knows who she is now: read from the ledger's logins, never set by hand.

        Tasks fill in less for her then (a logged-in chat does not ask her e-mail address); a question
        for what she gave is a repeat either way (``rules.not_asked_twice``).
        """
        return self.ledger.identified

    @identified.setter
    def identified(self, value: bool) -> None:
        raise StepError(
            f"journey.identified = {value} in a task: it is read from the ledger now. Say what happened instead:"
            " journey.logged_in(touchpoint) when she logged in (or an account was made for her),"
            " journey.logged_out(touchpoint) when she logged out."
        )

    def logged_in(self, touchpoint: str) -> None:
        """Record that she logged in at ``touchpoint``, or that it made her known (an account made at the
        checkout): questions from now on are asked of her as herself, until she logs out."""
        self.ledger.logged_in(touchpoint, self._where(touchpoint, self._channel_of(touchpoint), ()))

    def logged_out(self, touchpoint: str) -> None:
        """Record that she logged out at ``touchpoint``: from now on the company does not know who she is."""
        self.ledger.logged_out(touchpoint, self._where(touchpoint, self._channel_of(touchpoint), ()))

    def _channel_of(self, touchpoint: str) -> str:
        """A map touchpoint's channel, else the name's first word (``web.logout``: web)."""
        tp = next((tp for tp in self._touchpoints() if tp.name == touchpoint), None)
        return tp.channel if tp else touchpoint.split(".")[0]

    def _where(self, touchpoint: str, channel: str, evidence: tuple[str, ...]) -> Provenance:
        return Provenance(
            touchpoint=touchpoint,
            channel=channel,
            step=self.step.text if self.step else None,
            location=self.step.location if self.step else None,
            seen_at=self.now(),
            evidence=evidence,
        )

    def _touchpoints(self) -> list[Touchpoint]:
        every = getattr(self.system, "touchpoints", None)
        return every() if callable(every) else list(self.system.map.touchpoints.values())

    def _vocabulary(self, tp: Touchpoint) -> dict[str, str]:
        return dict(self._map(tp.system).vocabulary.get("status", {}))

    # -- tasks and clock --------------------------------------------------

    def do(self, task: str, **kwargs: Any) -> Any:
        """Run one of the systems' tasks ("place order", "helpdesk: file complaint", ...) on its system.

        The tasks ``log in`` and ``log out`` (a system's, as ``helpdesk: log in``) are what their names
        say: one that did not record her login or logout itself (``logged_in``/``logged_out``) gets it
        recorded when it ends, at a touchpoint named after the task.
        """
        tasks = self.system.tasks
        owner = tasks.system_of(task) if hasattr(tasks, "system_of") else None
        logins = len(self.ledger.logins)
        with self.on(owner):
            result = tasks.run(task, self, **kwargs)
        action = task.rsplit(":", 1)[-1].strip()
        if action in LOGIN_TASKS and len(self.ledger.logins) == logins:
            record = self.ledger.logged_in if action == "log in" else self.ledger.logged_out
            record(task, self._where(task, "task", ()))
        return result

    def do_first(self, tasks: Sequence[str], **kwargs: Any) -> Any:
        """Run the first of ``tasks`` the systems have: a helpdesk's "file complaint", else the shop's
        "complain in chat". With none of them, the error of the first."""
        found = next((name for name in tasks if name in self.system.tasks), tasks[0])
        return self.do(found, **kwargs)

    def now(self) -> datetime:
        return self.system.clock.now()

    def set_clock(self, moment: datetime) -> None:
        self.system.clock.set(moment)
        self.ledger.clock_moved()

    def advance(self, seconds: float) -> None:
        self.system.clock.advance(seconds)
        self.ledger.clock_moved()

    @contextmanager
    def waiting(self, touchpoint: str) -> Iterator[None]:
        """Time how long the system keeps the customer waiting on ``touchpoint`` (a click, a post)."""
        started = self.now()
        with self.stopwatch.lap() as lap:
            yield
        channel = self.touchpoint(touchpoint).channel
        self.ledger.visited(touchpoint, channel, started, lap.seconds)

    # -- the end ----------------------------------------------------------

    def close(self, *, failed: bool = False, outcome: str | None = None) -> Path:
        """Close the channels (keeping the browser trace of a failed journey) and write the ledger.

        ``outcome`` (passed, failed, interrupted) goes into the ledger file as the journey's verdict.
        """
        keep_trace = failed or bool(self.ledger.violations)
        for driver in self._drivers.values():
            driver.close(keep_trace=keep_trace)
        self._drivers.clear()
        stop_using(self._words)
        stop_saying(self._titles)
        stop_speaking(self._language)
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


def declared_words(maps: Sequence[Any], language: Language = "en") -> dict[str, str]:
    """Each fact -> the first words a writer of ``language`` uses for it (violation titles use them).

    English: the words a map declares for its own facts (the others read ``order.total`` as ``order total``).
    Dutch: the shared Dutch words of facts and of what she is asked for (``journeys.vocabulary.fact_words``), and
    a map's own Dutch words.
    """
    declared = [d for each in maps for d in (getattr(each, "facts", None) or {}).values()]
    if language == "en":
        return {d.fact: d.en[0] for d in declared if d.en}
    shared = {fact: ws[0] for fact, ws in {**fact_words(language), **input_words(language)}.items()}
    # The facts the security steps record: no writer's words, words of the message table.
    recorded = {key.removeprefix("fact."): text for key, text in MESSAGES[language].items() if key.startswith("fact.")}
    return {**shared, **recorded, **{d.fact: d.nl[0] for d in declared if d.nl}}
