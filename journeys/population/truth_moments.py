"""Where a crowd's journeys went wrong, and why: one cause per journey, ranked per touchpoint.

The moments of truth are the touchpoints ranked by the journeys that went
wrong there (privacy leaks first, then the system's own faults, then the
rest), then by the effort they added; each row splits its journeys by cause
(``causes``), so an overloaded checkout is not read as a bad confirmation
mail. Touchpoints carry the journeys' own words: the step the customers were
walking when they got there.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from journeys.core.effort import WEIGHTS
from journeys.population.causes import CAUSES, SEVERE, group_errors, one_cause
from journeys.population.walker import Walked

__all__ = ["causes", "errors", "leaked", "moments", "touchpoint_words"]

NOWHERE = "(no touchpoint)"  # a cause that arose before or between touchpoints


def leaked(leaks: list[dict[str, Any]]) -> dict[str, str]:
    """Customer key -> the touchpoint where she was shown another customer's data (or told a shared one)."""
    found: dict[str, str] = {}
    for leak in leaks:
        for key in leak.get("customers") or [leak.get("customer")]:
            if key:
                found.setdefault(key, leak.get("touchpoint") or "")
    return found


def _causes_of(walked: list[Walked], leaks: dict[str, str]) -> list[tuple[Walked, dict[str, str]]]:
    found = []
    for w in walked:
        cause = one_cause(w, leaked=w.key in leaks)
        if cause is not None:
            if cause["cause"] == "privacy leak" and not cause["touchpoint"]:
                cause["touchpoint"] = leaks.get(w.key, "")
            found.append((w, cause))
    return found


def causes(walked: list[Walked], leaks: dict[str, str]) -> dict[str, Any]:
    """The journeys that went wrong by cause (ranked: most first, the severer first on a tie) and per touchpoint."""
    found = _causes_of(walked, leaks)
    count = Counter(c["cause"] for _, c in found)
    example: dict[str, str] = {}
    for _, c in found:
        example.setdefault(c["cause"], c["detail"])
    by_touchpoint: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for _, c in found:
        by_touchpoint[c["touchpoint"] or NOWHERE][c["cause"]] += 1
    ranked = sorted(count, key=lambda c: (-count[c], CAUSES.index(c)))
    return {
        "went_wrong": len(found),
        "by_cause": [{"cause": c, "journeys": count[c], "severe": c in SEVERE, "example": example[c]} for c in ranked],
        "by_touchpoint": {tp: dict(n) for tp, n in sorted(by_touchpoint.items())},
    }


def errors(walked: list[Walked]) -> list[dict[str, Any]]:
    """The step errors grouped by kind (customers, names, numbers taken out), with a count and one example."""
    names = sorted({str(w.digest.get("customer", {}).get("name") or "") for w in walked} - {""}, key=len)
    return group_errors([w.error for w in walked if w.error], names[::-1])[:10]


def touchpoint_words(walked: list[Walked]) -> dict[str, str]:
    """Each touchpoint in the journeys' words: the step most customers were walking when they got there."""
    said: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for w in walked:
        for visit in w.visits:
            if visit.kind == "touchpoint" and visit.step:
                said[visit.name][visit.step] += 1
    return {tp: steps.most_common(1)[0][0] for tp, steps in said.items()}


def moments(walked: list[Walked], leaks: dict[str, str]) -> list[dict[str, Any]]:
    """Touchpoints ranked by journeys that went wrong there (privacy leaks first, then the system's faults),
    then by the effort they added; each with its journeys by cause."""
    visited: defaultdict[str, set[int]] = defaultdict(set)
    effort: defaultdict[str, float] = defaultdict(float)
    for w in walked:
        for visit in w.visits:
            if visit.kind == "touchpoint":
                visited[visit.name].add(w.index)
        for touchpoint, points in _effort_at(w.digest).items():
            effort[touchpoint] += points
            visited[touchpoint].add(w.index)
    by_cause: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for w, cause in _causes_of(walked, leaks):
        touchpoint = cause["touchpoint"] or NOWHERE
        by_cause[touchpoint][cause["cause"]] += 1
        visited[touchpoint].add(w.index)
    words = touchpoint_words(walked)
    rows: list[dict[str, Any]] = []
    for tp in visited:
        split = by_cause.get(tp, Counter())
        wrong = sum(split.values())
        rows.append(
            {
                "touchpoint": tp,
                "words": words.get(tp, ""),
                "journeys": len(visited[tp]),
                "went_wrong": wrong,
                "wrong_rate": round(wrong / len(visited[tp]), 4) if visited[tp] else 0.0,
                "causes": {c: split[c] for c in CAUSES if split[c]},
                "privacy_leaks": split["privacy leak"],
                "effort_added": round(effort[tp] / len(visited[tp]), 2) if visited[tp] else 0.0,
            }
        )
    severe = {r["touchpoint"]: sum(n for c, n in r["causes"].items() if c in SEVERE) for r in rows}
    return sorted(
        rows,
        key=lambda r: (
            -r["privacy_leaks"],
            -severe[r["touchpoint"]],
            -r["went_wrong"],
            -r["effort_added"],
            r["touchpoint"],
        ),
    )


def _effort_at(digest: dict[str, Any]) -> dict[str, float]:
    """The effort score's points, each where it arose: a visit, a channel switch, waiting, a question
    asked again, a broken promise (docs/effort.md)."""
    points: defaultdict[str, float] = defaultdict(float)
    previous = None
    for touchpoint, channel, waited in digest.get("visits", []):
        points[touchpoint] += WEIGHTS["touchpoints"] + float(waited) / 10 * WEIGHTS["waiting_per_10_seconds"]
        if previous is not None and channel != previous:
            points[touchpoint] += WEIGHTS["channel_switches"]
        previous = channel
    for violation in digest.get("violations", []):
        if violation["rule"] == "not_asked_twice" and violation["heading"] != "NothingToCompare":
            if violation["blamed"]:
                points[violation["blamed"][-1]] += WEIGHTS["repeated_questions"]
    for status, touchpoint, _ in digest.get("promises", []):
        if status == "broken":
            points[touchpoint] += WEIGHTS["broken_promises"]
    return dict(points)
