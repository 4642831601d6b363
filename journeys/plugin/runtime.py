"""The run as this process sees it: its id and folder, the system under test, the next customer.

A run gets an id (a timestamp and a random suffix) and a folder of its own,
``<reports>/runs/<id>/``, with ``<reports>/latest`` pointing at it, so two
runs at once in one checkout never share a file or a customer. xdist workers
take the controller's id, seed and folder from the environment.
"""

from __future__ import annotations

import os
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from journeys.plugin.options import browser_settings
from journeys.promise_file import store_location
from journeys.run_folders import new_run_id, point_latest

__all__ = ["Run", "begin", "current", "end", "new_run_id", "point_latest"]

if TYPE_CHECKING:
    from journeys.journey import Journey
    from journeys.session import SystemSession


@dataclass
class Run:
    """One run of the suite, in this process."""

    config: pytest.Config
    run_id: str
    seed: int
    folder: Path
    promise_store: str = ""  # the project's promise store (JOURNEYS_PROMISE_STORE, read once here)
    session: SystemSession | None = None
    failure: BaseException | None = None  # why the system could not be started
    _index: int = field(default=0)

    @property
    def worker(self) -> str:
        return os.environ.get("PYTEST_XDIST_WORKER", "gw0")

    def start_system(self) -> SystemSession:
        """The system under test, started once per process; a failure is kept and raised again."""
        if self.session is None and self.failure is None:
            from journeys.session import SystemSession

            # The run's folder appears with its first journey: a pytest run of unit tests leaves none.
            self.folder.mkdir(parents=True, exist_ok=True)
            point_latest(self.folder.parent.parent, self.folder)
            try:
                self.session = SystemSession(
                    self.config.getoption("system"),
                    base_url=self.config.getoption("base_url"),
                    faults=tuple(self.config.getoption("fault")),
                    reports_dir=self.folder,
                    seed=self.seed,
                    browser=browser_settings(self.config),
                    smtp_port=self.config.getoption("smtp_port", None),
                    promise_store=self.promise_store,
                )
            except Exception as exc:  # noqa: BLE001 - told once, as the run's error
                self.failure = exc
        if self.failure is not None:
            raise self.failure
        assert self.session is not None
        return self.session

    def new_journey(self, name: str) -> Journey:
        """A fresh synthetic customer on the system, for one scenario."""
        from journeys.customer import Customer
        from journeys.journey import Journey

        session = self.start_system()
        customer = Customer.create(self.seed, index=self._index, worker=self.worker, run_id=self.run_id)
        self._index += 1
        return Journey(session, customer, name=name)

    def close(self) -> None:
        if self.session is not None:
            self.session.close()
            self.session = None


_RUN = pytest.StashKey[Run]()


def begin(config: pytest.Config) -> Run:
    """This process's run: made once in the controller, taken over by xdist workers."""
    seed = config.getoption("seed")
    if seed is None:
        seed = int(os.environ.get("JOURNEYS_SEED") or random.randrange(1, 10**6))
    run_id = os.environ.get("JOURNEYS_RUN_ID") or new_run_id()
    # Workers are started after this, with this environment: they share id and seed.
    os.environ["JOURNEYS_SEED"], os.environ["JOURNEYS_RUN_ID"] = str(seed), run_id
    reports = Path(config.getoption("reports_dir"))
    store = store_location(reports, os.environ.get("JOURNEYS_PROMISE_STORE"))
    run = Run(config, run_id, seed, reports / "runs" / run_id, store)
    config.stash[_RUN] = run
    return run


def current(config: pytest.Config) -> Run:
    return config.stash[_RUN]


def end(config: pytest.Config) -> None:
    run = config.stash.get(_RUN, None)
    if run is not None:
        run.close()
