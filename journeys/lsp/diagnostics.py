"""Diagnostics: ``journeys lint``'s own findings on the text being typed, at their lines.

The linter (:meth:`journeys.vocabulary.lint_files.Linter.check_text`) reads the
editor's text as it would read the saved file; each problem becomes a
diagnostic over its step (or tag, or line), and the fixes the message offers
(the closest sentences, the step to write before it, the tag to register)
travel with it in ``data`` for the code actions (:mod:`journeys.lsp.actions`).
"""

from __future__ import annotations

import re
from typing import Any

from lsprotocol import types

from journeys.lsp.document import FeatureText
from journeys.lsp.project import Project
from journeys.vocabulary.lint_gherkin import Problem, step_keywords

__all__ = ["SOURCE", "diagnose", "suggested"]

SOURCE = "journeys lint"

#: How lint says "write this step before it" (:mod:`journeys.vocabulary.story_words`), as opposed to
#: "write this instead".
_BEFORE = (" before it", " ervoor", "before her visit there", "vóór haar bezoek", "say so first", "zeg dat eerst")
_TAG = re.compile(r"^unknown tag '@([^']+)': (?:did you mean '@([^']+)'\?)?")
_KEYWORDS = sorted({k for language in ("en", "nl") for k in step_keywords(language)}, key=len, reverse=True)
_QUOTED = re.compile(r"'((?:" + "|".join(map(re.escape, _KEYWORDS)) + r") .*?)'(?=[;,.:)?]|\s|$)")


def diagnose(project: Project, document: FeatureText, text: str, shown: str) -> list[types.Diagnostic]:
    """Lint's problems with ``text`` (the editor's buffer of ``shown``), as diagnostics."""
    return [_diagnostic(problem, document) for problem in project.linter.check_text(shown, text)]


def suggested(message: str, own: str) -> list[str]:
    """The steps a lint message suggests writing (keyword and sentence), other than ``own``."""
    found = [s for s in _QUOTED.findall(message) if " ".join(s.split()) != " ".join(own.split())]
    return list(dict.fromkeys(found))


def _diagnostic(problem: Problem, document: FeatureText) -> types.Diagnostic:
    line = max(problem.line - 1, 0)
    text = document.lines[line] if line < len(document.lines) else ""
    start, end = len(text) - len(text.lstrip()), len(text.rstrip())
    data: dict[str, Any] = {}
    tag = _TAG.match(problem.message)
    if tag:
        at = text.find("@" + tag[1])
        if at >= 0:
            start, end = at, at + 1 + len(tag[1])
        data = {"tag": tag[1], "instead": tag[2] or ""}
    else:
        step = document.step_at(line)
        own = f"{step.keyword} {step.text}" if step else text.strip()
        steps = suggested(problem.message, own)
        if steps:
            before = any(marker in problem.message for marker in _BEFORE)
            data = {"insert" if before else "replace": steps}
    return types.Diagnostic(
        range=types.Range(types.Position(line, start), types.Position(line, max(end, start))),
        message=problem.message,
        severity=types.DiagnosticSeverity.Information if problem.note else types.DiagnosticSeverity.Error,
        source=SOURCE,
        data=data or None,
    )
