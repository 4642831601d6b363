"""Feature files are bound one by one: a broken file fails alone, with file and line."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]

GOOD = """\
Feature: Good
  Scenario: Counting
    Given a number 1
    Then it is positive
"""

STEPS = """\
from pathlib import Path
from pytest_bdd import given, then, parsers
from journeys.gherkin.bdd import bind_features

@given(parsers.parse("a number {n:d}"), target_fixture="number")
def a_number(n):
    return n

@then("it is positive")
def positive(number):
    assert number > 0

bind_features(globals(), Path(__file__).parent / "features")
"""


@pytest.fixture
def suite(pytester: pytest.Pytester):
    pytester.makepyfile(test_suite=STEPS)
    (pytester.path / "features").mkdir()
    (pytester.path / "features" / "good.feature").write_text(GOOD)
    return pytester


def test_a_malformed_feature_fails_alone_with_file_and_line(suite: pytest.Pytester):
    (suite.path / "features" / "broken.feature").write_text(
        "Feature: Broken\n  Scenario: x\n    Given a number 1\n  this is not gherkin\n"
    )
    result = suite.runpytest("-p", "no:journeys")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*features/broken.feature:4: Unexpected token found*this is not gherkin*"])


def test_an_empty_feature_file_is_reported_not_passed(suite: pytest.Pytester):
    (suite.path / "features" / "empty.feature").write_text("")
    (suite.path / "features" / "no_scenarios.feature").write_text("Feature: Nothing yet\n")
    result = suite.runpytest("-p", "no:journeys")
    result.assert_outcomes(passed=1, failed=2)
    result.stdout.fnmatch_lines_random(
        [
            "*features/empty.feature:1: empty feature file*",
            "*features/no_scenarios.feature:1: no scenarios*",
        ]
    )
