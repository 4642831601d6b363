"""``summary.md``: the run in a few lines, short enough for a pull-request comment.

What failed, where (feature:line and touchpoint), the two values that
disagree, the gate's crossed thresholds, what changed since the previous run,
and a link to the journey map for everything else.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from journeys.records import Observation
from journeys.reporting.journey_map import MAP_FILE
from journeys.reporting.ledgers import JourneyRecord, RunResults
from journeys.reporting.timeline import shown

__all__ = ["SUMMARY_FILE", "summary_markdown", "write_summary"]

SUMMARY_FILE = "summary.md"
_MOST_JOURNEYS = 10  # a PR comment, not a report: the map has the rest
_MOST_VIOLATIONS = 2
_ICONS = {"passed": "✅", "failed": "❌", "interrupted": "⏸️", "unknown": "❔"}


def write_summary(
    results: RunResults, *, gate: list[str] | None = None, trend: dict[str, str] | None = None, gate_run: bool = False
) -> Path:
    """Write ``summary.md`` into the run folder; returns its path."""
    target = results.folder / SUMMARY_FILE
    target.write_text(summary_markdown(results, gate=gate, trend=trend, gate_run=gate_run), encoding="utf-8")
    return target


def summary_markdown(
    results: RunResults, *, gate: list[str] | None = None, trend: dict[str, str] | None = None, gate_run: bool = False
) -> str:
    """The summary as Markdown.

    Args:
        results: the run's ledgers and testcases.
        gate: thresholds crossed (``gate.crossings``).
        trend: journey name -> ``started`` / ``stopped`` / ``flaky`` (``TrendStore.changes``).
        gate_run: a ``--gate`` run: the headline says whether the gate passed.
    """
    gate, trend = gate or [], trend or {}
    failing = [j for j in results.journeys if j.outcome != "passed"]
    errors = [c for c in results.testcases if c.status == "error"]
    # Failed before a ledger was written (an unreadable feature file), or never reported at all.
    unfinished = [c for c in results.failed_without_ledger() if c.status == "failed"]
    missing = [n for n in results.not_finished(errors=False) if "(no result:" in n or n.startswith("junit.xml")]
    total = len(results.journeys)
    headline = f"{len(failing)} of {total} journeys did not pass" if failing else f"all {total} journeys passed"
    if unfinished or missing:
        headline += f", {len(unfinished) + len(missing)} did not finish"
    if errors:
        count = f"{len(errors)} error{'s' * (len(errors) > 1)}"
        headline = f"{headline}, {count}" if total else f"no journey ran, {count}"
    bad = bool(failing or errors or gate or unfinished or missing)
    verdict = ""
    if gate_run:
        verdict = " · gate **failed**" if bad else " · gate passed"
    lines = [f"## {'❌' if bad else '✅'} journeys: {headline}{verdict}", ""]
    lines.append(f"Run `{results.run_id}` · [journey map]({_link(MAP_FILE)}) · `junit.xml`")
    if failing:
        lines += ["", "| | journey | where | what the customer was told |", "|---|---|---|---|"]
        said = {case.name: case.message for case in results.testcases if case.message}
        for journey in failing[:_MOST_JOURNEYS]:
            lines += _rows(journey, said.get(journey.name, ""))
        if len(failing) > _MOST_JOURNEYS:
            lines.append(f"\n… and {len(failing) - _MOST_JOURNEYS} more in the journey map.")
    for title, items in (
        ("Errors", [f"{c.name}: {c.message}" for c in errors]),
        ("Gate thresholds crossed", gate),
        ("Started failing since the previous run", sorted(n for n, k in trend.items() if k == "started")),
        ("Stopped failing since the previous run", sorted(n for n, k in trend.items() if k == "stopped")),
        ("Flaky (passed and failed by turns in recent runs)", sorted(n for n, k in trend.items() if k == "flaky")),
        ("Could not be read", results.problems),
        ("Did not finish", results.not_finished(errors=False)),
    ):
        if items:
            lines += ["", f"**{title}**", *(f"- {_cell(item)}" for item in items[:_MOST_JOURNEYS])]
            if len(items) > _MOST_JOURNEYS:
                lines.append(f"- … and {len(items) - _MOST_JOURNEYS} more")
    return "\n".join(lines) + "\n"


def _rows(journey: JourneyRecord, error: str) -> list[str]:
    """One table row per violation (the first few), or one for a journey that stopped without one."""
    icon, name = _ICONS.get(journey.outcome, "❔"), _cell(journey.name)
    violations = journey.ledger.violations
    if not violations:
        why = error or "a step could not be carried out"
        return [f"| {icon} | {name} | {_cell(journey.location)} | {journey.outcome}: {_cell(why)} |"]
    rows = []
    for violation in violations[:_MOST_VIOLATIONS]:
        distinct = _distinct(violation.observations)
        # Where it went wrong: the first touchpoint that told her something else (or the only one).
        where = distinct[min(1, len(distinct) - 1)].where.location if distinct else None
        told = " ≠ ".join(f"{o.where.touchpoint} `{shown(o)}`" for o in distinct[:3])
        rows.append(f"| {icon} | {name} | {_cell(where or journey.location)} | **{violation.name}** {_cell(told)} |")
        icon, name = "", ""  # the journey's further violations under it
    if len(violations) > _MOST_VIOLATIONS:
        rows.append(f"| | | | … {len(violations) - _MOST_VIOLATIONS} more |")
    return rows


def _distinct(observations: Sequence[Observation]) -> list[Observation]:
    """The first observation of each value shown: the values that disagree, once each."""
    firsts: dict[str, Observation] = {}
    for observation in observations:
        firsts.setdefault(shown(observation), observation)
    return list(firsts.values())


def _cell(text: str) -> str:
    """Text that stays in its table cell: no pipes, no line breaks, not too long."""
    flat = " ".join(str(text).replace("|", "\\|").split())
    return flat if len(flat) <= 240 else flat[:237] + "…"


def _link(name: str) -> str:
    """A link to a file of the run: under ``JOURNEYS_REPORT_URL`` when CI publishes the run folder there."""
    base = os.environ.get("JOURNEYS_REPORT_URL", "").rstrip("/")
    return f"{base}/{name}" if base else name
