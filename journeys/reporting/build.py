"""Every report of one run folder at once: trend, gate thresholds, journey map and summary.

The pytest plugin calls this at the end of a run, ``journeys report`` on any
run folder later, a population simulation after it wrote its ledgers: all of
them read the folder, none needs pytest. A report that cannot be written in
full (a trend database out of reach, a bad gate setting) says why in the
report and is still written.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from journeys.errors import ConfigError
from journeys.reporting.durations import DurationStore
from journeys.reporting.gate import Thresholds, crossings, read_thresholds
from journeys.reporting.journey_map import PageExtras, write_map
from journeys.reporting.ledgers import RunResults, TestCase, read_run
from journeys.reporting.report_settings import ReportSettings
from journeys.reporting.summary import write_summary
from journeys.reporting.trend import TrendStore, trend_path
from journeys.reporting.versions import read_version

__all__ = ["Built", "build_reports"]


@dataclass
class Built:
    """What was written, and what a gate run must act on."""

    results: RunResults
    map_path: Path
    summary_path: Path
    crossed: list[str] = field(default_factory=list)  # gate thresholds crossed
    trend: dict[str, str] = field(default_factory=dict)
    setting_error: str | None = None  # a [tool.journeys.gate] the gate could not read

    @property
    def gate_failed(self) -> bool:
        """Whether the thresholds (or their unreadable settings) fail a gate run."""
        return bool(self.crossed) or self.setting_error is not None


def build_reports(
    folder: Path,
    *,
    rootdir: Path = Path("."),
    testcases: list[TestCase] | None = None,
    gate_run: bool = False,
    language: str | None = None,
    record: bool = True,
    problems: Sequence[str] = (),
    retried: Collection[str] = (),
    report: ReportSettings | None = None,
) -> Built:
    """Read the run folder, record its trend, write ``journey-map.html`` and ``summary.md``.

    Args:
        folder: the run folder (``reports/runs/<id>``).
        rootdir: where ``pyproject.toml`` with ``[tool.journeys.gate]`` is.
        testcases: the testcases as the caller saw them (else read from ``junit.xml``).
        gate_run: a ``--gate`` run: the summary's headline gives the gate's verdict.
        language: ``en`` or ``nl`` for the map and summary (default: the language the features were written in).
        record: keep the run in the trend and its durations (not a shard's run: its merge is kept, once).
        problems: what the caller found wrong with the folder (a merge: a missing shard), reported first.
        retried: journeys this run ran more than once (retries): flaky when they passed in the end.
        report: where the trend is kept and the run folder published (``--trend-db``, ``--report-url``).
    """
    report = report or ReportSettings()
    results = read_run(folder, testcases)
    results.problems[:0] = problems
    setting_error = None
    try:
        thresholds = read_thresholds(rootdir)
    except ConfigError as exc:
        thresholds, setting_error = Thresholds(), str(exc)
    crossed = crossings(results, thresholds)
    if setting_error:
        crossed.insert(0, f"the gate's settings could not be read: {setting_error}")
    trend: dict[str, str] = {}
    try:
        path = trend_path(results.folder, report.trend_db)
        if record:
            store = TrendStore(path)
            outcomes = {j.name: j.outcome for j in results.journeys}
            store.record(results.run_id, outcomes, version=read_version(results.folder))
            retried_passed = [name for name in retried if outcomes.get(name) == "passed"]
            trend = store.changes(results.run_id, list(outcomes), thresholds.flaky_window, retried_passed)
            ran = [case for case in results.testcases if case.status in ("passed", "failed")]
            DurationStore(path).record(results.run_id, {case.name: case.seconds for case in ran})
    except ConfigError as exc:
        results.problems.append(f"trend not kept: {exc}")
    except (OSError, sqlite3.Error) as exc:  # the map and summary are still written
        results.problems.append(
            f"{path}: trend not kept ({type(exc).__name__}: {exc}); a file of another program or another"
            " journeys version can be moved aside: the next run starts a new trend"
        )
    map_path = write_map(results, PageExtras(trend, crossed, report.report_url), language=language)
    summary_path = write_summary(
        results, gate=crossed, trend=trend, gate_run=gate_run, language=language, report_url=report.report_url
    )
    return Built(results, map_path, summary_path, crossed, trend, setting_error)
