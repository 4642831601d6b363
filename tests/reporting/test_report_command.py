"""``journeys report``: map and summary of a run folder; the trend across runs; ``--allure`` without Node."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from ledger_factory import journey_dict

from journeys.cli import main
from journeys.reporting import allure_cli


def test_report_writes_the_map_and_summary_into_the_run_folder(one_stale: Path):
    done = CliRunner().invoke(main, ["report", str(one_stale)])

    assert done.exit_code == 0, done.output
    assert (one_stale / "journey-map.html").is_file() and (one_stale / "summary.md").is_file()
    assert f"journey map  {one_stale / 'journey-map.html'}" in done.output


def test_report_names_a_corrupt_ledger_and_still_writes(one_stale: Path):
    (one_stale / "evidence" / "bad").mkdir()
    (one_stale / "evidence" / "bad" / "ledger.json").write_text("{", encoding="utf-8")

    done = CliRunner().invoke(main, ["report", str(one_stale)])

    assert done.exit_code == 0
    assert "bad/ledger.json: not a readable ledger" in done.output
    assert (one_stale / "journey-map.html").is_file()


def test_report_on_a_missing_folder_is_a_usage_error(tmp_path: Path):
    done = CliRunner().invoke(main, ["report", str(tmp_path / "nowhere")])

    assert done.exit_code == 4 and "no such run folder" in done.output


def test_the_second_run_says_what_started_and_stopped_failing(make_run):
    first = make_run([journey_dict(0, stale_total=True), journey_dict(1)], run_id="20261130-150000-aaaa")
    second = make_run([journey_dict(0), journey_dict(1, stale_total=True)], run_id="20261130-160000-bbbb")
    runner = CliRunner()

    runner.invoke(main, ["report", str(first)])
    done = runner.invoke(main, ["report", str(second)])

    assert "journeys: started failing since the previous run: A tablet ordered" in done.output
    assert "journeys: stopped failing since the previous run: A tablet ordered" in done.output
    summary = (second / "summary.md").read_text(encoding="utf-8")
    assert "**Started failing since the previous run**\n- A tablet ordered on the web is confirmed" in summary
    assert "[1]" in summary.split("**Started failing")[1].splitlines()[1]
    assert "**Stopped failing since the previous run**" in summary
    assert (first.parent.parent / "trend.sqlite").is_file()


def test_report_allure_without_node_says_so(one_stale: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    (one_stale / "allure-results").mkdir()
    monkeypatch.delenv("JOURNEYS_ALLURE", raising=False)
    monkeypatch.setenv("JOURNEYS_CACHE", str(tmp_path / "empty-cache"))
    monkeypatch.setattr(allure_cli.shutil, "which", lambda name: None)

    done = CliRunner().invoke(main, ["report", "--allure", str(one_stale)])

    assert done.exit_code == 1
    assert "Node.js is not installed" in done.output and "journey map and summary.md need no Node" in done.output
    assert (one_stale / "journey-map.html").is_file()


def test_report_allure_runs_allure_generate_with_a_history_path(
    one_stale: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    (one_stale / "allure-results").mkdir()
    fake = tmp_path / "allure"
    # Allure appends this run's point to the history its configuration names ($4: the configuration).
    point = '{"name": "journeys run", "testResults": {}}'
    history = '"$(dirname "$4")/allure-history.jsonl"'
    script = f'#!/bin/sh\necho "$@" > "$(dirname "$0")/called"\necho \'{point}\' >> {history}\n'
    fake.write_text(script, encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("JOURNEYS_ALLURE", str(fake))

    done = CliRunner().invoke(main, ["report", "--allure", str(one_stale)])

    assert done.exit_code == 0, done.output
    called = (tmp_path / "called").read_text(encoding="utf-8")
    assert called.startswith(f"generate {one_stale / 'allure-results'} --config {one_stale / 'allurerc.json'}")
    config = json.loads((one_stale / "allurerc.json").read_text(encoding="utf-8"))
    # Allure reads a copy of the kept history (allure_history); what it appends is kept.
    assert config["historyPath"] == str(one_stale / "allure-history.jsonl")
    kept = (one_stale.parent.parent / "allure-history.jsonl").read_text(encoding="utf-8")
    assert kept.splitlines() == ['{"name": "journeys run", "testResults": {}}']
    assert not (one_stale / "allure-history.jsonl").exists()
    # Allure 3 reads categories from its configuration, not from categories.json in the results.
    assert "Contradiction" in [rule["name"] for rule in config["categories"]["rules"]]


def test_a_trend_database_of_another_kind_is_named_and_the_reports_still_written(one_stale: Path):
    trend = one_stale.parent.parent / "trend.sqlite"
    trend.write_text("not a database", encoding="utf-8")

    done = CliRunner().invoke(main, ["report", str(one_stale)])

    assert done.exit_code == 0
    assert f"journeys: {trend}: trend not kept (DatabaseError: file is not a database);" in done.output
    assert "move" in done.output and (one_stale / "journey-map.html").is_file()
    assert str(trend) in (one_stale / "summary.md").read_text(encoding="utf-8")


def test_report_allure_names_unreadable_results_and_still_builds(
    one_stale: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    results = one_stale / "allure-results"
    results.mkdir()
    (results / "good-result.json").write_text('{"name": "A tablet"}', encoding="utf-8")
    (results / "cut-result.json").write_text('{"name": "A tab', encoding="utf-8")
    (results / "list-container.json").write_text("[]", encoding="utf-8")
    fake = tmp_path / "allure"
    fake.write_text("#!/bin/sh\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("JOURNEYS_ALLURE", str(fake))

    done = CliRunner().invoke(main, ["report", "--allure", str(one_stale)])

    assert done.exit_code == 0, done.output
    problems = [line for line in done.output.splitlines() if "not a readable Allure result" in line]
    assert len(problems) == 2
    assert str(results / "cut-result.json") in problems[0] and "(a JSON list)" in problems[1]
    assert f"allure       {one_stale / 'allure-report' / 'index.html'}" in done.output
