"""Progress of a long run in pytest's own output: journeys done, failing so far, time left.

::

    features/order/web_order.feature F.
    journeys: 2/24 done, 1 failing, ~3 min left
    features/order/webbestelling.feature F

A line when all journeys of a feature file have finished, and at least every
``EVERY`` seconds in between, for a person at a terminal only: in CI (``CI``
set), with output to a file or pipe, or with ``-q``, pytest's own output
stays as it is. Time left is the run's pace so far (finished journeys per
second of wall clock, so parallel workers count) applied to the journeys
still to run. Counted in the controller, which sees every worker's reports.
"""

from __future__ import annotations

import math
import time
from collections import Counter
from typing import Any

import pytest

from journeys.plugin import runtime

__all__ = ["EVERY", "Progress", "journey_ids", "quiet_reason", "register", "time_left"]

EVERY = 30.0  # seconds between two lines within one long feature file


def register(config: pytest.Config) -> None:
    """Count the journeys of this run, in the controller (xdist workers' reports reach it)."""
    if not hasattr(config, "workerinput"):
        config.pluginmanager.register(Progress(config, ci=runtime.settings(config).ci), "journeys-progress")


def quiet_reason(config: pytest.Config, terminal: Any, *, ci: bool) -> str | None:
    """Why no progress is shown (CI: the run's settings read ``CI``; not a terminal; -q), or None when it is."""
    if ci:
        return "CI"
    if terminal is None or not terminal.isatty():
        return "not a terminal"
    if config.get_verbosity() < 0:
        return "-q"
    return None


def time_left(seconds: float) -> str:
    """``~40 s left``, ``~3 min left``, ``~1 h 5 min left``: rounded up, as precise as an estimate is."""
    if seconds < 60:
        return f"~{max(1, math.ceil(seconds))} s left"
    minutes = math.ceil(seconds / 60)
    if minutes < 60:
        return f"~{minutes} min left"
    hours, minutes = divmod(minutes, 60)
    return f"~{hours} h {minutes} min left" if minutes else f"~{hours} h left"


def journey_ids(items: list[pytest.Item] | None = None, *, ids: list[str] | None = None) -> list[str]:
    """The node ids of the journeys among ``items``, or among the node ids an xdist worker collected.

    A journey is a feature file's scenario, or a test taking the ``journey`` fixture (pytest-bdd
    bindings); from node ids alone (the xdist controller collects nothing) only the first is known.
    """
    if items is not None:
        return [i.nodeid for i in items if hasattr(i, "scenario") or "journey" in getattr(i, "fixturenames", ())]
    return [nodeid for nodeid in ids or [] if _feature(nodeid).endswith(".feature")]


def _feature(nodeid: str) -> str:
    return nodeid.split("::", 1)[0]


class Progress:
    """Counts finished and failing journeys; writes a line at feature ends and every ``EVERY`` seconds."""

    def __init__(self, config: pytest.Config, *, ci: bool = False) -> None:
        self.config = config
        self.ci = ci  # a CI job: no lines
        self.terminal: Any = None
        self.journeys: dict[str, str] = {}  # nodeid -> feature file
        self.left_in: Counter[str] = Counter()  # feature file -> journeys not finished
        self.done: set[str] = set()
        self.failing: set[str] = set()
        self.started = 0.0
        self.last_line = 0.0

    def _count(self, nodeids: list[str]) -> None:
        self.journeys = {nodeid: _feature(nodeid) for nodeid in nodeids}
        self.left_in = Counter(self.journeys.values())
        self.started = self.last_line = time.monotonic()
        terminal = self.config.pluginmanager.get_plugin("terminalreporter")
        if self.journeys and quiet_reason(self.config, terminal, ci=self.ci) is None:
            self.terminal = terminal

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        self._count(journey_ids(session.items))

    @pytest.hookimpl(optionalhook=True)
    def pytest_xdist_node_collection_finished(self, node: Any, ids: list[str]) -> None:
        # The controller collects nothing itself; every worker collects the same items: the first one counts.
        if not self.journeys:
            self._count(journey_ids(ids=ids))

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        nodeid = report.nodeid
        if nodeid not in self.journeys or nodeid in self.done:
            return
        if report.failed:
            self.failing.add(nodeid)
        if report.when != "teardown":
            return
        self.done.add(nodeid)
        feature = self.journeys[nodeid]
        self.left_in[feature] -= 1
        now = time.monotonic()
        if len(self.done) < len(self.journeys) and (self.left_in[feature] == 0 or now - self.last_line >= EVERY):
            self.last_line = now
            self._write(now)

    def line(self, now: float) -> str:
        """``journeys: 12/24 done, 2 failing, ~40 s left``."""
        done, total = len(self.done), len(self.journeys)
        pace = done / max(now - self.started, 1e-6)  # journeys per second of wall clock
        return f"journeys: {done}/{total} done, {len(self.failing)} failing, {time_left((total - done) / pace)}"

    def _write(self, now: float) -> None:
        if self.terminal is not None:
            self.terminal.write_line(self.line(now), cyan=True)
