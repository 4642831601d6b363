"""The plugin's reports object and ``journeys run --gate``, without a browser or a shop."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from click.testing import CliRunner
from ledger_factory import journey_dict

from journeys.cli import main
from journeys.plugin import reports, runtime
from journeys.run.settings import RunSettings


def _controller(folder: Path, root: Path, *, gate: bool = False) -> Any:
    """A stand-in for pytest's config in the controller: stash and the run with its settings."""
    config = SimpleNamespace(
        stash=pytest.Stash(),
        option=SimpleNamespace(collectonly=False, allure_report_dir=str(folder / "allure-results")),
        rootpath=root,
        getoption=lambda name, default=None: {"shard": None, "gate": gate}.get(name, default),
        pluginmanager=SimpleNamespace(
            registered=[], register=lambda plugin, name: config.pluginmanager.registered.append(name)
        ),
    )
    settings = RunSettings(
        faults=("email-total-stale",), seed=7, reports_dir=folder.parent.parent, run_id=folder.name, gate=gate
    )
    config.stash[runtime._RUN] = runtime.Run(config, settings)  # type: ignore[arg-type]
    return config


def _report(nodeid: str, when: str, outcome: str, text: str = "") -> Any:
    return SimpleNamespace(
        nodeid=nodeid,
        when=when,
        passed=outcome == "passed",
        skipped=outcome == "skipped",
        failed=outcome == "failed",
        longreprtext=text,
        duration=1.5,
    )


@pytest.fixture
def gated(make_run, tmp_path: Path) -> tuple[Any, Path]:
    folder = make_run([journey_dict(0, slow_seconds=9)])
    root = tmp_path / "project"
    root.mkdir()
    (root / "pyproject.toml").write_text("[tool.journeys.gate]\nmax_response_seconds = 5\n", encoding="utf-8")
    return _controller(folder, root, gate=True), folder


def test_a_crossed_threshold_fails_a_passing_gate_run_and_says_which(gated):
    config, folder = gated
    plugin = reports.Reports(config)
    session = SimpleNamespace(exitstatus=pytest.ExitCode.OK)

    plugin.pytest_sessionfinish(session, 0)  # type: ignore[arg-type]
    lines: list[str] = []
    plugin.pytest_terminal_summary(SimpleNamespace(write_line=lambda text, **_: lines.append(text)), 1)

    assert session.exitstatus == pytest.ExitCode.TESTS_FAILED, plugin.failures
    assert any("journeys gate:" in line and "app.order took 9.4 s" in line for line in lines)
    assert (folder / "summary.md").is_file() and (folder / "journey-map.html").is_file()
    assert (folder / "allure-results" / "categories.json").is_file()
    environment = (folder / "allure-results" / "environment.properties").read_text(encoding="utf-8")
    assert "faults=email-total-stale" in environment and "seed=7" in environment
    assert lines[-1] == "journeys gate: FAILED (exit 1): 1 journey passed; 1 threshold crossed"
    version = json.loads((folder / "version.json").read_text(encoding="utf-8"))
    assert version["system"] == (
        "system refshop at an embedded refshop started for this run; faults: email-total-stale"
    )


@pytest.mark.parametrize(
    ("outcome", "exit_code", "verdict"),
    [
        ("failed", 1, "journeys gate: FAILED (exit 1): 1 journey did not pass; no thresholds crossed"),
        ("passed", 0, "journeys gate: passed: 1 journey passed; no thresholds crossed"),
    ],
)
def test_the_gate_says_its_verdict_whatever_decided_it(make_run, monkeypatch, tmp_path, outcome, exit_code, verdict):
    folder = make_run([journey_dict(0, stale_total=outcome == "failed")])
    plugin = reports.Reports(_controller(folder, tmp_path, gate=True))
    plugin.pytest_sessionfinish(SimpleNamespace(exitstatus=exit_code), exit_code)  # type: ignore[arg-type]
    lines: list[str] = []
    plugin.pytest_terminal_summary(SimpleNamespace(write_line=lambda text, **_: lines.append(text)), exit_code)

    assert lines[-1] == verdict


def test_without_the_gate_a_threshold_is_reported_but_the_exit_code_stands(gated):
    _, folder = gated
    config = _controller(folder, folder.parents[2] / "project")
    session = SimpleNamespace(exitstatus=pytest.ExitCode.OK)

    reports.Reports(config).pytest_sessionfinish(session, 0)  # type: ignore[arg-type]

    assert session.exitstatus == pytest.ExitCode.OK


def test_testcases_are_taken_from_the_reports_as_junit_would_have_them(gated):
    config, folder = gated
    plugin = reports.Reports(config)
    for report in (
        _report("features/a.feature::Lost", "setup", "failed", "SystemUnreachable: down\nmore"),
        _report("features/a.feature::Fine", "setup", "passed"),
        _report("features/a.feature::Fine", "call", "passed"),
    ):
        plugin.pytest_runtest_logreport(report)  # type: ignore[arg-type]

    plugin.pytest_sessionfinish(SimpleNamespace(exitstatus=1), 1)  # type: ignore[arg-type]

    assert [(c.name, c.status) for c in plugin.cases] == [("Lost", "error"), ("Fine", "passed")]
    assert "Lost: SystemUnreachable: down more" in (folder / "summary.md").read_text(encoding="utf-8")


def test_reports_are_written_by_the_controller_only(gated):
    config, _ = gated
    reports.register(config)
    config.workerinput = {"workerid": "gw0"}
    reports.register(config)

    assert config.pluginmanager.registered == ["journeys-reports"]


def test_a_run_without_journeys_writes_no_reports(tmp_path: Path):
    config = _controller(tmp_path / "runs" / "never-made", tmp_path)
    plugin = reports.Reports(config)

    plugin.pytest_sessionfinish(SimpleNamespace(exitstatus=5), 5)  # type: ignore[arg-type]

    assert plugin.built is None and not (tmp_path / "runs").exists()


def test_journeys_run_gate_selects_the_gate_journeys(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    seen: list[list[str]] = []
    monkeypatch.setattr(pytest, "main", lambda args, plugins: seen.append(args) or 0)
    feature = tmp_path / "x.feature"
    feature.write_text("Feature: x\n", encoding="utf-8")

    plain = CliRunner().invoke(main, ["run", str(feature), "--gate"])
    tagged = CliRunner().invoke(main, ["run", str(feature), "--gate", "--tags", "web or app"])

    assert plain.exit_code == 0 and tagged.exit_code == 0
    assert "--tags=@gate" in seen[0]
    assert "--tags=(web or app) and @gate" in seen[1]
    assert "--gate" in seen[0] and "--gate" in seen[1]  # the plugin holds the run to the thresholds


def test_the_collected_journeys_are_planned_so_a_cut_short_run_names_the_rest(gated):
    config, folder = gated
    plugin = reports.Reports(config)
    items = [SimpleNamespace(nodeid=f"features/a.feature::{name}", scenario=object()) for name in ("Done", "Never ran")]
    items.append(SimpleNamespace(nodeid="tests/test_unit.py::test_not_a_journey", fixturenames=[]))

    plugin.pytest_collection_finish(SimpleNamespace(items=items))  # type: ignore[arg-type]
    plugin.pytest_runtest_logreport(_report("features/a.feature::Done", "call", "passed"))  # type: ignore[arg-type]
    plugin.pytest_sessionfinish(SimpleNamespace(exitstatus=2), 2)  # type: ignore[arg-type]

    assert json.loads((folder / "planned.json").read_text(encoding="utf-8"))["journeys"] == ["Done", "Never ran"]
    summary = (folder / "summary.md").read_text(encoding="utf-8")
    assert "- Never ran (no result: the run stopped before this journey ended)" in summary
    assert "Done (" not in summary


def test_allure_extras_that_cannot_be_written_leave_the_map_and_summary(gated):
    config, folder = gated
    config.option.allure_report_dir = str(folder / "junit.xml")  # a file where a folder should be
    plugin = reports.Reports(config)

    plugin.pytest_sessionfinish(SimpleNamespace(exitstatus=0), 0)  # type: ignore[arg-type]
    lines: list[str] = []
    plugin.pytest_terminal_summary(SimpleNamespace(write_line=lambda text, **_: lines.append(text)), 0)

    assert lines[0].startswith("journeys: Allure's extras could not be written: FileExistsError")
    assert (folder / "summary.md").is_file() and (folder / "journey-map.html").is_file()


def test_the_terminal_names_every_kind_of_trend(make_run, tmp_path: Path):
    from journeys.reporting.build import Built
    from journeys.reporting.ledgers import read_run

    folder = make_run([journey_dict(0)])
    plugin = reports.Reports(_controller(folder, tmp_path))
    trend = {"A": "started", "B": "again", "C": "stopped", "D": "flaky"}
    plugin.built = Built(read_run(folder), folder / "m.html", folder / "s.md", trend=trend)
    lines: list[str] = []
    plugin.pytest_terminal_summary(SimpleNamespace(write_line=lambda text, **_: lines.append(text)), 0)

    assert lines[:4] == [
        "journeys: started failing since the previous run: A",
        "journeys: failing again (failed before, passed after a change, fails again): B",
        "journeys: stopped failing since the previous run: C",
        "journeys: flaky (passed and failed on the same code and system): D",
    ]


def test_a_gate_run_where_no_journey_ran_still_says_its_verdict(make_run, monkeypatch, tmp_path: Path):
    plugin = reports.Reports(_controller(tmp_path / "reports" / "runs" / "never-made", tmp_path, gate=True))
    lines: list[str] = []
    plugin.pytest_terminal_summary(SimpleNamespace(write_line=lambda text, **_: lines.append(text)), 5)

    assert lines == ["journeys gate: FAILED (exit 5): no journey was judged"]
