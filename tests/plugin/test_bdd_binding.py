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
