"""Time that belongs to the system, not to the harness.

A touchpoint's waiting time is what the system kept the customer waiting:
the browser context and page the harness opens, a staff login, screenshots
and other evidence are the harness's own time. Drivers wrap such work in
``harness()``; a ``lap()`` around a visit then measures the wall time less
every harness block run inside it (nested laps each subtract their own).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager


class Lap:
    """One timed stretch; ``seconds`` is known once its block has ended."""

    def __init__(self) -> None:
        self.seconds = 0.0


class Stopwatch:
    """One customer's stopwatch: wall time less the harness's own work.

    Args:
        clock: seconds from an arbitrary start (default ``time.perf_counter``; tests pass their own).
    """

    def __init__(self, clock: Callable[[], float] = time.perf_counter) -> None:
        self.clock = clock
        self._harness = 0.0  # seconds spent in harness blocks so far
        self._depth = 0
        self._lock = threading.Lock()

    @property
    def harness_seconds(self) -> float:
        """Seconds spent in ``harness()`` blocks so far."""
        return self._harness

    @contextmanager
    def harness(self) -> Iterator[None]:
        """Time spent in the block is the harness's: it is left out of every lap around it."""
        with self._lock:
            self._depth += 1
            outermost = self._depth == 1
        started = self.clock()
        try:
            yield
        finally:
            with self._lock:
                self._depth -= 1
                if outermost:  # a harness block inside another is counted once
                    self._harness += self.clock() - started

    @contextmanager
    def lap(self) -> Iterator[Lap]:
        """Measure the block's wall time less the harness blocks run inside it."""
        lap = Lap()
        started, harness = self.clock(), self._harness
        try:
            yield lap
        finally:
            lap.seconds = max(0.0, (self.clock() - started) - (self._harness - harness))
