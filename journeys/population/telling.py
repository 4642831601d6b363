"""What a population run tells: progress while it runs, and at its end how it went and its exit status.

Progress is one line every few seconds (customers done, how many went wrong,
what is left), on a terminal only: a CI log (``CI`` set) or output into a
file or pipe stays quiet unless ``--progress`` asks for it. The run's start,
its warnings and its end are always said.

Exit status: 0 done (every threshold met), 1 a threshold crossed, 2
interrupted (Ctrl-C), 3 the run could not go on: the system went down, or
every worker was lost. Customers lost with a worker that died are said, by
worker; the verdict is still the thresholds' (``customers_lost == 0`` makes
them count).
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from journeys.population.plan import Plan, Run

__all__ = ["progress_line", "verdict", "wanted"]


def wanted(asked: bool | None, *, ci: bool) -> bool:
    """Whether to print progress: as asked (``--progress``/``--no-progress``), else on a terminal outside CI
    (``ci``: the settings read ``CI`` once)."""
    if asked is not None:
        return asked
    return sys.stdout.isatty() and not ci


def progress_line(plan: Plan, run: Run, elapsed: float, walking: int, *, arriving: bool) -> str:
    """``  12 s  40 done (3 went wrong)  6 walking  46 arrived (3.8/s)  about 14 s of arrivals left``."""
    done = len(run.walked)
    parts = [
        f"{elapsed:5.0f} s",
        f"{done} done ({run.failing} went wrong)",
        f"{walking} walking",
        f"{run.arrived} arrived ({run.arrived / max(elapsed, 1e-9):.1f}/s)",
    ]
    if run.lost:
        parts.append(f"{len(run.lost)} lost with a worker")
    parts.append(_left(plan, run, elapsed) if arriving else f"arrivals over; at most {plan.drain:g} s to finish")
    return "  ".join(parts)


def _left(plan: Plan, run: Run, elapsed: float) -> str:
    bounds = []
    if plan.customers is not None:
        bounds.append(max(0, plan.customers - run.arrived) / plan.rate)
    if plan.duration is not None:
        bounds.append(max(0.0, plan.duration - elapsed))
    left = min(bounds) if bounds else 0.0
    return f"about {left:.0f} s of arrivals left"


def verdict(run: Any, results: dict[str, Any], out: Path, say: Callable[[str], None]) -> int:
    """Say how the run went; return its exit status."""
    r = results["run"]
    journeys = results["journeys"]
    say(
        f"{r['walked']} customers walked in {r['seconds']:g} s: {journeys['passed']} passed,"
        f" {journeys['failed']} failed; violation rate {journeys['violation_rate']:.2%};"
        f" privacy leaks {results['privacy']['leaks']}"
    )
    by_driver = results.get("drivers", {})
    if by_driver.get("browser", {}).get("walked"):
        browser, http = by_driver["browser"], by_driver.get("http", {})
        say(f"  {browser['walked']} walked in a browser, {http.get('walked', 0)} without one")
    if run.lost:
        said = Counter(f"{lost['worker']} ({lost['cause']})" for lost in run.lost)
        each = "; ".join(f"{n} with worker {who}" for who, n in said.items())
        say(f"LOST {len(run.lost)} customers whose walk did not come back: {each}")
    went_wrong = results.get("causes", {}).get("by_cause", [])
    if went_wrong:
        say("  went wrong: " + ", ".join(f"{c['journeys']} {c['cause']}" for c in went_wrong))
    for line in results.get("load", {}).get("said", []):
        say(f"  {line}")
    # Late arrivals, not a small run's arithmetic: 2 customers at 5/s "reach" 2 in 0.4 s + one gap.
    slipped = r["late_p95_ms"] / 1000 > max(0.25, 1 / r["rate_asked"])
    if r["arrived"] > 2 and slipped and r["rate_reached"] < 0.9 * r["rate_asked"]:
        say(
            f"the rate asked was not reached: {r['rate_reached']:g}/s of {r['rate_asked']:g}/s (arrivals waited"
            f" {r['late_p95_ms']:g} ms at p95): the machine or --max-active could not keep up."
        )
    crossed = [t for t in results["thresholds"] if not t["passed"]]
    for t in results["thresholds"]:
        word = "met    " if t["passed"] else "CROSSED" if t.get("measured", True) else "NOT MEASURED"
        say(f"  {word} {t['threshold']}  (value {t['value']}) {t['note']}")
    say(f"report: {out / 'simulation.html'}")
    if run.stopped.startswith(("the system stopped", "every worker was lost")):
        return 3
    if run.stopped.startswith("interrupted"):
        return 2
    return 1 if crossed else 0
