"""Bad input gets one clear message saying what, where and what to do; the rest still runs."""

from __future__ import annotations

import socket

import pytest

pytestmark = pytest.mark.e2e


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_an_unreachable_system_is_one_error_naming_the_url(run_journeys):
    url = f"http://127.0.0.1:{closed_port()}"
    # --http-timeout is how long the probe waits for a system that is still starting (10 s by default)
    run = run_journeys("features/order", extra=(f"--base-url={url}",), options=("--http-timeout", "2"))

    assert run.exit_code != 0  # one probe says so for the whole run, not a timeout per journey (below)
    # pytest repeats each error in its short summary (whole, when CI is set): count the report above it
    report = run.output.split("short test summary info")[0]
    assert report.count(f"{url} did not answer within 2 s") == 1, run.output
    assert "give it longer with --http-timeout" in report


def test_an_unknown_step_names_file_line_and_the_closest_steps_while_others_run(run_journeys, tmp_path):
    features = tmp_path / "features"
    features.mkdir()
    (features / "typo.feature").write_text(
        "Feature: Typo\n"
        "  Scenario: A misspelled step\n"
        "    Given a customer\n"
        '    When she orderz a "tablet-10" on the web shop\n'
    )
    (features / "fine.feature").write_text("Feature: Fine\n  Scenario: Just a customer\n    Given a customer\n")
    (features / "broken.feature").write_text("Feature: Broken\n  Scenario: x\n    Given a customer\n  oops\n")
    (features / "mixed.feature").write_text("Feature: Mixed\n  Scenario: Dutch in English\n    Given een klant\n")
    (features / "values.feature").write_text(
        "Feature: Values\n"
        "  Scenario: An amount in words\n"
        "    Given a customer\n"
        "    Then she was told the order total is twaalf euro\n"
        "  Scenario: A day that does not exist\n"
        "    Given a customer\n"
        "    And it is 30 February 10:00\n"
    )
    run = run_journeys(str(features))

    assert run.exit_code == 1
    assert "1 passed" in run.output and "5 failed" in run.output, run.output
    assert "mixed.feature:3: 'Given een klant' is a step in Dutch, in a file in English" in run.output
    assert "values.feature:4 (Then she was told the order total is twaalf euro):" in run.output
    assert "could not read an amount from 'twaalf euro'" in run.output
    assert "values.feature:7 (And it is 30 February 10:00):" in run.output
    assert "typo.feature:4: unknown step 'When she orderz a \"tablet-10\" on the web shop'" in run.output
    assert "Closest known steps: 'she orders a \"tablet-10\" on the web shop'" in run.output
    assert "broken.feature:4: Gherkin does not know this line: 'oops'" in run.output
    assert (run.reports / "junit.xml").exists()
