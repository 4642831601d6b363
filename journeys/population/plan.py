"""What a population run is asked to do (``Plan``) and what happened (``Run``).

Plain data, no Locust: the engine, the master and the results read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from journeys.errors import JourneysError
from journeys.population.mix import Mix
from journeys.population.walker import Walked

__all__ = ["CustomerLost", "Plan", "Run"]


class CustomerLost(JourneysError):
    """A customer whose walk was lost with the worker walking her (it died, or stopped answering);
    ``no_worker_left``: nobody could walk her, and nobody after her can."""

    def __init__(self, worker: str, cause: str, *, no_worker_left: bool = False) -> None:
        self.worker, self.cause, self.no_worker_left = worker, cause, no_worker_left
        super().__init__(f"lost with worker {worker}: {cause}")


@dataclass(frozen=True)
class Plan:
    """What to run: the mix, the arrival rate, the bounds (customers and/or seconds), who walks how.

    Attributes:
        browser_share: the share of customers that walk in a real browser (``identities.in_browser``).
        browsers: browser processes per process that walks customers (the machine's safety catch).
        max_active: customers walking at once, at most, in the whole run; 0: as many as the system
            answers in time (the engine ramps up until responses slow down, then holds).
        coverage: the share of the customers that were to reach what a threshold reads that must
            have reached it, or the threshold is not measured (and fails).
        progress_every: seconds between progress lines; None: no progress lines.
    """

    mix: Mix
    rate: float
    customers: int | None = None
    duration: float | None = None
    seed: int = 1
    run_id: str = "simulation"
    worker: str = "local"
    max_active: int = 100
    drain: float = 60.0
    progress_every: float | None = 5.0
    browser_share: float = 0.0
    browsers: int = 2
    coverage: float = 0.9


@dataclass
class Run:
    """What happened: every customer walked, how arrivals went, why the run stopped, what was lost."""

    plan: Plan
    env: Any
    walked: list[Walked] = field(default_factory=list)
    arrived: int = 0
    window: float = 0.0  # seconds over which customers arrived
    wall: float = 0.0
    late: list[float] = field(default_factory=list)  # seconds each arrival started after its time
    stopped: str = ""
    cut_off: int = 0
    cut_off_indexes: list[int] = field(default_factory=list)  # the customers cut off: no ledger came back
    movers: int = 0
    lost: list[dict[str, Any]] = field(default_factory=list)  # {index, worker, cause}: walks lost with a worker
    workers: list[dict[str, Any]] = field(default_factory=list)  # {worker, walked, lost, cause} (distributed)
    salted: int = 0  # identities made again because the first try was another customer's
    load: dict[str, Any] = field(default_factory=dict)  # load.LoadControl.report(): the limit, the generator

    @property
    def rate_reached(self) -> float:
        return self.arrived / self.window if self.window > 0 else 0.0

    @property
    def failing(self) -> int:
        return sum(1 for w in self.walked if w.outcome != "passed")
