"""A population's results: per touchpoint, per rule, promises, effort, and the moments of truth.

Latency and failures per touchpoint come from Locust's statistics (every
visit was reported there); violations, promises and effort from each
customer's ledger digest. Definitions, as the report states them:

- ``violation_rate``: the share of journeys with at least one violation;
- ``failure_rate``: the share of journeys that did not pass (a violation or a step error);
- ``promises_kept``: kept / (kept + broken) of the promises settled in the run;
- a touchpoint's *moment of truth* score: how many journeys went wrong there,
  each for one cause (``causes``, ``moments``), and the effort it added
  (docs/effort.md's points, attributed to the touchpoint where they arose);
- ``reach``: how many customers reached what each threshold reads (``reach``).
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from typing import Any

from journeys.population import truth_moments as moments
from journeys.population.reach import reach
from journeys.population.walker import Walked

__all__ = ["summarize"]


def summarize(run: Any, leaks: list[dict[str, Any]]) -> dict[str, Any]:
    """The results of ``run`` (an engine ``Run``) as JSON-ready data, with the privacy rule's ``leaks``."""
    walked: list[Walked] = run.walked
    total = len(walked)
    with_violations = sum(1 for w in walked if w.digest.get("violations"))
    not_passed = sum(1 for w in walked if w.outcome != "passed")
    promises = Counter(status for w in walked for status, _, _ in w.digest.get("promises", []))
    settled = promises["kept"] + promises["broken"]
    plan = run.plan
    leaked = moments.leaked(leaks)
    unfinished = [plan.mix.pick(plan.seed, i).location for i in [*run.cut_off_indexes, *(x["index"] for x in run.lost)]]
    return {
        "run": {
            "customers_asked": plan.customers,
            "duration_asked": plan.duration,
            "rate_asked": plan.rate,
            "rate_reached": round(run.rate_reached, 3),
            "arrived": run.arrived,
            "walked": total,
            "cut_off": run.cut_off,
            "seconds": round(run.wall, 2),
            "late_p95_ms": round(_pct(run.late, 0.95) * 1000, 1) if run.late else 0.0,
            "stopped": run.stopped,
            "walked_alone": run.movers,
            "seed": plan.seed,
            "run_id": plan.run_id,
            "lost": len(run.lost),
            "lost_by_worker": _lost(run.lost),
            "workers": run.workers,
            "identities_unique": len({w.key for w in walked}) == total,
        },
        "load": run.load,
        "drivers": _drivers(walked),
        "mix": plan.mix.describe(),
        "journeys": {
            "passed": sum(1 for w in walked if w.outcome == "passed"),
            "failed": sum(1 for w in walked if w.outcome == "failed"),
            "interrupted": sum(1 for w in walked if w.outcome == "interrupted"),
            "violation_rate": _share(with_violations, total),
            "failure_rate": _share(not_passed, total),
            "by_scenario": _by_scenario(walked),
            "errors": moments.errors(walked),
        },
        "causes": moments.causes(walked, leaked),
        "reach": reach(walked, unfinished),
        "touchpoints": _touchpoints(run.env),
        "rules": _rules(walked, total),
        "promises": {
            "made": sum(promises.values()),
            "kept": promises["kept"],
            "broken": promises["broken"],
            "pending": promises["pending"],
            "promises_kept": _share(promises["kept"], settled) if settled else None,
        },
        "effort": _effort([float(w.digest.get("effort", {}).get("score", 0.0)) for w in walked if w.digest]),
        "moments_of_truth": moments.moments(walked, leaked),
        "privacy": _privacy(walked, leaks),
    }


def _privacy(walked: list[Walked], leaks: list[dict[str, Any]]) -> dict[str, Any]:
    """Every privacy leak: the population rule's, and each journey's own (``kept_private``), which it did not see."""
    told = {key for leak in leaks for key in leak.get("customers") or [leak.get("customer")]}
    own = [
        {
            "customer": w.key,
            "touchpoint": w.cause.get("touchpoint", ""),
            "said": f"{w.digest.get('customer', {}).get('name') or w.key}: {w.cause.get('detail', '')}",
        }
        for w in walked
        if w.cause and w.cause.get("cause") == "privacy leak" and w.key not in told
    ]
    found = [*leaks, *own]
    return {"leaks": len(found), "found": found[:50]}


def _lost(lost: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Customers lost with each worker, and why it was lost."""
    rows: dict[str, dict[str, Any]] = {}
    for each in lost:
        row = rows.setdefault(each["worker"], {"worker": each["worker"], "cause": each["cause"], "customers": 0})
        row["customers"] += 1
    return sorted(rows.values(), key=lambda r: -r["customers"])


def _drivers(walked: list[Walked]) -> dict[str, Any]:
    """Per way of walking (``browser``, ``http``): journeys, how they went, how long they took."""
    rows: dict[str, Any] = {}
    for driver in sorted({w.driver for w in walked}):
        mine = [w for w in walked if w.driver == driver]
        rows[driver] = {
            "walked": len(mine),
            "passed": sum(1 for w in mine if w.outcome == "passed"),
            "visits": sum(len(w.visits) for w in mine),
            "journey_p50_s": round(_pct([w.seconds for w in mine], 0.5), 3),
            "journey_p95_s": round(_pct([w.seconds for w in mine], 0.95), 3),
            "queued_p95_s": round(_pct([w.queued for w in mine], 0.95), 3),
        }
    return rows


def _touchpoints(env: Any) -> list[dict[str, Any]]:
    rows = []
    for entry in env.stats.entries.values():
        if entry.method not in ("touchpoint", "step") or not entry.num_requests:
            continue
        rows.append(
            {
                "name": entry.name,
                "kind": entry.method,
                "visits": entry.num_requests,
                "failures": entry.num_failures,
                "failure_rate": _share(entry.num_failures, entry.num_requests),
                "p50_ms": entry.get_response_time_percentile(0.5),
                "p90_ms": entry.get_response_time_percentile(0.9),
                "p95_ms": entry.get_response_time_percentile(0.95),
                "p99_ms": entry.get_response_time_percentile(0.99),
                "mean_ms": round(entry.avg_response_time, 1),
                "max_ms": round(entry.max_response_time, 1),
            }
        )
    return sorted(rows, key=lambda r: (r["kind"], -r["visits"], r["name"]))


def _rules(walked: list[Walked], total: int) -> dict[str, Any]:
    count: Counter[str] = Counter()
    journeys: defaultdict[str, set[int]] = defaultdict(set)
    pairs: Counter[str] = Counter()
    for w in walked:
        for violation in w.digest.get("violations", []):
            rule = f"{violation['rule']}({violation['fact']})"
            count[rule] += 1
            journeys[rule].add(w.index)
            for a, b in violation["pairs"]:
                pairs[f"{a} ↔ {b}"] += 1
    return {
        "by_rule": [
            {"rule": rule, "violations": n, "journeys": len(journeys[rule]), "rate": _share(len(journeys[rule]), total)}
            for rule, n in count.most_common()
        ],
        "by_touchpoint_pair": [{"pair": pair, "violations": n} for pair, n in pairs.most_common()],
    }


def _effort(scores: list[float]) -> dict[str, Any]:
    if not scores:
        return {"journeys": 0}
    top = max(scores)
    width = max(1.0, round(top / 10 + 0.5))
    buckets = Counter(int(s // width) for s in scores)
    return {
        "journeys": len(scores),
        "mean": round(statistics.fmean(scores), 2),
        "p50": _pct(scores, 0.5),
        "p90": _pct(scores, 0.9),
        "p95": _pct(scores, 0.95),
        "max": top,
        "histogram": [
            {"from": i * width, "to": (i + 1) * width, "journeys": buckets.get(i, 0)}
            for i in range(int(top // width) + 1)
        ],
    }


def _by_scenario(walked: list[Walked]) -> list[dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    for w in walked:
        row = rows.setdefault(w.location, {"location": w.location, "scenario": w.title, "walked": 0, "went_wrong": 0})
        row["walked"] += 1
        row["went_wrong"] += w.outcome != "passed"
    return sorted(rows.values(), key=lambda r: -r["walked"])


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered) + 0.5) - 1))] if ordered else 0.0


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0
