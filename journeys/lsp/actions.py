"""Quick fixes for lint's findings: write the suggested sentence instead, write the missing step
before it, register a tag (or use the one it resembles)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from lsprotocol import types

from journeys.lsp.diagnostics import SOURCE
from journeys.lsp.document import FeatureText
from journeys.lsp.project import Project

__all__ = ["code_actions"]

_SAID = {
    "en": {
        "replace": "Write '{step}'",
        "insert": "Write '{step}' before it",
        "tag": "Register @{tag} in pyproject.toml",
    },
    "nl": {
        "replace": "Schrijf '{step}'",
        "insert": "Zet '{step}' ervoor",
        "tag": "Registreer @{tag} in pyproject.toml",
    },
}


def code_actions(
    project: Project, document: FeatureText, uri: str, diagnostics: list[types.Diagnostic]
) -> list[types.CodeAction]:
    """The fixes for ``diagnostics`` (those lint gave) on ``document``."""
    said = _SAID.get(document.language, _SAID["en"])
    found: list[types.CodeAction] = []
    for diagnostic in diagnostics:
        data: Any = diagnostic.data
        if diagnostic.source != SOURCE or not isinstance(data, dict):
            continue
        line = diagnostic.range.start.line
        text = document.lines[line] if line < len(document.lines) else ""
        indent = text[: len(text) - len(text.lstrip())]
        for step in data.get("replace", []):
            edit = types.TextEdit(_range(line, len(indent), len(text.rstrip())), step)
            found.append(_action(said["replace"].format(step=step), uri, [edit], diagnostic, preferred=not found))
        for step in data.get("insert", []):
            edit = types.TextEdit(_range(line, 0, 0), f"{indent}{step}\n")
            found.append(_action(said["insert"].format(step=step), uri, [edit], diagnostic, preferred=not found))
        if data.get("instead"):
            edit = types.TextEdit(diagnostic.range, "@" + data["instead"])
            found.append(_action(said["replace"].format(step="@" + data["instead"]), uri, [edit], diagnostic))
        if data.get("tag"):
            found.append(_register(project.root / "pyproject.toml", data["tag"], said["tag"], diagnostic))
    return found


def _action(
    title: str, uri: str, edits: list[types.TextEdit], diagnostic: types.Diagnostic, *, preferred: bool = False
) -> types.CodeAction:
    return types.CodeAction(
        title=title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        edit=types.WorkspaceEdit(changes={uri: edits}),
        is_preferred=preferred or None,
    )


def _register(pyproject: Path, tag: str, title: str, diagnostic: types.Diagnostic) -> types.CodeAction:
    """Add ``tag`` to ``[tool.journeys] tags`` of ``pyproject`` (the section or the file made when missing)."""
    uri = pyproject.resolve().as_uri()
    text = pyproject.read_text(encoding="utf-8") if pyproject.is_file() else ""
    lines = text.splitlines()
    try:
        tags = tomllib.loads(text).get("tool", {}).get("journeys", {}).get("tags")
    except tomllib.TOMLDecodeError:
        tags = None
    listed = next((i for i, line in enumerate(lines) if re.match(r"\s*tags\s*=\s*\[.*\]", line)), None)
    header = next((i for i, line in enumerate(lines) if line.strip() == "[tool.journeys]"), None)
    if isinstance(tags, list) and listed is not None and header is not None and listed > header:
        new = re.sub(r"\[(.*?)\]", lambda m: "[" + ", ".join(_quoted([*tags, tag])) + "]", lines[listed], count=1)
        edit = types.TextEdit(_range(listed, 0, len(lines[listed])), new)
    elif header is not None:
        edit = types.TextEdit(_range(header + 1, 0, 0), f'tags = ["{tag}"]\n')
    else:
        end = len(lines)
        lead = "\n" if text.strip() else ""
        edit = types.TextEdit(_range(end, 0, 0), f'{lead}[tool.journeys]\ntags = ["{tag}"]\n')
    changes: list[Any] = []
    if not pyproject.is_file():
        changes.append(types.CreateFile(uri=uri))
    changes.append(types.TextDocumentEdit(types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=None), [edit]))
    return types.CodeAction(
        title=title.format(tag=tag),
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        edit=types.WorkspaceEdit(document_changes=changes),
    )


def _quoted(tags: list[str]) -> list[str]:
    return [f'"{t}"' for t in dict.fromkeys(tags)]


def _range(line: int, start: int, end: int) -> types.Range:
    return types.Range(types.Position(line, start), types.Position(line, end))
