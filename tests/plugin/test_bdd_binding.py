"""A project may bind its features with pytest-bdd itself and use the bundled steps."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]

FEATURE = """\
Feature: Bound by the project
  Scenario: A customer in a segment
    Given a customer in the "student" segment
"""


def test_bundled_steps_serve_a_pytest_bdd_binding(pytester: pytest.Pytester):
    pytester.makeini("[pytest]\njourneys_features = false\n")
    pytester.makeconftest('pytest_plugins = ["journeys.steps"]\n')
    (pytester.path / "features").mkdir()
    (pytester.path / "features" / "bound.feature").write_text(FEATURE)
    pytester.makepyfile(test_bound='from pytest_bdd import scenarios\n\nscenarios("features")\n')

    result = pytester.runpytest("-p", "no:cacheprovider")

    result.assert_outcomes(passed=1)


DUTCH = """\
# language: nl
Functionaliteit: Door het project gebonden
  Scenario: Een klant uit een segment dat niet bestaat
    Gegeven een klant in het segment "studentt"
"""


def test_a_dutch_feature_bound_by_pytest_bdd_is_told_of_in_dutch(pytester: pytest.Pytester):
    pytester.makeini("[pytest]\njourneys_features = false\n")
    pytester.makeconftest('pytest_plugins = ["journeys.steps"]\n')
    (pytester.path / "features").mkdir()
    (pytester.path / "features" / "gebonden.feature").write_text(DUTCH, encoding="utf-8")
    pytester.makepyfile(test_bound='from pytest_bdd import scenarios\n\nscenarios("features")\n')

    result = pytester.runpytest("-p", "no:cacheprovider")

    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*onbekend segment 'studentt': bedoel je 'student'? Schrijf een van deze:*"])
