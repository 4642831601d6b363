"""What a scenario has lived, as lint reads it: its steps, moments, visits and clock, and what touchpoints showed.

``Lived`` holds what she has lived so far (``Told``: each step as lint read
it). ``FactChecks`` asks what touchpoints showed: a fact shown, compared,
known, given, promised. It is mixed into
:class:`journeys.vocabulary.story.Story`: each check returns None when the
requirement is met, "unmet" when only asked (``explain`` False), else the
message for the writer. Which touchpoints show which fact comes from the map
(``Offers.shows``); what holds for a moment only (a status, a product page's
promise) is compared as the rule *agree* compares it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from journeys.core.rules.fact_kinds import what_key
from journeys.errors import StepError
from journeys.vocabulary.fact_words import fact_named, input_named
from journeys.vocabulary.moments import words as _moment_words
from journeys.vocabulary.needs import TASK
from journeys.vocabulary.offers import Offers
from journeys.vocabulary.sentences import Sentence
from journeys.vocabulary.story_words import example_values as s_values
from journeys.vocabulary.story_words import fact_words_of as _fact_words
from journeys.vocabulary.story_words import say as _say

__all__ = ["FactChecks", "Lived", "Told"]


@dataclass(frozen=True)
class Told:
    """One step of a scenario as lint read it."""

    line: int
    keyword: str
    text: str
    sentence: Sentence
    values: Mapping[str, Any]


@dataclass
class Lived:
    """What a scenario has lived so far: moments, and the touchpoints visited, in order."""

    moments: set[str] = field(default_factory=set)
    expired: set[str] = field(default_factory=set)  # moments the clock ended (an order not shipped yet)
    ended: dict[str, str] = field(default_factory=dict)  # moment -> the moment of the step that ended it
    visited: list[str] = field(default_factory=list)
    products: list[str] = field(default_factory=list)  # per visit: the product it was about ("" for none)
    epochs: list[int] = field(default_factory=list)  # per visit: how often the clock had moved
    steps: list[int] = field(default_factory=list)  # per visit: which step of the scenario made it
    moments_then: list[frozenset[str]] = field(default_factory=list)  # per visit: the moments lived by then
    epoch: int = 0
    step: int = 0
    moment_products: dict[str, set[str]] = field(default_factory=dict)  # moment -> the products it was for
    started: bool = False
    given: set[str] = field(default_factory=set)  # what she gave the company (``order_number``)
    segment: str = "family"  # who she is ("a customer" is one of the family segment)
    since_order: timedelta | None = None  # time passed since her last order to be delivered


class FactChecks:
    """The requirements on what touchpoints showed (``shown:``, ``compared:``, ``known:``...)."""

    steps: list[Sentence]
    offers: Offers | None
    fact_words: dict[str, str]

    def visits(self, sentence: Sentence, values: Mapping[str, Any]) -> list[str]:
        raise NotImplementedError

    def _task(self, need: str) -> str | None:
        raise NotImplementedError

    def _fix(self, givers: list[Sentence], lived: Lived, language: str) -> str:
        raise NotImplementedError

    def _unseen(
        self, kind: str, what: str, told: Told, lived: Lived, language: str, said: str, explain: bool
    ) -> str | None:
        if self.offers is None:
            return None
        if kind == "visited":
            if what in lived.visited:
                return None
            if not explain:
                return "unmet"
            fix = self._fix(self._visiting(lambda tp: tp == what), lived, language)
            return _say(language, "visit", said=said, what=what, fix=fix)
        try:
            fact = fact_named(what, self.fact_words)
        except StepError:
            return None  # an unknown fact: lint's value check says so
        showing = self._showing(fact, lived)
        wanted = 2 if kind == "compared" else 1
        if len(showing) >= wanted:
            return None
        if not explain:
            return "unmet"
        givers = self._visiting(lambda tp: self._shows(tp, fact) and tp not in showing)
        named = _fact_words(fact, what, language)
        fix = self._fix(givers, lived, language)
        if showing:
            return _say(language, "once", said=said, what=named, where=showing[0], fix=fix)
        return _say(language, "unseen", said=said, what=named, fix=fix)

    def _unknown(self, touchpoint: str, what: str, lived: Lived, language: str, said: str, explain: bool) -> str | None:
        if self.offers is None or touchpoint not in lived.visited:
            return None  # "visited:" says so
        try:
            fact = fact_named(what, self.fact_words)
        except StepError:
            return None
        last = len(lived.visited) - 1 - lived.visited[::-1].index(touchpoint)
        changing = fact in self.offers.changing
        if not changing and what_key(fact) in lived.given:
            return None
        for visit, (tp, epoch) in enumerate(zip(lived.visited[:last], lived.epochs[:last], strict=True)):
            shown = self._shows(tp, fact, lived, visit)
            if tp != touchpoint and shown and (not changing or epoch == lived.epochs[last]):
                return None
        if not explain:
            return "unmet"
        givers = self._visiting(lambda tp: self._shows(tp, fact) and tp != touchpoint)
        named = _fact_words(fact, what, language)
        return _say(language, "known", said=said, what=named, where=touchpoint, fix=self._fix(givers, lived, language))

    def _ungiven(self, what: str, lived: Lived, language: str, said: str, explain: bool) -> str | None:
        if self.offers is None:
            return None
        try:
            key = what_key(input_named(what))
        except StepError:
            return None  # unknown words: lint's value check says so
        if key in lived.given:
            return None
        if not explain:
            return "unmet"
        givers = [
            s
            for s in self.steps
            if any(
                key in {what_key(w) for w in self.offers.inputs.get(self._task(t) or "", ())}
                for t in s.needs
                if t.startswith(TASK)
            )
        ]
        return _say(language, "gave", said=said, what=what, fix=self._fix(givers, lived, language))

    def _unseen_on(self, channel: str, fact: str, lived: Lived, language: str, said: str, explain: bool) -> str | None:
        if self.offers is None:
            return None
        offers = self.offers

        def on_channel(tp: str) -> bool:
            return offers.channel_of.get(tp) == channel and self._shows(tp, fact)

        if any(
            offers.channel_of.get(tp) == channel and self._shows(tp, fact, lived, visit)
            for visit, tp in enumerate(lived.visited)
        ):
            return None
        if not explain:
            return "unmet"
        givers = self._visiting(on_channel)
        return _say(
            language, "unseen", said=said, what=_fact_words(fact, "", language), fix=self._fix(givers, lived, language)
        )

    def _shows(self, touchpoint: str, fact: str, lived: Lived | None = None, visit: int | None = None) -> bool:
        """Whether the touchpoint shows the fact: at all, or with what ``lived`` holds (at its ``visit``, else
        now) where the map says it shows it only after a moment (``only:``)."""
        if self.offers is None or fact not in self.offers.shows.get(touchpoint, ()):
            return False
        needs = self.offers.only.get((touchpoint, fact))
        if lived is None or needs is None:
            return True
        return needs in (lived.moments_then[visit] if visit is not None else lived.moments)

    def _visiting(self, wanted: Callable[[str], bool]) -> list[Sentence]:
        """The catalogue's steps that visit a touchpoint ``wanted`` accepts (on the run's systems)."""
        return [s for s in self.steps if any(wanted(tp) for tp in self.visits(s, s_values(s)))]

    def _showing(self, fact: str, lived: Lived) -> list[str]:
        """The most touchpoints that showed ``fact`` and are compared with each other, as the rule *agree*
        sets them apart (``journeys.core.rules.agreement.comparable``): what holds for a moment only (a status,
        a product page's promise) with what was seen in the same epoch, for the same product."""
        assert self.offers is not None
        changing = fact in self.offers.changing
        seen = [
            (tp, product, epoch, step, changing or bool(product))
            for visit, (tp, product, epoch, step) in enumerate(
                zip(lived.visited, lived.products, lived.epochs, lived.steps, strict=True)
            )
            if self._shows(tp, fact, lived, visit)
        ]
        lasting = [(tp, e, step) for tp, _, e, step, momentary in seen if not momentary]
        sets = [[tp for tp, _, _ in lasting]]
        for product, epoch in dict.fromkeys((p, e) for _, p, e, _, momentary in seen if momentary):
            mine = [(tp, step) for tp, p, e, step, momentary in seen if momentary and (p, e) == (product, epoch)]
            steps = {step for _, step in mine}
            then = [tp for tp, e, step in lasting if e == epoch and (not product or step in steps)]
            sets.append([tp for tp, _ in mine] + then)
        return max((list(dict.fromkeys(each)) for each in sets), key=len)

    def _unmapped(
        self, touchpoint: str, what: str, lived: Lived, said: str, language: str, explain: bool
    ) -> str | None:
        if self.offers is None or touchpoint not in self.offers.shows:
            return None  # an unknown touchpoint: lint's value check says so
        try:
            fact = fact_named(what, self.fact_words)
        except StepError:
            return None
        last = max((i for i, tp in enumerate(lived.visited) if tp == touchpoint), default=None)  # the visit it reads
        if self._shows(touchpoint, fact, lived, last):
            return None
        if not explain:
            return "unmet"
        if fact in self.offers.shows[touchpoint]:
            moment = _moment_words(self.offers.only[touchpoint, fact], language)
            named = _fact_words(fact, "", language)  # the catalogue's words, with the article Dutch needs
            return _say(language, "only", said=said, where=touchpoint, what=named, moment=moment)
        others = ", ".join(sorted(tp for tp, facts in self.offers.shows.items() if fact in facts)) or "-"
        named = _fact_words(fact, what, language)
        return _say(language, "unmapped", said=said, where=touchpoint, what=named, others=others)

    def _unpromised(self, what: str, said: str, language: str, explain: bool) -> str | None:
        if self.offers is None:
            return None
        try:
            fact = fact_named(what, self.fact_words)
        except StepError:
            return None  # an unknown fact: lint's value check says so
        if fact in self.offers.promises:
            return None
        if not explain:
            return "unmet"
        kept = sorted(self.offers.promises)
        named = ", ".join(f"'{_fact_words(f, '', language)}'" for f in kept) or "-"
        return _say(language, "promise", said=said, what=_fact_words(fact, what, language), known=named)
