"""One verdict everywhere: the exit code, junit.xml, Allure and the terminal agree.

=====  ==========================================================
exit   meaning
=====  ==========================================================
0      every journey passed
1      violations, or steps that could not be carried out
2      interrupted (Ctrl-C)
3      configuration or system error (bad map, system down, unknown fault)
4      usage error (an unknown option or tag)
5      nothing selected (the message names the filter and the tags)
=====  ==========================================================

A run-wide error is not a journey's failure: the journeys are replaced by one
item named after the cause, whose setup fails with the message, so junit.xml
has one ``error`` testcase and Allure one ``broken`` result, and the run exits 3.
"""

from __future__ import annotations

from typing import Any

import pytest

from journeys.plugin import runtime
from journeys.plugin.collect import JourneysItem

RUN_WIDE = "journeys-run-error"
EXIT_RUN_WIDE = 3


class RunWideError(JourneysItem):
    """Stands in for every journey when the run cannot start; fails in setup with the cause."""

    def __init__(self, *, failure: BaseException, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.failure = failure

    def setup(self) -> None:
        raise self.failure

    def runtest(self) -> None:  # never reached: setup fails
        raise self.failure

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        return _describe(excinfo.value)

    # A failing setup is reported through this one, not repr_failure.
    def _repr_failure_py(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        return _describe(excinfo.value)

    def reportinfo(self) -> tuple[str, int, str]:
        return "journeys", 0, self.name


def of(config: pytest.Config) -> Verdict:
    """The run's verdict keeper (registered when the plugin is configured)."""
    found = config.pluginmanager.get_plugin("journeys-verdict")
    assert isinstance(found, Verdict)
    return found


def start_or_replace(session: pytest.Session, items: list[pytest.Item]) -> None:
    """Start the system under test before the first journey; on failure, one run-wide error item."""
    config = session.config
    if config.option.collectonly or not any(hasattr(i, "scenario") for i in items):
        return
    run = runtime.current(config)
    try:
        run.start_system()
    except Exception as exc:  # noqa: BLE001 - every kind of start failure is the run's error
        cause = type(exc).__name__
        items[:] = [RunWideError.from_parent(session, name=f"{RUN_WIDE}[{cause}]", failure=exc)]


class Verdict:
    """A per-run plugin object: sees every report (the controller's too, for xdist workers)."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.run_wide: str | None = None
        self.collected: list[pytest.Item] = []
        self.interrupted = False

    def pytest_keyboard_interrupt(self, excinfo: pytest.ExceptionInfo[BaseException]) -> None:
        self.interrupted = self.interrupted or excinfo.errisinstance(KeyboardInterrupt)

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
        from journeys.errors import JourneyInterrupted

        if call.excinfo is not None and call.excinfo.errisinstance(JourneyInterrupted):
            self.interrupted = True
        return (yield)

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if RUN_WIDE in report.nodeid and report.failed:
            self.run_wide = report.longreprtext

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        if self.run_wide and exitstatus in (pytest.ExitCode.TESTS_FAILED, pytest.ExitCode.OK):
            session.exitstatus = EXIT_RUN_WIDE
        elif self.interrupted:
            session.exitstatus = pytest.ExitCode.INTERRUPTED

    def pytest_terminal_summary(self, terminalreporter: Any, exitstatus: int) -> None:
        """A last line that says what the exit code means, when it is not a plain pass or fail."""
        from journeys.plugin.selection import known_tags, nothing_selected

        write = terminalreporter.write_line
        if self.run_wide:
            write("journeys: the run could not start (exit 3): no journey ran; the cause is above.", red=True)
        elif exitstatus == pytest.ExitCode.NO_TESTS_COLLECTED:
            write(nothing_selected(self.config, known_tags(self.config, self.collected)), yellow=True)
        elif self.interrupted:
            write("journeys: interrupted (exit 2): the journeys that finished kept their results.", yellow=True)


def _describe(exc: BaseException) -> str:
    from journeys.errors import JourneysError

    text = str(exc) if isinstance(exc, JourneysError) else f"{type(exc).__name__}: {exc}"
    return f"{type(exc).__name__}: the run could not start.\n{text}"
