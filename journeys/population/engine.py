"""The load engine: Locust as a library, customers arriving at a rate, each walking one scenario.

Importing this module imports Locust, which monkey-patches the process with
gevent: import it first (``journeys simulate`` does), and never in a process
that drives Playwright's sync API (browser customers walk in processes of
their own: ``browsers``).

Arrivals are an *open* model: customer ``n`` arrives at ``n / rate`` seconds,
whether or not the earlier ones are done, like customers of a real shop.
Locust's users are closed-loop (a user walks, waits, walks again), so we do
not let Locust spawn them: our scheduler makes one ``CustomerUser`` per
arrival, in the runner's own user group, and that user walks one scenario
and stops. ``--max-active`` bounds how many walk at once (``load``: fixed, or
found by ramping up until the system slows down): an arrival that finds it
full waits, and the rate reached, reported, falls below the rate asked.

Where a customer walks is the engine's ``walks``: here (``LocalWalks``:
without a browser in this process, or in a browser process), or on a Locust
worker (``master.Master``). Wherever she walked, her touchpoint visits are
reported here through Locust's request event (``request_type="touchpoint"``,
name = the touchpoint, the visit's time, the violation or step error there
as its failure), and her journey as one ``request_type="journey"`` request,
so Locust's statistics, CSV and HTML report show them; violations, promises
and effort go to our results.
"""

from __future__ import annotations

import signal
import time
from collections.abc import Callable
from typing import Any, Protocol

import gevent
from gevent.event import Event
from locust import User, constant, task
from locust.env import Environment
from locust.exception import StopUser

from journeys.errors import JourneysError
from journeys.journey.session import SystemSession
from journeys.population.identities import CustomerSpec, Identities, in_browser
from journeys.population.load import LoadControl
from journeys.population.plan import CustomerLost, Plan, Run
from journeys.population.telling import progress_line
from journeys.population.timekeeping import SharedClock, turnstile
from journeys.population.walker import Walked, crashed, walk

__all__ = ["CustomerUser", "Engine", "LocalWalks", "PopulationSession", "Walks"]


class PopulationSession(SystemSession):
    """A system session for a population: web customers walk without a browser; the clock is shared."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, browserless=True, **kwargs)
        if self.clock.controllable:
            self.clock = SharedClock(self.clock, self.start_moment)


class Failure(JourneysError):
    """A touchpoint's failure as Locust shows it: the violation's or the error's first line."""


class Walks(Protocol):
    """Where customers walk: ``walk`` returns her ``Walked`` (or raises ``CustomerLost``)."""

    def walk(self, scenario: Any, spec: CustomerSpec, *, browser: bool) -> Walked: ...

    def cut_off(self) -> None: ...

    def close(self) -> None: ...


class LocalWalks:
    """Customers walk from this process: over HTTP in their greenlet, or in the browser ``pool``."""

    def __init__(self, session: SystemSession, pool: Any = None) -> None:
        self.session, self.pool = session, pool

    def walk(self, scenario: Any, spec: CustomerSpec, *, browser: bool) -> Walked:
        if browser:
            return self.pool.walk(scenario, spec.to_dict(), self.session.clock)  # type: ignore[no-any-return]
        with turnstile(self.session.clock):
            return walk(self.session, scenario, spec.customer())

    def cut_off(self) -> None:
        """Nothing walks elsewhere: the greenlets the engine kills are all there is."""

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()


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
    """Runs a plan on a session; ``say`` gets the progress lines; ``walks`` and ``env`` say where
    customers walk (default: here, over HTTP; a distributed run passes the master's)."""

    def __init__(
        self,
        plan: Plan,
        session: SystemSession,
        *,
        say: Callable[[str], None] = print,
        walks: Walks | None = None,
        env: Environment | None = None,
    ) -> None:
        from journeys.vocabulary.catalogue import load_steps

        load_steps()  # the bundled steps and the project's own (steps/ here), as `journeys run` has them
        self.plan, self.session, self.say = plan, session, say
        self.walks: Walks = walks or LocalWalks(session)
        self.env = env or Environment(user_classes=[CustomerUser])
        self.runner = self.env.runner or self.env.create_local_runner()
        self.run_state = Run(plan, self.env)
        settings = getattr(session, "browser_settings", None)
        self.load = LoadControl(self.env, plan.max_active, settings.http_timeout if settings else 10.0)
        self.identities = Identities(plan.seed, plan.run_id, plan.worker)
        self.stopping = Event()
        self.arriving = False
        self._t0 = 0.0

    def run(self) -> Run:
        """Let customers arrive until a bound (or Ctrl-C, or the system going down), then let them finish."""
        state = self.run_state
        handler = gevent.signal_handler(signal.SIGINT, self._interrupt)
        ticker = gevent.spawn(self._progress) if self.plan.progress_every else None
        started = time.monotonic()
        self.load.start()
        try:
            self._arrive()
            self._drain()
        finally:
            self.load.stop()
            state.load = self.load.report()
            handler.cancel()
            if ticker is not None:
                ticker.kill()
            self.walks.close()
            self.runner.quit()
        state.wall = time.monotonic() - started
        state.salted = self.identities.salted
        if isinstance(self.session.clock, SharedClock):
            state.movers = self.session.clock.movers
        return state

    def walk(self, index: int) -> None:
        """Customer ``index``: her scenario, her identity, her walk (wherever), her visits reported to Locust."""
        plan = self.plan
        scenario = plan.mix.pick(plan.seed, index)
        spec = self.identities.spec(index)
        browser = in_browser(index, plan.browser_share)
        try:
            walked = self.walks.walk(scenario, spec, browser=browser)
        except gevent.GreenletExit:
            self.run_state.cut_off += 1
            self.run_state.cut_off_indexes.append(index)
            raise
        except CustomerLost as lost:
            self.run_state.lost.append({"index": index, "worker": lost.worker, "cause": lost.cause})
            if lost.no_worker_left:
                self.stop("every worker was lost: nobody is left to walk")
            return
        except Exception as exc:  # noqa: BLE001 - one customer's crash is a finding, not the run's end
            where = (scenario.location, scenario.title)
            walked = crashed(index, spec.customer().key, where, exc, driver="browser" if browser else "http")
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
        if walked.unreachable:
            self.stop(f"the system stopped answering: {walked.error}")

    def stop(self, cause: str) -> None:
        """End arrivals early for ``cause`` (the first cause is the one reported)."""
        if not self.stopping.is_set():
            self.run_state.stopped = cause
            self.say(f"stopping early: {cause}")
            self.stopping.set()

    def _arrive(self) -> None:
        plan, state = self.plan, self.run_state
        self._t0 = time.monotonic()
        last = self._t0
        self.arriving = True
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
            while self.load.full(len(self.runner.user_greenlets)) and not self.stopping.wait(0.02):
                pass  # full: the arrival waits (and the rate reached drops)
            if self.stopping.is_set():
                break
            last = time.monotonic()
            state.late.append(last - due)
            user = CustomerUser(self.env)
            user.engine, user.index = self, state.arrived
            user.start(self.runner.user_greenlets)
            state.arrived += 1
        self.arriving = False
        state.window = (last - self._t0) + 1 / plan.rate if state.arrived else 0.0

    def _drain(self) -> None:
        """Give the customers still walking ``plan.drain`` seconds, then cut them off."""
        group = self.runner.user_greenlets
        deadline = time.monotonic() + self.plan.drain
        while len(group) and time.monotonic() < deadline:
            gevent.sleep(0.05)
        if len(group):
            self.say(f"cutting off {len(group)} customers still walking after {self.plan.drain:g} s")
            self._cut_off()

    def _cut_off(self) -> None:
        self.walks.cut_off()
        self.runner.user_greenlets.kill(block=True, timeout=10)

    def _interrupt(self) -> None:
        if self.stopping.is_set() and self.run_state.stopped.startswith("interrupted"):
            self.say("second Ctrl-C: cutting off the customers still walking")
            gevent.spawn(self._cut_off)
            return
        self.run_state.stopped = "interrupted (Ctrl-C): no new customers; results so far"
        self.say("Ctrl-C: no new customers; the ones walking finish (Ctrl-C again to cut them off)")
        self.stopping.set()

    def _progress(self) -> None:
        every = self.plan.progress_every or 5.0
        while True:
            gevent.sleep(every)
            elapsed = time.monotonic() - self._t0
            walking = len(self.runner.user_greenlets)
            self.say(progress_line(self.plan, self.run_state, elapsed, walking, arriving=self.arriving))
