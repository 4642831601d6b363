"""A journey's rules and promises, and the mail she waits for: the checks a step asks for, run over the ledger.

``JourneyRules`` is the half of ``Journey`` that judges: each method runs one
rule of ``journeys.core.rules`` on the ledger and keeps its violations there;
promises are held, checked at their deadline (the test clock moves there) or
stored for a later run. The other half (``journeys.journey.journey`` and
``journeys.journey.journey_touchpoints``) walks: who the customer is, which
channels she meets the company through, what she sees.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from journeys.core import rules
from journeys.core.promise_origin import contradiction, first_promised, promise_origin
from journeys.core.promise_records import Promise, PromiseCheck
from journeys.core.records import Observation
from journeys.core.rules.fact_kinds import words
from journeys.errors import ChannelError, JourneyFailed, MailNotReceived, StepError
from journeys.messages import say

if TYPE_CHECKING:
    from journeys.channels.drivers import MailDriver
    from journeys.core.customer import Customer
    from journeys.core.ledger import Ledger
    from journeys.core.records import Provenance
    from journeys.systems.touchpoint_map import FactWords, Touchpoint


WAITING_STEP = timedelta(hours=4)  # how far a test clock moves at a time while she waits for a mail


class JourneyRules:
    """The rules a journey's steps ask for (mixed into ``Journey``)."""

    ledger: Ledger
    name: str
    system: Any
    memory: dict[str, str]
    customer: Customer
    language: str

    # What the walking half provides.
    @property
    def mail(self) -> MailDriver:
        raise NotImplementedError

    def advance(self, seconds: float) -> None:
        raise NotImplementedError

    def touchpoint(self, name: str) -> Touchpoint:
        raise NotImplementedError

    def visit(self, name: str, /, *, about: str = "", **params: str) -> dict[str, Observation]:
        raise NotImplementedError

    def now(self) -> datetime:
        raise NotImplementedError

    def set_clock(self, moment: datetime) -> None:
        raise NotImplementedError

    def _where(self, touchpoint: str, channel: str, evidence: tuple[str, ...]) -> Provenance:
        raise NotImplementedError

    def _touchpoints(self) -> list[Touchpoint]:
        raise NotImplementedError

    def _vocabulary(self, tp: Touchpoint) -> dict[str, str]:
        raise NotImplementedError

    # -- what the rules look up --------------------------------------------

    def last_visited(self, channel: str, *, showing: str | None = None) -> str:
        """The touchpoint of ``channel`` the journey visited last (the agent's view she was looked up in);
        with ``showing``, the last one whose map has that fact.

        Raises:
            StepError: no such touchpoint was visited yet.
        """
        for visit in reversed(self.ledger.visits):
            if visit.channel == channel and (showing is None or showing in self.touchpoint(visit.touchpoint).facts):
                return visit.touchpoint
        if showing:
            raise StepError(say("step.none_visited_showing", channel=channel, fact=showing, name=words(showing)))
        raise StepError(say("step.none_visited", channel=channel))

    def declared_fact(self, fact: str) -> FactWords | None:
        """What a system's map declares of ``fact`` under ``facts:`` (its words, kind, promise), if anything."""
        maps = getattr(self.system, "maps", None) or [self.system.map]
        return next((each.facts[fact] for each in maps if fact in each.facts), None)

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
        """Rule *known at*: ``touchpoint`` (any touchpoint, of any system) shows what the company
        already knows of ``fact``."""
        self.ledger.add(rules.known_at(self.ledger, touchpoint, fact))

    def answered_within(self, touchpoints: str, seconds: float) -> None:
        """Rule *answered within*: no visit to ``touchpoints`` took longer than ``seconds``."""
        self.ledger.add(rules.answered_within(self.ledger, touchpoints, seconds))

    def expect_shown(self, touchpoint: str, *facts: str) -> None:
        """Rule *shown*: go to ``touchpoint`` and expect each of ``facts`` there.

        A touchpoint that cannot be reached (a mail that never comes) is a
        finding about the system, recorded with what happened instead. A mail
        she has just read is looked at again, not fetched again: one box, one
        touchpoint in her effort.
        """
        why = ""
        visits = self.ledger.visits
        just_read = visits and visits[-1].touchpoint == touchpoint and self.touchpoint(touchpoint).channel == "email"
        try:
            if not just_read:
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
            raise StepError(say("step.none_showed", fact=fact, name=words(fact)))
        for touchpoint in dict.fromkeys(o.where.touchpoint for o in seen):
            self.ledger.add(rules.shows(self.ledger, touchpoint, fact, value, seen[0].kind))

    def matches(self, fact: str, reference: str) -> None:
        """Rule *matches*: every touchpoint showed ``fact`` as the ``reference`` she was first told."""
        self.ledger.add(rules.matches(self.ledger, fact, reference))

    # -- mail that must come, or must not ----------------------------------

    def wait_for_mail(self, name: str, /, *, by: datetime, **params: str) -> bool:
        """Whether mail ``name`` has come, the test clock moved on until it did or ``by`` was reached."""
        values = {**self.memory, **params}
        tp = self.touchpoint(name).filled(values)
        if self.system.clock.controllable:
            while self.now() < by and not self.mail.arrived(tp, self.customer.email, **values):
                self.advance(min(WAITING_STEP, by - self.now()).total_seconds())
        return bool(self.mail.arrived(tp, self.customer.email, **values))

    def visit_when_sent(self, name: str, /, *, by: datetime, **params: str) -> dict[str, Observation]:
        """Read mail ``name`` once it comes, as a customer waits for it until the day it was promised by.

        On a test clock the clock moves on, a few hours at a time and never past ``by``, until the mail is
        there; a mail that has not come by then is not received. Without a test clock, the usual wait.
        ``params`` fill its subject's placeholders beside what the journey knows (``parcel="2"``).
        """
        if self.system.clock.controllable:
            self.wait_for_mail(name, by=by, **params)
        return self.visit(name, **params)

    def expect_no_mail(self, name: str, /, *, by: datetime, why: str) -> None:
        """Rule *not sent*: mail ``name`` has not come by ``by``; when it has, it is read and named.

        Without a test clock the mail is looked for once, now: what may still come later is not seen.
        """
        if self.wait_for_mail(name, by=by):
            seen = self.visit(name)
            self.ledger.add(rules.not_sent(name, why, tuple(seen.values())))

    def suits(self, fact: str, audience: str) -> None:
        """Rule *suits*: the offers in ``fact`` are meant for ``audience``."""
        self.ledger.add(rules.suits(self.ledger, fact, audience))

    def conclude(self) -> None:
        """Fail with every violation found, if any (the end of a scenario).

        First rule *all shown*: a fact the map says a touchpoint shows, which
        it did not show, fails the journey even if no step read it (unless
        the map marks it ``optional``).
        """
        optional = [
            (tp.name, fact) for tp in self._touchpoints() for fact, reader in tp.facts.items() if reader.optional
        ]
        self.ledger.add(rules.all_shown(self.ledger, optional=optional))
        if self.ledger.violations:
            raise JourneyFailed(self.ledger.violations)

    # -- promises ---------------------------------------------------------

    def promise(
        self, fact: str, *, due: datetime, check: PromiseCheck, about: str = "", touchpoint: str | None = None
    ) -> Promise:
        """Hold the company to what it first promised of ``fact`` (at ``touchpoint``), by ``due``,
        as ``check`` will show.

        The promise belongs to the first touchpoint that made it (not a product page's "if ordered
        now"); a later touchpoint that says otherwise contradicts it, it makes no new promise. The
        same promise asked for twice is held once.
        """
        shown = first_promised(self.ledger, fact, about, touchpoint)
        if shown is None:
            raise StepError(say("step.nothing_promised", fact=fact, name=words(fact)))
        for made in self.ledger.promises:
            if (made.fact, made.about, made.where) == (fact, about, shown.where):
                return made
        return self.ledger.promise(
            fact,
            shown.raw,
            kind=shown.kind,
            due=due,
            check=check,
            where=shown.where,
            about=about,
            vocabulary=self._vocabulary(self.touchpoint(shown.where.touchpoint)),
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

    def settle(self, promise: Promise) -> None:
        """Check one promise now, at its touchpoint (a stored promise, in a later run)."""
        self.ledger.add(rules.promise_kept(promise, self._look(promise.check), self.now()))

    def _store(self, promise: Promise) -> None:
        """Keep a promise for a later run, with what that run needs to find the touchpoint again."""
        tp = self.touchpoint(promise.check.touchpoint)
        needed = {name: self.memory[name] for name in tp.placeholders() if name in self.memory}
        promise.check.params.update(needed)
        contradicted = contradiction(self.ledger, promise)
        origin = promise_origin(self.system, tp.system, self.memory, contradicted, self.language)
        self.system.promise_store().save(self.name, promise, customer=self.ledger.customer, origin=origin)

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
            # Reported by promise kept, and only there.
            why = say("step.not_shown_because", fact=check.fact, name=words(check.fact), touchpoint=tp.name, why=exc)
            return self.ledger.observe(check.fact, None, kind=kind, where=where, missing=why)
