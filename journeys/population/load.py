"""How many customers may walk at once, and whether the load generator itself keeps up.

``--max-active N`` fixes the number. Without it the run finds it: it starts
with a few customers at once and, each time the limit was reached and the
system still answered as fast as with few, lets twice as many in; once the
system slows down (a touchpoint takes three times as long as at its
quickest, and at least a second more), a request takes half its timeout or
times out,
it goes back to the last number that was answered in time and holds there.
The report says where the system bent. A crowd that walks faster than the
system answers finds timeouts, not the faults only a crowd shows.

The load generator measures itself too, as Locust warns: its CPU (Locust's
own ``cpu_warning`` above 90 % of a core, and our own samples) and its event
loop's lag (a greenlet that sleeps 0.1 s and sees how late it wakes). A
saturated generator makes response times its own: it is said, and the ramp
holds.
"""

from __future__ import annotations

import statistics
import time
from collections import defaultdict
from typing import Any

import gevent
import psutil

__all__ = ["LoadControl"]

START = 4  # customers at once when the run finds its own number
CEILING = 100  # never more than this without --max-active
WINDOW = 2.0  # seconds between looks at the response times
SLOWER = 3.0  # this many times a touchpoint's quickest median is slow...
AT_LEAST_MS = 1000.0  # ...and at least a second slower: a mail at 0.5 s instead of 0.05 s is still in time
LAG_TICK = 0.1
SATURATED_CPU = 90.0  # Locust's threshold (locust.runners.CPU_WARNING_THRESHOLD)
SATURATED_LAG_MS = 200.0


class LoadControl:
    """The active-customer limit of a run (fixed, or found by ramping) and the generator's own load."""

    def __init__(self, env: Any, fixed: int = 0, timeout: float = 10.0) -> None:
        self.fixed = fixed
        self.late_ms = timeout * 1000 / 2  # a visit half-way to the timeout: bent before anyone times out
        self.limit = fixed or START
        self.holding = bool(fixed)
        self.bent: dict[str, Any] | None = None
        self.levels: list[dict[str, Any]] = []
        self.reached_limit = False
        self._quickest: dict[str, float] = {}
        self._window: defaultdict[str, list[float]] = defaultdict(list)
        self._timeouts = 0
        self._late: list[tuple[str, float]] = []
        self._lags: list[float] = []
        self._all_lags: list[float] = []
        self._busy_windows = 0
        self.saturated = False  # two looks in a row with the generator busy (after the warm-up)
        self._cpu: list[float] = []
        self._locust_warned = False
        self._last_good = self.limit
        self._greenlets: list[Any] = []
        env.events.request.add_listener(self._request)
        env.events.cpu_warning.add_listener(self._cpu_warning)

    def start(self) -> LoadControl:
        self._greenlets = [gevent.spawn(self._look), gevent.spawn(self._lag)]
        psutil.Process().cpu_percent()  # the first call starts the measurement
        return self

    def stop(self) -> None:
        gevent.killall(self._greenlets, block=False)

    def full(self, walking: int) -> bool:
        """Whether an arrival must wait (``walking`` customers at once already)."""
        if walking >= self.limit:
            self.reached_limit = True
            return True
        return False

    # -- what it measures ----------------------------------------------------------

    def _request(self, request_type: str, name: str, response_time: float, exception: Any = None, **_: Any) -> None:
        if request_type != "touchpoint":
            return
        if exception is not None and "no answer within" in str(exception):
            self._timeouts += 1
        elif exception is None:
            self._window[name].append(float(response_time))
            if response_time >= self.late_ms and not name.startswith("email."):  # a mail's wait is not a request
                self._late.append((name, float(response_time)))

    def _cpu_warning(self, environment: Any = None, cpu_usage: float = 0.0, **_: Any) -> None:
        self._locust_warned = True  # Locust's own warning: above 90 % of a core
        self._cpu.append(float(cpu_usage))

    def _lag(self) -> None:
        while True:
            before = time.monotonic()
            gevent.sleep(LAG_TICK)
            self._lags.append(max(0.0, time.monotonic() - before - LAG_TICK) * 1000)

    def _look(self) -> None:
        process = psutil.Process()
        while True:
            gevent.sleep(WINDOW)
            self._cpu.append(process.cpu_percent())
            self.judge()

    # -- what it decides -----------------------------------------------------------

    def judge(self) -> None:
        """One look: the window's response times against each touchpoint's quickest; ramp, back off or hold."""
        window, timeouts, late = self._window, self._timeouts, self._late
        self._window, self._timeouts, self._late = defaultdict(list), 0, []
        lags, self._lags = self._lags, []
        warned, self._locust_warned = self._locust_warned, False
        if self.levels:  # the first window is the warm-up (imports, first pages): not the generator's pace
            self._all_lags += lags
            busy = max(self._cpu[-1:], default=0.0) > SATURATED_CPU or _p95(lags) > SATURATED_LAG_MS
            self._busy_windows = self._busy_windows + 1 if busy or warned else 0
            self.saturated = self.saturated or self._busy_windows >= 2
        medians = {tp: statistics.median(ms) for tp, ms in window.items() if len(ms) >= 3}
        slowed = [
            (tp, ms, self._quickest[tp])
            for tp, ms in medians.items()
            if tp in self._quickest and ms >= SLOWER * self._quickest[tp] and ms - self._quickest[tp] >= AT_LEAST_MS
        ]
        for tp, ms in medians.items():
            self._quickest[tp] = min(ms, self._quickest.get(tp, ms))
        level = {"active": self.limit, "timeouts": timeouts, "medians_ms": {k: round(v) for k, v in medians.items()}}
        self.levels.append(level)
        if self.holding:
            return
        if timeouts or slowed or late:
            if timeouts:
                why = f"{timeouts} requests timed out"
            elif late:
                tp, ms = max(late, key=lambda each: each[1])
                why = f"{tp} took {ms:.0f} ms, half-way to the {self.late_ms * 2 / 1000:g} s timeout"
            else:
                why = _slowed(slowed)
            self.bent = {"active": self.limit, "why": why, "held_at": self._last_good}
            self.limit, self.holding = self._last_good, True
        elif self._busy_windows >= 2:
            self.holding = True  # our own slowness would be read as the system's
        elif self.reached_limit and medians:
            self._last_good = self.limit
            self.limit = min(CEILING, self.limit * 2)
        self.reached_limit = False

    @property
    def lag_p95(self) -> float:
        return _p95(self._all_lags)

    def report(self) -> dict[str, Any]:
        """What ``results['load']`` holds, with the lines the command says."""
        said = []
        if self.bent:
            said.append(
                f"the system bent at {self.bent['active']} customers at once ({self.bent['why']}):"
                f" held at {self.bent['held_at']}"
            )
        elif not self.fixed:
            said.append(f"the system answered in time up to {self.limit} customers at once (the most tried)")
        else:
            said.append(f"at most {self.fixed} customers at once (--max-active)")
        if self.saturated:
            said.append(
                f"the load generator was saturated (CPU up to {max(self._cpu, default=0):.0f}% of a core, event-loop"
                f" lag p95 {self.lag_p95:.0f} ms): response times are partly its own; use --workers or fewer --rate"
            )
        return {
            "max_active": self.fixed or None,
            "found": None if self.fixed else self.limit,
            "bent": self.bent,
            "generator": {
                "cpu_max": round(max(self._cpu, default=0.0), 1),
                "lag_p95_ms": round(self.lag_p95, 1),
                "saturated": self.saturated,
            },
            "levels": self.levels[-30:],
            "said": said,
        }


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] if ordered else 0.0


def _slowed(slowed: list[tuple[str, float, float]]) -> str:
    tp, ms, quickest = max(slowed, key=lambda s: s[1] / s[2])
    return f"{tp} took {ms:.0f} ms at the median against {quickest:.0f} ms with fewer"
