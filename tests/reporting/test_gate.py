"""The gate's thresholds: read from pyproject.toml, crossed by effort or a slow touchpoint."""

from __future__ import annotations

from pathlib import Path

import pytest
from ledger_factory import journey_dict

from journeys.errors import ConfigError
from journeys.reporting.build import build_reports
from journeys.reporting.gate import Thresholds, crossings, read_thresholds
from journeys.reporting.ledgers import read_run


def _pyproject(folder: Path, table: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pyproject.toml").write_text(f"[project]\nname = 'x'\n\n{table}", encoding="utf-8")
    return folder


def test_thresholds_are_read_from_the_gate_table(tmp_path: Path):
    root = _pyproject(
        tmp_path,
        "[tool.journeys.gate]\nmax_effort_score = 20\nmax_response_seconds = 5\nflaky_window = 8\n"
        '[tool.journeys.gate.response_seconds]\n"returns.portal" = 8.5\n',
    )

    thresholds = read_thresholds(root)

    assert thresholds.max_effort_score == 20 and thresholds.max_response_seconds == 5
    assert thresholds.flaky_window == 8
    assert thresholds.response_limit("returns.portal") == (8.5, 'response_seconds."returns.portal"')
    assert thresholds.response_limit("web.checkout") == (5, "max_response_seconds")


def test_no_pyproject_or_no_table_means_no_thresholds(tmp_path: Path):
    assert read_thresholds(tmp_path) == Thresholds()
    assert read_thresholds(_pyproject(tmp_path / "p", "")).max_effort_score is None


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ("max_effort = 20", "tool.journeys.gate: unknown setting max_effort"),
        ('max_effort_score = "high"', "tool.journeys.gate.max_effort_score: a number, not 'high'"),
        ("max_response_seconds = true", "max_response_seconds: a number, not True"),
        ("response_seconds = 3", "response_seconds: a table of touchpoint = seconds"),
    ],
)
def test_a_wrong_setting_names_the_file_and_key(tmp_path: Path, table: str, message: str):
    root = _pyproject(tmp_path, f"[tool.journeys.gate]\n{table}\n")

    with pytest.raises(ConfigError, match=str(root / "pyproject.toml")) as caught:
        read_thresholds(root)
    assert message in str(caught.value)


def test_effort_above_the_limit_is_crossed_and_says_which_journey(make_run):
    results = read_run(make_run([journey_dict(0), journey_dict(1, asked_again=True, promise_broken=True)]))

    crossed = crossings(results, Thresholds(max_effort_score=20))

    assert len(crossed) == 1
    assert "[1]: effort score 25.2 is above 20 (max_effort_score)" in crossed[0]


def test_a_slow_touchpoint_is_crossed_unless_its_own_limit_allows_it(make_run):
    results = read_run(make_run([journey_dict(0, slow_seconds=6)]))

    assert crossings(results, Thresholds(max_response_seconds=5)) == [
        f"{results.journeys[0].name}: app.order took 6.4 s to answer, above 5 s (max_response_seconds)"
    ]
    assert crossings(results, Thresholds(max_response_seconds=5, response_seconds={"app.order": 10})) == []


def test_build_reports_fails_the_gate_on_a_crossed_threshold_and_writes_both_files(make_run, tmp_path: Path):
    folder = make_run([journey_dict(0, slow_seconds=9)])
    root = _pyproject(tmp_path / "project", "[tool.journeys.gate]\nmax_response_seconds = 5\n")

    built = build_reports(folder, rootdir=root, gate_run=True)

    assert built.gate_failed and "app.order took 9.4 s" in built.crossed[0]
    assert built.map_path.is_file() and built.summary_path.is_file()
    assert "gate **failed**" in built.summary_path.read_text(encoding="utf-8")


def test_unreadable_gate_settings_fail_the_gate_but_the_reports_are_written(make_run, tmp_path: Path):
    folder = make_run([journey_dict(0)])
    root = _pyproject(tmp_path / "project", "[tool.journeys.gate]\nmax_wait = 5\n")

    built = build_reports(folder, rootdir=root)

    assert built.gate_failed and built.setting_error and "unknown setting max_wait" in built.crossed[0]
    assert built.summary_path.is_file()
