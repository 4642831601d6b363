"""A feature file as an editor holds it: its language, its steps and scenarios, line by line.

Read without the Gherkin parser, so a half-written file (the writer is typing)
still has steps: each line that starts with a step keyword of the file's
language is one, its kind that of its keyword (``And``/``En`` take the one
before). Scenarios and backgrounds are where they start; the linter proper
(:mod:`journeys.gherkin.lint`) still judges the file as a whole.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from journeys.gherkin.lint_gherkin import declared_language, dialect

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
    language = declared_language(lines)
    of = dialect(language)
    kinds = [
        *((k.strip(), "given") for k in of.given_keywords),
        *((k.strip(), "when") for k in of.when_keywords),
        *((k.strip(), "then") for k in of.then_keywords),
        *((k.strip(), "") for k in (*of.and_keywords, *of.but_keywords)),
    ]
    kinds = sorted((pair for pair in kinds if pair[0] and pair[0] != "*"), key=lambda pair: -len(pair[0]))
    scenario = tuple(k + ":" for k in (*of.scenario_keywords, *of.scenario_outline_keywords))
    background = tuple(k + ":" for k in of.background_keywords)
    rule_starts = tuple(k + ":" for k in of.rule_keywords)
    blocks: list[_Block] = []
    rule = 0
    previous = ""
    for number, raw in enumerate(lines):
        stripped = raw.strip()
        indent = len(raw) - len(raw.lstrip())
        if stripped.startswith(rule_starts):
            rule += 1
        elif stripped.startswith(background):
            blocks.append(_Block(number, True, rule))
            previous = ""
        elif stripped.startswith(scenario):
            blocks.append(_Block(number, False, rule))
            previous = ""
        elif blocks:
            for keyword, kind in kinds:
                if stripped == keyword or stripped.startswith(keyword + " "):
                    kind = kind or previous or "given"
                    column = indent + len(keyword) + 1
                    blocks[-1].steps.append(
                        StepLine(number, keyword, kind, raw[column:].rstrip(), min(column, len(raw)), indent)
                    )
                    previous = kind
                    break
    return FeatureText(language, lines, blocks)
