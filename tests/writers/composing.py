"""A writer composing journeys from the catalogue alone, as a Hypothesis state machine.

Who she is (Given), then what she does and what must hold (When and Then, in
any order a customer lives them), 3 to 15 steps, English or Dutch, from the
catalogue's own grammar (``journeys.vocabulary.composer``). At the end her
journey is linted as a writer's file would be; a journey lint accepts is
walked on the system (browserless) and judged by ``judge``.

Used by the composition test (a small, fixed budget) and ``bench/compose.py``
(a large one, on the clean shop and under each fault).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, precondition, rule

from journeys.core.customer import Customer
from journeys.journey.journey import Journey
from journeys.journey.runner import ScenarioResult, run_scenario
from journeys.journey.session import SystemSession
from journeys.vocabulary.catalogue import load_steps
from journeys.vocabulary.composer import Composer, feature
from journeys.vocabulary.decorators import CATALOGUE
from journeys.vocabulary.fact_words import fact_words
from journeys.vocabulary.feature import read_feature
from journeys.vocabulary.lint import lint
from journeys.vocabulary.lint_params import load_maps
from journeys.vocabulary.story import Lived, Story

ROOT = Path(__file__).resolve().parents[2]

#: Steps a composed journey leaves out, by function: any touchpoint by name needs what that one needs.
LEAVE_OUT = {"visit_touchpoint"}


@dataclass
class Outcomes:
    """What the composed journeys came to."""

    written: int = 0
    refused: int = 0
    green: int = 0
    red: list[tuple[str, str]] = field(default_factory=list)  # (feature text, what stopped it)


def composer_for(system: str = "refshop") -> tuple[Composer, Story]:
    load_steps(ROOT)
    maps = load_maps([system], ROOT)
    story = Story(CATALOGUE.sentences, maps.offers, maps.known.fact_words)
    mapped = maps.known.facts or frozenset()
    words = {lang: [ws[0] for fact, ws in fact_words(lang).items() if fact in mapped] for lang in ("en", "nl")}
    touchpoints = sorted(maps.known.touchpoints or ())
    composer = Composer(CATALOGUE.sentences, story, fact_words=words, touchpoints=touchpoints, leave_out=LEAVE_OUT)
    return composer, story


Judge = Callable[[str, ScenarioResult], None]


def machine(session: SystemSession, folder: Path, outcomes: Outcomes, judge: Judge) -> type[RuleBasedStateMachine]:
    """The state machine class for ``session``; ``judge(feature_text, result)`` raises on a wrong verdict."""
    composer, story = composer_for()

    class WritingAJourney(RuleBasedStateMachine):
        """A writer puts one sentence after another; at the end her journey is linted, then walked."""

        def __init__(self) -> None:
            super().__init__()
            self.language = "en"
            self.steps: list[tuple[str, str]] = []
            self.lived = Lived()

        @initialize(language=st.sampled_from(["en", "nl"]), data=st.data())
        def who_she_is(self, language: str, data: st.DataObject) -> None:
            self.language = language
            self._add(data, "given", fitting=True)

        @precondition(lambda self: len(self.steps) < 15)
        @rule(data=st.data(), kind=st.sampled_from(["when", "when", "then"]), anything=st.integers(0, 5))
        def next_step(self, data: st.DataObject, kind: str, anything: int) -> None:
            # Mostly what can come next; now and then anything, which lint must refuse if it cannot work.
            self._add(data, kind, fitting=anything > 0)

        def _add(self, data: st.DataObject, kind: str, *, fitting: bool) -> None:
            options = composer.next(kind, self.language, self.lived)
            pool = [c for c in options if c.fits] if fitting else options
            if not pool:
                return
            chosen = data.draw(st.sampled_from(pool))
            self.steps.append((kind, chosen.text))
            story.live(chosen.sentence, chosen.values, self.lived)

        def teardown(self) -> None:
            if len(self.steps) < 3:
                return
            outcomes.written += 1
            path = folder / f"composed-{outcomes.written}.feature"
            text = feature(self.language, f"Composed journey {outcomes.written}", self.steps)
            path.write_text(text, encoding="utf-8")
            if lint([str(path)], system="refshop", root=ROOT):
                outcomes.refused += 1
                return
            scenario = read_feature(path)[0]
            customer = Customer.create(11, index=outcomes.written, run_id="composed")
            journey = Journey(session, customer, name=scenario.name)
            journey.browserless = True  # the per-journey choice make_driver reads
            result = run_scenario(scenario, journey)
            journey.close(failed=not result.passed)
            if result.passed:
                outcomes.green += 1
            else:
                outcomes.red.append((text, str(result.error)))
            judge(text, result)

    return WritingAJourney
