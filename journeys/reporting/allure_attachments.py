"""What the Allure report attaches, rendered without allure: a touchpoint's facts, the violations, a mail.

What a touchpoint showed is a CSV (one row per fact); the violations are HTML
tables with the values side by side. Paths in them are named from the run
folder and linked where it is published (``allure_links``).

A mail's evidence (``.eml``) keeps the mail as it was sent, quoted-printable
and all (``=E2=82=AC 349,00``): right for evidence, unreadable in a report.
Allure shows it as a person reads it instead: the headers a mail client
shows, the decoded text part, and the HTML part on its own, as a mail client
would render it.
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Iterable
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import TYPE_CHECKING

from journeys.reporting.allure_links import LinkedPaths
from journeys.values import show

if TYPE_CHECKING:
    from journeys.core.records import Observation
    from journeys.core.rules.violation import Violation

__all__ = ["facts_csv", "mail_parts", "violations_html"]


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


_HEADERS = ("From", "To", "Cc", "Date", "Subject")


def mail_parts(path: Path) -> tuple[str, str | None]:
    """The mail at ``path`` as (headers and decoded text part, HTML part or None).

    A mail without a text part shows the headers and says so; its HTML part carries the text.

    Raises:
        OSError: the file cannot be read.
    """
    message = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
    assert isinstance(message, EmailMessage)  # policy.default parses into EmailMessage
    headers = [f"{name}: {message[name]}" for name in _HEADERS if message[name] is not None]
    plain = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    text = str(plain.get_content()) if plain is not None else "(no text part: see the HTML part)"
    return "\n".join(headers) + "\n\n" + text, str(html.get_content()) if html is not None else None
