"""How many customers reached what each threshold reads, against how many were to reach it.

A threshold on a crowd is only a verdict when the crowd got there: a
``privacy_leaks == 0`` over a run where 29 of 30 customers failed before the
page the rule reads checked one customer, not thirty. So results carry, per
thing a threshold can read, ``reached`` and ``expected``:

- a touchpoint: reached by the customers whose ledger holds a visit to it;
  expected of every customer (walked, cut off or lost) whose scenario took
  any customer there (a scenario is a line of steps: one customer's reach
  shows where every customer of it was to go);
- the journeys' verdicts and the cross-ledger rules (``violation_rate``,
  ``privacy_leaks``, ``violations(...)``, the effort): reached by the customers
  who carried out every step, expected of every customer who arrived;
- ``failure_rate``: every customer with an outcome, of every customer who arrived;
- ``promises_kept``: the customers with a promise settled, of the customers
  whose scenario made a promise for anyone.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from journeys.population.walker import Walked

__all__ = ["completed", "reach"]


def completed(w: Walked) -> bool:
    """Whether her journey carried out every step (it may still have found violations)."""
    return w.outcome == "passed" or (w.outcome == "failed" and w.error is None and bool(w.digest))


def reach(walked: list[Walked], unfinished: list[str]) -> dict[str, Any]:
    """``{everyone, completed, outcome, touchpoints: {tp: {reached, expected}}, promises: {...}}``.

    ``unfinished``: the scenario location of each customer cut off or lost (no ledger came back).
    """
    scenarios = [w.location for w in walked] + list(unfinished)
    per_scenario: defaultdict[str, int] = defaultdict(int)
    for location in scenarios:
        per_scenario[location] += 1
    visited: defaultdict[str, set[int]] = defaultdict(set)
    where: defaultdict[str, set[str]] = defaultdict(set)
    promising: set[str] = set()
    settled = 0
    for w in walked:
        for touchpoint, *_ in w.digest.get("visits", []):
            visited[touchpoint].add(w.index)
            where[touchpoint].add(w.location)
        statuses = [status for status, _, _ in w.digest.get("promises", [])]
        if statuses:
            promising.add(w.location)
        settled += any(s in ("kept", "broken") for s in statuses)
    return {
        "everyone": len(scenarios),
        "completed": sum(1 for w in walked if completed(w)),
        "outcome": len(walked),
        "touchpoints": {
            tp: {"reached": len(visited[tp]), "expected": sum(per_scenario[s] for s in where[tp])}
            for tp in sorted(visited)
        },
        "promises": {"reached": settled, "expected": sum(per_scenario[s] for s in promising)},
    }
