"""The summary's lines about promises, from the run folder's ``promises.json``.

A run that stored promises says so ("3 promises stored in
reports/promises.sqlite, next due Mon 7 Dec 23:59"); a verify run lists each
promise it checked by customer and order, where it was made and checked, when
it was due and what was found; every run lists the promises still
outstanding (broken at the last check, or overdue and not yet checked).
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from journeys.messages import LANGUAGES, language_of, say
from journeys.reporting.report_words import clock

__all__ = ["DIGEST_FILE", "outstanding_line", "promise_lines", "read_digest", "stored_line"]

DIGEST_FILE = "promises.json"
_MOST = 20
_ICONS = {"kept": "✅", "broken": "❌", "unverifiable": "❔", "pending": "⏳"}
_STATUS_WORDS = {
    "kept": "promise.status.kept",
    "broken": "promise.status.broken",
    "unverifiable": "promise.status.unverifiable",
}


def read_digest(folder: Path) -> dict[str, Any] | None:
    """``promises.json`` of a run folder, or None (no such file, or not readable)."""
    try:
        data = json.loads((folder / DIGEST_FILE).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    return data if isinstance(data, dict) else None


def promise_lines(folder: Path, cell: Any = str) -> list[str]:
    """Markdown lines for the summary (none when the run had nothing to do with promises)."""
    data = read_digest(folder)
    if data is None:
        return []
    lines: list[str] = []
    checked = data.get("checked") or []
    if checked:
        as_of = _moment(data.get("as_of"))
        lines += ["", f"**Promises checked** as of {clock(as_of, 'en') if as_of else 'now'}", ""]
        lines += ["| | customer | promise | made at | checked at | due | verdict |", "|---|---|---|---|---|---|---|"]
        for found in checked[:_MOST]:
            lines.append(
                f"| {_ICONS.get(found['status'], '❔')} | {cell(_who(found))} | {cell(_what(found))}"
                f" | {cell(found['made_at'])} | {cell(found['checked_at'])} | {_due(found)}"
                f" | {cell(_said(found))} |"
            )
        if len(checked) > _MOST:
            lines.append(f"\n… and {len(checked) - _MOST} more in junit.xml.")
    stored = data.get("stored") or []
    next_due = _moment(data.get("next_due"))
    if stored:
        lines += ["", f"**Promises**: {stored_line(data)}"]
    elif checked and data.get("pending"):
        lines += [
            "",
            f"**Promises**: {data['pending']} still pending"
            + (f", next due {clock(next_due, 'en')}" if next_due else ""),
        ]
    outstanding = data.get("outstanding") or []
    if outstanding:
        lines += ["", "**Promises still outstanding** (broken at the last check, or overdue)"]
        for found in outstanding[:_MOST]:
            state = "broken" if found["status"] == "broken" else "overdue, not yet checked"
            lines.append(f"- {cell(_who(found) + ', ' + _what(found))}, due {_due(found)}: {cell(state)}")
        if len(outstanding) > _MOST:
            lines.append(f"- … and {len(outstanding) - _MOST} more (`journeys promises`)")
    return lines


def stored_line(data: dict[str, Any]) -> str:
    """``2 promises stored in `reports/promises.sqlite`, next due Mon 7 Dec 23:59`` ('' when none were)."""
    stored = data.get("stored") or []
    if not stored:
        return ""
    next_due = _moment(data.get("next_due"))
    count = f"{len(stored)} promise{'s' * (len(stored) != 1)} stored in `{data.get('store', '')}`"
    return count + (f", next due {clock(next_due, 'en')}" if next_due else "")


def outstanding_line(data: dict[str, Any]) -> str:
    """``2 promises still outstanding (1 broken at the last check, 1 overdue): ...`` ('' when none are)."""
    outstanding = data.get("outstanding") or []
    if not outstanding:
        return ""
    broken = sum(1 for found in outstanding if found.get("status") == "broken")
    parts = [f"{broken} broken at the last check"] * bool(broken)
    parts += [f"{len(outstanding) - broken} overdue, not yet checked"] * (len(outstanding) > broken)
    count = f"{len(outstanding)} promise{'s' * (len(outstanding) != 1)} still outstanding"
    return f"{count} ({', '.join(parts)}): see the summary, or `journeys promises`"


def _who(found: dict[str, Any]) -> str:
    return ", ".join(part for part in (found.get("customer", ""), found.get("subject", "")) if part)


def _what(found: dict[str, Any]) -> str:
    return f"{found['fact']} {found['promised']}".strip()


def _said(found: dict[str, Any]) -> str:
    """``kept, time unknown: ...``, ``broken: ...``: the verdict, led by its status once, in the words of
    the journey that made the promise (``gebroken: ...``)."""
    language = language_of(found.get("language"))
    key = _STATUS_WORDS.get(found["status"])
    status = say(key, language) if key else found["status"]
    verdict = _verdict(found)
    return verdict if verdict.startswith(status) else f"{status}: {verdict}"


def _verdict(found: dict[str, Any]) -> str:
    verdict = str(found.get("verdict", ""))
    for language in LANGUAGES:  # "kept: ", "gebroken: ": the status leads the verdict once
        verdict = verdict.removeprefix(say("promise.kept", language, why=""))
        verdict = verdict.removeprefix(say("promise.broken", language, why=""))
    if found.get("contradiction"):
        verdict += f" (later shown otherwise: {found['contradiction']})"
    return verdict


def _due(found: dict[str, Any]) -> str:
    return clock(_moment(found.get("due")), "en")


def _moment(text: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(str(text)) if text else None
    except ValueError:
        return None
