"""The master's workers: started here or elsewhere, given the plan, watched until the run ends.

A worker is a Locust worker (``journeys simulate --worker``) that connected
to the master. It walks only after it has attached to the run's system and
said ``ready``. It is *gone* when Locust's heartbeat marks it missing (ten
seconds without a heartbeat), when it leaves the run, or, for the ones
started here (``--workers``), the moment its process ends.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

import gevent
from locust.runners import STATE_MISSING

from journeys.errors import JourneysError

__all__ = ["PARENT_ENV", "WorkersNotReady", "Workforce"]

PARENT_ENV = "JOURNEYS_POPULATION_PARENT"  # a worker we started ends when this process does
FINISH_TIMEOUT = 30.0


class WorkersNotReady(JourneysError):
    """Fewer workers came, or got ready, than the run expects."""


class Workforce:
    """The workers of ``runner`` (a Locust ``MasterRunner``)."""

    def __init__(self, runner: Any, say: Callable[[str], None]) -> None:
        self.runner, self.say = runner, say
        self.ready: dict[str, dict[str, Any]] = {}  # client id -> what it said when ready (its pid)
        self.failed: dict[str, dict[str, Any]] = {}  # client id -> {"error": why it could not join}
        self.finished: set[str] = set()
        self.lost: dict[str, str] = {}  # client id -> why it is gone
        self.busy: Counter[str] = Counter()
        self.walked: Counter[str] = Counter()
        self.sent: Counter[str] = Counter()
        self.children: list[subprocess.Popen[bytes]] = []
        self._setup: dict[str, Any] = {}
        self._planned: set[str] = set()
        self.hello: dict[str, dict[str, Any]] = {}  # client id -> its pid: it listens for the plan now
        for kind, into in (("hello", self.hello), ("ready", self.ready), ("failed", self.failed)):
            runner.register_message(kind, self._note(into))
        runner.register_message("finished", lambda environment, msg, **_: self.finished.add(msg.node_id))

    def start_local(self, count: int, port: int) -> None:
        """Start ``count`` worker processes on this machine, connecting to ``port`` on loopback."""
        command = [sys.executable, "-m", "journeys.cli", "simulate", "--worker"]
        command += ["--master-host", "127.0.0.1", "--master-port", str(port)]
        for _ in range(count):
            self.children.append(
                subprocess.Popen(
                    command,
                    env={**os.environ, PARENT_ENV: str(os.getpid())},
                    stdout=subprocess.DEVNULL,
                    start_new_session=True,  # Ctrl-C goes to the master, which tells the workers
                )
            )

    def gather(self, expect: int, setup: dict[str, Any], timeout: float) -> None:
        """Give every connecting worker the plan; return when ``expect`` are ready.

        Raises:
            WorkersNotReady: a worker could not attach, a worker process ended, or ``timeout`` passed.
        """
        self._setup = setup
        deadline = time.monotonic() + timeout
        while len(self.ready) < expect:
            self._plan_newcomers()
            if self.failed:
                client, said = next(iter(self.failed.items()))
                raise WorkersNotReady(f"worker {self.name(client)} could not join the run: {said.get('error')}")
            ended = [c.returncode for c in self.children if c.poll() is not None]
            if ended:
                raise WorkersNotReady(f"a worker process ended before it was ready (exit code {ended[0]})")
            if time.monotonic() > deadline:
                raise WorkersNotReady(
                    f"{len(self.ready)} of {expect} workers ready after {timeout:g} s: start the others with"
                    f" `journeys simulate --worker --master-host HOST --master-port {self.runner.server.port}`"
                )
            gevent.sleep(0.1)
        self.runner.greenlet.spawn(self._recruit)  # ends with the runner
        names = ", ".join(f"{self.name(c)} (pid {info.get('pid')})" for c, info in self.ready.items())
        self.say(f"{len(self.ready)} workers ready: {names}")

    def choose(self) -> str | None:
        """The live worker walking the fewest customers now, of those the one sent the fewest (None: none left)."""
        live = [client for client in self.ready if not self.gone(client)]
        if not live:
            return None
        chosen = min(live, key=lambda client: (self.busy[client], self.sent[client]))
        self.sent[chosen] += 1
        return chosen

    def gone(self, client: str) -> str | None:
        """Why worker ``client`` is gone, or None while it is there (said once, when first seen)."""
        if client in self.lost:
            return self.lost[client]
        cause = None
        node = self.runner.clients.get(client)
        child = self._child(client)
        if child is not None and child.poll() is not None:
            cause = f"its process ended (exit code {child.returncode})"
        elif node is None:
            cause = "it left the run"
        elif node.state == STATE_MISSING:
            cause = "it stopped answering (no heartbeat for ten seconds)"
        if cause:
            self.lost[client] = cause
            self.say(
                f"worker {self.name(client)} lost: {cause}; its {self.busy[client]} customers walking are lost,"
                f" the other workers walk on"
            )
        return cause

    def name(self, client: str) -> str:
        return f"w{self.runner.get_worker_index(client)}"

    def broadcast(self, kind: str, data: dict[str, Any]) -> None:
        for client in self.ready:
            if client not in self.lost:
                self.runner.send_message(kind, data, client_id=client)

    def finish(self) -> None:
        """Every live worker closes its session and browsers; then our own processes end."""
        self.broadcast("finish", {})
        deadline = time.monotonic() + FINISH_TIMEOUT
        while time.monotonic() < deadline and any(c not in self.finished and not self.gone(c) for c in self.ready):
            gevent.sleep(0.1)

    def end_children(self) -> None:
        """Wait for the worker processes started here (Locust's quit ends them), killing any that hang."""
        for child in self.children:
            try:
                child.wait(timeout=15)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()

    def report(self) -> list[dict[str, Any]]:
        return [
            {
                "worker": self.name(client),
                "pid": info.get("pid"),
                "walked": self.walked[client],
                "lost": self.lost.get(client, ""),
            }
            for client, info in self.ready.items()
        ]

    # -- inside ----------------------------------------------------------------

    def _note(self, into: dict[str, Any]) -> Callable[..., None]:
        def note(environment: Any, msg: Any, **_: Any) -> None:
            into[msg.node_id] = msg.data

        return note

    def _plan_newcomers(self) -> None:
        for client in list(self.hello):
            if client not in self._planned:
                self._planned.add(client)
                self.runner.send_message("plan", self._setup, client_id=client)

    def _recruit(self) -> None:
        """Workers that connect during the run get the plan too, and walk once ready."""
        while True:
            gevent.sleep(1.0)
            self._plan_newcomers()

    def _child(self, client: str) -> subprocess.Popen[bytes] | None:
        pid = self.ready.get(client, {}).get("pid")
        return next((c for c in self.children if c.pid == pid), None)
