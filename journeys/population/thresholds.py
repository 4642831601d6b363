"""Thresholds in the spirit of k6: a population run as a CI verdict.

Each threshold is ``METRIC OP VALUE`` (``<``, ``<=``, ``>``, ``>=``, ``==``, ``!=``);
a value may carry ``ms`` or ``s`` (milliseconds are the unit of latencies)
or ``%``. Metrics:

=============================  ===================================================
``violation_rate``             share of journeys with at least one violation
``failure_rate``               share of journeys that did not pass
``promises_kept``              kept / settled promises
``privacy_leaks``              leaks found by the population privacy rule or a journey's own (kept_private)
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
promise settled) is *not* met: nothing measured is not a pass. Nor is a
threshold that too few customers got far enough for: each says how many
customers reached what it reads of how many were to (``reach``), and below
the run's coverage (``--coverage``, default 90%: in a run of fewer than ten,
all of them) a threshold that would pass is *not measured*, and fails (one
that is crossed by what was found is crossed however few got there). A touchpoint, rule or fact a
threshold names that the map does not know is refused, with the closest one.
"""

from __future__ import annotations

import difflib
import math
import operator
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from journeys.errors import JourneysError

__all__ = ["Known", "Threshold", "ThresholdError", "evaluate", "parse", "parse_share"]

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
# Rules whose violations a ledger can hold besides journeys.core.rules' own (security steps, privacy).
_OTHER_RULES = ("kept_private", "refused", "protected")
_RULE_ARG = re.compile(r"^\s*(?P<rule>[a-z_]+)\s*(?:\(\s*(?P<fact>[^()]*?)\s*\))?\s*$")
# What a plain metric reads, for the coverage note.
_READS = {
    "violation_rate": "the end of their journey",
    "privacy_leaks": "the end of their journey",
    "failure_rate": "an outcome",
    "promises_kept": "a settled promise",
}


class ThresholdError(JourneysError):
    """A threshold that cannot be read, or names a metric or touchpoint that does not exist."""


@dataclass(frozen=True)
class Known:
    """What a threshold may name: the map's touchpoints and facts, and the rules."""

    touchpoints: frozenset[str] = field(default_factory=frozenset)
    facts: frozenset[str] = field(default_factory=frozenset)
    rules: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def of(cls, system_map: Any) -> Known:
        """The touchpoints and facts of ``system_map`` (a ``TouchpointMap``) and every rule."""
        import journeys.core.rules

        facts = {fact for tp in system_map.touchpoints.values() for fact in tp.facts} | set(system_map.facts)
        rules = {name for name in journeys.core.rules.__all__ if name != "Violation"} | set(_OTHER_RULES)
        return cls(frozenset(system_map.touchpoints), frozenset(facts), frozenset(rules))


@dataclass(frozen=True)
class Threshold:
    """One parsed threshold."""

    text: str
    metric: str
    arg: str | None
    op: str
    value: float

    def check(self, results: dict[str, Any], coverage: float = 0.9) -> dict[str, Any]:
        """``{threshold, value, passed, measured, reached, expected, note}`` for ``results``
        (``results.summarize``'s output); below ``coverage`` it is not measured, and not passed."""
        measured = _measure(self.metric, self.arg, results)
        reached, expected, what = self._reach(results)
        row = {"threshold": self.text, "value": measured, "reached": reached, "expected": expected}
        crossed = measured is not None and not _OPS[self.op](measured, self.value)
        if expected is not None and reached is not None and not crossed:  # what was found counts; a pass needs all
            need = max(1, math.ceil(coverage * expected - 1e-9))
            if reached < need:
                note = (
                    f"not measured: {reached} of {expected} customers reached {what}"
                    f" ({need} needed: --coverage {coverage:.0%})"
                )
                return {**row, "passed": False, "measured": False, "note": note}
        if measured is None:
            return {**row, "passed": False, "measured": False, "note": "not measured: no data"}
        note = f"{reached} of {expected} customers reached {what}" if expected is not None else ""
        return {**row, "passed": not crossed, "measured": True, "note": note}

    def _reach(self, results: dict[str, Any]) -> tuple[int | None, int | None, str]:
        """(reached, expected, what) for this threshold's metric; (None, None, "") when it reads the run."""
        reach = results.get("reach")
        if reach is None or self.metric in ("rate_reached", "journeys", "customers_lost"):
            return None, None, ""
        if self.metric == "failure_rate" and self.arg is None:
            return reach["outcome"], reach["everyone"], _READS["failure_rate"]
        if self.metric == "promises_kept":
            return reach["promises"]["reached"], reach["promises"]["expected"], _READS["promises_kept"]
        if self.arg is not None and self.metric != "violations" and self.arg != "effort":
            row = reach["touchpoints"].get(self.arg)  # nobody got there: who was to is unknown, so everyone
            if row is None:
                return 0, reach["everyone"], self.arg
            return row["reached"], row["expected"], self.arg
        return reach["completed"], reach["everyone"], "the end of their journey"


def parse_share(text: str, option: str) -> float:
    """``90%`` or ``0.9`` as a share between 0 and 1.

    Raises:
        ThresholdError: not a share.
    """
    try:
        share = float(text.strip().rstrip("%")) / (100 if text.strip().endswith("%") else 1)
    except ValueError:
        share = -1.0
    if not 0 < share <= 1:
        raise ThresholdError(f"{option} '{text}': give a share of the customers, e.g. 90% or 0.9 (at most 100%).")
    return share


def parse(text: str, *, known: Known | None = None) -> Threshold:
    """Read a threshold; with ``known``, the touchpoint, rule or fact it names must be one of them.

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
    if metric not in _PLAIN + _WITH_ARG or (arg is None and metric not in _PLAIN):
        raise ThresholdError(
            f"threshold '{text}': unknown metric '{metric}'.{_closest(metric, _PLAIN + _WITH_ARG)}"
            f" Known: {', '.join(_PLAIN + _WITH_ARG)}."
        )
    if arg is not None and metric not in _WITH_ARG:
        raise ThresholdError(
            f"threshold '{text}': '{metric}' takes no argument; known with one: {', '.join(_WITH_ARG)}."
        )
    arg = arg.strip() if arg is not None else None
    if arg is not None and known is not None:
        _check_names(text, metric, arg, known)
    return Threshold(text.strip(), metric, arg, op, value)


def _check_names(text: str, metric: str, arg: str, known: Known) -> None:
    """Refuse a touchpoint, rule or fact the map does not know: a typo must not be 'met'."""
    if metric == "violations":
        shape = _RULE_ARG.match(arg)
        rule, fact = (shape["rule"], shape["fact"]) if shape else (arg, None)
        if rule not in known.rules:
            raise ThresholdError(
                f"threshold '{text}': no rule '{rule}'.{_closest(rule, known.rules)}"
                f" Known: {', '.join(sorted(known.rules))}."
            )
        if fact is not None and known.facts and fact not in known.facts:
            raise ThresholdError(
                f"threshold '{text}': no fact '{fact}' in the map.{_closest(fact, known.facts)}"
                " (`journeys steps --system` lists the map's facts.)"
            )
        return
    if arg != "effort" and known.touchpoints and arg not in known.touchpoints:
        raise ThresholdError(f"threshold '{text}': no touchpoint '{arg}' in the map.{_closest(arg, known.touchpoints)}")


def _closest(word: str, candidates: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, sorted(candidates), n=1)
    return f" Did you mean '{close[0]}'?" if close else ""


def evaluate(thresholds: Iterable[Threshold], results: dict[str, Any], coverage: float = 0.9) -> list[dict[str, Any]]:
    """Every threshold checked against ``results``, at ``coverage`` (``Threshold.check``)."""
    return [t.check(results, coverage) for t in thresholds]


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
