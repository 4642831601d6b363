"""What the customer has lived at a line of a feature, as lint's story walks it.

Each step before the line (its backgrounds, then its scenario's) is matched in
the catalogue and lived (:meth:`journeys.vocabulary.story.Story.live`); what she
had lived before the last of them is kept too, so completion can put first what
that last step made possible ("after an order, the checks on an order").
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from journeys.lsp.document import FeatureText, StepLine
from journeys.lsp.project import Project
from journeys.vocabulary.sentences import Sentence
from journeys.vocabulary.story_facts import Lived

__all__ = ["At", "Field", "field_at", "lived_at", "matched"]


@dataclass(frozen=True)
class At:
    """What she lived before a line, and before the step just above it."""

    now: Lived
    before_last: Lived


def matched(project: Project, step: StepLine, language: str) -> tuple[Sentence, Mapping[str, Any]] | None:
    """The catalogue's sentence ``step`` says after its keyword, with its values (None: no such step)."""
    found = project.steps.match(step.text, step.kind, language)
    if found is None:
        any_kind = project.steps.index.find(step.text, language)
        return (any_kind[0].sentence, any_kind[0].values) if any_kind else None
    return found.sentence, found.values


def lived_at(project: Project, document: FeatureText, line: int) -> At:
    """What she lived before ``line`` of ``document``."""
    lived = Lived()
    before_last = Lived()
    for step in document.before(line):
        found = matched(project, step, document.language)
        if found is None:
            continue
        before_last = copy.deepcopy(lived)
        project.story.live(found[0], found[1], lived)
    return At(lived, before_last)


@dataclass(frozen=True)
class Field:
    """The parameter of a sentence the cursor is in: its name, and where its value starts and ends."""

    name: str
    start: int  # column where the value starts
    end: int  # column where it ends (the closing quote, or the end of the line)
    after_her: bool


def field_at(project: Project, document: FeatureText, step: StepLine, column: int) -> Field | None:
    """The parameter at ``column`` of ``step``, read from the sentences whose words lead up to it."""
    typed = document.lines[step.line][step.column : column]
    best: tuple[int, Field] | None = None
    for sentence in project.sentences:
        if sentence.language != document.language:
            continue
        for prefix, name, quoted, last, after_her in _fields(sentence.pattern):
            found = prefix.match(typed)
            if found is None or (quoted and '"' in typed[found.end() :]):
                continue
            line = document.lines[step.line]
            start = step.column + found.end()
            if quoted:
                closing = line.find('"', column)
                end = closing if closing >= 0 else len(line.rstrip())
            else:
                end = len(line.rstrip()) if last else column
            score = found.end() + (1000 if sentence.kind == step.kind else 0)
            if best is None or score > best[0]:
                best = (score, Field(name, start, max(end, column), after_her))
    return best[1] if best else None


@cache
def _fields(pattern: str) -> list[tuple[re.Pattern[str], str, bool, bool, bool]]:
    """For each field of ``pattern`` after some words: the words up to it (earlier fields as any text),
    its name, whether it is quoted, whether it ends the sentence, and whether it follows "her"/"haar"."""
    parts = re.split(r"\{(\w+)(?::[^}]*)?\}", pattern)
    literals, names = parts[0::2], parts[1::2]
    found = []
    for i, name in enumerate(names):
        words = literals[i]
        if not words.strip():
            continue
        before = "".join(re.escape(literals[j]) + ".+?" for j in range(i)) + re.escape(words)
        found.append(
            (
                re.compile(before, re.IGNORECASE),
                name,
                words.endswith('"'),
                i == len(names) - 1 and not literals[i + 1].strip('"'),
                bool(re.search(r"\b(her|haar) $", words)),
            )
        )
    return found
