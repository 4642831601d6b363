"""The trend: outcomes per journey across runs; which started or stopped failing, which are flaky."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeys.errors import ConfigError
from journeys.reporting.trend import TrendStore, trend_path


def _runs(store: TrendStore, *outcomes: str, journey: str = "order") -> str:
    run_id = ""
    for n, outcome in enumerate(outcomes):
        run_id = f"20261130-1500{n:02d}-aaaa"
        store.record(run_id, {journey: outcome, "steady": "passed"})
    return run_id


@pytest.fixture
def store(tmp_path: Path) -> TrendStore:
    return TrendStore(tmp_path / "trend.sqlite")


def test_a_journey_that_failed_after_passing_started_failing(store: TrendStore):
    last = _runs(store, "passed", "passed", "failed")

    assert store.changes(last, ["order", "steady"]) == {"order": "started"}


def test_a_journey_that_passed_after_failing_stopped_failing(store: TrendStore):
    last = _runs(store, "failed", "failed", "passed")

    assert store.changes(last, ["order"]) == {"order": "stopped"}


def test_a_journey_that_passes_and_fails_by_turns_is_flaky(store: TrendStore):
    last = _runs(store, "passed", "failed", "passed", "failed")

    assert store.changes(last, ["order"]) == {"order": "flaky"}


def test_flakiness_looks_only_at_the_last_runs(store: TrendStore):
    last = _runs(store, "failed", "passed", "failed", "passed", "passed", "passed", "passed")

    assert store.changes(last, ["order"], window=4) == {}
    assert store.changes(last, ["order"], window=7) == {"order": "flaky"}


def test_an_interrupted_run_neither_starts_nor_stops_anything(store: TrendStore):
    last = _runs(store, "passed", "failed", "interrupted")

    assert store.changes(last, ["order"]) == {}
    assert store.history("order", last, 5) == ["passed", "failed"]


def test_the_first_run_of_a_journey_has_nothing_to_compare(store: TrendStore):
    last = _runs(store, "failed")

    assert store.changes(last, ["order"]) == {}


def test_recording_a_run_again_counts_it_once(store: TrendStore):
    _runs(store, "passed")
    store.record("20261130-150001-aaaa", {"order": "failed"})
    store.record("20261130-150001-aaaa", {"order": "failed"})

    assert store.history("order", "20261130-150001-aaaa", 10) == ["passed", "failed"]


def test_the_trend_lives_beside_the_runs_or_where_the_setting_says(tmp_path: Path):
    run = tmp_path / "reports" / "runs" / "20261130-150000-aaaa"

    assert trend_path(run) == tmp_path / "reports" / "trend.sqlite"
    assert trend_path(run, f"sqlite:///{tmp_path}/shared/trend.sqlite") == tmp_path / "shared" / "trend.sqlite"
    assert trend_path(run, str(tmp_path / "plain.sqlite")) == tmp_path / "plain.sqlite"
    with pytest.raises(ConfigError, match=r"--trend-db \(JOURNEYS_TREND_DB\): 'postgresql://ci/trend' is not a SQLite"):
        trend_path(run, "postgresql://ci/trend")


def _versioned(store: TrendStore, *runs: tuple[str, str]) -> str:
    """Runs of (outcome, faults switched on) on the same code: the fault is the system's change."""
    from journeys.reporting.versions import RunVersion

    run_id = ""
    for n, (outcome, faults) in enumerate(runs):
        run_id = f"20261130-1600{n:02d}-bbbb"
        store.record(run_id, {"order": outcome}, version=RunVersion("abc123", f"refshop faults={faults}"))
    return run_id


def test_failing_after_a_pass_on_another_system_is_failing_again_not_flaky(store: TrendStore):
    last = _versioned(store, ("failed", "email-total-stale"), ("passed", "none"), ("failed", "email-total-stale"))

    assert store.changes(last, ["order"]) == {"order": "again"}


def test_passing_and_failing_on_the_same_code_and_system_is_flaky(store: TrendStore):
    last = _versioned(store, ("passed", "none"), ("failed", "none"))

    assert store.changes(last, ["order"]) == {"order": "flaky"}


def test_a_pass_only_on_a_retry_is_flaky(store: TrendStore):
    last = _versioned(store, ("passed", "none"))

    assert store.changes(last, ["order"], retried=["order"]) == {"order": "flaky"}


def test_a_trend_kept_before_versions_gets_their_columns(tmp_path: Path):
    import sqlite3

    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as db:
        db.executescript(
            "CREATE TABLE runs (run_id TEXT PRIMARY KEY, started TEXT NOT NULL);"
            "CREATE TABLE results (run_id TEXT NOT NULL, journey TEXT NOT NULL, outcome TEXT NOT NULL,"
            " PRIMARY KEY (run_id, journey));"
            "INSERT INTO runs VALUES ('20261130-150000-aaaa', '2026-11-30T15:00:00');"
            "INSERT INTO results VALUES ('20261130-150000-aaaa', 'order', 'passed');"
        )
    db.close()
    store = TrendStore(path)
    store.record("20261130-150001-aaaa", {"order": "failed"})

    assert store.changes("20261130-150001-aaaa", ["order"]) == {"order": "started"}


def test_the_code_version_is_the_ci_commit_or_git_with_what_is_not_committed(tmp_path: Path, monkeypatch):
    import subprocess

    from journeys.reporting.report_settings import ReportSettings
    from journeys.reporting.versions import RunVersion, code_version, read_version

    monkeypatch.setenv("GITHUB_SHA", "not-read-inside")  # the commit comes from the settings, read where they start
    assert code_version(tmp_path) == ""  # no git here
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / "a.txt").write_text("one", encoding="utf-8")
    subprocess.run([*git, "add", "."], cwd=tmp_path, check=True)
    subprocess.run([*git, "commit", "-qm", "one"], cwd=tmp_path, check=True)
    clean = code_version(tmp_path)
    (tmp_path / "a.txt").write_text("two", encoding="utf-8")
    assert code_version(tmp_path).startswith(clean + "+") and len(clean) == 40
    commit = ReportSettings.build(None, None, {"CI_COMMIT_SHA": "abc", "GIT_COMMIT": "def"}).commit
    assert commit == "abc" and code_version(tmp_path, commit) == "abc"
    RunVersion("abc", "shop").write(tmp_path)
    assert read_version(tmp_path) == RunVersion("abc", "shop")
    assert read_version(tmp_path / "nowhere") == RunVersion()
