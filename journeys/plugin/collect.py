"""Feature files as pytest tests, from any folder, with no generated test module.

Each ``.feature`` file is a ``FeatureFile``; each scenario (each Examples row
of an outline) a ``ScenarioItem`` whose ``runtest`` runs the scenario through
:func:`journeys.journey.runner.run_scenario`, the path a script or a load-test
user takes too. A file that cannot be read is one failing item saying
``file:line`` and why; the other files still run. Every item of journeys'
own (these, and the verdict's run-wide error) is a ``JourneysItem``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from journeys.plugin import runtime

if TYPE_CHECKING:
    from journeys.journey.journey import Journey
    from journeys.journey.runner import StepResult
    from journeys.vocabulary.feature import Scenario, ScenarioStep


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.suffix == ".feature" and parent.config.getini("journeys_features"):
        return FeatureFile.from_parent(parent, path=file_path)
    return None


class FeatureFile(pytest.File):
    """A ``.feature`` file: one item per scenario."""

    def collect(self) -> Any:
        from journeys.errors import FeatureFileError
        from journeys.vocabulary.feature import read_feature, unique_name

        try:
            scenarios = read_feature(self.path)
        except FeatureFileError as exc:
            yield UnreadableFeature.from_parent(self, name="unreadable", problem=exc)
            return
        names: set[str] = set()
        browsers = runtime.settings(self.config).browsers
        for scenario in scenarios:
            name = unique_name(scenario.title, names)
            # Several --browser: each scenario in each, as pytest-playwright parametrizes its tests.
            for browser in browsers if len(browsers) > 1 else (None,):
                shown = f"{name}[{browser}]" if browser else name
                item = ScenarioItem.from_parent(self, name=shown, scenario=scenario, browser=browser)
                for tag in scenario.tags:
                    item.add_marker(tag)
                yield item


class JourneysItem(pytest.Item):
    """An item that is no test function, and says so the way one does: it takes no fixtures.

    Some plugins read ``item.funcargs`` of every item they run (pytest-lsp 1.0 does, and stops the run
    of any item without it), so journeys' items have it, empty.
    """

    @property
    def funcargs(self) -> dict[str, Any]:
        return {}


class ScenarioItem(JourneysItem):
    """One scenario, walked by one synthetic customer."""

    def __init__(self, *, scenario: Scenario, browser: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.scenario = scenario
        self.browser = browser  # one of several --browser; None: the run's only one

    def setup(self) -> None:
        runtime.current(self.config).start_system()

    def runtest(self) -> None:
        from journeys.journey.runner import run_scenario
        from journeys.reporting import allure_report
        from journeys.vocabulary.catalogue import load_steps

        load_steps(self.config.rootpath)
        run = runtime.current(self.config)
        journey = run.new_journey(self.name, self.browser, language=self.scenario.language)
        allure_report.scenario(self.scenario)
        allure_report.follow(journey, run.settings.report.report_url)
        outcome = "interrupted"
        try:
            result = run_scenario(self.scenario, journey, listeners=[AllureSteps(journey)])
            outcome = "passed" if result.passed else "failed"
        except KeyboardInterrupt:
            # Recorded as what it is, everywhere (not passed), and the run stops here: exit 2.
            from journeys.errors import JourneyInterrupted

            self.session.shouldstop = "interrupted (Ctrl-C)"
            where = journey.step.location if journey.step else self.scenario.location
            raise JourneyInterrupted(f"{where}: interrupted (Ctrl-C); the journey stopped after this step") from None
        finally:
            _finish(journey, outcome, runtime.settings(self.config).output)
        result.raise_for_status()

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str | Any:
        from journeys.errors import JourneysError

        if isinstance(excinfo.value, JourneysError):
            # Our errors say what, where and what to do: a traceback would only bury that.
            return str(excinfo.value)
        return super().repr_failure(excinfo)

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, (self.scenario.row_line or self.scenario.line) - 1, f"Scenario: {self.scenario.title}"


class UnreadableFeature(JourneysItem):
    """A feature file that cannot be read: fails with ``file:line: why``."""

    def __init__(self, *, problem: Exception, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.problem = problem

    def runtest(self) -> None:
        raise self.problem

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        return str(excinfo.value)

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"{self.path.name}: unreadable"


class AllureSteps:
    """Every Gherkin step as an Allure step, failed where it failed or found a violation."""

    def __init__(self, journey: Journey) -> None:
        self.journey = journey
        self._open: list[Any] = []

    def step_started(self, step: ScenarioStep) -> None:
        from journeys.reporting import allure_report

        self._open.append(allure_report.start_step(f"{step.keyword} {step.text}"))

    def step_finished(self, step: ScenarioStep, result: StepResult) -> None:
        from journeys.errors import JourneyFailed
        from journeys.reporting import allure_report

        error: BaseException | None = result.error
        if result.status == "skipped":
            error = pytest.skip.Exception("an earlier step failed", _use_item_location=False)
        elif error is None and result.violations:
            error = JourneyFailed(self.journey.ledger.violations[-result.violations :])
        allure_report.stop_step(self._open.pop(), error)


def _finish(journey: Journey, outcome: str, output: Path | None = None) -> None:
    from journeys.reporting import allure_report

    allure_report.conclude(journey)
    path = journey.close(failed=outcome != "passed", outcome=outcome)
    allure_report.attach_ledger(journey, path)
    if output is not None:
        copy_artifacts(journey.evidence.folder, output)


ARTIFACTS = ("*.png", "*trace.zip", "*.webm")


def copy_artifacts(evidence: Path, output: Path) -> None:
    """pytest-playwright's ``--output``: what the browser left of one customer (screenshots, traces,
    videos, as kept) also in ``<output>/<customer>/``; her evidence folder keeps them all the same."""
    import shutil

    found = sorted({p for pattern in ARTIFACTS for p in evidence.glob(pattern)})
    if found:
        (output / evidence.name).mkdir(parents=True, exist_ok=True)
    for artifact in found:
        shutil.copy2(artifact, output / evidence.name / artifact.name)
