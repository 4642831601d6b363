"""Browser customers of a population: a small pool of browser processes, outside gevent.

Playwright's sync API does not work inside gevent greenlets (Locust's
world), and its async API would need every driver and step rewritten. So a
browser customer's greenlet hands her walk to a free process of the pool
(``browser_process``: plain Python, one browser, sync Playwright, the same
walker) and waits for the result without blocking the others; the visits
come back and are reported to Locust like any customer's. Her clock moves
come back too, and are made here, in her greenlet, through the run's shared
clock, so she walks alone when she moves time as any customer does.

A browser customer costs far more than one without a browser (k6's hybrid
advice): ``size`` processes walk that many at once; the others queue for a
free browser, and the time they waited is reported.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from typing import Any

import gevent
from gevent.queue import Empty, Queue

from journeys.errors import JourneysError
from journeys.population.attached import move
from journeys.population.browser_process import Closed, Lines, scenario_address
from journeys.population.timekeeping import turnstile
from journeys.population.walker import Walked, walked_from_dict

__all__ = ["BrowserCustomerFailed", "BrowserPool", "BrowserPoolError"]

START_TIMEOUT = 120.0  # seconds a browser process may take to attach and launch its browser


class BrowserPoolError(JourneysError):
    """The browser processes cannot start (no browser installed, the system not reachable from them)."""


class BrowserCustomerFailed(JourneysError):
    """A browser customer's walk broke outside her journey: her process crashed or the pool is empty."""


class _Process:
    def __init__(self, spec: dict[str, Any]) -> None:
        mine, theirs = socket.socketpair()
        self.popen = subprocess.Popen(
            [sys.executable, "-m", "journeys.population.browser_process", str(theirs.fileno())],
            pass_fds=[theirs.fileno()],
            stdout=subprocess.DEVNULL,
            start_new_session=True,  # Ctrl-C goes to the run, which decides when its customers stop
        )
        theirs.close()
        self.lines = Lines(mine)
        self.lines.send({"setup": spec})

    def ready(self) -> None:
        with gevent.Timeout(START_TIMEOUT, BrowserPoolError(f"no answer in {START_TIMEOUT:g} s")):
            answer = self.lines.receive()
        if "failed" in answer:
            raise BrowserPoolError(answer["failed"])

    def end(self, *, kill: bool = False) -> None:
        self.lines.close()  # the process ends when its socket closes
        if kill:
            self.popen.kill()
        try:
            self.popen.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.popen.kill()
            self.popen.wait()


class BrowserPool:
    """``size`` browser processes attached to the run's system (``attached.describe``'s ``spec``)."""

    def __init__(self, spec: dict[str, Any], size: int) -> None:
        self.spec, self.size = spec, size
        self._idle: Queue[_Process] = Queue()
        self._all: list[_Process] = []
        self._starting = 0
        self._closed = False
        self.crashed = 0

    def start(self) -> BrowserPool:
        """Start every process and wait until its browser runs.

        Raises:
            BrowserPoolError: why a browser process could not start (the first one's reason).
        """
        launches = [gevent.spawn(self._try_launch) for _ in range(self.size)]
        gevent.joinall(launches)
        failed = [g.value for g in launches if g.value is not None]
        if failed:
            self.close()
            raise BrowserPoolError(
                f"browser customers cannot walk: a browser process did not start: {failed[0].rstrip('.')};"
                " or let every customer walk without a browser (leave --browser-share out)."
            )
        return self

    def walk(self, scenario: Any, customer: dict[str, Any], clock: Any) -> Walked:
        """Walk ``scenario`` as ``customer`` (a ``CustomerSpec`` as data) in a free browser; ``clock``
        is the run's clock as this greenlet sees it, for her moves."""
        asked = time.monotonic()
        process = self._take()
        queued = time.monotonic() - asked
        broken = True  # until her answer is in: a process cut off or crashed mid-walk cannot go on
        try:
            with turnstile(clock):  # with her browser in hand: nobody waiting for one holds up the clock
                process.lines.send({"walk": scenario_address(scenario), "customer": customer})
                answer = self._answer(process, clock)
            broken = False
        except Closed as exc:
            self.crashed += 1
            code = process.popen.poll()
            raise BrowserCustomerFailed(f"her browser process ended mid-walk ({exc}; exit code {code})") from None
        finally:
            if broken:
                self._drop(process, kill=True)
            else:
                self._idle.put(process)
        if "error" in answer:
            raise BrowserCustomerFailed(answer["error"])
        walked = walked_from_dict(answer["walked"])
        walked.queued = queued
        return walked

    @staticmethod
    def _answer(process: _Process, clock: Any) -> dict[str, Any]:
        """Her walk's outcome, making her clock moves on the way."""
        while True:
            answer = process.lines.receive()
            if "clock" not in answer:
                return answer
            process.lines.send(_moved(clock, answer["clock"], answer["value"]))

    def close(self) -> None:
        """End every process (their browsers close with them)."""
        self._closed = True
        ending = [gevent.spawn(p.end) for p in self._all]
        gevent.joinall(ending, timeout=30)
        self._all.clear()

    def _launch(self) -> None:
        self._starting += 1
        try:
            process = _Process(self.spec)
            self._all.append(process)
            try:
                process.ready()
            except BaseException:
                self._all.remove(process)
                process.end(kill=True)
                raise
            if self._closed:
                self._all.remove(process)
                process.end()
            else:
                self._idle.put(process)
        finally:
            self._starting -= 1

    def _drop(self, process: _Process, *, kill: bool) -> None:
        """End a process that cannot take the next customer, and start one in its place."""
        if process in self._all:
            self._all.remove(process)
        gevent.spawn(process.end, kill=kill)
        gevent.spawn(self._replace)

    def _try_launch(self) -> str | None:
        """Start one process; None, or why it did not start."""
        try:
            self._launch()
        except Exception as exc:  # noqa: BLE001 - said by ``start``, once, in one line
            return str(exc)
        return None

    def _replace(self) -> None:
        """A new process for one that crashed or was cut off; if it cannot start, the pool is one smaller."""
        if not self._closed:
            self._try_launch()  # if it fails, the pool goes on smaller; an empty one fails its customers clearly

    def _take(self) -> _Process:
        """A free process that is still running (one that died while idle is replaced, not handed out)."""
        while True:
            try:
                process = self._idle.get(timeout=1.0)
            except Empty:
                if not self._all and not self._starting:
                    raise BrowserCustomerFailed("no browser process is left to walk her (they crashed)") from None
                continue
            if process.popen.poll() is None:
                return process
            self.crashed += 1
            self._drop(process, kill=False)


def _moved(clock: Any, action: str, value: str) -> dict[str, str]:
    try:
        return {"moment": move(clock, action, value)}
    except Exception as exc:  # noqa: BLE001 - the customer's step fails with it, in her process
        return {"error": f"{type(exc).__name__}: {exc}"}
