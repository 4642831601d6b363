"""The parts of one mail tell one story: its text part and its HTML part must agree.

Most mail clients show the HTML part; some people (and every text-only
client) read the text part. A shop whose HTML part says € 349,00 where its
text part says € 329,00 contradicts itself inside one mail, so a fact read
from both parts (a map fact without ``part:``) is compared here, as typed
values, and a disagreement is a violation naming both parts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from journeys.core.records import Observation, Provenance
from journeys.core.rules.fact_kinds import all_agree, words
from journeys.core.rules.violation import Violation
from journeys.messages import MESSAGES, say, spoken
from journeys.systems.touchpoint_map import Touchpoint
from journeys.values import Unreadable, read_value

__all__ = ["part_violations"]


def part_violations(
    touchpoint: Touchpoint,
    parts: Mapping[str, Mapping[str, Any]],
    where: Provenance,
    *,
    vocabulary: Mapping[str, str] | None = None,
) -> list[Violation]:
    """One violation per fact whose parts of the mail disagree.

    Args:
        touchpoint: the mail's touchpoint (its readers give each fact's kind).
        parts: per fact, the raw text per part (``MailReading.parts``).
        where: where and when the mail was read (its evidence: the ``.eml``).
        vocabulary: the system's status words.

    A fact shown in one part and not in the other disagrees too: the customer
    who reads the other part is not told. A fact shown in neither is not
    this rule's finding (the map's *all shown* check reports it).
    """
    found: list[Violation] = []
    for fact, seen in parts.items():
        reader = touchpoint.facts.get(fact)
        if reader is None or len(seen) < 2:
            continue
        rows = [_row(fact, reader.kind, part, raw, where, vocabulary) for part, raw in seen.items()]
        if all(row.raw is None for row in rows):
            continue
        readable = [row for row in rows if row.problem is None]
        if len(readable) == len(rows) and all_agree(reader.kind, [row.value for row in readable]):
            continue
        if len(readable) < len(rows) and all(row.raw is not None for row in rows) and _same_text(rows):
            continue  # unreadable alike in both parts: one problem, for the rules that read the fact
        found.append(
            Violation(
                "agree",
                fact,
                say("parts.differs", name=words(fact), touchpoint=touchpoint.name),
                tuple(rows),
                say("parts.detail", line=f"{touchpoint.file}:{reader.line}"),
            )
        )
    return found


def _row(
    fact: str, kind: str, part: str, raw: Any, where: Provenance, vocabulary: Mapping[str, str] | None
) -> Observation:
    text = (", ".join(raw) or None) if isinstance(raw, list) else raw
    named = _part(part)
    at = replace(where, touchpoint=f"{where.touchpoint} ({named})")
    if text is None:
        return Observation(fact, kind, None, None, "", at, say("parts.missing", part=named))
    try:
        value = read_value(kind, text, seen_at=where.seen_at, vocabulary=vocabulary)
    except Unreadable as exc:
        return Observation(fact, kind, text, None, "", at, exc.at(at.touchpoint))
    return Observation(fact, kind, text, value, "", at)


def _same_text(rows: list[Observation]) -> bool:
    return len({" ".join((row.raw or "").split()) for row in rows}) == 1


def _part(part: str) -> str:
    """``text`` -> ``text part`` (Dutch: ``tekstdeel``); a part of another name as it is."""
    key = f"part.{part}"
    return say(key) if key in MESSAGES[spoken()] else part
