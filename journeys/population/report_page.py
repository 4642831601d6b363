"""``simulation.html``: the population report as a CX lead reads it, one self-contained page.

Privacy leaks come first (they are the worst news), then where journeys went
wrong and why: per touchpoint, in the journeys' own words, one stacked bar
split by cause. Colour says severity, not presence: the system's faults
(leak, contradiction, broken promise, missing mail, error, slowness) in reds
and oranges, the harness's own in grey-blue; a bar of "0 of 41" has no
colour at all. Inline CSS and SVG, no script, no fetches: it opens from a
CI artifact as it is.
"""

from __future__ import annotations

import html
from typing import Any

from journeys.population.causes import CAUSES

__all__ = ["COLOURS", "page"]

COLOURS = {
    "privacy leak": "#7a0019",
    "contradiction": "#c8102e",
    "broken promise": "#e4572e",
    "mail never came": "#f28e2b",
    "system error": "#b07aa1",
    "too slow": "#edc948",
    "rule broken": "#9c755f",
    "harness error": "#76a5c5",
}
NEUTRAL = "#9aa5b1"
SHOWN = 25  # leaks listed on the page; simulation.json holds 50
_E = html.escape


def page(r: dict[str, Any], intro: str, leak_lines: list[str]) -> str:
    """The page for results ``r``; ``intro``: the summary's opening lines; ``leak_lines``: one per leak."""
    moments = r["moments_of_truth"][:15]
    latency = [t for t in r["touchpoints"] if t["kind"] == "touchpoint"][:15]
    body = [f"<h1>Population simulation</h1><pre>{_E(intro)}</pre>"]
    leaks = r["privacy"]["leaks"]
    body.append(f"<h2>Privacy leaks: {leaks}</h2>")
    body.append(
        "<ul class='leaks'>"
        + "".join(f"<li>{_E(x)}</li>" for x in leak_lines[:SHOWN])
        + (f"<li>… and {len(leak_lines) - SHOWN} more (simulation.json)</li>" if len(leak_lines) > SHOWN else "")
        + "</ul>"
        if leak_lines
        else f"<p>None found (read by {_reached(r)}).</p>"
    )
    body += [
        "<h2>Why journeys went wrong</h2>",
        _legend(),
        _stacked([("all journeys", {c["cause"]: c["journeys"] for c in r["causes"]["by_cause"]}, _total(r))]),
        "<h2>Moments of truth: where journeys went wrong, and why</h2>",
        _stacked([(_label(m), m["causes"], m["journeys"]) for m in moments]),
        "<h2>Effort added per journey, by touchpoint</h2>",
        _bars([(_label(m), m["effort_added"], f"{m['effort_added']:g}") for m in moments]),
        "<h2>Latency per touchpoint (p95, ms)</h2>",
        _bars(
            [
                (_words(r, t["name"]), t["p95_ms"] or 0, f"p50 {_n(t['p50_ms'])} · p95 {_n(t['p95_ms'])}")
                for t in latency
            ]
        ),
        "<h2>Most common errors</h2>",
        _errors(r["journeys"]["errors"]),
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
    style = (
        "body{font:14px system-ui,sans-serif;max-width:68rem;margin:2rem auto;color:#222}"
        "pre{white-space:pre-wrap;background:#f6f6f6;padding:1rem}svg text{font:12px system-ui,sans-serif}"
        ".leaks li{color:#7a0019}.legend span{display:inline-block;margin-right:1rem}"
        ".legend i{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:middle}"
        "table{border-collapse:collapse}td,th{padding:.2rem .6rem;border-bottom:1px solid #ddd;text-align:left}"
    )
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Population simulation</title>"
        f"<style>{style}</style></head><body>{''.join(body)}</body></html>\n"
    )


def _label(m: dict[str, Any]) -> str:
    return f"{m['words']} ({m['touchpoint']})" if m.get("words") else m["touchpoint"]


def _words(r: dict[str, Any], touchpoint: str) -> str:
    row = next((m for m in r["moments_of_truth"] if m["touchpoint"] == touchpoint), None)
    return _label(row) if row else touchpoint


def _total(r: dict[str, Any]) -> int:
    return int(r["run"]["walked"])


def _reached(r: dict[str, Any]) -> str:
    reach = r.get("reach") or {}
    return f"{reach.get('completed', 0)} of {reach.get('everyone', 0)} customers who walked their journey to its end"


def _legend() -> str:
    return (
        "<p class='legend'>"
        + "".join(f"<span><i style='background:{COLOURS[c]}'></i>{c}</span>" for c in CAUSES)
        + "</p>"
    )


def _stacked(rows: list[tuple[str, dict[str, int], int]]) -> str:
    """One bar per row, as wide as its journeys, filled by cause in severity order; the rest neutral."""
    if not rows:
        return "<p>Nothing to show.</p>"
    height, label_w, bar_w = 24, 440, 340
    # As wide as the page; the causes' words after a bar may run on into the margin rather than be cut.
    size = f"width='{label_w + bar_w + 308}' height='{height * len(rows) + 4}' style='overflow:visible'"
    parts = [f"<svg role='img' {size}>"]
    for i, (label, causes, journeys) in enumerate(rows):
        y = i * height + 2
        wrong = sum(causes.values())
        parts.append(f"<text x='{label_w - 6}' y='{y + 16}' text-anchor='end'>{_E(_cut(label))}</text>")
        parts.append(f"<rect x='{label_w}' y='{y + 4}' width='{bar_w}' height='{height - 8}' fill='#eef1f4'/>")
        x = float(label_w)
        for cause in CAUSES:
            n = causes.get(cause, 0)
            if n and journeys:
                width = n / journeys * bar_w
                parts.append(
                    f"<rect x='{x:.1f}' y='{y + 4}' width='{max(width, 2):.1f}' height='{height - 8}'"
                    f" fill='{COLOURS[cause]}'><title>{n} {_E(cause)}</title></rect>"
                )
                x += width
        said = ", ".join(f"{causes[c]} {c}" for c in CAUSES if causes.get(c))  # the severest first
        text = f"{wrong} of {journeys}" + (f": {said}" if said else "")
        parts.append(f"<text x='{label_w + bar_w + 6}' y='{y + 16}'>{_E(text)}</text>")
    return "".join(parts) + "</svg>"


def _bars(rows: list[tuple[str, float, str]]) -> str:
    """A horizontal bar chart in a neutral colour: label, bar, and the value's text."""
    if not rows:
        return "<p>Nothing to show.</p>"
    top = max((float(v) for _, v, _ in rows), default=0.0) or 1.0
    height, label_w, bar_w = 22, 440, 340
    parts = [f"<svg role='img' width='{label_w + bar_w + 200}' height='{height * len(rows) + 4}'>"]
    for i, (label, value, text) in enumerate(rows):
        y = i * height + 2
        width = max(1.0, float(value) / top * bar_w) if value else 0.0
        parts.append(
            f"<text x='{label_w - 6}' y='{y + 15}' text-anchor='end'>{_E(_cut(str(label)))}</text>"
            f"<rect x='{label_w}' y='{y + 3}' width='{width:.1f}' height='{height - 6}' fill='{NEUTRAL}'/>"
            f"<text x='{label_w + width + 6:.1f}' y='{y + 15}'>{_E(text)}</text>"
        )
    return "".join(parts) + "</svg>"


def _errors(groups: list[dict[str, Any]]) -> str:
    if not groups:
        return "<p>No step errors.</p>"
    rows = "".join(
        f"<tr><td>{g['count']}</td><td>{_E(g['kind'])}</td><td><small>{_E(g['example'])}</small></td></tr>"
        for g in groups
    )
    return f"<table><tr><th>journeys</th><th>kind</th><th>one example</th></tr>{rows}</table>"


def _cut(text: str, most: int = 64) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"


def _n(value: Any) -> str:
    return "n/a" if value is None else f"{value:g}" if isinstance(value, float | int) else str(value)
