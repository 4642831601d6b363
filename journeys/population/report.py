"""A population's report files: ``simulation.json``, ``summary.md``, ``simulation.html``.

The HTML page is one self-contained file (inline CSS and SVG, no script, no
fetches), so it can be opened from a CI artifact as it is. Locust's own
statistics go beside it: ``locust_stats.csv``, ``locust_failures.csv`` and
Locust's HTML report ``locust.html``.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from journeys.population import report_page

__all__ = ["write_report"]


def write_report(out: Path, results: dict[str, Any], env: Any = None) -> list[Path]:
    """Write the report files into ``out``; returns their paths."""
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / "simulation.json", out / "summary.md", out / "simulation.html"]
    paths[0].write_text(json.dumps(results, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
    paths[1].write_text(markdown(results), encoding="utf-8")
    paths[2].write_text(page(results), encoding="utf-8")
    if env is not None:
        paths += _locust_files(out, env)
    return paths


def markdown(r: dict[str, Any]) -> str:
    """The summary as markdown (a CI job summary)."""
    run, journeys, promises = r["run"], r["journeys"], r["promises"]
    lines = [
        "# Population simulation",
        "",
        f"{run['walked']} customers walked in {run['seconds']:g} s; {run['arrived']} arrived at"
        f" {run['rate_reached']:g}/s (asked {run['rate_asked']:g}/s). Stopped: {run['stopped']}.",
        f"Passed {journeys['passed']}, failed {journeys['failed']}, interrupted {journeys['interrupted']},"
        f" cut off {run['cut_off']}; walked alone (clock moved): {run['walked_alone']}.",
        f"Violation rate {_pct(journeys['violation_rate'])}, failure rate {_pct(journeys['failure_rate'])};"
        f" promises kept {_pct(promises['promises_kept'])} ({promises['kept']} kept, {promises['broken']} broken,"
        f" {promises['pending']} pending); privacy leaks {r['privacy']['leaks']}.",
        *_how_walked(r),
        *r.get("load", {}).get("said", []),
        "",
    ]
    if r.get("thresholds"):
        lines += ["## Thresholds", "", "| threshold | value | verdict | reached |", "|---|---|---|---|"]
        lines += [
            f"| `{t['threshold']}` | {_num(t['value'])} | {_verdict(t).split(':')[0]} | {t['note']} |"
            for t in r["thresholds"]
        ]
        lines.append("")
    lines += [f"## Privacy leaks: {r['privacy']['leaks']}", ""]
    lines += [f"- {_leak(leak)}" for leak in r["privacy"]["found"][:20]] or ["None found."]
    lines += ["", "## Why journeys went wrong", "", "| cause | journeys | example |", "|---|---:|---|"]
    lines += [f"| {c['cause']} | {c['journeys']} | {c['example']} |" for c in r["causes"]["by_cause"]]
    lines += [
        "",
        "## Moments of truth",
        "",
        "| touchpoint | in the journeys' words | journeys | went wrong | why | effort added |",
    ]
    lines.append("|---|---|---:|---:|---|---:|")
    lines += [
        f"| {m['touchpoint']} | {m['words']} | {m['journeys']} | {m['went_wrong']} | {_why(m['causes'])}"
        f" | {m['effort_added']:g} |"
        for m in r["moments_of_truth"][:15]
    ]
    lines += [
        "",
        "## Touchpoints",
        "",
        "| touchpoint | visits | failures | p50 ms | p95 ms |",
        "|---|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {t['name']} | {t['visits']} | {t['failures']} | {_num(t['p50_ms'])} | {_num(t['p95_ms'])} |"
        for t in r["touchpoints"]
    ]
    lines += ["", "## Rules", "", "| rule | violations | journeys | rate |", "|---|---:|---:|---:|"]
    lines += [
        f"| {x['rule']} | {x['violations']} | {x['journeys']} | {_pct(x['rate'])} |" for x in r["rules"]["by_rule"]
    ]
    if r["journeys"]["errors"]:
        lines += ["", "## Most common errors", "", "| journeys | kind | one example |", "|---:|---|---|"]
        lines += [f"| {g['count']} | {g['kind']} | {g['example']} |" for g in r["journeys"]["errors"]]
    effort = r["effort"]
    if effort.get("journeys"):
        lines += [
            "",
            f"Effort: mean {effort['mean']:g}, p50 {effort['p50']:g}, p95 {effort['p95']:g}, max {effort['max']:g}.",
        ]
    return "\n".join(lines) + "\n"


def page(r: dict[str, Any]) -> str:
    """The results as one self-contained HTML page (``report_page``)."""
    return report_page.page(r, _intro(r), [_leak(x) for x in r["privacy"]["found"]])


def _intro(r: dict[str, Any]) -> str:
    """The summary's opening lines (the markdown's first paragraph) and the thresholds."""
    intro = markdown(r).split("\n## ")[0].splitlines()[2:]
    return "\n".join([*intro, *(_verdict(t) for t in r.get("thresholds", []))]).strip()


def _verdict(t: dict[str, Any]) -> str:
    word = "met" if t["passed"] else "CROSSED" if t.get("measured", True) else "NOT MEASURED"
    return f"{word}: {t['threshold']} (value {_num(t['value'])}){'; ' + t['note'] if t.get('note') else ''}"


def _locust_files(out: Path, env: Any) -> list[Path]:
    from locust.html import get_html_report
    from locust.stats import PERCENTILES_TO_REPORT, StatsCSV

    stats = StatsCSV(env, PERCENTILES_TO_REPORT)
    written = []
    for name, method in (("locust_stats.csv", stats.requests_csv), ("locust_failures.csv", stats.failures_csv)):
        with (out / name).open("w", newline="", encoding="utf-8") as f:
            method(csv.writer(f))
        written.append(out / name)
    (out / "locust.html").write_text(get_html_report(env, show_download_link=False), encoding="utf-8")
    return [*written, out / "locust.html"]


def _how_walked(r: dict[str, Any]) -> list[str]:
    """Lines on browser and HTTP customers, the workers, and the customers lost with a worker."""
    run, lines = r["run"], []
    drivers = r.get("drivers", {})
    if "browser" in drivers:
        b, h = drivers["browser"], drivers.get("http", {"walked": 0, "journey_p50_s": 0})
        lines.append(
            f"In a browser: {b['walked']} (journey p50 {b['journey_p50_s']:g} s, waited for a browser p95"
            f" {b['queued_p95_s']:g} s); without one: {h['walked']} (journey p50 {h['journey_p50_s']:g} s)."
        )
    if run.get("workers"):
        each = ", ".join(
            f"{w['worker']} walked {w['walked']}" + (f" (lost: {w['lost']})" if w["lost"] else "")
            for w in run["workers"]
        )
        lines.append(f"Workers: {each}.")
    if run.get("lost"):
        each = "; ".join(f"{x['customers']} with {x['worker']} ({x['cause']})" for x in run["lost_by_worker"])
        lines.append(f"LOST {run['lost']} customers whose walk did not come back: {each}.")
    return lines


def _why(causes: dict[str, int]) -> str:
    return ", ".join(f"{n} {cause}" for cause, n in causes.items()) or "-"


def _leak(leak: dict[str, Any]) -> str:
    if leak.get("said"):  # a journey's own privacy rule, in its words
        return str(leak["said"])
    if leak.get("customers"):
        at = leak.get("touchpoints") or [""] * len(leak["customers"])
        each = ", ".join(f"{c} (at {t})" if t else c for c, t in zip(leak["customers"], at, strict=False))
        return f"{leak['what']} {leak['value']} was told to {each} as each one's own"
    return f"{leak['customer']} was shown {leak['owner']}'s {leak['what']} ({leak['value']}) at {leak['touchpoint']}"


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value * 100:.2f}%"


def _num(value: Any) -> str:
    return "n/a" if value is None else f"{value:g}" if isinstance(value, float | int) else str(value)
