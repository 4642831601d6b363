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


def test_the_trend_lives_beside_the_runs_or_where_the_environment_says(tmp_path: Path, monkeypatch):
    run = tmp_path / "reports" / "runs" / "20261130-150000-aaaa"

    assert trend_path(run) == tmp_path / "reports" / "trend.sqlite"
    monkeypatch.setenv("JOURNEYS_TREND_DB", f"sqlite:///{tmp_path}/shared/trend.sqlite")
    assert trend_path(run) == tmp_path / "shared" / "trend.sqlite"
    monkeypatch.setenv("JOURNEYS_TREND_DB", str(tmp_path / "plain.sqlite"))
    assert trend_path(run) == tmp_path / "plain.sqlite"
    monkeypatch.setenv("JOURNEYS_TREND_DB", "postgresql://ci/trend")
    with pytest.raises(ConfigError, match="JOURNEYS_TREND_DB: 'postgresql://ci/trend' is not a SQLite URL"):
        trend_path(run)
