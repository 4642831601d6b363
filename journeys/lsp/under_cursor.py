"""What is under the writer's cursor: hover says what it is, go to definition shows where it is defined.

Hover: what a step does, in the file's language; what it needs and gives;
the task and touchpoints it uses on the run's systems. Over a parameter, how
to write it. Go to definition: from a step to the Python function behind
it, from a touchpoint's name to its line in the map (the bundled
``journeys/maps/refshop.yaml`` or the project's own).
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path

from lsprotocol import types

from journeys.lsp.document import FeatureText
from journeys.lsp.project import Project
from journeys.lsp.story_at import field_at, matched
from journeys.vocabulary.moments import contract_text
from journeys.vocabulary.params import describe, kind_of
from journeys.vocabulary.system_words import needs_text

__all__ = ["definition", "hover"]

_WORDS = {
    "en": {"needs": "Uses", "visits": "Visits on", "param": "Parameter"},
    "nl": {"needs": "Gebruikt", "visits": "Bezoekt bij", "param": "Parameter"},
}


def hover(project: Project, document: FeatureText, line: int, column: int) -> types.Hover | None:
    """What to show over ``line``:``column``; None where there is no known step."""
    step = document.step_at(line)
    if step is None:
        return None
    language = document.language if document.language in _WORDS else "en"
    found = matched(project, step, language)
    if found is None:
        return None
    sentence, values = found
    said = _WORDS[language]
    parts = [f"**{step.keyword} {sentence.pattern}**", "", sentence.description or ""]
    field = field_at(project, document, step, column) if column > step.column else None
    kind = kind_of(field.name) if field else None
    if field and kind and field.start <= column <= field.end:
        parts += ["", f"*{said['param']} `{field.name}`*: {describe(kind, language)}"]
    parts += [""] + [f"- {part}" for part in contract_text(sentence.requires, sentence.gives, language)]
    if sentence.needs:
        parts.append(f"- {said['needs']}: {needs_text(sentence.needs, markdown=True, language=language)}")
    visits = project.story.visits(sentence, values)
    if visits and project.offers is not None:
        systems = " + ".join(project.offers.systems)
        parts.append(f"- {said['visits']} {systems}: {', '.join(f'`{v}`' for v in dict.fromkeys(visits) if v)}")
    end = len(document.lines[line].rstrip())
    return types.Hover(
        contents=types.MarkupContent(types.MarkupKind.Markdown, "\n".join(parts).strip()),
        range=types.Range(types.Position(line, step.indent), types.Position(line, end)),
    )


_NAME = re.compile(r"[\w.\-]+")


def definition(project: Project, document: FeatureText, line: int, column: int) -> types.Location | None:
    """Where what is at ``line``:``column`` is defined; None: nothing known there."""
    text = document.lines[line] if line < len(document.lines) else ""
    word = next((m[0] for m in _NAME.finditer(text) if m.start() <= column <= m.end()), "")
    for tmap in project.maps:
        touchpoint = tmap.touchpoints.get(word)
        if touchpoint is not None:
            return _location(Path(touchpoint.file), touchpoint.line)
    step = document.step_at(line)
    found = matched(project, step, document.language) if step else None
    if found is None or found[0].func is None:
        return None
    func = inspect.unwrap(found[0].func)
    try:
        source = inspect.getsourcefile(func)
        _, first = inspect.getsourcelines(func)
    except (OSError, TypeError):
        return None
    return _location(Path(source), first) if source else None


def _location(path: Path, line: int) -> types.Location:
    at = types.Position(max(line - 1, 0), 0)
    return types.Location(uri=path.resolve().as_uri(), range=types.Range(at, at))
