"""The run as this process sees it: its id and folder, the system under test, the next customer.

A run gets an id (a timestamp and a random suffix) and a folder of its own,
``<reports>/runs/<id>/``, with ``<reports>/latest`` pointing at it, so two
runs at once in one checkout never share a file or a customer. Its settings
(journeys.run.settings) are made once, in the controller; xdist workers get them
serialized in their ``workerinput``, with the id and the seed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from journeys.core.promise_file import store_location
from journeys.plugin.options import run_settings
from journeys.reporting.report_settings import new_run_id, point_latest
from journeys.run.settings import RunSettings

__all__ = ["Run", "begin", "current", "end", "new_run_id", "point_latest"]

if TYPE_CHECKING:
    from journeys.journey.journey import Journey
    from journeys.journey.session import SystemSession


@dataclass
class Run:
    """One run of the suite, in this process."""

    config: pytest.Config
    settings: RunSettings
    promise_store: str = ""  # the project's promise store (--promise-store, else in the reports folder)
    session: SystemSession | None = None
    failure: BaseException | None = None  # why the system could not be started
    _index: int = field(default=0)

    @property
    def run_id(self) -> str:
        return self.settings.run_id

    @property
    def seed(self) -> int:
        return self.settings.seed

    @property
    def folder(self) -> Path:
        return self.settings.folder

    @property
    def worker(self) -> str:
        workerinput: dict[str, Any] = getattr(self.config, "workerinput", {})
        return str(workerinput.get("workerid", "gw0"))

    def start_system(self) -> SystemSession:
        """The system under test, started once per process; a failure is kept and raised again."""
        if self.session is None and self.failure is None:
            from journeys.journey.session import SystemSession

            # The run's folder appears with its first journey: a pytest run of unit tests leaves none.
            self.folder.mkdir(parents=True, exist_ok=True)
            point_latest(self.folder.parent.parent, self.folder)
            try:
                settings = self.settings
                self.session = SystemSession(
                    settings.system,
                    base_url=settings.base_url,
                    faults=settings.faults,
                    reports_dir=self.folder,
                    seed=settings.seed,
                    browser=settings.browser,
                    smtp_port=settings.smtp_port,
                    promise_store=self.promise_store,
                    browserless=settings.browserless,
                    environ=settings.variables,
                )
                # A browser, codec or device that is not there is the run's error, before any journey.
                if self.session.uses_a_browser():
                    self.session.check_browsers(settings.browsers)
            except Exception as exc:  # noqa: BLE001 - told once, as the run's error
                self.failure = exc
        if self.failure is not None:
            raise self.failure
        assert self.session is not None
        return self.session

    def new_journey(self, name: str, browser: str | None = None, *, language: str = "en") -> Journey:
        """A fresh synthetic customer on the system, for one scenario (in ``browser``: one of the run's),
        told of in ``language``: its feature file's."""
        from journeys.core.customer import Customer
        from journeys.journey.journey import Journey
        from journeys.messages import language_of

        session = self.start_system()
        customer = Customer.create(self.seed, index=self._index, worker=self.worker, run_id=self.run_id)
        self._index += 1
        journey = Journey(session, customer, name=name, language=language_of(language))
        if browser is not None:
            journey.browser_settings = self.settings.for_browser(browser).browser
        return journey

    def close(self) -> None:
        if self.session is not None:
            self.session.close()
            self.session = None


_RUN = pytest.StashKey[Run]()


_SETTINGS = "journeys_settings"


def begin(config: pytest.Config) -> Run:
    """This process's run: its settings made once in the controller, taken over by xdist workers."""
    workerinput: dict[str, Any] | None = getattr(config, "workerinput", None)
    if workerinput is not None and _SETTINGS in workerinput:
        settings = RunSettings.from_dict(workerinput[_SETTINGS])
    else:
        settings = run_settings(config)
    store = store_location(settings.reports_dir, settings.promise_store)
    run = Run(config, settings, promise_store=store)
    config.stash[_RUN] = run
    return run


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:
    """xdist: each worker gets the controller's settings (its id, seed and folder with them)."""
    node.workerinput[_SETTINGS] = current(node.config).settings.to_dict()


def current(config: pytest.Config) -> Run:
    return config.stash[_RUN]


def settings(config: pytest.Config) -> RunSettings:
    """The run's settings (made at ``pytest_configure``)."""
    return current(config).settings


def end(config: pytest.Config) -> None:
    run = config.stash.get(_RUN, None)
    if run is not None:
        run.close()
