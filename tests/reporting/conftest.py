"""Fixtures for the report tests: run folders of generated ledgers (no browser, no shop)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from ledger_factory import journey_dict, write_run


@pytest.fixture(autouse=True)
def _own_trend_db(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Each test keeps its trend in its own folder, never in the checkout's reports/."""
    monkeypatch.delenv("JOURNEYS_TREND_DB", raising=False)
    monkeypatch.delenv("JOURNEYS_REPORT_URL", raising=False)


@pytest.fixture
def make_run(tmp_path: Path) -> Callable[..., Path]:
    """A run folder ``<tmp>/reports/runs/<id>`` holding the given ledger dicts."""

    def make(journeys: list[dict[str, Any]], run_id: str = "20261130-152200-abcd", **options: Any) -> Path:
        return write_run(tmp_path / "reports" / "runs" / run_id, journeys, **options)

    return make


@pytest.fixture
def one_stale(make_run: Callable[..., Path]) -> Path:
    """A run of three journeys: a clean one, one with a stale mail total, one Dutch with a broken promise."""
    return make_run(
        [
            journey_dict(0),
            journey_dict(1, stale_total=True),
            journey_dict(2, lang="nl", promise_broken=True, name="Een tablet besteld op het web"),
        ]
    )
