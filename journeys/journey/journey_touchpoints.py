"""What she sees and gives at a journey's touchpoints, put on its ledger with where and when.

``JourneyTouchpoints`` is the half of ``Journey`` that reads: a touchpoint is
visited on its channel (``journeys.journey.journey_channels``), what it showed,
asked and was given is recorded on the ledger with its provenance (the step,
the clock, the evidence), and listeners (the reports) hear of each touchpoint.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from journeys.channels.base import Reading, describe_missing
from journeys.core.fields import meaning_of
from journeys.core.records import Observation, Provenance
from journeys.journey.journey_channels import JourneyChannels
from journeys.journey.mail_parts import part_violations
from journeys.messages import say
from journeys.systems.touchpoint_map import Touchpoint

if TYPE_CHECKING:
    from journeys.core.ledger import Ledger

__all__ = ["JourneyTouchpoints", "Step"]


@dataclass(frozen=True)
class Step:
    """The Gherkin step being run: its text and where it is written."""

    text: str
    location: str | None = None


MAIL_WAIT = 30.0  # seconds a real system may take to send a mail, unless --mail-timeout says otherwise
MAIL_WAIT_TEST_CLOCK = 5.0

# A map fact of this name lists what the touchpoint asked the customer for (e.g. a chat
# message asking for her order number): it becomes questions on the ledger, not a fact.
ASKED = "asked"


class JourneyTouchpoints(JourneyChannels):
    """The touchpoints of a journey and what they told her (mixed into ``Journey``, which makes the state)."""

    ledger: Ledger
    memory: dict[str, str]
    step: Step | None
    _asked: dict[str, tuple[str, ...]]  # touchpoint -> what it asked her, the last time
    _listeners: list[Callable[[str, Reading, dict[str, Observation]], None]]
    _fields: dict[str, str]  # form fields -> what they ask for (journeys.core.fields)

    # What the journey provides.
    def now(self) -> datetime:
        raise NotImplementedError

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
