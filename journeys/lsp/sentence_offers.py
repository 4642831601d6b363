"""The sentences completion offers after what she lived: each filled in, as a snippet, and ranked.

A sentence is filled with the composer's values that fit what the customer
lived before the line (:mod:`journeys.vocabulary.composer`) and ranked by the
story (:mod:`journeys.vocabulary.story`): what the step just above made
possible first, what cannot come here last. Offers are remembered for as long
as the steps before the line stay the same.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, cast

from journeys.lsp.document import FeatureText
from journeys.lsp.project import Project
from journeys.lsp.story_at import At, lived_at
from journeys.vocabulary.composer import WRITERS_OWN
from journeys.vocabulary.sentences import Sentence, fill

__all__ = ["Offer", "offers"]

_CHOICES = 8  # words offered in a snippet's choice; the parameter's own completion has them all


@dataclass(frozen=True)
class Offer:
    """One sentence as offered after what she lived: filled in, as a snippet, and where it ranks."""

    sentence: Sentence
    text: str
    snippet: str
    sort: str
    rank: int


def offers(project: Project, document: FeatureText, line: int, kind: str) -> list[Offer]:
    """The sentences of ``kind`` after the steps before ``line``, kept for as long as those steps stay
    the same: typing one step does not change what came before it."""
    language = document.language
    key = ("offers", kind, language, tuple((s.kind, s.text) for s in document.before(line)))
    if key in project.memo:
        return cast(list[Offer], project.memo[key])
    at = lived_at(project, document, line)
    chosen = _chosen_values(project, kind, language, at)
    found = []
    for index, sentence in enumerate(s for s in project.sentences if s.kind == kind and s.language == language):
        values = chosen.get(sentence.pattern) or sentence.arguments(sentence.example) or {}
        rank = _rank(project, sentence, values, at)
        found.append(
            Offer(
                sentence,
                fill(sentence.pattern, values),
                _snippet(project, sentence, values, language),
                f"{rank}{'given when then'.index(kind):02d}{index:04d}",
                rank,
            )
        )
    project.remember(key, found)
    return found


def _chosen_values(project: Project, kind: str, language: str, at: At) -> dict[str, Mapping[str, str]]:
    """Per sentence pattern, the composer's first values that fit what she lived (else its first)."""
    chosen: dict[str, Mapping[str, str]] = {}
    fitting: set[str] = set()
    for candidate in project.composer.next(kind, language, at.now):
        pattern = candidate.sentence.pattern
        if pattern not in chosen or (candidate.fits and pattern not in fitting):
            chosen[pattern] = {name: str(value) for name, value in candidate.values.items()}
            if candidate.fits:
                fitting.add(pattern)
    return chosen


def _rank(project: Project, sentence: Sentence, values: Mapping[str, Any], at: At) -> int:
    """0: what the step just above made possible; 1: builds on what she lived; 2: needs nothing;
    3: says what the writer claims (an amount, a day: hers to fill in); 4: cannot come here (yet), or the
    run's systems lack what it needs."""
    fields = set(re.findall(r"\{(\w+)", sentence.pattern))
    if "account" in fields and not any(tmap.accounts for tmap in project.maps):
        return 4  # an existing account is one the map names, and these maps name none
    if not project.story.met(sentence, values, at.now):
        return 4
    if project.offers is not None and project.offers.lacks(sentence, values):
        return 4  # the run's systems lack a task or touchpoint it needs
    if fields & WRITERS_OWN or fields == {"touchpoint"}:
        return 3  # any touchpoint by name needs what that one needs: a tool for developers more than writers
    if not project.story.met(sentence, values, at.before_last):
        return 0
    builds = [need for need in sentence.requires if need != "start" and not need.startswith(("no:", "segment:"))]
    return 1 if builds else 2


def _snippet(project: Project, sentence: Sentence, values: Mapping[str, Any], language: str) -> str:
    """The sentence as a snippet: each parameter a choice, the fitting value first."""
    parts = re.split(r"(\{\w+(?::[^}]*)?\})", sentence.pattern)
    out: list[str] = []
    stop = 0
    for part in parts:
        named = re.fullmatch(r"\{(\w+)(?::[^}]*)?\}", part)
        if not named:
            out.append(re.sub(r"([$}\\])", r"\\\1", part))
            continue
        name = named[1]
        first = str(values.get(name, name))
        after_her = bool(re.search(r"\b(her|haar) $", "".join(parts[: parts.index(part)])))
        words = [first, *(w for w in project.words.of(name, language, after_her=after_her) if w != first)]
        stop += 1
        choices = ",".join(re.sub(r"([$}\\,|])", r"\\\1", w) for w in words[:_CHOICES])
        out.append(f"${{{stop}|{choices}|}}")
    return "".join(out) + ("$0" if stop else "")
