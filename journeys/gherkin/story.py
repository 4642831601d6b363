"""Does each step come after what it needs? Lint walks a scenario as the customer lives it.

Each step's ``requires`` must be met by the steps before it (their ``gives``,
and the touchpoints their tasks visit on the run's systems, read from the map
and the task modules): ``the agent offers to call her back`` straight after
``she phones customer service about her order`` is fine, after ``a customer``
alone it is not, and lint says so in the file's language, quoting the
writer's line and naming the steps that would give what is missing.
The vocabulary of moments is :mod:`journeys.gherkin.moments`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from journeys.errors import StepError
from journeys.gherkin.moments import words
from journeys.gherkin.needs import TASK
from journeys.gherkin.offers import Offers
from journeys.gherkin.vocabulary import KEYWORDS, Sentence
from journeys.gherkin.words import fact_named, fact_words, input_named
from journeys.rules.kinds import what_key

__all__ = ["DELIVERED_AFTER", "Lived", "Story", "Told"]

#: A parcel is with her this long after the order (next-day delivery; from 18:00 the day after);
#: sooner, only "the promised delivery date is kept" says it came.
DELIVERED_AFTER = timedelta(days=2)


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
    visited: list[str] = field(default_factory=list)
    products: list[str] = field(default_factory=list)  # per visit: the product it was about ("" for none)
    epochs: list[int] = field(default_factory=list)  # per visit: how often the clock had moved
    epoch: int = 0
    moment_products: dict[str, set[str]] = field(default_factory=dict)  # moment -> the products it was for
    started: bool = False
    given: set[str] = field(default_factory=set)  # what she gave the company (``order_number``)
    segment: str = "family"  # who she is ("a customer" is one of the family segment)
    since_order: timedelta | None = None  # time passed since her last order to be delivered


class Story:
    """The composition check of a run's systems (``offers``) over the catalogue's steps."""

    def __init__(
        self, sentences: Iterable[Sentence], offers: Offers | None, fact_words: Mapping[str, str] | None
    ) -> None:
        self.steps = [s for s in sentences if s.own and not s.retired]
        self.offers = offers
        self.fact_words = dict(fact_words or {})

    def check(self, steps: Sequence[Told], language: str) -> list[tuple[int, str]]:
        """``(line, message)`` for each step that comes before what it needs."""
        lived = Lived()
        problems: list[tuple[int, str]] = []
        for told in steps:
            for need in told.sentence.requires:
                message = self._unmet(need, told, lived, language)
                if message:
                    problems.append((told.line, message))
                    break
            self.live(told.sentence, told.values, lived)  # as if it went well: one problem, not a cascade
        return problems

    def live(self, sentence: Sentence, values: Mapping[str, Any], lived: Lived) -> None:
        """``lived`` after ``sentence`` with ``values``."""
        visits = self.visits(sentence, values)
        moments = [m for m in sentence.gives if not m.startswith(("time:", "segment:", "-"))]
        lived.moments.update(moments)
        lived.moments.difference_update(m[1:] for m in sentence.gives if m.startswith("-"))  # "-logged in"
        for named in (m for m in sentence.gives if m.startswith("segment:")):
            lived.segment = _segment(self._value(named[len("segment:") :], values))
        skus = [str(values[name]) for name in ("sku", "sku_2") if values.get(name)]
        for moment in moments:
            lived.moment_products.setdefault(moment, set()).update(f"{sku}@{lived.epoch}" for sku in skus)
        by_product = self.offers.by_product if self.offers is not None else frozenset()
        for touchpoint in visits:
            for sku in skus if touchpoint in by_product and skus else [""]:
                lived.visited.append(touchpoint)
                lived.products.append(sku)
                lived.epochs.append(lived.epoch)
        lived.started = lived.started or bool(visits or moments)
        if self.offers is not None:
            for need in sentence.needs:
                if need.startswith(TASK) and (task := self._task(need)) is not None:
                    lived.given |= {what_key(w) for w in self.offers.inputs.get(task, ())}
        if "delivery order" in moments:
            lived.since_order = timedelta(0)
        for passing in (m for m in sentence.gives if m.startswith("time:")):
            lived.epoch += 1  # the clock moves after what the step saw first: a conservative guess
            if lived.since_order is not None:
                lived.since_order += _duration(self._value(passing[len("time:") :], values))
                if lived.since_order >= DELIVERED_AFTER:
                    lived.moments.add("delivered")

    def visits(self, sentence: Sentence, values: Mapping[str, Any]) -> list[str]:
        """The touchpoints ``sentence`` visits on the run's systems: its own and its tasks'."""
        if "someone else tried" in sentence.gives:
            return []  # what someone else was shown is not what she was shown
        found: list[str] = []
        for need in sentence.needs:
            if need.startswith(TASK):
                if (task := self._task(need)) is not None:
                    found += sorted(self.offers.visits.get(task, ())) if self.offers is not None else []
            elif need.startswith("{"):
                found.append(str(values.get(need.strip("{}"), "")))
            elif ":" not in need:
                found.append(need)
        return found

    def _task(self, need: str) -> str | None:
        """The task a ``task:a|b`` need runs on the run's systems: the first of them they have."""
        options = [option.strip().lower() for option in need[len(TASK) :].split("|")]
        if self.offers is None:
            return None
        return next((option for option in options if option in self.offers.tasks), None)

    def met(self, sentence: Sentence, values: Mapping[str, Any], lived: Lived) -> bool:
        """Whether every requirement of ``sentence`` is met by ``lived``."""
        probe = Told(0, "", sentence.example, sentence, values)
        return all(self._unmet(need, probe, lived, "en", explain=False) is None for need in sentence.requires)

    # --- one requirement ---------------------------------------------------------------------

    def _unmet(self, need: str, told: Told, lived: Lived, language: str, *, explain: bool = True) -> str | None:
        """What is missing for ``need``, said to the writer (``explain``), or just "unmet"; None: met."""
        said = f"'{told.keyword.strip()} {told.text}'" if told.keyword.strip() else f"'{told.text}'"
        if need == "start":
            if not lived.started:
                return None
            return _say(language, "start", said=said)
        kind, _, what = need.partition(":")
        if kind == "same":  # same:a/b|c: moments a and b (or c) were about one product
            first, _, second = what.partition("/")
            mine = lived.moment_products.get(first, set())
            theirs = set().union(*(lived.moment_products.get(m, set()) for m in second.split("|")))
            if mine & theirs or not mine or not theirs:
                return None  # not about products, or a requirement of its own says what is missing
            return _say(language, "same", said=said, what=", ".join(sorted(mine | theirs))) if explain else "unmet"
        if kind == "segment":
            expected = _segment(self._value(what, told.values))
            if expected == lived.segment:
                return None
            return _say(language, "segment", said=said, what=expected, who=lived.segment) if explain else "unmet"
        if kind == "no":
            if what not in lived.moments:
                return None
            return _say(language, "again", said=said, what=words(what, language)) if explain else "unmet"
        if kind == "known":  # known:{touchpoint}/{fact}: shown elsewhere (or given) before it showed it
            place, _, fact = what.partition("/")
            return self._unknown(
                self._value(place, told.values), self._value(fact, told.values), lived, language, said, explain
            )
        if kind == "gave":
            return self._ungiven(self._value(what, told.values), lived, language, said, explain)
        if kind == "seen":  # seen:<channel>/<fact>: a visited touchpoint of that channel shows the fact
            channel, _, fact = what.partition("/")
            return self._unseen_on(channel, fact, lived, language, said, explain)
        if kind == "knows":  # knows:{touchpoint}/{fact}: the touchpoint shows that fact at all
            place, _, fact = what.partition("/")
            return self._unmapped(
                self._value(place, told.values), self._value(fact, told.values), said, language, explain
            )
        if kind == "promise":
            return self._unpromised(self._value(what, told.values), said, language, explain)
        if kind in ("shown", "compared", "visited"):
            return self._unseen(kind, self._value(what, told.values), told, lived, language, said, explain)
        if any(option in lived.moments for option in need.split("|")):
            return None
        if not explain:
            return "unmet"
        first = need.split("|")[0]
        givers = [s for s in self.steps if set(need.split("|")) & set(s.gives)]
        return _say(language, "needs", said=said, what=words(first, language), fix=self._fix(givers, lived, language))

    def _value(self, what: str, values: Mapping[str, Any]) -> str:
        return str(values.get(what.strip("{}"), what)) if what.startswith("{") else what

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
            givers = [s for s in self.steps if what in self.visits(s, s_values(s))]
            fix = self._fix(givers, lived, language)
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
        givers = [
            s
            for s in self.steps
            if any(fact in self.offers.shows.get(tp, ()) and tp not in showing for tp in self.visits(s, s_values(s)))
        ]
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
        for tp, epoch in zip(lived.visited[:last], lived.epochs[:last], strict=True):
            if (
                tp != touchpoint
                and fact in self.offers.shows.get(tp, ())
                and (not changing or epoch == lived.epochs[last])
            ):
                return None
        if not explain:
            return "unmet"
        givers = [
            s
            for s in self.steps
            if any(fact in self.offers.shows.get(tp, ()) for tp in self.visits(s, s_values(s)) if tp != touchpoint)
        ]
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
        if any(offers.channel_of.get(tp) == channel and fact in offers.shows.get(tp, ()) for tp in lived.visited):
            return None
        if not explain:
            return "unmet"
        givers = [
            s
            for s in self.steps
            if any(
                offers.channel_of.get(tp) == channel and fact in offers.shows.get(tp, ())
                for tp in self.visits(s, s_values(s))
            )
        ]
        return _say(
            language, "unseen", said=said, what=_fact_words(fact, "", language), fix=self._fix(givers, lived, language)
        )

    def _showing(self, fact: str, lived: Lived) -> list[str]:
        """The most touchpoints that showed ``fact`` and are compared with each other, as the rule *agree*
        sets them apart (``journeys.rules.agreement.comparable``): what holds for a moment only (a status,
        a product page's promise) with what was seen in the same epoch, for the same product."""
        assert self.offers is not None
        changing = fact in self.offers.changing
        seen = [
            (tp, product, epoch, changing or bool(product))
            for tp, product, epoch in zip(lived.visited, lived.products, lived.epochs, strict=True)
            if fact in self.offers.shows.get(tp, ())
        ]
        lasting = [tp for tp, _, _, momentary in seen if not momentary]
        sets = [lasting]
        for product, epoch in dict.fromkeys((p, e) for _, p, e, momentary in seen if momentary):
            then = [tp for tp, p, e, momentary in seen if (momentary and (p, e) == (product, epoch))]
            sets.append(then + [tp for tp, _, e, momentary in seen if not momentary and e == epoch])
        return max((list(dict.fromkeys(each)) for each in sets), key=len)

    def _unmapped(self, touchpoint: str, what: str, said: str, language: str, explain: bool) -> str | None:
        if self.offers is None or touchpoint not in self.offers.shows:
            return None  # an unknown touchpoint: lint's value check says so
        try:
            fact = fact_named(what, self.fact_words)
        except StepError:
            return None
        if fact in self.offers.shows[touchpoint]:
            return None
        if not explain:
            return "unmet"
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

    def _fix(self, givers: list[Sentence], lived: Lived, language: str) -> str:
        """Up to two steps that would give what is missing, those that can come next first."""
        mine = [s for s in givers if s.language == language]
        mine.sort(key=lambda s: not self.met(s, {}, lived))
        shown = [f"'{KEYWORDS[s.kind][language]} {s.example}'" for s in mine[:2]]
        return (" or " if language == "en" else " of ").join(shown)


def _segment(text: str) -> str:
    from journeys.gherkin.params_words import SEGMENT_WORDS

    words = " ".join(text.lower().split())
    return SEGMENT_WORDS.get(words, words)


def _duration(text: str) -> timedelta:
    from journeys.gherkin import params

    try:
        return params.duration(text)
    except StepError:
        return timedelta(0)


def s_values(sentence: Sentence) -> Mapping[str, Any]:
    """The sentence's example values (what a suggestion would say)."""
    return sentence.arguments(sentence.example) or {}


def _fact_words(fact: str, written: str, language: str) -> str:
    """The fact in the writer's words: what she wrote, else the catalogue's words for it."""
    if written and written != fact:
        return written
    found = fact_words(language).get(fact)
    return found[0] if found else fact


_MESSAGES = {
    "en": {
        "start": "{said} says who the customer is, after she has begun: move it before her first touchpoint",
        "segment": "{said} expects a customer of the {what} segment, and she is one of {who}: say so first,"
        " with 'Given a customer in the \"{what}\" segment'",
        "same": "{said} compares two channels, but they were asked about different products ({what}):"
        " ask both about the same product",
        "again": "{said} comes after {what} already: the steps after it would not know which one is hers;"
        " give the second one a scenario of its own",
        "needs": "{said} needs {what} first: write {fix} before it",
        "visit": "{said} needs her to have been at {what} first: write {fix} before it",
        "known": "{said} checks what {where} knows of the {what}, but she was not told it anywhere else"
        " before {where} showed it: write {fix} before her visit there",
        "gave": "{said} needs her to have given her {what} first: write {fix} before it",
        "unseen": "{said} needs a touchpoint that showed the {what}, and none did before it: write {fix} before it",
        "once": "{said} compares the {what}, but only {where} showed it before: write {fix} before it",
        "unmapped": "{said}: {where} never shows the {what}; touchpoints that do: {others}",
        "promise": "{said}: nothing here can show whether the {what} was kept; promises it can check: {known}."
        " Your team's developer can say where it shows kept (docs/new-system.md, `promise:`)",
    },
    "nl": {
        "start": "{said} zegt wie de klant is, terwijl ze al onderweg is: zet die stap vóór haar eerste contactpunt",
        "segment": "{said} verwacht een klant uit het segment {what}, en zij hoort bij {who}: zeg dat eerst,"
        " met 'Gegeven een klant in het segment \"{what}\"'",
        "same": "{said} vergelijkt twee kanalen, maar die gingen over verschillende producten ({what}):"
        " vraag beide naar hetzelfde product",
        "again": "{said} komt na {what}: de stappen erna weten dan niet welke van de twee de hare is;"
        " geef de tweede een eigen scenario",
        "needs": "voor {said} is eerst {what} nodig: zet {fix} ervoor",
        "visit": "voor {said} moet ze eerst bij {what} zijn geweest: zet {fix} ervoor",
        "known": "{said} kijkt wat {where} weet van {what}, maar dat kreeg ze nergens anders te zien voordat"
        " {where} het liet zien: zet {fix} vóór haar bezoek daar",
        "gave": "voor {said} moet ze eerst haar {what} hebben gegeven: zet {fix} ervoor",
        "unseen": "voor {said} is een contactpunt nodig dat {what} liet zien, en dat was er nog niet: zet {fix} ervoor",
        "once": "{said} vergelijkt {what}, maar alleen {where} liet het eerder zien: zet {fix} ervoor",
        "unmapped": "{said}: {where} laat {what} nooit zien; contactpunten die dat wel doen: {others}",
        "promise": "{said}: niets hier kan laten zien of {what} werd nagekomen; beloften die het kan nagaan: {known}."
        " De ontwikkelaar van je team kan aangeven waar dat te zien is (docs/new-system.md, `promise:`)",
    },
}


def _say(language: str, key: str, **values: str) -> str:
    table = _MESSAGES.get(language, _MESSAGES["en"])
    if not values.get("fix", True):
        values["fix"] = "a step that gives it" if language != "nl" else "een stap die dat geeft"
    return table[key].format(**values)
