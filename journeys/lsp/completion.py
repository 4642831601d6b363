"""Completion: whole sentences after a keyword, and the words of the parameter being typed.

Sentences come in the order the story makes likely: first what the step just
above made possible (after an order, the checks on an order), then the steps
that build on what she lived, then those that need nothing. Each is filled
with values that fit (the composer's, :mod:`journeys.vocabulary.composer`); with
a client that takes snippets, each value is a choice of the parameter's words.
Once the writer types a word of a sentence, the rest shows too, last and
marked: sentences whose values are her own claim, and those that cannot come
here yet or that the run's systems lack (the offers and their ranks are
:mod:`journeys.lsp.sentence_offers`). Before any scenario, the lines a
journey starts with.
"""

from __future__ import annotations

from typing import Any

from lsprotocol import types

from journeys.lsp.document import FeatureText, StepLine
from journeys.lsp.project import Project
from journeys.lsp.sentence_offers import offers
from journeys.lsp.story_at import Field, field_at
from journeys.vocabulary.lint_gherkin import dialect, is_feature_line
from journeys.vocabulary.moments import contract_text
from journeys.vocabulary.params import describe, kind_of
from journeys.vocabulary.sentences import KEYWORDS, Sentence

__all__ = ["complete", "resolve"]


def complete(
    project: Project, document: FeatureText, line: int, column: int, *, snippets: bool
) -> list[types.CompletionItem]:
    """The completion items at ``line``:``column`` of ``document``."""
    if line >= len(document.lines):
        return []
    if not any(b.start < line for b in document.blocks):
        return _outline_items(document, line)
    step = document.step_at(line)
    if step is not None and step.indent + len(step.keyword) == column:
        # Right after the keyword, before its space (an editor keeps the cursor there): the keyword stays.
        return _sentence_items(project, document, step, line, column, snippets=snippets, rewrite=True)
    if step is not None and column >= step.column:
        field = field_at(project, document, step, column)
        words = _parameter_items(project, document, line, field) if field else []
        typed = bool(document.lines[line][step.column : column].strip())
        return words + _sentence_items(project, document, step, line, column, snippets=snippets, typed=typed)
    text = document.lines[line]
    if text.strip() and step is None and not _could_be_keyword(text.strip(), document.language):
        return []
    return _sentence_items(project, document, None, line, column, snippets=snippets)


_OUTLINE = {
    "en": {
        "language": "# language: nl",
        "nl": "the rest of the file in Dutch",
        "feature": "what the journeys in this file are about",
        "scenario": "one journey: who she is (Given), what she does (When), what must hold (Then)",
    },
    "nl": {
        "feature": "waar de reizen in dit bestand over gaan",
        "scenario": "één reis: wie ze is (Gegeven), wat ze doet (Als), wat er moet kloppen (Dan)",
    },
}


def _outline_items(document: FeatureText, line: int) -> list[types.CompletionItem]:
    """Before any scenario: the lines a journey starts with (a writer new to Gherkin need not know them)."""
    language = document.language if document.language in _OUTLINE else "en"
    text = document.lines[line]
    said = _OUTLINE[language]
    of = dialect(language)
    has_feature = any(is_feature_line(other.strip(), language) for other in document.lines[:line])
    offered: list[tuple[str, str, str]] = []
    if line == 0 and language == "en":
        offered.append((said["language"], said["language"], said["nl"]))
    if has_feature:
        scenario = "Scenario" if "Scenario" in of.scenario_keywords else of.scenario_keywords[0]
        offered.append((f"{scenario}:", f"  {scenario}: ", said["scenario"]))
    else:
        feature = of.feature_keywords[0]
        offered.append((f"{feature}:", f"{feature}: ", said["feature"]))
    where = _range(line, 0, len(text))
    return [
        types.CompletionItem(
            label=label,
            kind=types.CompletionItemKind.Keyword,
            detail=detail,
            sort_text=f"{index}",
            filter_text=label,
            text_edit=types.TextEdit(where, insert),
        )
        for index, (label, insert, detail) in enumerate(offered)
        if not text.strip() or label.lower().startswith(text.strip().lower())
    ]


def _could_be_keyword(typed: str, language: str) -> bool:
    words = [*(k[language] for k in KEYWORDS.values()), "And" if language == "en" else "En"]
    return any(word.lower().startswith(typed.lower()) for word in words)


def _sentence_items(
    project: Project,
    document: FeatureText,
    step: StepLine | None,
    line: int,
    column: int,
    *,
    snippets: bool,
    rewrite: bool = False,
    typed: bool = False,
) -> list[types.CompletionItem]:
    """Sentences for ``step`` (after its keyword; ``rewrite``: the keyword written again with it), or for
    a line without one (each with its keyword).

    Until the writer has ``typed`` a word of the sentence, only what can come here and be taken as it is:
    a sentence whose values are hers to claim, or that cannot come here, shows once she asks for it."""
    previous = document.kind_before(line)
    kinds = [step.kind] if step is not None else (["given"] if previous is None else ["given", "when", "then"])
    text = document.lines[line]
    if step is not None and not rewrite:
        start, end = step.column, len(text.rstrip())
    else:
        start, end = len(text) - len(text.lstrip()), len(text)
    where = _range(line, min(start, column), max(end, column))
    items: list[types.CompletionItem] = []
    for kind in kinds:
        if step is not None:
            keyword = step.keyword + " " if rewrite else ""
        else:
            keyword = _keyword(kind, previous, document.language) + " "
        for offer in offers(project, document, line, kind):
            if offer.rank >= 3 and not typed:
                continue
            items.append(
                types.CompletionItem(
                    label=keyword + offer.text,
                    kind=types.CompletionItemKind.Snippet if snippets else types.CompletionItemKind.Text,
                    detail=offer.sentence.description.splitlines()[0] if offer.sentence.description else None,
                    sort_text=offer.sort,
                    label_details=_NOTES[document.language if document.language == "nl" else "en"].get(offer.rank),
                    filter_text=keyword + offer.text,
                    insert_text_format=types.InsertTextFormat.Snippet if snippets else types.InsertTextFormat.PlainText,
                    text_edit=types.TextEdit(where, keyword + (offer.snippet if snippets else offer.text)),
                    data={"pattern": offer.sentence.pattern, "language": offer.sentence.language},
                )
            )
    return items


_NOTES = {
    "en": {
        3: types.CompletionItemLabelDetails(description="your own value: check it"),
        4: types.CompletionItemLabelDetails(description="not here (yet), or not on these systems"),
    },
    "nl": {
        3: types.CompletionItemLabelDetails(description="je eigen waarde: controleer die"),
        4: types.CompletionItemLabelDetails(description="kan hier (nog) niet, of niet op deze systemen"),
    },
}


def resolve(project: Project, item: types.CompletionItem) -> types.CompletionItem:
    """``item`` with its documentation: what the step does, needs and gives (asked for when shown)."""
    data: Any = item.data
    if isinstance(data, dict):
        sentence = next(
            (s for s in project.sentences if s.pattern == data.get("pattern") and s.language == data.get("language")),
            None,
        )
        if sentence is not None:
            item.documentation = _documentation(sentence, sentence.language)
    return item


def _keyword(kind: str, previous: str | None, language: str) -> str:
    if previous == kind:
        return "And" if language == "en" else "En"
    return KEYWORDS[kind][language]


def _documentation(sentence: Sentence, language: str) -> types.MarkupContent:
    lines = [sentence.description or "", ""]
    lines += [f"- {part}" for part in contract_text(sentence.requires, sentence.gives, language)]
    return types.MarkupContent(types.MarkupKind.Markdown, "\n".join(lines).strip())


def _parameter_items(project: Project, document: FeatureText, line: int, field: Field) -> list[types.CompletionItem]:
    kind = kind_of(field.name)
    how = describe(kind, document.language) if kind else ""
    words = project.words.of(field.name, document.language, after_her=field.after_her)
    return [
        types.CompletionItem(
            label=word,
            kind=types.CompletionItemKind.Value,
            detail=field.name,
            documentation=how or None,
            sort_text=f"0{index:04d}",
            text_edit=types.TextEdit(_range(line, field.start, field.end), word),
        )
        for index, word in enumerate(words)
    ]


def _range(line: int, start: int, end: int) -> types.Range:
    return types.Range(types.Position(line, start), types.Position(line, end))
