"""A distributed population: Locust's master here, customers walking on Locust workers.

The master keeps everything that must be one for the whole run: arrivals
(the open model), customer numbers and identities, the system (embedded shop
or ``--base-url``), its SMTP capture (workers read it through the capture's view)
and the shared test clock's turnstile. For each arrival a ``CustomerUser``
greenlet here picks the least busy live worker and sends her there with
Locust's custom messages (``walk``); the worker walks her and sends back
``walked``; a clock move on the way comes back as ``clock`` and is made here,
in her greenlet, behind the turnstile. Her visits are then reported to
Locust's statistics here, once, as in a local run.

A worker that dies or stops answering (ten seconds without Locust's
heartbeat, or its process ending when we started it) is dropped: the customers it was walking are
*lost* (counted, by worker, in the report), and later arrivals go to the
others. With no worker left the run ends early, saying so.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import locust.runners
from gevent.queue import Empty, Queue
from locust.env import Environment

from journeys.population.browser_process import scenario_address
from journeys.population.engine import CustomerUser
from journeys.population.identities import CustomerSpec
from journeys.population.plan import CustomerLost, Plan
from journeys.population.walker import Walked, walked_from_dict
from journeys.population.workforce import WorkersNotReady, Workforce

__all__ = ["Master", "WorkersNotReady"]

HEARTBEAT_LIVENESS = 10  # seconds (heartbeats) without a word from a worker before it is lost


class Master:
    """Locust's master runner on ``bind_host`` (loopback by default), with ``local_workers`` of our own.

    Args:
        plan: the run's plan (workers get the run id, browser share and browsers from it).
        spec: ``attached.describe`` of the run's session: what workers attach to.
        clock: the run's clock (``SharedClock``), for the moves workers send back.
        expect: workers to wait for before anyone arrives.
        local_workers: worker processes to start on this machine (``--workers``).
        port: the master's port; 0: a free one.
    """

    def __init__(
        self,
        plan: Plan,
        spec: dict[str, Any],
        clock: Any,
        *,
        expect: int,
        local_workers: int = 0,
        bind_host: str = "127.0.0.1",
        port: int = 0,
        say: Callable[[str], None] = print,
    ) -> None:
        self.plan, self.spec, self.clock, self.say = plan, spec, clock, say
        self.expect = expect
        # Ten missed heartbeats (not Locust's three) before a worker counts as lost, as locust-plugins
        # does for browser workers: one launching browsers on a busy machine may answer late.
        locust.runners.HEARTBEAT_LIVENESS = HEARTBEAT_LIVENESS
        self.env = Environment(user_classes=[CustomerUser])
        self.runner = self.env.create_master_runner(master_bind_host=bind_host, master_bind_port=port)
        self.port: int = self.runner.server.port
        self.force = Workforce(self.runner, say)
        self._inbox: dict[int, Queue[tuple[str, dict[str, Any]]]] = {}
        for kind in ("walked", "clock"):
            self.runner.register_message(kind, self._to_customer(kind))
        self.local_workers = local_workers

    def start(self, timeout: float = 90.0) -> None:
        """Start our own workers, wait for ``expect`` workers, give them the plan, wait until they are ready.

        Raises:
            WorkersNotReady: fewer workers came or got ready within ``timeout``, with the reason they gave.
        """
        if self.local_workers:
            self.force.start_local(self.local_workers, self.port)
        setup = {
            "spec": self.spec,
            "run_id": self.plan.run_id,
            "browser_share": self.plan.browser_share,
            "browsers": self.plan.browsers,
        }
        self.force.gather(self.expect, setup, timeout)

    # -- the engine's Walks --------------------------------------------------

    def walk(self, scenario: Any, spec: CustomerSpec, *, browser: bool) -> Walked:
        """Send her to the least busy live worker and wait for her walk (making her clock moves here)."""
        worker = self.force.choose()
        if worker is None:
            raise CustomerLost("-", "no worker is left", no_worker_left=True)
        inbox: Queue[tuple[str, dict[str, Any]]] = Queue()
        self._inbox[spec.index] = inbox
        self.force.busy[worker] += 1
        inside = False  # through the clock's turnstile: to be let out if her worker is lost
        try:
            order = {"index": spec.index, "scenario": _relative(scenario), "customer": spec.to_dict()}
            self.runner.send_message("walk", {**order, "browser": browser}, client_id=worker)
            while True:
                try:
                    kind, data = inbox.get(timeout=0.5)
                except Empty:
                    cause = self.force.gone(worker)
                    if cause:
                        raise CustomerLost(self.force.name(worker), cause) from None
                    continue
                if kind == "walked":
                    self.force.walked[worker] += 1
                    return walked_from_dict(data["walked"])
                answer = self._move(data)
                if data["action"] in ("enter", "leave") and "error" not in answer:
                    inside = data["action"] == "enter"
                self.runner.send_message("clock_done", {"index": spec.index, **answer}, client_id=worker)
        finally:
            self._inbox.pop(spec.index, None)
            self.force.busy[worker] -= 1
            if inside:
                self.clock.leave()

    def cut_off(self) -> None:
        """Tell every worker to cut off the customers it is walking (their ledgers say interrupted)."""
        self.force.broadcast("cut_off", {})

    def close(self) -> None:
        """Let the workers close their sessions and browsers (Locust's quit then ends them)."""
        self.force.finish()

    def abort(self) -> None:
        """The run does not start: end Locust's master and kill the workers started here."""
        self.runner.quit()
        for child in self.force.children:
            child.kill()
        self.force.end_children()

    def report(self) -> list[dict[str, Any]]:
        """Per worker: customers walked and lost, and why it was lost (for the report)."""
        return self.force.report()

    # -- inside ----------------------------------------------------------------

    def _to_customer(self, kind: str) -> Callable[..., None]:
        def deliver(environment: Any, msg: Any, **_: Any) -> None:
            inbox = self._inbox.get(int(msg.data["index"]))
            if inbox is not None:  # else: a customer already counted lost (her worker came back too late)
                inbox.put((kind, msg.data))

        return deliver

    def _move(self, data: dict[str, Any]) -> dict[str, str]:
        from journeys.population.attached import move

        try:
            return {"moment": move(self.clock, data["action"], data["value"])}
        except Exception as exc:  # noqa: BLE001 - her step fails with it, on the worker
            return {"error": f"{type(exc).__name__}: {exc}"}


def _relative(scenario: Any) -> dict[str, Any]:
    """The scenario's address, relative to the project when it is inside it (workers share the project)."""
    address = scenario_address(scenario)
    path = address["path"]
    if not os.path.relpath(path).startswith(".."):
        address["path"] = os.path.relpath(path)
    return address
