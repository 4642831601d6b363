"""What every channel driver hands back: a ``Reading`` of one touchpoint.

A reading is raw text per fact (exactly as the customer saw it), the
evidence files that prove it, and the form fields the touchpoint asked the
customer to fill in. Turning raw text into typed values is the journey's and
the ledger's job, not the driver's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from journeys.messages import say
from journeys.systems.fact_reader import FactReader
from journeys.systems.touchpoint_map import Touchpoint

Raw = str | list[str] | None
"""Raw text of one fact: a string, a list (``many: true``), or None when not found."""


@dataclass
class Reading:
    """What one touchpoint showed one customer.

    Attributes:
        touchpoint: the touchpoint's name (``web.checkout``).
        channel: its channel (``web``).
        url: where it was read (page URL, ``mailto:`` address, API URL).
        raw: raw text per fact; None where the fact's element or match was not found.
        evidence: evidence files, relative to the reports folder.
        asked: form fields the touchpoint asked for (input and select names).
        seen_at: when it was read (for mail: when the mail arrived), if known.
    """

    touchpoint: str
    channel: str
    url: str
    raw: dict[str, Raw] = field(default_factory=dict)
    evidence: list[str] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)
    seen_at: datetime | None = None

    def missing(self) -> list[str]:
        """The facts that could not be found (raw None), in map order."""
        return [fact for fact, raw in self.raw.items() if raw is None]


def describe_missing(touchpoint: Touchpoint, reader: FactReader, url: str, *, evidence: str | None = None) -> str:
    """The message for a fact not found: touchpoint, fact, reader, URL, map line and what to do."""
    where = {"email": "mail", "api": "json", "store": "json"}.get(touchpoint.channel, "page")
    shown = (
        say("evidence.screenshot", file=evidence)
        if evidence and evidence.endswith(".png")
        else (say("evidence.file", file=evidence) if evidence else "")
    )
    return say(
        f"missing.{where}",
        touchpoint=touchpoint.name,
        fact=reader.fact,
        reader=reader.describe(),
        url=url,
        shown=shown,
        line=f"{touchpoint.file}:{reader.line}",
    )


def read_regex(reader: FactReader, text: str) -> str | list[str] | None:
    """Apply a regex reader to text: its ``value`` group, else its first group, else the match."""
    pattern = re.compile(reader.regex or "", re.MULTILINE)

    def value(match: re.Match[str]) -> str:
        if "value" in pattern.groupindex:
            return (match.group("value") or "").strip()
        return (match.group(1) if pattern.groups else match.group(0)).strip()

    if reader.many:
        return [value(m) for m in pattern.finditer(text)]
    match = pattern.search(text)
    return value(match) if match else None


class Driver(Protocol):
    """What every driver offers the journey besides its channel's own verbs."""

    def close(self, *, keep_trace: bool = False) -> None:
        """Release resources; ``keep_trace`` keeps debugging traces (a failed journey)."""
        ...


def offers(clicks: list[str], testids: list[str]) -> str:
    """'The page offers: buttons and links ...; test ids ...' for a message about a target not found."""
    quoted = ", ".join(f"'{text}'" for text in clicks) or "none"
    return f"The page offers buttons and links {quoted}; test ids {', '.join(testids) or 'none'}."
