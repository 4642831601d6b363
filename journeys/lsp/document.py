"""A feature file as an editor holds it: its language, its steps and scenarios, line by line.

Read without the Gherkin parser, so a half-written file (the writer is typing)
still has steps: each line that starts with a step keyword of the file's
language is one, its kind that of its keyword (``And``/``En`` take the one
before). Scenarios and backgrounds are where they start; the linter proper
(:mod:`journeys.vocabulary.lint`) still judges the file as a whole.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from journeys.vocabulary.lint_gherkin import declared_language, dialect

__all__ = ["FeatureText", "StepLine", "read"]


@dataclass(frozen=True)
class StepLine:
    """One step as written: its line (0-based), keyword, kind, text, and where the text starts."""

    line: int
    keyword: str  # as written, without the space ("Given", "En")
    kind: str  # given / when / then
    text: str
    column: int  # where the text starts (after the keyword and its space)
    indent: int  # where the keyword starts


@dataclass
class _Block:
    start: int  # the line of its Scenario:/Background: header
    background: bool
    rule: int  # which rule it is in (0: the feature itself)
    steps: list[StepLine] = field(default_factory=list)


@dataclass
class FeatureText:
    """The steps of a feature text, by scenario."""

    language: str
    lines: list[str]
    blocks: list[_Block]

    def step_at(self, line: int) -> StepLine | None:
        for block in self.blocks:
            for step in block.steps:
                if step.line == line:
                    return step
        return None

    def steps(self) -> list[StepLine]:
        return [step for block in self.blocks for step in block.steps]

    def before(self, line: int) -> list[StepLine]:
        """What the customer lived before ``line``: the backgrounds that apply, then her scenario's steps."""
        mine = None
        for block in self.blocks:
            if block.start <= line:
                mine = block
        if mine is None:
            return []
        lived: list[StepLine] = []
        if not mine.background:
            for block in self.blocks:
                if block.background and block.start < mine.start and block.rule in (0, mine.rule):
                    lived += block.steps
        return lived + [step for step in mine.steps if step.line < line]

    def kind_before(self, line: int) -> str | None:
        """The kind an ``And`` at ``line`` would have: that of the step before it in its scenario."""
        before = self.before(line)
        return before[-1].kind if before else None


def read(text: str) -> FeatureText:
    """The steps and scenarios of ``text``, in the language its ``# language:`` line gives."""
    lines = text.splitlines()
    if not text or text.endswith(("\n", "\r")):
        lines.append("")  # the empty line after the last newline, where the writer types next
    language = declared_language(lines)
    grammar = _grammar(language)
    blocks: list[_Block] = []
    rule = 0
    previous = ""
    for number, raw in enumerate(lines):
        found = grammar.line.match(raw)
        if found is None:
            continue
        indent, header, keyword = found["indent"], found["header"], found["keyword"]
        if header is not None:
            what = grammar.headers[header]
            if what == "rule":
                rule += 1
            else:
                blocks.append(_Block(number, what == "background", rule))
                previous = ""
        elif blocks:
            kind = grammar.kinds[keyword] or previous or "given"
            column = len(indent) + len(keyword) + 1
            blocks[-1].steps.append(
                StepLine(number, keyword, kind, raw[column:].rstrip(), min(column, len(raw)), len(indent))
            )
            previous = kind
    return FeatureText(language, lines, blocks)


@dataclass(frozen=True)
class _Grammar:
    line: re.Pattern[str]  # a header (``Scenario:``) or a step keyword at the start of a line
    headers: dict[str, str]  # header keyword -> scenario / background / rule
    kinds: dict[str, str]  # step keyword -> given / when / then ("" for And and But)


@functools.cache
def _grammar(language: str) -> _Grammar:
    of = dialect(language)
    kinds: dict[str, str] = {}
    for words, kind in (
        (of.given_keywords, "given"),
        (of.when_keywords, "when"),
        (of.then_keywords, "then"),
        (of.and_keywords, ""),
        (of.but_keywords, ""),
    ):
        for word in words:
            if word.strip() and word.strip() != "*":
                kinds.setdefault(word.strip(), kind)
    headers = {k: "scenario" for k in (*of.scenario_keywords, *of.scenario_outline_keywords)}
    headers |= {k: "background" for k in of.background_keywords} | {k: "rule" for k in of.rule_keywords}

    def either(words: Iterable[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    line = re.compile(rf"(?P<indent>\s*)(?:(?P<header>{either(headers)}):|(?P<keyword>{either(kinds)})(?: |$))")
    return _Grammar(line, headers, kinds)
