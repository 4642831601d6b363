"""One verdict everywhere: tags, nothing selected, run-wide errors in exit code, junit.xml and Allure."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

pytest_plugins = ["pytester"]

FEATURE = """\
@gate @web
Feature: Tagged
  Scenario: Fast
    Given a customer

  @slow
  Scenario: Slow
    Given a customer
"""


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    (pytester.path / "features").mkdir()
    (pytester.path / "features" / "tagged.feature").write_text(FEATURE)
    return pytester


@pytest.mark.parametrize("expression", ["@gate and not @slow", "gate and not slow"])
def test_tags_are_cucumber_expressions_with_or_without_at(project: pytest.Pytester, expression: str):
    # '--tags=' keeps a leading '@' from being read as pytest's @file argument.
    result = project.runpytest("features", f"--tags={expression}", "--collect-only", "-q")
    result.stdout.fnmatch_lines(["features/tagged.feature::Fast", "*1/2 tests collected (1 deselected)*"])


def test_an_unknown_tag_is_a_usage_error_naming_the_closest(project: pytest.Pytester):
    result = project.runpytest("features", "--tags", "gaet", "--collect-only")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*--tags 'gaet': no journey is tagged @gaet. Did you mean @gate?*"])


def test_nothing_selected_says_by_what(project: pytest.Pytester):
    result = project.runpytest("features", "--tags", "gate and not gate")
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED
    result.stdout.fnmatch_lines(["*nothing selected in features by --tags 'gate and not gate'. Tags in use: *@gate*"])


def test_a_run_wide_error_is_one_error_testcase_and_one_broken_result(project: pytest.Pytester):
    junit, allure = project.path / "junit.xml", project.path / "allure"
    result = project.runpytest("features", "--system", "no-such-system", f"--junitxml={junit}", f"--alluredir={allure}")
    assert result.ret == 3
    result.stdout.fnmatch_lines(
        ["*no touchpoint map for system 'no-such-system'*", "*the run could not start (exit 3)*"]
    )
    suite = ET.parse(junit).getroot().find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("errors"), suite.get("failures")) == ("1", "1", "0")
    case = suite.find("testcase")
    assert case is not None and "ConfigError" in case.get("name", "")
    assert "no-such-system" in (case.find("error").get("message") or "")  # type: ignore[union-attr]
    results = [json.loads(p.read_text()) for p in allure.glob("*-result.json")]
    assert [r["status"] for r in results] == ["broken"]
    assert "ConfigError" in results[0]["name"]


def test_a_run_wide_error_under_xdist_exits_3_too(project: pytest.Pytester):
    result = project.runpytest("features", "--system", "no-such-system", "-n", "2")
    assert result.ret == 3


def test_a_crossed_gate_threshold_is_a_failed_testcase_in_junit_and_allure(project, monkeypatch):
    project.makefile(".toml", pyproject="[tool.journeys.gate]\nmax_effort_score = -1\n")
    junit, allure = project.path / "junit.xml", project.path / "allure"
    result = project.runpytest(
        "features", "-k", "Fast", "--gate", f"--junitxml={junit}", f"--alluredir={allure}", "-p", "no:pytest-lsp"
    )
    assert result.ret == 1
    suite = ET.parse(junit).getroot().find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures")) == ("2", "1")
    gate = [case for case in suite.iter("testcase") if case.get("name") == "gate thresholds"]
    assert len(gate) == 1 and "max_effort_score" in (gate[0].find("failure").text or "")
    statuses = {
        found["name"]: found["status"] for found in (json.loads(p.read_text()) for p in allure.glob("*-result.json"))
    }
    assert statuses["gate thresholds"] == "failed" and statuses.get("Fast") == "passed"


def test_a_run_refused_at_the_door_leaves_no_run_folder(project, monkeypatch):
    folder = project.path / "reports" / "runs" / "refused"
    result = project.runpytest(
        "features",
        "--run-id=refused",
        "--tags",
        "gaet",
        "--reports-dir=reports",
        f"--junitxml={folder / 'junit.xml'}",
        f"--alluredir={folder / 'allure-results'}",
        "-p",
        "no:pytest-lsp",
    )
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert not folder.exists() and not (project.path / "reports" / "runs").exists()


def test_a_report_of_a_folder_where_nothing_ran_is_refused(tmp_path):
    from click.testing import CliRunner

    from journeys.cli import main

    done = CliRunner().invoke(main, ["report", str(tmp_path)])
    assert done.exit_code == 4
    assert "not a run folder (no junit.xml, no evidence/*/ledger.json)" in done.output
    assert not (tmp_path / "summary.md").exists()


def test_two_runs_at_once_keep_each_others_last_failed(pytester):
    # While this run goes on, another finishes and records a failure of its own.
    pytester.makepyfile(
        test_mine="""
        def test_mine_fails():
            assert False

        def test_another_run_finishes_meanwhile(request):
            recorded = request.config.cache.get("cache/lastfailed", {})
            request.config.cache.set("cache/lastfailed", {**recorded, "features/b.feature::Theirs": True})
        """
    )
    pytester.runpytest("-p", "no:pytest-lsp", "-p", "no:randomly")
    recorded = json.loads((pytester.path / ".pytest_cache" / "v" / "cache" / "lastfailed").read_text())
    assert set(recorded) == {"test_mine.py::test_mine_fails", "features/b.feature::Theirs"}


def test_a_journey_whose_worker_died_is_told_in_our_words_and_is_in_allure(pytester):
    pytester.makepyfile(
        test_dies="""
        import os, signal

        def test_walks_until_killed():
            os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    allure = pytester.path / "allure"
    result = pytester.runpytest_subprocess(
        "-n", "1", f"--alluredir={allure}", "-p", "no:pytest-lsp", "-p", "no:randomly"
    )
    assert result.ret == 1
    result.stdout.fnmatch_lines(["*test_walks_until_killed: did not finish: the worker process running it (gw0) died*"])
    found = [json.loads(p.read_text()) for p in allure.glob("*-result.json")]
    assert [(r["name"], r["status"]) for r in found] == [("test_walks_until_killed", "broken")]
