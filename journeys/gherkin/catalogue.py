"""The catalogue of steps writers can use, in English and Dutch (``journeys steps``).

Every step is declared once in :mod:`journeys.gherkin.vocabulary` with both sentences
and an example; this renders them grouped by step module and kind, as plain
text for a terminal or as markdown for ``docs/steps.md``. Nothing is listed by
hand here: what the step library registers is what the catalogue shows.
"""

from __future__ import annotations

import importlib
import string
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from journeys.gherkin import params
from journeys.gherkin.system_words import Systems, needs_text, systems_info
from journeys.gherkin.vocabulary import CATALOGUE, KEYWORDS, Catalogue, Sentence

__all__ = ["Step", "load_steps", "render", "steps"]

LANGUAGES = {"en": "English", "nl": "Nederlands"}
_IN_ENGLISH = {"en": "English", "nl": "Dutch"}
_KINDS = ("given", "when", "then")


@dataclass
class Step:
    """One step: its sentence per language (``en``, ``nl``), declared together."""

    kind: str
    group: str
    doc: str
    sentences: dict[str, Sentence] = field(default_factory=dict)

    @property
    def needs(self) -> tuple[str, ...]:
        """The tasks (``task:<name>``) and touchpoints the step uses (its ``needs``)."""
        return next((sentence.needs for sentence in self.sentences.values()), ())

    @property
    def fields(self) -> list[str]:
        """Names of the step's parameters (``{segment}`` -> ``segment``), in order."""
        names: list[str] = []
        for sentence in self.sentences.values():
            for name in _field_names(sentence.pattern):
                if name not in names:
                    names.append(name)
        return names


def load_steps(root: str | Path | None = None) -> Catalogue:
    """Import the bundled step library and the project's own steps, once.

    The project's steps are the modules in ``steps/`` under ``root`` (default:
    the working directory), imported as ``steps.<module>``; declared with the
    same :mod:`journeys.gherkin.vocabulary` decorators, they join the catalogue
    and win over a bundled step with the same sentence. An error inside a
    step module is raised, not hidden, so a writer sees why a step is missing.
    """
    importlib.import_module("journeys.steps")
    folder = Path(root or Path.cwd()).resolve() / "steps"
    if folder in _LOADED or not folder.is_dir():
        return CATALOGUE
    where = str(folder.parent)
    if where not in sys.path:
        sys.path.insert(0, where)
    for module in sorted(folder.glob("*.py")):
        if module.stem != "__init__" and not module.stem.startswith(("test_", "conftest")):
            importlib.import_module(f"steps.{module.stem}")
    _LOADED.add(folder)  # every scenario asks: the folder is read once per process
    return CATALOGUE


_LOADED: set[Path] = set()


def steps(catalogue: Catalogue | None = None) -> list[Step]:
    """The catalogue's steps, each with its sentences in both languages, in declaration order."""
    found: list[Step] = []
    for sentence in (catalogue or CATALOGUE).sentences:
        # vocabulary registers the languages of one step one after the other.
        last = found[-1] if found else None
        if (
            last is None
            or sentence.language in last.sentences
            or last.kind != sentence.kind
            or last.group != sentence.group
            or last.doc != sentence.doc
        ):
            last = Step(sentence.kind, sentence.group, sentence.doc)
            found.append(last)
        last.sentences[sentence.language] = sentence
    return found


def render(
    language: str | None = None,
    *,
    markdown: bool = False,
    catalogue: Catalogue | None = None,
    system: str | Sequence[str] | None = None,
) -> str:
    """The catalogue of steps, grouped by module and kind, each with an example and what it needs.

    Args:
        language: ``"en"`` or ``"nl"`` for one language; None for both.
        markdown: markdown for ``docs/steps.md`` instead of plain text.
        catalogue: the steps to list; default: the bundled step library and
            the project's own (``steps/`` in the working directory).
        system: a system's map (name or path; or several): its own fact words are
            listed, and each step it lacks a task or touchpoint for says so.

    Returns:
        The text, ending in a newline.

    Raises:
        ValueError: a language other than ``en`` or ``nl``.
    """
    if language is not None and language not in LANGUAGES:
        raise ValueError(f"no steps in language '{language}': choose one of {', '.join(LANGUAGES)}")
    languages = [language] if language else list(LANGUAGES)
    all_steps = steps(catalogue or load_steps())
    groups: dict[str, list[Step]] = {}
    for step in all_steps:
        groups.setdefault(step.group, []).append(step)
    kinds = sorted(
        {kind for step in all_steps for name in step.fields if (kind := params.kind_of(name))},
        key=list(params.KINDS).index,
    )
    systems = None if system is None else systems_info(system)
    text = _markdown(groups, languages, kinds, systems) if markdown else _text(groups, languages, kinds, systems)
    return text + (systems.facts(markdown) if systems else "")


def _text(groups: dict[str, list[Step]], languages: list[str], kinds: list[str], systems: Systems | None) -> str:
    count = sum(len(group) for group in groups.values())
    lines = [f"{count} steps in {_names(languages)}, by group and kind. Dutch features start with '# language: nl'."]
    if kinds:
        lines += ["", "Values in steps are written like this:"]
        lines += [f"  {{{kind}}}: {params.KINDS[kind]}" for kind in kinds]
    for group, members in groups.items():
        lines += ["", f"== {group} ==" + (f"  {title}" if (title := _title(group)) else "")]
        for kind in _KINDS:
            of_kind = [step for step in members if step.kind == kind]
            if not of_kind:
                continue
            lines += ["", "  " + " / ".join(KEYWORDS[kind][lang] for lang in languages)]
            for step in of_kind:
                lines.append("")
                for lang in languages:
                    sentence = step.sentences.get(lang)
                    if sentence is None:
                        lines.append(f"    ({LANGUAGES[lang]}: none)")
                        continue
                    lines.append(f"    {KEYWORDS[kind][lang]} {sentence.pattern}")
                    if sentence.example != sentence.pattern:
                        lines.append(f"      e.g. {KEYWORDS[kind][lang]} {sentence.example}")
                lines += [
                    f"      {{{name}}}: {params.KINDS[kind_]}"
                    for name in step.fields
                    if (kind_ := params.kind_of(name))
                ]
                lines += [f"      {line}" if line else "" for line in step.doc.splitlines()]
                if step.needs:
                    lines.append(f"      needs: {needs_text(step.needs)}")
                if systems and (lacks := systems.lacks(step.needs)):
                    lines.append(f"      {systems.name} lacks: {lacks}")
    return "\n".join(lines) + "\n"


def _markdown(groups: dict[str, list[Step]], languages: list[str], kinds: list[str], systems: Systems | None) -> str:
    lines = [
        "# Steps",
        "",
        "<!-- Generated by `journeys steps --markdown > docs/steps.md`: do not edit by hand. -->",
        "",
        f"Every step a journey can use, in {_names(languages)}, "
        "with an example and what it needs of a system: the tasks it runs and the touchpoints it reads "
        "(`journeys lint --system X` checks that X has them). A Dutch feature file starts with "
        "`# language: nl`; check a feature with `journeys lint features/`.",
    ]
    if kinds:
        lines += ["", "## Values", "", "| parameter | write it as |", "|---|---|"]
        lines += [f"| `{{{kind}}}` | {_cell(params.KINDS[kind])} |" for kind in kinds]
    for group, members in groups.items():
        lines += ["", f"## {group}"]
        if title := _title(group):
            lines += ["", title]
        for kind in _KINDS:
            of_kind = [step for step in members if step.kind == kind]
            if not of_kind:
                continue
            lines += ["", "### " + " / ".join(KEYWORDS[kind][lang] for lang in languages), ""]
            lines.append("| " + " | ".join([*(LANGUAGES[lang] for lang in languages), "what it does"]) + " |")
            lines.append("|" + "---|" * (len(languages) + 1))
            for step in of_kind:
                cells = [_sentence_cell(step.sentences.get(lang), kind, lang) for lang in languages]
                notes = [
                    f"`{{{name}}}`: {params.KINDS[kind_]}" for name in step.fields if (kind_ := params.kind_of(name))
                ]
                if step.needs:
                    notes.append(f"needs: {needs_text(step.needs, markdown=True)}")
                if systems and (lacks := systems.lacks(step.needs)):
                    notes.append(f"**{systems.name} lacks: {lacks}**")
                cells.append(_cell("<br>".join([" ".join(step.doc.split()), *notes])))
                lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def _names(languages: list[str]) -> str:
    return " and ".join(_IN_ENGLISH[lang] for lang in languages)


def _sentence_cell(sentence: Sentence | None, kind: str, language: str) -> str:
    if sentence is None:
        return "—"
    cell = f"`{KEYWORDS[kind][language]} {sentence.pattern}`"
    if sentence.example != sentence.pattern:
        cell += f"<br>e.g. `{KEYWORDS[kind][language]} {sentence.example}`"
    return _cell(cell)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _title(group: str) -> str:
    """First line of the step module's docstring (``steps.customer``: "Who the customer is.")."""
    module = sys.modules.get(f"journeys.steps.{group}") or sys.modules.get(f"steps.{group}")
    doc = (module.__doc__ or "").strip() if module else ""
    return doc.splitlines()[0] if doc else ""


def _field_names(pattern: str) -> Iterable[str]:
    for _, name, _, _ in string.Formatter().parse(pattern):
        if name:
            yield name
