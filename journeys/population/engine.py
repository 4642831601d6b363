"""The load engine: Locust as a library, customers arriving at a rate, each walking one scenario.

Importing this module imports Locust, which monkey-patches the process with
gevent: import it first (``journeys simulate`` does), and never in a process
that drives Playwright's sync API.

Arrivals are an *open* model: customer ``n`` arrives at ``n / rate`` seconds,
whether or not the earlier ones are done, like customers of a real shop.
Locust's users are closed-loop (a user walks, waits, walks again), so we do
not let Locust spawn them: our scheduler makes one ``CustomerUser`` per
arrival, in the runner's own user group, and that user walks one scenario
and stops. ``--max-active`` bounds how many walk at once (a safety catch for
the machine): an arrival that finds it full waits, and the rate reached,
reported, falls below the rate asked.

Each touchpoint visit is reported through Locust's request event
(``request_type="touchpoint"``, name = the touchpoint, the visit's time, the
violation or step error there as its failure), and each journey as one
``request_type="journey"`` request, so Locust's statistics, CSV and HTML
report show them; violations, promises and effort go to our results.
"""

from __future__ import annotations

import signal
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import gevent
from gevent.event import Event
from locust import User, constant, task
from locust.env import Environment
from locust.exception import StopUser

from journeys.customer import Customer
from journeys.population.mix import Mix
from journeys.population.timekeeping import SharedClock
from journeys.population.walker import Visited, Walked, walk
from journeys.session import SystemSession

__all__ = ["Engine", "Plan", "PopulationSession", "Run"]


class PopulationSession(SystemSession):
    """A system session for a population: web customers walk without a browser; the clock is shared.

    Args:
        *args, **kwargs: as ``SystemSession``.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, browserless=True, **kwargs)
        if self.clock.controllable:
            self.clock = SharedClock(self.clock, self.start_moment)


class Failure(Exception):
    """A touchpoint's failure as Locust shows it: the violation's or the error's first line."""


@dataclass(frozen=True)
class Plan:
    """What to run: the mix, the arrival rate and the bounds (customers and/or seconds)."""

    mix: Mix
    rate: float
    customers: int | None = None
    duration: float | None = None
    seed: int = 1
    run_id: str = "simulation"
    worker: str = "local"
    max_active: int = 100
    drain: float = 60.0
    progress_every: float = 5.0


@dataclass
class Run:
    """What happened: every customer walked, how arrivals went, why the run stopped."""

    plan: Plan
    env: Any
    walked: list[Walked] = field(default_factory=list)
    arrived: int = 0
    window: float = 0.0  # seconds over which customers arrived
    wall: float = 0.0
    late: list[float] = field(default_factory=list)  # seconds each arrival started after its time
    stopped: str = ""
    cut_off: int = 0
    movers: int = 0

    @property
    def rate_reached(self) -> float:
        return self.arrived / self.window if self.window > 0 else 0.0


class CustomerUser(User):
    """One synthetic customer: walks one scenario of the mix, then stops (made by our scheduler)."""

    wait_time = constant(0)
    engine: Engine
    index: int = 0

    @task
    def walk_once(self) -> None:
        self.engine.walk(self.index)
        raise StopUser


class Engine:
    """Runs a plan on a session; ``say`` gets the progress lines."""

    def __init__(self, plan: Plan, session: SystemSession, *, say: Callable[[str], None] = print) -> None:
        from journeys.gherkin.catalogue import load_steps

        load_steps()  # the bundled steps and the project's own (steps/ here), as `journeys run` has them
        self.plan = plan
        self.session = session
        self.say = say
        self.env = Environment(user_classes=[CustomerUser])
        self.runner = self.env.create_local_runner()
        self.run_state = Run(plan, self.env)
        self.stopping = Event()
        self._t0 = 0.0

    def run(self) -> Run:
        """Let customers arrive until a bound (or Ctrl-C, or the system going down), then let them finish."""
        state = self.run_state
        handler = gevent.signal_handler(signal.SIGINT, self._interrupt)
        ticker = gevent.spawn(self._progress)
        started = time.monotonic()
        try:
            self._arrive()
            self._drain()
        finally:
            handler.cancel()
            ticker.kill()
            self.runner.quit()
        state.wall = time.monotonic() - started
        if isinstance(self.session.clock, SharedClock):
            state.movers = self.session.clock.movers
        return state

    def walk(self, index: int) -> None:
        """Customer ``index``: her scenario, her walk, her visits reported to Locust."""
        plan = self.plan
        scenario = plan.mix.pick(plan.seed, index)
        customer = Customer.create(plan.seed, index=index, run_id=plan.run_id, worker=plan.worker)
        clock = self.session.clock if isinstance(self.session.clock, SharedClock) else None
        if clock is not None:
            clock.enter()
        try:
            walked = walk(self.session, scenario, customer)
        except gevent.GreenletExit:
            self.run_state.cut_off += 1
            raise
        except Exception as exc:  # noqa: BLE001 - one customer's crash is a finding, not the run's end
            error = f"{type(exc).__name__}: {exc}"[:300]
            visit = Visited("step: walk", 0.0, error, "step")
            walked = Walked(index, customer.key, scenario.location, scenario.title, "failed", 0.0, [visit], error)
        finally:
            if clock is not None:
                clock.leave()
        self._report(walked)

    # -- inside ----------------------------------------------------------------

    def _report(self, walked: Walked) -> None:
        self.run_state.walked.append(walked)
        fire = self.env.events.request.fire
        for visit in walked.visits:
            failure = Failure(visit.failure) if visit.failure else None
            fire(request_type=visit.kind, name=visit.name, response_time=visit.ms, response_length=0, exception=failure)
        if walked.outcome == "passed":
            failure = None
        else:
            found = walked.digest.get("violations") or []
            first = f"{found[0]['heading']}: {found[0]['title']}" if found else walked.outcome
            failure = Failure(walked.error or first)
        fire(
            request_type="journey",
            name=walked.location,
            response_time=walked.seconds * 1000,
            response_length=0,
            exception=failure,
        )
        if walked.unreachable and not self.stopping.is_set():
            self.run_state.stopped = f"the system stopped answering: {walked.error}"
            self.say(f"stopping early: {self.run_state.stopped}")
            self.stopping.set()

    def _arrive(self) -> None:
        plan, state = self.plan, self.run_state
        self._t0 = time.monotonic()
        last = self._t0
        while not self.stopping.is_set():
            if plan.customers is not None and state.arrived >= plan.customers:
                state.stopped = state.stopped or f"all {plan.customers} customers arrived"
                break
            due = self._t0 + state.arrived / plan.rate
            if plan.duration is not None and due - self._t0 >= plan.duration:
                state.stopped = state.stopped or f"{plan.duration:g} s of arrivals"
                break
            if self.stopping.wait(max(0.0, due - time.monotonic())):
                break
            while len(self.runner.user_greenlets) >= plan.max_active and not self.stopping.wait(0.02):
                pass  # full: the arrival waits (and the rate reached drops)
            if self.stopping.is_set():
                break
            last = time.monotonic()
            state.late.append(last - due)
            user = CustomerUser(self.env)
            user.engine, user.index = self, state.arrived
            user.start(self.runner.user_greenlets)
            state.arrived += 1
        state.window = (last - self._t0) + 1 / plan.rate if state.arrived else 0.0

    def _drain(self) -> None:
        """Give the customers still walking ``plan.drain`` seconds, then cut them off."""
        group = self.runner.user_greenlets
        deadline = time.monotonic() + self.plan.drain
        while len(group) and time.monotonic() < deadline:
            gevent.sleep(0.05)
        if len(group):
            self.say(f"cutting off {len(group)} customers still walking after {self.plan.drain:g} s")
            group.kill(block=True, timeout=10)

    def _interrupt(self) -> None:
        if self.stopping.is_set() and self.run_state.stopped.startswith("interrupted"):
            self.say("second Ctrl-C: cutting off the customers still walking")
            gevent.spawn(self.runner.user_greenlets.kill)
            return
        self.run_state.stopped = "interrupted (Ctrl-C): no new customers; results so far"
        self.say("Ctrl-C: no new customers; the ones walking finish (Ctrl-C again to cut them off)")
        self.stopping.set()

    def _progress(self) -> None:
        state = self.run_state
        while True:
            gevent.sleep(self.plan.progress_every)
            elapsed = time.monotonic() - self._t0
            done = len(state.walked)
            failed = sum(1 for w in state.walked if w.outcome != "passed")
            visits = sum(len(w.visits) for w in state.walked)
            self.say(
                f"{elapsed:6.0f} s  {state.arrived} arrived ({state.arrived / max(elapsed, 1e-9):.1f}/s)"
                f"  {done} done ({failed} went wrong)  {len(self.runner.user_greenlets)} walking"
                f"  {visits} touchpoint visits"
            )
