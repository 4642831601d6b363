"""Allure 3's history as journeys judges it: a regression across a change is not a flake.

Allure 3 calls a failed test flaky when its last five results hold a pass after a failure
(``isAllureClassicFlaky`` in its core), whatever changed between them: a journey that failed,
passed once the fault was switched off and fails again is "Flaky" there. journeys calls flaky only
different outcomes on the same code and system version, or a pass on retry, and marks those
results flaky itself (``allure_config.mark_trend``).

So Allure reads a copy of the kept history in which a failed result that journeys did not call
flaky has nothing before its latest pass: Allure then sees a pass followed by this failure, a
regression. Allure appends this run to the copy; the appended lines go back to the kept history,
which stays whole.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

__all__ = ["history_for_allure", "keep_new_points"]

_BAD = ("failed", "broken")


def history_for_allure(results: Path, kept: Path, copy: Path, run: str) -> int:
    """Write ``copy``, the history Allure reads for ``results`` of report ``run``; returns its number of lines.

    A run reported again replaces its point in the kept history: it is one run, not two.
    """
    lines = kept.read_text(encoding="utf-8").splitlines() if kept.is_file() else []
    earlier = [line for line in lines if line.strip() and json.loads(line).get("name") != run]
    if len(earlier) < len(lines):
        kept.write_text("".join(line + "\n" for line in earlier), encoding="utf-8")
    points = [json.loads(line) for line in earlier]
    for name in _failed_not_flaky(results):  # by full name: Allure keys its history by ids of its own
        passed = [i for i, p in enumerate(points) if "passed" in _statuses(p, name).values()]
        for point in points[: passed[-1]] if passed else []:  # before its latest pass
            for key in _statuses(point, name):
                point["testResults"].pop(key)
    copy.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in points), encoding="utf-8")
    return len(points)


def keep_new_points(copy: Path, kept: Path, start: int) -> None:
    """Append to ``kept`` what Allure appended to ``copy`` after its first ``start`` lines; remove the copy."""
    if not copy.is_file():
        return
    new = [line for line in copy.read_text(encoding="utf-8").splitlines()[start:] if line.strip()]
    if new:
        with kept.open("a", encoding="utf-8") as out:
            out.write("".join(line + "\n" for line in new))
    copy.unlink()


def _failed_not_flaky(results: Path) -> set[str]:
    """Full names of this run's failed or broken results that journeys did not mark flaky."""
    found: set[str] = set()
    for path in results.glob("*-result.json"):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue  # named by allure_cli.unreadable_results
        flaky = (data.get("statusDetails") or {}).get("flaky") if isinstance(data, dict) else True
        if data.get("status") in _BAD and not flaky and data.get("fullName"):
            found.add(str(data["fullName"]))
    return found


def _statuses(point: dict[str, Any], full_name: str) -> dict[str, str]:
    """The status of each of the point's results named ``full_name``, by its key."""
    results = point.get("testResults") or {}
    return {
        k: str(r.get("status")) for k, r in results.items() if isinstance(r, dict) and r.get("fullName") == full_name
    }
