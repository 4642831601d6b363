"""One population run on a started session: here, or as the master of Locust workers.

What the run's other processes need (browser processes, workers) is set up
here first: the session's description they attach to (``attached.describe``,
which also serves the SMTP capture's view for them). Then the engine runs, with the browser pool or
the master as the place customers walk. Setting up can fail (no browser, the
workers do not come): ``RunNotStarted`` says why, before anyone walked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from journeys.errors import JourneysError
from journeys.population.plan import Plan, Run

__all__ = ["Distribution", "RunNotStarted", "launch"]


class RunNotStarted(JourneysError):
    """What the run needs besides the system did not start: its browsers or its workers."""


@dataclass(frozen=True)
class Distribution:
    """Where customers walk: ``local_workers`` started here and/or ``expect`` workers in all (0: no master)."""

    local_workers: int = 0
    expect: int = 0
    bind_host: str = "127.0.0.1"
    port: int = 0

    @property
    def distributed(self) -> bool:
        return self.expect > 0


def launch(plan: Plan, session: Any, system: str, where: Distribution, say: Callable[[str], None]) -> Run:
    """Run ``plan`` on ``session`` (a ``PopulationSession``) and return what happened.

    Raises:
        RunNotStarted: the browser processes or the workers did not start; nobody walked.
    """
    from journeys.population.attached import describe
    from journeys.population.engine import Engine, LocalWalks

    if where.distributed:
        return _as_master(plan, session, describe(session, system, plan.seed), where, say)
    pool = _browsers(plan, describe(session, system, plan.seed)) if plan.browser_share > 0 else None
    return Engine(plan, session, say=say, walks=LocalWalks(session, pool)).run()


def _browsers(plan: Plan, spec: dict[str, Any]) -> Any:
    from journeys.population.browsers import BrowserPool, BrowserPoolError

    try:
        return BrowserPool(spec, plan.browsers).start()
    except BrowserPoolError as exc:
        raise RunNotStarted(str(exc)) from exc


def _as_master(plan: Plan, session: Any, spec: dict[str, Any], where: Distribution, say: Callable[[str], None]) -> Run:
    from journeys.population.engine import Engine
    from journeys.population.master import Master, WorkersNotReady

    master = Master(
        plan,
        spec,
        session.clock,
        expect=where.expect,
        local_workers=where.local_workers,
        bind_host=where.bind_host,
        port=where.port,
        say=say,
    )
    say(
        f"master on {where.bind_host}:{master.port}, waiting for {where.expect} workers"
        + (f" ({where.local_workers} started here)" if where.local_workers else "")
    )
    try:
        master.start()
    except WorkersNotReady as exc:
        master.abort()
        raise RunNotStarted(str(exc)) from exc
    try:
        run = Engine(plan, session, say=say, walks=master, env=master.env).run()
    finally:
        master.force.end_children()
    run.workers = master.report()
    return run
