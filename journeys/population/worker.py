"""A Locust worker of a distributed population: ``journeys simulate --worker --master-host HOST``.

It connects to the master (Locust's worker runner: heartbeats, custom
messages), waits for the plan, attaches to the run's system (``attached``;
mail through the master's capture view, clock moves sent to the master) and starts
its browser processes when the run has a browser share. Then it walks every
customer the master sends (``walk``: her number, identity and scenario) in a
greenlet of her own and sends back what happened (``walked``). Her visits
are reported to Locust by the master, once, when her walk comes back.

The worker needs the project (feature files and steps) where the master has
it, and the secrets of a system it did not start in its environment; an
embedded system's own come with the plan (``attached.describe``).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import gevent
from gevent.event import AsyncResult, Event
from gevent.local import local
from gevent.pool import Group

from journeys.errors import JourneysError
from journeys.population.workforce import PARENT_ENV

__all__ = ["run_worker"]

CONNECT_TRIES = 12  # Locust waits 5 s for each: a minute for the master to appear


def run_worker(master_host: str, master_port: int, say: Callable[[str], None]) -> int:
    """Serve the master at ``master_host:master_port`` until the run ends; the exit status."""
    import locust.runners
    from locust.env import Environment

    from journeys.population.engine import CustomerUser

    locust.runners.CONNECT_RETRY_COUNT = CONNECT_TRIES
    env = Environment(user_classes=[CustomerUser])
    try:
        runner = env.create_worker_runner(master_host, master_port)
    except ConnectionError:
        say(
            f"journeys simulate --worker: no master answers at {master_host}:{master_port} (tried for a minute):"
            " start the master first (`journeys simulate PATHS --master`), and check --master-host/--master-port."
        )
        return 3
    say(f"worker {os.getpid()}: connected to the master at {master_host}:{master_port}; waiting for its plan")
    return Worker(runner, say).serve()


class Worker:
    """Walks the master's customers on this machine."""

    def __init__(self, runner: Any, say: Callable[[str], None] = lambda line: None) -> None:
        self.runner, self.say = runner, say
        self.walked = 0
        self.session: Any = None
        self.pool: Any = None
        self.walking = Group()
        self.done = Event()
        self._mine = local()  # the customer a greenlet walks: for her clock moves
        self._answers: dict[int, AsyncResult] = {}
        self._scenarios: Any = None
        handlers = {
            "plan": lambda data: gevent.spawn(self._attach, data),
            "walk": lambda data: self.walking.spawn(self._walk, data),
            "clock_done": self._clock_done,
            "cut_off": lambda data: self.walking.kill(block=False),
            "finish": lambda data: gevent.spawn(self._finish),
        }
        for kind, handle in handlers.items():
            runner.register_message(kind, _taking_data(handle))
        runner.send_message("hello", {"pid": os.getpid()})  # listening now: the master may send the plan

    def serve(self) -> int:
        """Until the master says the run is over (or quits, or the process that started us ends)."""
        parent = os.environ.get(PARENT_ENV)
        while not self.done.wait(1.0):
            if not len(self.runner.greenlet) or (parent and os.getppid() != int(parent)):
                break  # the master quit us or is gone
        if self.done.is_set():
            gevent.wait([gevent.spawn(self.runner.greenlet.join)], timeout=10)  # the master's quit
        self._close()
        self.say(f"worker {os.getpid()}: the run is over; {self.walked} customers walked here")
        return 0

    def _attach(self, data: dict[str, Any]) -> None:
        from journeys.population.attached import AttachedSession
        from journeys.population.browser_process import Scenarios
        from journeys.vocabulary.catalogue import load_steps

        try:
            load_steps(Path.cwd())
            self._scenarios = Scenarios()
            self.session = AttachedSession(data["spec"], browserless=True, forward=self._forward)
            if data["browser_share"] > 0:
                from journeys.population.browsers import BrowserPool

                self.pool = BrowserPool(data["spec"], int(data["browsers"])).start()
        except Exception as exc:  # noqa: BLE001 - the master says why this worker could not join
            self._close()
            self.say(f"worker {os.getpid()}: could not join the run: {type(exc).__name__}: {exc}")
            self.runner.send_message("failed", {"error": f"{type(exc).__name__}: {exc}"})
            return
        self.runner.send_message("ready", {"pid": os.getpid()})
        self.say(f"worker {os.getpid()}: attached to {data['spec']['system']} at {self.session.base_url}; walking")

    def _walk(self, data: dict[str, Any]) -> None:
        from journeys.population.identities import CustomerSpec
        from journeys.population.timekeeping import turnstile
        from journeys.population.walker import crashed, walk, walked_to_dict

        spec = CustomerSpec(**data["customer"])
        self._mine.index = spec.index
        browser = bool(data["browser"])
        address = data["scenario"]
        where = (f"{address['path']}:{address['row'] or address['line']}", "(not read)")
        try:
            scenario = self._scenarios.find(address)
            where = (scenario.location, scenario.title)
            if browser:
                walked = self.pool.walk(scenario, spec.to_dict(), self.session.clock)
            else:
                with turnstile(self.session.clock):
                    walked = walk(self.session, scenario, spec.customer())
        except gevent.GreenletExit:
            raise  # cut off: the master counts her
        except Exception as exc:  # noqa: BLE001 - one customer's crash is a finding, not the worker's end
            walked = crashed(spec.index, spec.customer().key, where, exc, driver="browser" if browser else "http")
        self.runner.send_message("walked", {"index": spec.index, "walked": walked_to_dict(walked)})
        self.walked += 1
        if self.walked in (1, 10) or self.walked % 100 == 0:
            self.say(f"worker {os.getpid()}: {self.walked} customers walked")

    def _forward(self, action: str, value: str) -> str:
        """Ask the master to move the clock for the customer this greenlet walks; wait for its answer."""
        index = int(self._mine.index)
        answer = self._answers[index] = AsyncResult()
        try:
            self.runner.send_message("clock", {"index": index, "action": action, "value": value})
            said = answer.get()  # she may wait to walk alone: as long as the others take
        finally:
            self._answers.pop(index, None)
        if "error" in said:
            raise JourneysError(f"the master could not move the clock: {said['error']}")
        return str(said["moment"])

    def _clock_done(self, data: dict[str, Any]) -> None:
        answer = self._answers.get(int(data["index"]))
        if answer is not None:
            answer.set(data)

    def _finish(self) -> None:
        self.walking.kill(block=True, timeout=10)
        self._close()
        self.runner.send_message("finished", {})
        self.done.set()

    def _close(self) -> None:
        pool, session, self.pool, self.session = self.pool, self.session, None, None
        if pool is not None:
            pool.close()
        if session is not None:
            session.close()


def _taking_data(handle: Callable[[dict[str, Any]], Any]) -> Callable[..., None]:
    def listener(environment: Any, msg: Any, **_: Any) -> None:
        handle(msg.data or {})

    return listener
