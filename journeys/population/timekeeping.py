"""Whose time is it? The system's test clock, shared by a whole population.

A system has one clock. A journey that moves it ("it is Friday 17:45", "2
days pass", checking a promise at its deadline) moves it for every customer
walking at that moment, and the shop's planned processes (shipping,
refunds) run for all of them. So, in a population:

- every customer walks at the session's start moment; a journey starting
  sets the clock back to it only when someone moved it;
- a journey that moves the clock walks *alone*: at its first move it waits
  until every other customer has finished (new arrivals wait meanwhile),
  moves time, and at its end the clock goes back to the start moment before
  the others go on. Its steps before that first move ran with the crowd, at
  the start moment, like everyone else's.

So clock-moving journeys are serialized, never refused, and their promise
checks are real; they cost throughput (the report counts them). A customer
enters the turnstile where her walk really starts (``turnstile``): after a
browser customer has her browser, so nobody waiting for a browser holds up
a customer walking alone. Customers on other processes (browser processes,
Locust workers) enter, leave and move time through the run's owner
(``attached.ForwardedClock``). A system
without a test clock runs on the wall clock: nothing here applies, and
promises not yet due are stored as in a single run.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

__all__ = ["SharedClock", "turnstile"]


@contextmanager
def turnstile(clock: Any) -> Iterator[None]:
    """One customer's walk through ``clock``'s turnstile (a clock without one: nothing to wait for)."""
    if not hasattr(clock, "enter"):
        yield
        return
    clock.enter()
    try:
        yield
    finally:
        clock.leave()


class SharedClock:
    """A test clock behind a turnstile: many customers at the start moment, or one who moves time.

    Args:
        clock: the session's test clock (``controllable``).
        start: the moment every customer starts at (the session's ``start_moment``).
    """

    def __init__(self, clock: Any, start: datetime) -> None:
        self.inner = clock
        self.start = start
        self.controllable = bool(clock.controllable)
        self.movers = 0  # journeys that walked alone
        self._moved = False
        self._cond = threading.Condition()  # gevent-aware once Locust has patched threading
        self._walking: set[int] = set()
        self._owner: int | None = None
        self._queued = 0

    # -- the clock protocol --------------------------------------------------

    def now(self) -> datetime:
        return self.inner.now()  # type: ignore[no-any-return]

    def set(self, moment: datetime) -> None:
        if moment == self.start and not self._moved:
            return  # a journey starting: the clock is already at the start moment
        self._alone()
        self.inner.set(moment)

    def advance(self, seconds: float) -> None:
        self._alone()
        self.inner.advance(seconds)

    # -- the turnstile -------------------------------------------------------

    def enter(self) -> None:
        """A customer starts walking (waits while someone walks alone, or waits to)."""
        with self._cond:
            while self._owner is not None or self._queued:
                self._cond.wait()
            self._walking.add(threading.get_ident())

    def leave(self) -> None:
        """A customer is done; one who moved time sets the clock back to the start moment first."""
        me = threading.get_ident()
        try:
            if self._owner == me and self._moved:
                self.inner.set(self.start)
                self._moved = False
        finally:
            with self._cond:
                self._walking.discard(me)
                if self._owner == me:
                    self._owner = None
                self._cond.notify_all()

    def _alone(self) -> None:
        """Wait until this customer walks alone (the others finish; nobody new starts)."""
        me = threading.get_ident()
        with self._cond:
            if self._owner == me:
                self._moved = True
                return
            self._walking.discard(me)  # waiting to walk alone, it holds nobody up
            self._queued += 1
            self._cond.notify_all()
            while self._owner is not None or self._walking:
                self._cond.wait()
            self._queued -= 1
            self._owner = me
            self._walking.add(me)
            self.movers += 1
            self._moved = True
