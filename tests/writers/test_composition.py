"""The composition contract: journeys written from the catalogue alone, in any order a customer lives
them, run green on the clean reference shop when lint accepts them.

Hypothesis writes the journeys (a state machine: who she is, then what she
does and what must hold, 3 to 15 steps, English or Dutch) from the
catalogue's own grammar (``journeys.gherkin.composer``); each is linted as a
writer's file would be, and every journey lint accepts is walked on the real
shop (browserless: the browser's reading of the same pages is the HTTP driver
test's business). CI runs a small, fixed budget; ``bench/compose.py`` a large
one, and the faults.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, precondition, rule, run_state_machine_as_test

from journeys.customer import Customer
from journeys.gherkin.catalogue import load_steps
from journeys.gherkin.composer import Composer, feature
from journeys.gherkin.feature import read_feature
from journeys.gherkin.lint import lint
from journeys.gherkin.runner import run_scenario
from journeys.gherkin.story import Lived, Story
from journeys.gherkin.vocabulary import CATALOGUE
from journeys.gherkin.words import fact_words
from journeys.journey import Journey
from journeys.session import SystemSession

ROOT = Path(__file__).resolve().parents[2]
BUDGET = int(os.environ.get("JOURNEYS_COMPOSE_EXAMPLES", "12"))  # bench/compose.py sets a large one

#: Steps a composed journey leaves out, by function, and why.
LEAVE_OUT = {"visit_touchpoint"}  # any touchpoint by name: what it needs depends on which


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SystemSession]:
    session = SystemSession("refshop", reports_dir=tmp_path_factory.mktemp("reports"), seed=11)
    yield session
    session.close()


def composer_for(session: SystemSession) -> tuple[Composer, Story]:
    from journeys.gherkin.lint_params import load_maps

    load_steps(ROOT)
    maps = load_maps(["refshop"], ROOT)
    story = Story(CATALOGUE.sentences, maps.offers, maps.known.fact_words or {})
    mapped = maps.known.facts or frozenset()
    words = {lang: [ws[0] for fact, ws in fact_words(lang).items() if fact in mapped] for lang in ("en", "nl")}
    composer = Composer(
        CATALOGUE.sentences,
        story,
        fact_words=words,
        touchpoints=sorted(maps.known.touchpoints or ()),
        leave_out=LEAVE_OUT,
    )
    return composer, story


class Outcomes:
    """What the composed journeys came to: the closing note's numbers."""

    def __init__(self) -> None:
        self.written = self.refused = self.green = 0


def machine(session: SystemSession, folder: Path, outcomes: Outcomes) -> type[RuleBasedStateMachine]:
    composer, story = composer_for(session)

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
        @rule(data=st.data(), kind=st.sampled_from(["when", "when", "then"]), fitting=st.booleans())
        def next_step(self, data: st.DataObject, kind: str, fitting: bool) -> None:
            # Mostly what can come next; sometimes anything, which lint must refuse if it cannot work.
            self._add(data, kind, fitting=fitting or data.draw(st.integers(0, 3)) > 0)

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
            path.write_text(feature(self.language, f"Composed journey {outcomes.written}", self.steps))
            if lint([str(path)], system="refshop", root=ROOT):
                outcomes.refused += 1
                return
            scenario = read_feature(path)[0]
            customer = Customer.create(11, index=outcomes.written, run_id="composed")
            journey = Journey(session, customer, name=scenario.name)
            journey.browserless = True  # type: ignore[attr-defined]  # the per-journey choice make_driver reads
            result = run_scenario(scenario, journey)
            journey.close(failed=not result.passed)
            assert result.passed, f"lint accepted this journey, and it failed:\n{path.read_text()}\n{result.error}"
            outcomes.green += 1

    return WritingAJourney


def test_every_journey_lint_accepts_runs_green_on_the_clean_shop(shop, tmp_path):
    outcomes = Outcomes()
    writing = machine(shop, tmp_path, outcomes)
    budget = settings(
        max_examples=BUDGET,
        stateful_step_count=14,
        deadline=None,
        derandomize=BUDGET <= 12,  # CI: the same journeys every time; the bench: new ones each run
        database=None,
        phases=(Phase.explicit, Phase.generate),  # no shrinking: the failure shows the whole feature
        suppress_health_check=list(HealthCheck),
    )
    run_state_machine_as_test(writing, settings=budget)
    print(f"composed {outcomes.written}: lint refused {outcomes.refused}, green {outcomes.green}")
    assert outcomes.green >= 1, "no composed journey got past lint: the grammar or lint is broken"
