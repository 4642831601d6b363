"""Hover: what a step does, in the file's language; what it needs and gives; the task and
touchpoints it uses on the run's systems. Over a parameter, how to write it."""

from __future__ import annotations

from lsprotocol import types

from journeys.lsp.document import FeatureText
from journeys.lsp.project import Project
from journeys.lsp.story_at import field_at, matched
from journeys.vocabulary.moments import contract_text
from journeys.vocabulary.params import describe, kind_of
from journeys.vocabulary.system_words import needs_text

__all__ = ["hover"]

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
