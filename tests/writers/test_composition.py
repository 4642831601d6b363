"""The composition contract: journeys written from the catalogue alone, in any order a customer lives
them, run green on the clean reference shop when lint accepts them.

Hypothesis writes the journeys (``composing.py``); each is linted as a
writer's file would be, and every journey lint accepts is walked on the real
shop (browserless: that the browser reads the same pages is the HTTP
driver's test). CI runs a small, fixed budget (the same journeys every run);
``bench/compose.py`` a large one with new journeys, and under every fault.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from composing import Outcomes, machine
from hypothesis import HealthCheck, Phase, settings
from hypothesis.stateful import run_state_machine_as_test

from journeys.journey.runner import ScenarioResult
from journeys.journey.session import SystemSession

BUDGET = 30


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SystemSession]:
    session = SystemSession("refshop", reports_dir=tmp_path_factory.mktemp("reports"), seed=11)
    yield session
    session.close()


def must_pass(text: str, result: ScenarioResult) -> None:
    assert result.passed, f"lint accepted this journey, and it failed:\n{text}\n{result.error}"


def test_every_journey_lint_accepts_runs_green_on_the_clean_shop(shop, tmp_path):
    outcomes = Outcomes()
    budget = settings(
        max_examples=BUDGET,
        stateful_step_count=14,
        deadline=None,
        derandomize=True,  # the same journeys every run: CI judges the code, not the luck of the draw
        database=None,
        phases=(Phase.explicit, Phase.generate),  # no shrinking: the failure shows the whole feature
        suppress_health_check=list(HealthCheck),
    )
    run_state_machine_as_test(machine(shop, tmp_path, outcomes, must_pass), settings=budget)
    print(f"composed {outcomes.written}: lint refused {outcomes.refused}, green {outcomes.green}")
    # Both halves of the contract were exercised: some journeys got past lint, some were refused.
    assert outcomes.green >= 3, "too few composed journeys got past lint: the grammar or lint is broken"
    assert outcomes.refused >= 1, "lint refused no composed journey: the composer no longer tries wrong orders"


def test_lint_refuses_a_step_before_what_it_needs_in_the_writers_words(shop, tmp_path):
    from composing import ROOT

    from journeys.vocabulary.lint import lint

    path = tmp_path / "callback.feature"
    path.write_text(
        "Feature: A call back\n  Scenario: Called back\n    Given a customer\n"
        "    When the agent offers to call her back\n",
        encoding="utf-8",
    )
    problems = [str(p) for p in lint([str(path)], system="refshop", root=ROOT)]
    assert len(problems) == 1
    assert (
        "callback.feature:4: 'When the agent offers to call her back' needs an agent who has her order open first"
        in problems[0]
    )
    assert "'When she phones customer service about her order'" in problems[0] or "agent console" in problems[0]
