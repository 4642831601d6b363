"""A population's report files: ``simulation.json``, ``summary.md``, ``simulation.html``.

The HTML page is one self-contained file (inline CSS and SVG, no script, no
fetches), so it can be opened from a CI artifact as it is. Locust's own
statistics go beside it: ``locust_stats.csv``, ``locust_failures.csv`` and
Locust's HTML report ``locust.html``.
"""

from __future__ import annotations

import csv
import html
import json
from pathlib import Path
from typing import Any

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
        "",
    ]
    if r.get("thresholds"):
        lines += ["## Thresholds", "", "| threshold | value | verdict |", "|---|---|---|"]
        lines += [
            f"| `{t['threshold']}` | {_num(t['value'])} | {'met' if t['passed'] else 'CROSSED'} {t['note']} |"
            for t in r["thresholds"]
        ]
        lines.append("")
    lines += ["## Moments of truth", "", "| touchpoint | journeys | went wrong | rate | effort added |"]
    lines.append("|---|---:|---:|---:|---:|")
    lines += [
        f"| {m['touchpoint']} | {m['journeys']} | {m['went_wrong']} | {_pct(m['wrong_rate'])} | {m['effort_added']:g} |"
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
    if r["privacy"]["found"]:
        lines += ["", "## Privacy leaks", ""]
        lines += [f"- {_leak(leak)}" for leak in r["privacy"]["found"][:20]]
    effort = r["effort"]
    if effort.get("journeys"):
        lines += [
            "",
            f"Effort: mean {effort['mean']:g}, p50 {effort['p50']:g}, p95 {effort['p95']:g}, max {effort['max']:g}.",
        ]
    return "\n".join(lines) + "\n"


def page(r: dict[str, Any]) -> str:
    """The results as one self-contained HTML page with SVG charts."""
    e = html.escape
    moments = r["moments_of_truth"][:12]
    latency = [t for t in r["touchpoints"] if t["kind"] == "touchpoint"][:15]
    body = [
        f"<h1>Population simulation</h1><pre>{e(_intro(r))}</pre>",
        "<h2>Moments of truth: where journeys go wrong</h2>",
        _bars([(m["touchpoint"], m["went_wrong"], f"{m['went_wrong']} of {m['journeys']}") for m in moments]),
        "<h2>Effort added per journey, by touchpoint</h2>",
        _bars([(m["touchpoint"], m["effort_added"], f"{m['effort_added']:g}") for m in moments]),
        "<h2>Latency per touchpoint (p95, ms)</h2>",
        _bars([(t["name"], t["p95_ms"] or 0, f"p50 {_num(t['p50_ms'])} · p95 {_num(t['p95_ms'])}") for t in latency]),
        "<h2>Violations per rule</h2>",
        _bars(
            [
                (x["rule"], x["violations"], f"{x['violations']} in {x['journeys']} journeys")
                for x in r["rules"]["by_rule"]
            ]
        ),
        "<h2>Effort distribution</h2>",
        _bars(
            [
                (f"{h['from']:g}–{h['to']:g}", h["journeys"], str(h["journeys"]))
                for h in r["effort"].get("histogram", [])
            ]
        ),
    ]
    if r["privacy"]["found"]:
        body.append(
            "<h2>Privacy leaks</h2><ul>" + "".join(f"<li>{e(_leak(x))}</li>" for x in r["privacy"]["found"]) + "</ul>"
        )
    style = (
        "body{font:14px system-ui,sans-serif;max-width:60rem;margin:2rem auto;color:#222}"
        "pre{white-space:pre-wrap;background:#f6f6f6;padding:1rem}svg text{font:12px system-ui,sans-serif}"
    )
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Population simulation</title>"
        f"<style>{style}</style></head><body>{''.join(body)}</body></html>\n"
    )


def _intro(r: dict[str, Any]) -> str:
    """The summary's opening lines (the markdown's first paragraph) and the thresholds."""
    intro = markdown(r).split("\n## ")[0].splitlines()[2:]
    verdicts = [
        f"{'met' if t['passed'] else 'CROSSED'}: {t['threshold']} (value {_num(t['value'])})"
        for t in r.get("thresholds", [])
    ]
    return "\n".join([*intro, *verdicts]).strip()


def _bars(rows: list[tuple[str, float, str]]) -> str:
    """A horizontal bar chart as inline SVG: label, bar, and the value's text."""
    if not rows:
        return "<p>Nothing to show.</p>"
    top = max((float(v) for _, v, _ in rows), default=0.0) or 1.0
    height, label_w, bar_w = 22, 260, 420
    parts = [f"<svg role='img' width='{label_w + bar_w + 180}' height='{height * len(rows) + 4}'>"]
    for i, (label, value, text) in enumerate(rows):
        y = i * height + 2
        width = max(1.0, float(value) / top * bar_w) if value else 0.0
        parts.append(
            f"<text x='{label_w - 6}' y='{y + 15}' text-anchor='end'>{html.escape(str(label))}</text>"
            f"<rect x='{label_w}' y='{y + 3}' width='{width:.1f}' height='{height - 6}' fill='#c8102e'/>"
            f"<text x='{label_w + width + 6:.1f}' y='{y + 15}'>{html.escape(text)}</text>"
        )
    return "".join(parts) + "</svg>"


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


def _leak(leak: dict[str, Any]) -> str:
    if leak.get("customers"):
        return f"{leak['what']} {leak['value']} was told to {', '.join(leak['customers'])} as each one's own"
    return f"{leak['customer']} was shown {leak['owner']}'s {leak['what']} ({leak['value']}) at {leak['touchpoint']}"


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value * 100:.2f}%"


def _num(value: Any) -> str:
    return "n/a" if value is None else f"{value:g}" if isinstance(value, float | int) else str(value)
