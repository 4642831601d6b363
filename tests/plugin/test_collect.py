"""Feature files are collected by the plugin from any folder; a broken file fails alone."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]

GOOD = """\
@gate
Feature: Good
  Scenario: Ordering
    Given a customer
    When she orders a "tablet-10" on the web shop

  @slow
  Scenario Outline: Waiting <days>
    Given a customer
    When <days> pass

    Examples:
      | days   |
      | 2 days |
      | 3 days |
"""


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    (pytester.path / "journeys_here").mkdir()
    (pytester.path / "journeys_here" / "good.feature").write_text(GOOD)
    return pytester


def test_every_scenario_and_example_row_is_a_test(project: pytest.Pytester):
    result = project.runpytest("journeys_here", "--collect-only", "-q")
    result.stdout.fnmatch_lines(
        [
            "journeys_here/good.feature::Ordering",
            "journeys_here/good.feature::Waiting 2 days",
            "journeys_here/good.feature::Waiting 3 days",
        ]
    )


def test_a_malformed_feature_fails_alone_with_file_and_line(project: pytest.Pytester):
    (project.path / "journeys_here" / "broken.feature").write_text(
        "Feature: Broken\n  Scenario: x\n    Given a customer\n  this is not gherkin\n"
    )
    result = project.runpytest("journeys_here/broken.feature")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        ["*journeys_here/broken.feature:4: Gherkin does not know this line: 'this is not gherkin'*"]
    )


def test_an_empty_feature_file_is_reported_not_passed(project: pytest.Pytester):
    (project.path / "journeys_here" / "empty.feature").write_text("")
    (project.path / "journeys_here" / "no_scenarios.feature").write_text("Feature: Nothing yet\n")
    result = project.runpytest("journeys_here/empty.feature", "journeys_here/no_scenarios.feature")
    result.assert_outcomes(failed=2)
    result.stdout.fnmatch_lines_random(
        ["*journeys_here/empty.feature:1: empty feature file*", "*journeys_here/no_scenarios.feature:1: no scenarios*"]
    )


def test_a_feature_line_selects_that_scenario(project: pytest.Pytester):
    result = project.runpytest("journeys_here/good.feature:4", "--collect-only", "-q")
    result.stdout.fnmatch_lines(["journeys_here/good.feature::Ordering", "*1/3 tests collected (2 deselected)*"])


def test_a_line_of_an_examples_row_selects_that_row(project: pytest.Pytester):
    result = project.runpytest("journeys_here/good.feature:15", "--collect-only", "-q")
    result.stdout.fnmatch_lines(["journeys_here/good.feature::Waiting 3 days", "*1/3 tests collected (2 deselected)*"])


def test_collection_can_be_left_to_pytest_bdd(project: pytest.Pytester):
    project.makeini("[pytest]\njourneys_features = false\n")
    result = project.runpytest("journeys_here", "--collect-only", "-q")
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED
