"""At the end of every run: summary.md, journey-map.html, the trend, the gate, Allure's extras.

Registered in the controller only (xdist workers have ``workerinput``): the
workers write the ledgers, the controller reads them from the run folder
once all have finished. Reporting never breaks a run: a report that cannot
be written is one line in the terminal, the other reports are still written,
and the run's exit code stands. Once collected, the journeys are named in
``planned.json``, so a run cut short reports the ones that never finished.

``--gate`` (``journeys run --gate`` also selects the @gate journeys) makes crossed thresholds
of ``[tool.journeys.gate]`` fail a run that would otherwise pass (exit 1).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from journeys.plugin import allure_run, progress, runtime

if TYPE_CHECKING:
    from journeys.reporting.build import Built
    from journeys.reporting.ledgers import TestCase

# How the terminal colours what the trend says (reporting.words.TREND_SAID).
_TREND_COLOURS = {"started": "red", "again": "red", "stopped": "green", "flaky": "yellow"}


def register(config: pytest.Config) -> None:
    """Add the reports to this run, in the controller process only."""
    if not hasattr(config, "workerinput"):
        config.pluginmanager.register(Reports(config), "journeys-reports")


class Reports:
    """Sees every test report in the controller; writes the run's reports at session end."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.cases: list[TestCase] = []
        self.built: Built | None = None
        self.failures: list[str] = []
        self.planned: list[str] | None = None  # names of the journeys collected; None until collected
        self.planned_written = False
        self.retried: set[str] = set()  # journeys run again by a retry plugin (pytest-rerunfailures)
        self.promise_line = ""  # "2 promises stored in ..., next due ...", for the terminal
        self.outstanding_line = ""  # "1 promise still outstanding (1 broken at the last check): ..."
        self.crashed: list[tuple[str, str]] = []  # journeys whose worker died: node id, message

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        self._plan(progress.journey_ids(session.items))

    @pytest.hookimpl(optionalhook=True)
    def pytest_xdist_node_collection_finished(self, node: Any, ids: list[str]) -> None:
        self._plan(progress.journey_ids(ids=ids))

    def _plan(self, nodeids: list[str]) -> None:
        """The journeys about to run (the first xdist worker's list: the others are the same)."""
        if nodeids and self.planned is None and not self.config.option.collectonly:
            self.planned = [nodeid.rsplit("::", 1)[-1] for nodeid in nodeids]
            self._write_planned()

    def _write_planned(self) -> None:
        """``planned.json`` in the run folder, once the first journey made it (a run of unit tests makes none)."""
        from journeys.reporting.ledgers import write_planned

        folder = runtime.current(self.config).folder
        if self.planned and not self.planned_written and folder.is_dir():
            self.planned_written = True
            try:
                write_planned(folder, self.planned)
            except OSError as exc:
                self.failures.append(f"journeys: {folder}: the planned journeys could not be written: {exc}")

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        from journeys.reporting.ledgers import TestCase, first_lines

        if getattr(report, "outcome", "") == "rerun":
            self.retried.add(report.nodeid.rsplit("::", 1)[-1])
        # One testcase per item, as junit.xml has it: its call, the setup that kept it from running,
        # or the crash of the worker that was running it (xdist reports that outside any phase).
        crashed = report.when not in ("setup", "call", "teardown") and report.failed
        if report.when == "call" or (report.when == "setup" and not report.passed) or crashed:
            status = "passed" if report.passed else "skipped" if report.skipped else "failed"
            if report.when == "setup" and report.failed:
                status = "error"
            text = report.longreprtext.strip()[:4000] if not report.passed else ""
            name = report.nodeid.rsplit("::", 1)[-1]
            self.cases.append(TestCase(name, report.nodeid, status, first_lines(text), report.duration, text=text))

    @pytest.hookimpl(optionalhook=True)
    def pytest_handlecrashitem(self, crashitem: str, report: pytest.TestReport, sched: Any) -> None:
        """A journey whose xdist worker died: said in the run's words, and kept for Allure."""
        worker = getattr(getattr(getattr(report, "node", None), "gateway", None), "id", "a worker")
        report.longrepr = worker_died(crashitem, str(worker), runtime.current(self.config).folder)
        self.crashed.append((crashitem, str(report.longrepr)))

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        run = runtime.current(self.config)
        allure_run.crashed(self._allure_results(), self.crashed)
        if not run.folder.is_dir() or self.config.option.collectonly:
            return  # no journey ran: nothing to report
        if exitstatus == pytest.ExitCode.USAGE_ERROR and run.session is None and run.failure is None:
            refused_at_the_door(run.folder)  # junit.xml and Allure made it; no journey did
            return
        gate = run.settings.gate
        self._write_planned()  # not yet written when the folder was made after collection (pytest-bdd bindings)
        try:
            allure_run.extras(self._allure_results(), run)
        except Exception as exc:  # noqa: BLE001 - Allure's extras must not cost the map and the summary
            self.failures.append(f"journeys: Allure's extras could not be written: {type(exc).__name__}: {exc}")
        try:
            from journeys.promises.digest import write_run_digest

            if write_run_digest(run.folder, run.promise_store, run.run_id):
                from journeys.reporting.promise_lines import outstanding_line, read_digest, stored_line

                digest = read_digest(run.folder) or {}
                self.promise_line = stored_line(digest).replace("`", "")
                self.outstanding_line = outstanding_line(digest)
        except Exception as exc:  # noqa: BLE001 - the promises' lines must not cost the map and the summary
            self.failures.append(f"journeys: the promise store could not be read: {exc}")
        try:
            from journeys.plugin.sharding import is_shard
            from journeys.reporting.build import build_reports

            self._write_version(run)
            self.built = build_reports(
                run.folder,
                rootdir=self.config.rootpath,
                testcases=self.cases,
                gate_run=gate,
                record=not is_shard(self.config),  # the merge of the shards is kept, once
                retried=self.retried,
                report=run.settings.report,
            )
        except Exception as exc:  # noqa: BLE001 - a report must not change the run's verdict
            self.failures.append(f"journeys: the reports could not be written: {type(exc).__name__}: {exc}")
            return
        if self.built is not None and (failure := allure_run.trend(self._allure_results(), self.built)):
            self.failures.append(failure)
        if gate and self.built.gate_failed:
            self._gate_case(run, self.built.crossed)
            if session.exitstatus == pytest.ExitCode.OK:
                session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def _gate_case(self, run: runtime.Run, crossed: list[str]) -> None:
        """The crossed thresholds as a failed testcase in junit.xml and in Allure, as the exit code says."""
        from journeys.reporting.gate_case import add_to_allure, add_to_junit

        results = self._allure_results()
        try:
            add_to_junit(Path(self.config.option.xmlpath or run.folder / "junit.xml"), crossed)
            if results:
                add_to_allure(results, crossed)
        except Exception as exc:  # noqa: BLE001 - the exit code and the summary still tell it
            self.failures.append(f"journeys: the gate's testcase could not be written: {type(exc).__name__}: {exc}")

    def _allure_results(self) -> Path | None:
        """Where allure-pytest writes this run's results (``--alluredir``), if it does."""
        results = getattr(self.config.option, "allure_report_dir", None)
        return Path(results) if results else None

    def _write_version(self, run: runtime.Run) -> None:
        """``version.json``: the code and system this run tested, so the trend tells a flake from a regression."""
        from journeys.reporting.versions import RunVersion, code_version

        settings = run.settings
        from journeys.plugin import systems_at

        faults = ", ".join(sorted(settings.faults)) or "none"
        # Each system with its map's address: an embedded one's changes with every run (a free port), and
        # it is the same system.
        system = f"{systems_at(settings.systems, settings.base_url, settings.variables)}; faults: {faults}"
        try:
            RunVersion(code_version(self.config.rootpath, settings.report.commit), system).write(run.folder)
        except OSError as exc:
            self.failures.append(f"journeys: {run.folder}: the run's version could not be written: {exc}")

    def pytest_terminal_summary(self, terminalreporter: Any, exitstatus: int) -> None:
        write = terminalreporter.write_line
        for failure in self.failures:
            write(failure, yellow=True)
        if self.built is None:
            if self.config.getoption("gate", False) and exitstatus != 0:  # no journey ran, or no report written
                write(f"journeys gate: FAILED (exit {int(exitstatus)}): no journey was judged", red=True, bold=True)
            return
        for problem in self.built.results.problems:
            write(f"journeys: {problem}", yellow=True)
        colour = {"red": True} if runtime.settings(self.config).gate else {"yellow": True}
        for line in self.built.crossed:
            write(f"journeys gate: {line}", **colour)
        from journeys.reporting.report_words import TREND_SAID

        for kind, said in TREND_SAID.items():
            names = sorted(n for n, v in self.built.trend.items() if v == kind)
            if names:
                write(f"journeys: {said}: {'; '.join(names)}", **{_TREND_COLOURS[kind]: True})
        if self.promise_line:
            write(f"journeys: {self.promise_line}")
        if self.outstanding_line:
            write(f"journeys: {self.outstanding_line}", yellow=True)
        write(f"journeys: journey map {self.built.map_path}")
        write(f"journeys: summary     {self.built.summary_path}")
        if self.config.getoption("gate", False):
            self._gate_verdict(write, exitstatus)

    def _gate_verdict(self, write: Any, exitstatus: int) -> None:
        """The gate's verdict, whatever decided it: violations, errors, thresholds or nothing at all."""
        from journeys.reporting.summary import headline

        assert self.built is not None
        crossed = len(self.built.crossed)
        why = f"{headline(self.built.results)}; {crossed or 'no'} threshold{'s' * (crossed != 1)} crossed"
        closed = exitstatus != 0 or self.built.gate_failed
        verdict = f"FAILED (exit {int(exitstatus) or 1})" if closed else "passed"
        write(f"journeys gate: {verdict}: {why}", **({"red": True} if closed else {"green": True}), bold=True)


def refused_at_the_door(folder: Path) -> None:
    """Take away the run folder a usage error left (an empty junit.xml, an empty allure-results):
    a run refused at the door has no results, and a folder would say "all 0 journeys passed"."""
    results = folder / "allure-results"
    if results.is_dir() and not any(results.iterdir()):
        results.rmdir()
    for name in ("junit.xml", "planned.json"):
        (folder / name).unlink(missing_ok=True)
    for empty in (folder, folder.parent):  # the run's folder, and reports/runs/ when it was the first
        try:
            empty.rmdir()  # only when nothing else is in it
        except OSError:
            return


def worker_died(nodeid: str, worker: str, folder: Path) -> str:
    """What to tell of a journey whose xdist worker process died while walking it."""
    feature, _, name = nodeid.partition("::")
    return (
        f"{name or nodeid}: did not finish: the worker process running it ({worker}) died (killed, out of"
        " memory, or a crash of Python or the browser), so it has no verdict. Its evidence so far is under"
        f" {folder}/evidence. Run it again alone: journeys run {feature} -k '{name}'; if it dies again,"
        " look at the machine's memory (dmesg) or run it without -n."
    )
