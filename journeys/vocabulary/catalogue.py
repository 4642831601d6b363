"""The catalogue of steps writers can use, in English and Dutch (``journeys steps``).

Every step is declared once in :mod:`journeys.vocabulary.decorators` with both sentences
and an example; this renders them grouped by step module and kind, as plain
text for a terminal or as markdown for ``docs/steps.md``. Nothing is listed by
hand here: what the step library registers is what the catalogue shows.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

from journeys.vocabulary import params
from journeys.vocabulary.catalogue_pages import LANGUAGES, markdown_page, page_language, text_page
from journeys.vocabulary.decorators import CATALOGUE
from journeys.vocabulary.sentences import Catalogue, Step
from journeys.vocabulary.system_words import systems_info

__all__ = ["bundled_steps", "load_steps", "project_root", "render", "steps"]


def load_steps(root: str | Path | None = None) -> Catalogue:
    """Import the bundled step library and the project's own steps, once.

    The project's steps are the modules in ``steps/`` under ``root`` (default:
    the working directory), imported as ``steps.<module>``; declared with the
    same :mod:`journeys.vocabulary.decorators` decorators, they join the catalogue
    and win over a bundled step with the same sentence. An error inside a
    step module is raised, not hidden, so a writer sees why a step is missing.
    """
    importlib.import_module("journeys.steps")
    folder = Path(root or project_root()).resolve() / "steps"
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


def bundled_steps() -> Catalogue:
    """The step library journeys ships, without any project's own (docs/steps.md lists these)."""
    importlib.import_module("journeys.steps")
    return Catalogue([s for s in CATALOGUE.sentences if s.func and s.func.__module__.startswith("journeys.steps.")])


_LOADED: set[Path] = set()
_MARKERS = ("pyproject.toml", "pytest.ini", "steps")


def project_root(start: str | Path | None = None) -> Path:
    """The project ``start`` (default: the working directory) is in: the nearest folder upwards with a
    ``pyproject.toml``, a ``pytest.ini`` or a ``steps/`` folder, as pytest finds its rootdir; else ``start``."""
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if any((folder / marker).exists() for marker in _MARKERS):
            return folder
    return here


def steps(catalogue: Catalogue | None = None) -> list[Step]:
    """The catalogue's steps, each with its sentences in both languages and their aliases, in declaration order."""
    found: dict[int, Step] = {}
    for sentence in (catalogue or CATALOGUE).sentences:
        step = found.setdefault(sentence.key, Step(sentence.kind, sentence.group, sentence.doc, doc_nl=sentence.doc_nl))
        if sentence.alias_of is None:
            step.sentences[sentence.language] = sentence
        else:
            step.aliases.setdefault(sentence.language, []).append(sentence)
    return list(found.values())


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
        key=lambda kind: (list(params.KINDS) + [kind]).index(kind),  # the usual kinds first, own ones after
    )
    systems = None if system is None else systems_info(system)
    text = (markdown_page if markdown else text_page)(groups, languages, kinds, systems)
    return text + (systems.facts(markdown, page_language(languages)) if systems else "")
