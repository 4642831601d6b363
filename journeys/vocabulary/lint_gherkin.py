"""The Gherkin side of ``journeys lint``: a problem's shape, the keywords of each language, outlines.

Shared by :mod:`journeys.vocabulary.lint` (files, scenarios, parse errors) and
:mod:`journeys.vocabulary.lint_steps` (one step's sentence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gherkin.dialect import Dialect

__all__ = [
    "LANGUAGE_NAMES",
    "Problem",
    "and_keyword",
    "declared_language",
    "dialect",
    "fill",
    "has_scenarios",
    "is_feature_line",
    "one_of",
    "other_language",
    "other_language_message",
    "outline_keywords",
    "placeholders",
    "shown",
]

#: The languages there are steps in.
LANGUAGE_NAMES = {"en": "English", "nl": "Dutch"}
_PLACEHOLDER = re.compile(r"<([^<>]+)>")


@dataclass(frozen=True)
class Problem:
    """One problem in a file. ``line`` 0 means the file as a whole."""

    path: str
    line: int
    message: str
    note: bool = False  # worth knowing, not wrong: an older phrasing that still runs
    detail: str = ""  # lines shown below the problem: a step of one's own to fill in

    def __str__(self) -> str:
        message = f"note: {self.message}" if self.note else self.message
        return f"{self.path}:{self.line}: {message}" if self.line else f"{self.path}: {message}"


def shown(path: Path) -> str:
    """``path`` relative to the working directory when it is inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def has_scenarios(children: list[dict[str, Any]]) -> bool:
    return any(
        "scenario" in child or ("rule" in child and has_scenarios(child["rule"]["children"])) for child in children
    )


def placeholders(step: dict[str, Any]) -> list[str]:
    """The ``<names>`` of an outline step, in its text, doc string and data table, once each."""
    texts = [step["text"]]
    if step.get("docString"):
        texts.append(step["docString"]["content"])
    if step.get("dataTable"):
        texts += [cell["value"] for row in step["dataTable"]["rows"] for cell in row["cells"]]
    names: list[str] = []
    for text in texts:
        for name in _PLACEHOLDER.findall(text):
            if name not in names:
                names.append(name)
    return names


def fill(text: str, values: dict[str, str]) -> str:
    """``text`` with its ``<placeholders>`` replaced by an Examples row, as pytest-bdd does."""
    return _PLACEHOLDER.sub(lambda m: values.get(m[1], m[0]), text)


def dialect(language: str) -> Dialect:
    found = Dialect.for_name(language) or Dialect.for_name("en")
    assert found is not None  # gherkin always knows English
    return found


def outline_keywords(language: str) -> list[str]:
    return list(dialect(language or "en").scenario_outline_keywords)


def declared_language(lines: list[str]) -> str:
    """The ``# language:`` a file starts with (default ``en``)."""
    for line in lines:
        stripped = line.strip()
        if found := re.fullmatch(r"#\s*language\s*:\s*(\S+)", stripped):
            return found[1]
        if stripped and not stripped.startswith("#"):
            break
    return "en"


def step_keywords(language: str) -> list[str]:
    """Given, When, Then, And, But of ``language`` (without ``*``)."""
    of = dialect(language)
    every = (*of.given_keywords, *of.when_keywords, *of.then_keywords, *of.and_keywords, *of.but_keywords)
    return [k.strip() for k in every if k.strip() != "*"]


def _line_starts(of: Dialect) -> list[str]:
    sections = [
        *of.feature_keywords,
        *of.background_keywords,
        *of.scenario_keywords,
        *of.scenario_outline_keywords,
        *of.examples_keywords,
        *of.rule_keywords,
    ]
    steps = [*of.given_keywords, *of.when_keywords, *of.then_keywords, *of.and_keywords, *of.but_keywords]
    return [k + ":" for k in sections] + [k for k in steps if k.strip() != "*"]


def other_language(line: str, language: str) -> str | None:
    """``nl``/``en`` when ``line`` starts with a keyword of that language, not of ``language``."""
    if language not in LANGUAGE_NAMES:
        return None
    other = "nl" if language == "en" else "en"
    if any(line.startswith(k) for k in _line_starts(dialect(language))):
        return None
    return other if any(line.startswith(k) for k in _line_starts(dialect(other))) else None


def is_feature_line(line: str, language: str) -> bool:
    return any(line.startswith(k + ":") for k in dialect(language).feature_keywords)


def other_language_message(other: str, quoted: str, *, step: bool = False) -> str:
    what = "step" if step else "line"
    where = f" {quoted}" if quoted else ""
    if other == "nl":
        return f"this is a Dutch {what}{where}: add '# language: nl' as the first line"
    return f"this is an English {what}{where}: remove '# language: nl' from the top of the file"


def one_of(words: list[str]) -> str:
    return ", ".join(words[:-1]) + " or " + words[-1]


def and_keyword(language: str) -> str:
    return dialect(language).and_keywords[-1].strip()
