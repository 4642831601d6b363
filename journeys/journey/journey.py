"""One customer's journey through a company's systems.

A ``Journey`` is what a scenario drives: the customer, its ledger, and the
channel drivers of each system it meets (a run may hold several: a shop and
a helpdesk). It runs the same inside a pytest-bdd scenario, in a plain
script or in a load-test user: nothing here depends on pytest. Its channels
are ``journeys.journey.journey_channels``; what its touchpoints showed, asked and
were given ``journeys.journey.journey_touchpoints``; its rules and promises
``journeys.journey.journey_rules``; who the customer is (a segment, an existing
account) is ``journeys.core.identity``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journeys.channels.base import Reading
from journeys.core.customer import Customer
from journeys.core.effort import effort
from journeys.core.evidence import EvidenceStore
from journeys.core.identity import Identity
from journeys.core.ledger import Ledger
from journeys.core.records import Observation
from journeys.core.rules.fact_kinds import say_facts, stop_saying
from journeys.core.stopwatch import Stopwatch
from journeys.errors import StepError
from journeys.journey.journey_rules import JourneyRules
from journeys.journey.journey_touchpoints import JourneyTouchpoints, Step
from journeys.messages import MESSAGES, Language, speak, stop_speaking
from journeys.vocabulary.fact_words import fact_words, input_words, stop_using, use_words

if TYPE_CHECKING:
    from journeys.channels.browser_settings import BrowserSettings
    from journeys.journey.session import SystemSession


# Tasks whose names say she logged in or out: a journey records it when the task did not (``Journey.do``).
LOGIN_TASKS = ("log in", "log out")


class Journey(JourneyTouchpoints, JourneyRules, Identity):
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
