"""The tables the Allure report attaches, rendered without allure: a touchpoint's facts, the violations.

What a touchpoint showed is a CSV (one row per fact); the violations are HTML
tables with the values side by side. Paths in them are named from the run
folder and linked where it is published (``allure_links``).
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from journeys.reporting.allure_links import LinkedPaths
from journeys.values import show

if TYPE_CHECKING:
    from journeys.core.records import Observation
    from journeys.core.rules.violation import Violation

__all__ = ["facts_csv", "violations_html"]


def facts_csv(observations: Iterable[Observation], url: str = "") -> str:
    """What a touchpoint showed, one row per fact: fact, raw text, value read, problem (and where)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["fact", "shown", "read as", "problem"])
    for o in observations:
        writer.writerow([o.fact, o.raw if o.raw is not None else "(not shown)", show(o.kind, o.value), o.problem or ""])
    if url:
        writer.writerow(["at", url, "", ""])
    return out.getvalue()


def violations_html(violations: Iterable[Violation], folder: Path | None = None, base: str = "") -> str:
    """Each violation as a table, one row per touchpoint: the values side by side, never wrapped into each other.

    Evidence is named from the run ``folder`` (each file is attached to its touchpoint's step), and
    linked when ``base`` (``--report-url``) says where the run folder is published.
    """
    paths = LinkedPaths(folder, base=base) if folder is not None else None
    parts = [
        "<style>table{border-collapse:collapse;margin:0 0 1em}td,th{border:1px solid #ccc;padding:2px 8px;"
        "text-align:left;white-space:nowrap}caption{text-align:left;font-weight:bold}</style>"
    ]
    for v in violations:
        rows = "".join(
            "<tr>"
            + "".join(
                f"<td>{html.escape(_shown(cell, paths))}</td>"
                for cell in (
                    o.where.touchpoint,
                    o.problem or show(o.kind, o.value),
                    o.raw or "",
                    o.where.location or "",
                    o.where.seen_at.strftime("%a %d %b %H:%M"),
                )
            )
            + f"<td>{', '.join(_evidence_link(path, paths) for path in o.where.evidence)}</td></tr>"
            for o in v.observations
        )
        parts.append(
            f"<table><caption>{html.escape(v.name)}: {html.escape(_shown(v.title, paths))} (rule {html.escape(v.rule)}"
            f"({html.escape(v.fact)}))</caption><tr><th>touchpoint</th><th>value</th><th>raw</th>"
            f"<th>feature line</th><th>clock</th><th>evidence</th></tr>{rows}</table>"
        )
        if v.detail:
            parts.append(f"<pre>{html.escape(_shown(v.detail, paths))}</pre>")
    return "\n".join(parts)


def _shown(text: str, paths: LinkedPaths | None) -> str:
    return paths.text(text) if paths is not None else text


def _evidence_link(path: str, paths: LinkedPaths | None) -> str:
    text = _shown(path, paths)
    if text.startswith(("http://", "https://")):  # under --report-url: a link that opens anywhere
        return f'<a href="{html.escape(text)}" target="_blank">{html.escape(Path(path).name)}</a>'
    return html.escape(text)
