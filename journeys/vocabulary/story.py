"""Does each step come after what it needs? Lint walks a scenario as the customer lives it.

Each step's ``requires`` must be met by the steps before it (their ``gives``,
and the touchpoints their tasks visit on the run's systems, read from the map
and the task modules): ``the agent offers to call her back`` straight after
``she phones customer service about her order`` is fine, after ``a customer``
alone it is not, and lint says so in the file's language, quoting the
writer's line and naming the steps that would give what is missing.
The vocabulary of moments is :mod:`journeys.vocabulary.moments`; the requirements on what touchpoints
showed are :mod:`journeys.vocabulary.story_facts`, the words :mod:`journeys.vocabulary.story_words`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import timedelta
from typing import Any

from journeys.core.rules.fact_kinds import what_key
from journeys.vocabulary.moments import BY_SOMEONE_ELSE, UNTIL_TIME_PASSES, words
from journeys.vocabulary.needs import TASK
from journeys.vocabulary.offers import Offers
from journeys.vocabulary.sentences import KEYWORDS, Sentence
from journeys.vocabulary.story_facts import FactChecks, Lived, Told
from journeys.vocabulary.story_words import duration, say, segment

__all__ = ["DELIVERED_AFTER", "Lived", "Story", "Told"]

#: A parcel is with her this long after the order (next-day delivery; from 18:00 the day after);
#: sooner, only "the promised delivery date is kept" says it came.
DELIVERED_AFTER = timedelta(days=2)
#: She may return what she bought for 14 days after it came (the EU's right of withdrawal, the least a
#: shop may offer): counted from the order, the window is at least that long whenever delivery was.
RETURN_WITHIN = timedelta(days=14)


class Story(FactChecks):
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
        for ended in (m[1:] for m in sentence.gives if m.startswith("-")):  # "-logged in"
            lived.moments.discard(ended)
            lived.ended[ended] = moments[0] if moments else ""
            if ended == "delivery order":
                lived.since_order = None  # nothing is on its way to her any more: nor will it arrive
                lived.ended["delivered"] = lived.ended["not shipped"] = lived.ended[ended]
        for named in (m for m in sentence.gives if m.startswith("segment:")):
            lived.segment = segment(self._value(named[len("segment:") :], values))
        skus = [str(values[name]) for name in ("sku", "sku_2") if values.get(name)]
        for moment in moments:
            lived.moment_products.setdefault(moment, set()).update(f"{sku}@{lived.epoch}" for sku in skus)
        by_product = self.offers.by_product if self.offers is not None else frozenset()
        moves = any(m.startswith("time:") for m in sentence.gives)
        if moves and visits:
            # Whether it looks before the clock moves, or after (a promise checked when due), lint cannot
            # tell: what changes with time is compared with neither side.
            lived.epoch += 1
        for touchpoint in visits:
            for sku in skus if touchpoint in by_product and skus else [""]:
                lived.visited.append(touchpoint)
                lived.products.append(sku)
                lived.epochs.append(lived.epoch)
                lived.steps.append(lived.step)
                lived.moments_then.append(frozenset(lived.moments))
        lived.started = lived.started or bool(visits or moments)
        lived.step += 1
        if self.offers is not None:
            for need in sentence.needs:
                if need.startswith(TASK) and (task := self._task(need)) is not None:
                    lived.given |= {what_key(w) for w in self.offers.inputs.get(task, ())}
        if "delivery order" in moments:
            lived.since_order = timedelta(0)
        for passing in (m for m in sentence.gives if m.startswith("time:")):
            lived.epoch += 1  # the clock moves after what the step saw first: a conservative guess
            lived.expired |= lived.moments & UNTIL_TIME_PASSES
            lived.moments -= UNTIL_TIME_PASSES
            if lived.since_order is not None:
                lived.since_order += duration(self._value(passing[len("time:") :], values))
                if lived.since_order >= DELIVERED_AFTER:
                    lived.moments.add("delivered")
        self._return_window(lived)

    @staticmethod
    def _return_window(lived: Lived) -> None:
        """Open while what came may still be returned, closed for good once 14 days passed since the order."""
        if "return window" in lived.expired:
            return
        if lived.since_order is not None and lived.since_order > RETURN_WITHIN:
            lived.moments.discard("return window")
            lived.expired.add("return window")
        elif "delivered" in lived.moments:
            lived.moments.add("return window")

    def visits(self, sentence: Sentence, values: Mapping[str, Any]) -> list[str]:
        """The touchpoints ``sentence`` visits on the run's systems: its own and its tasks'."""
        if BY_SOMEONE_ELSE & set(sentence.gives):
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
            return say(language, "start", said=said)
        kind, _, what = need.partition(":")
        if kind == "same":  # same:a/b|c: moments a and b (or c) were about one product
            first, _, second = what.partition("/")
            mine = lived.moment_products.get(first, set())
            theirs = set().union(*(lived.moment_products.get(m, set()) for m in second.split("|")))
            if mine & theirs or not mine or not theirs:
                return None  # not about products, or a requirement of its own says what is missing
            return say(language, "same", said=said, what=", ".join(sorted(mine | theirs))) if explain else "unmet"
        if kind == "apart":  # apart:<moment>: the moment was about two different products or more
            products = sorted({p.rpartition("@")[0] for p in lived.moment_products.get(what, set())})
            if len(products) != 1:
                return None  # about several, or not about products: a requirement of its own says what is missing
            givers = [s for s in self.steps if what in s.gives]
            fix = self._fix(givers, lived, language)
            return (
                say(language, "apart", said=said, what=words(what, language), which=products[0], fix=fix)
                if explain
                else "unmet"
            )
        if kind == "segment":
            expected = segment(self._value(what, told.values))
            if expected == lived.segment:
                return None
            return say(language, "segment", said=said, what=expected, who=lived.segment) if explain else "unmet"
        if kind == "no":
            if what not in lived.moments:
                return None
            return say(language, "again", said=said, what=words(what, language)) if explain else "unmet"
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
                self._value(place, told.values), self._value(fact, told.values), lived, said, language, explain
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
        if lived.ended.get(first):
            by = words(lived.ended[first], language)
            return say(language, "ended", said=said, what=words(first, language), by=by)
        if first in lived.expired:
            return say(language, "expired", said=said, what=words(first, language))
        givers = [s for s in self.steps if set(need.split("|")) & set(s.gives)]
        return say(language, "needs", said=said, what=words(first, language), fix=self._fix(givers, lived, language))

    def _value(self, what: str, values: Mapping[str, Any]) -> str:
        return str(values.get(what.strip("{}"), what)) if what.startswith("{") else what

    def _fix(self, givers: list[Sentence], lived: Lived, language: str) -> str:
        """Up to two steps that would give what is missing, those that can come next first."""
        mine = [s for s in givers if s.language == language]
        mine.sort(key=lambda s: not self.met(s, {}, lived))
        shown = [f"'{KEYWORDS[s.kind][language]} {s.example}'" for s in mine[:2]]
        return (" or " if language == "en" else " of ").join(shown)
