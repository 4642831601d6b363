"""A writer who aims: journeys composed from the catalogue to reach some touchpoints and check them.

Where the composition test's writer (``composing.py``) puts down what comes to
mind, this one is after a fault. She picks the sentences that visit the
touchpoints the fault shows at (``Fault.touchpoints``), checks and actions
alike, and lives first what each of them needs: for a missing moment, a step
that gives it. She ends with every check the catalogue lets her make there.
What she writes is plain catalogue, linted like any file.

Used by ``bench/compose.py``: under each fault of the shop, some aimed journey
must fail on it, naming its touchpoints; on the clean shop every one is green.
"""

from __future__ import annotations

import random
from collections.abc import Iterable

from journeys.gherkin.composer import Candidate, Composer
from journeys.gherkin.lived import Told
from journeys.gherkin.story import Lived, Story

TARGETS = 4  # sentences at the wanted touchpoints she tries to get to, per journey
PREPARATION = 5  # steps she may live to meet one sentence's needs
CLOCK_GIVES = frozenset({"delivered"})  # moments no step gives but time passing does
LONGEST = 10  # steps before her checks: a journey a writer would write


class Aim:
    """One journey in the making, after ``focus`` (touchpoint names or their prefixes)."""

    def __init__(self, composer: Composer, story: Story, language: str, focus: Iterable[str], seed: int) -> None:
        self.composer, self.story, self.language = composer, story, language
        self.focus = list(focus)
        self.rng = random.Random(seed)
        self.lived = Lived()
        self.steps: list[tuple[str, str]] = []

    def journey(self) -> list[tuple[str, str]]:
        self._live(self.rng.choice(self._fitting("given")))
        targets = [c for kind in ("when", "then") for c in self.composer.next(kind, self.language, Lived())]
        targets = [c for c in targets if self._at_focus(c)]
        self.rng.shuffle(targets)
        # Sentences that need a moment of their own first (a cancellation, a return) lead somewhere new.
        targets.sort(key=lambda c: -sum(":" not in need for need in c.sentence.requires))
        for target in targets[:TARGETS]:
            self._reach(target)
        checks = {c.text: c for c in self._fitting("then") if self._at_focus(c) or not self._visits(c)}
        for check in list(checks.values())[: max(3, 15 - len(self.steps))]:
            if check.text not in self._written() and self.story.met(check.sentence, check.values, self.lived):
                self._live(check)
        return self.steps

    def _reach(self, target: Candidate, depth: int = 0) -> None:
        """Live what ``target`` needs (a step giving each missing moment, reached the same way), then ``target``."""
        for _ in range(PREPARATION):
            if len(self.steps) >= LONGEST:
                return
            if self.story.met(target.sentence, target.values, self.lived):
                if target.text not in self._written():
                    self._live(target)
                return
            unmet = self._unmet(target)
            missing = {m for need in unmet if ":" not in need for m in need.split("|")}
            if any(need.startswith("no:") for need in unmet) or missing & set(self.lived.ended):
                return  # it cannot come any more in this journey
            places = {self._place(need, target) for need in unmet if need.startswith("visited:")}
            whens = self.composer.next("when", self.language, self.lived)
            givers = [c for c in whens if missing & set(c.sentence.gives) or places & set(self._visits(c))]
            if missing & CLOCK_GIVES and "delivery order" in self.lived.moments:  # her parcel arrives in time
                givers += [c for c in whens if any(g.startswith("time:") for g in c.sentence.gives)]
            if not givers:  # it needs what touchpoints showed: go where the fault is
                givers = [c for c in whens if self._at_focus(c)]
            fitting = [c for c in givers if c.fits and c.text not in self._written()]
            if fitting:
                self._live(self.rng.choice(fitting))
            elif givers and depth < 2:
                self._reach(self.rng.choice(givers), depth + 1)
            else:
                return

    @staticmethod
    def _place(need: str, candidate: Candidate) -> str:
        place = need.partition(":")[2]
        return str(candidate.values.get(place.strip("{}"), place)) if place.startswith("{") else place

    def _unmet(self, candidate: Candidate) -> list[str]:
        probe = Told(0, "", candidate.text, candidate.sentence, candidate.values)
        check = self.story._unmet  # noqa: SLF001  # lint's own reading of one need
        return [n for n in candidate.sentence.requires if check(n, probe, self.lived, "en", explain=False)]

    def _fitting(self, kind: str) -> list[Candidate]:
        written = self._written()
        return [c for c in self.composer.next(kind, self.language, self.lived) if c.fits and c.text not in written]

    def _live(self, chosen: Candidate) -> None:
        kind = chosen.sentence.kind
        self.steps.append((kind, chosen.text))
        self.story.live(chosen.sentence, chosen.values, self.lived)

    def _written(self) -> set[str]:
        return {text for _, text in self.steps}

    def _visits(self, candidate: Candidate) -> list[str]:
        return self.story.visits(candidate.sentence, candidate.values)

    def _at_focus(self, candidate: Candidate) -> bool:
        return any(v == w or v.startswith(f"{w}.") for v in self._visits(candidate) for w in self.focus)


def aimed(composer: Composer, story: Story, language: str, focus: Iterable[str], seed: int) -> list[tuple[str, str]]:
    """One journey in ``language`` after ``focus``, as (kind, text) steps."""
    return Aim(composer, story, language, focus, seed).journey()
