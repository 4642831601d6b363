"""Thresholds in the spirit of k6: a population run as a CI verdict.

Each threshold is ``METRIC OP VALUE`` (``<``, ``<=``, ``>``, ``>=``, ``==``, ``!=``);
a value may carry ``ms`` or ``s`` (milliseconds are the unit of latencies)
or ``%``. Metrics:

=============================  ===================================================
``violation_rate``             share of journeys with at least one violation
``failure_rate``               share of journeys that did not pass
``promises_kept``              kept / settled promises
``privacy_leaks``              leaks found by the population privacy rule
``rate_reached``               customers per second that really arrived
``journeys``                   journeys walked
``customers_lost``             customers lost with a worker that died or stopped answering
``p50(TP)`` … ``p99(TP)``      a touchpoint's latency percentile (p50, p90, p95, p99), in ms
``avg(TP)`` ``max(TP)``        a touchpoint's mean / slowest visit, in ms
``failure_rate(TP)``           a touchpoint's failed visits / visits
``violations(RULE)``           violations of a rule (``agree`` or ``agree(order.total)``)
``p50(effort)`` ``p95(effort)`` the effort score's percentiles
=============================  ===================================================

A threshold whose metric has no data (no visits to the touchpoint, no
promise settled) is *not* met: nothing measured is not a pass.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from journeys.errors import JourneysError

__all__ = ["Threshold", "ThresholdError", "evaluate", "parse"]

_OPS: dict[str, Callable[[float, float], bool]] = {
    "<=": operator.le,
    ">=": operator.ge,
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    ">": operator.gt,
}
_SHAPE = re.compile(
    r"^\s*(?P<metric>[a-z_0-9]+)(?:\((?P<arg>[^()]*(?:\([^()]*\))?)\))?\s*(?P<op><=|>=|==|!=|<|>)\s*"
    r"(?P<value>-?[0-9.]+)\s*(?P<unit>ms|s|%)?\s*$"
)
_PLAIN = (
    "violation_rate",
    "failure_rate",
    "promises_kept",
    "privacy_leaks",
    "rate_reached",
    "journeys",
    "customers_lost",
)
_LATENCY = {"p50": "p50_ms", "p90": "p90_ms", "p95": "p95_ms", "p99": "p99_ms", "avg": "mean_ms", "max": "max_ms"}
_WITH_ARG = (*_LATENCY, "failure_rate", "violations")


class ThresholdError(JourneysError):
    """A threshold that cannot be read, or names a metric or touchpoint that does not exist."""


@dataclass(frozen=True)
class Threshold:
    """One parsed threshold."""

    text: str
    metric: str
    arg: str | None
    op: str
    value: float

    def check(self, results: dict[str, Any]) -> dict[str, Any]:
        """``{threshold, value, passed, note}`` for ``results`` (``results.summarize``'s output)."""
        measured = _measure(self.metric, self.arg, results)
        if measured is None:
            return {"threshold": self.text, "value": None, "passed": False, "note": "no data: nothing measured"}
        return {"threshold": self.text, "value": measured, "passed": _OPS[self.op](measured, self.value), "note": ""}


def parse(text: str, *, touchpoints: Iterable[str] = ()) -> Threshold:
    """Read a threshold; with ``touchpoints``, a touchpoint it names must be one of them.

    Raises:
        ThresholdError: what is wrong, and how to write it.
    """
    found = _SHAPE.match(text)
    if not found:
        raise ThresholdError(
            f"threshold '{text}': write METRIC OP VALUE, e.g. 'violation_rate < 0.001' or 'p95(web.checkout) < 800ms'."
        )
    metric, arg, op = found["metric"], found["arg"], found["op"]
    value = float(found["value"]) * {"s": 1000.0, "%": 0.01}.get(found["unit"] or "", 1.0)
    if metric not in _PLAIN + _WITH_ARG:
        raise ThresholdError(f"threshold '{text}': unknown metric '{metric}'; known: {', '.join(_PLAIN + _WITH_ARG)}.")
    if arg is None and metric not in _PLAIN:
        raise ThresholdError(f"threshold '{text}': unknown metric '{metric}'; known: {', '.join(_PLAIN + _WITH_ARG)}.")
    if arg is not None and metric not in _WITH_ARG:
        raise ThresholdError(
            f"threshold '{text}': '{metric}' takes no argument; known with one: {', '.join(_WITH_ARG)}."
        )
    known = set(touchpoints)
    if arg and known and metric in (*_LATENCY, "failure_rate") and arg not in known | {"effort"}:
        import difflib

        close = difflib.get_close_matches(arg, sorted(known), n=1)
        hint = f" Did you mean '{close[0]}'?" if close else ""
        raise ThresholdError(f"threshold '{text}': no touchpoint '{arg}' in the map.{hint}")
    return Threshold(text.strip(), metric, arg.strip() if arg else None, op, value)


def evaluate(thresholds: Iterable[Threshold], results: dict[str, Any]) -> list[dict[str, Any]]:
    """Every threshold checked against ``results``."""
    return [t.check(results) for t in thresholds]


def _measure(metric: str, arg: str | None, results: dict[str, Any]) -> float | None:
    journeys = results["journeys"]
    walked = results["run"]["walked"]
    if arg is None:
        plain: dict[str, Any] = {
            "violation_rate": journeys["violation_rate"] if walked else None,
            "failure_rate": journeys["failure_rate"] if walked else None,
            "promises_kept": results["promises"]["promises_kept"],
            "privacy_leaks": results["privacy"]["leaks"] if walked else None,
            "rate_reached": results["run"]["rate_reached"],
            "journeys": walked,
            "customers_lost": results["run"].get("lost", 0),
        }
        return plain[metric]
    if metric == "violations":
        rows = results["rules"]["by_rule"]
        hits = [r["violations"] for r in rows if r["rule"] == arg or r["rule"].split("(")[0] == arg]
        return float(sum(hits)) if walked else None
    if arg == "effort":
        effort = results["effort"]
        key = {"p50": "p50", "p90": "p90", "p95": "p95", "avg": "mean", "max": "max"}.get(metric)
        return effort.get(key) if key and effort.get("journeys") else None
    row = next((r for r in results["touchpoints"] if r["name"] == arg and r["kind"] == "touchpoint"), None)
    if row is None:
        return None
    if metric == "failure_rate":
        return float(row["failure_rate"])
    value = row.get(_LATENCY[metric])
    return float(value) if value is not None else None
