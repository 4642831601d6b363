"""Check feature files without a browser (``journeys lint``).

Each ``.feature`` file is parsed with gherkin-official (which reads
``# language: nl``) and checked against the step catalogue and the touchpoint
map, so a writer hears about a typo before a journey runs:

- the file cannot be parsed, is empty, or has no scenarios;
- a step no step definition matches (with the closest known steps), a step
  of the other language (``# language: nl`` missing or left over), or a step
  after the wrong keyword;
- a value in a step that cannot be read (``"twaalf euro"``, ``"30 februari"``,
  a quantity, a channel, what she was asked for) or that the touchpoint map
  does not know (segment, fact, touchpoint), every typed parameter with the
  message the step itself would give -- see :mod:`journeys.vocabulary.lint_params`;
- a step whose task or touchpoint (its ``needs``) the system lacks -- see
  :mod:`journeys.vocabulary.offers`;
- scenario names used twice, in one file or across files;
- tags that are not registered (:mod:`journeys.vocabulary.tags`);
- Scenario Outline placeholders without an Examples column. Outline steps are
  checked with each Examples row filled in, at the row's line.

Every problem reads ``file:line: message``, the message saying what to do.
The run over files is :mod:`journeys.vocabulary.lint_files`, one step's checks
:mod:`journeys.vocabulary.lint_steps`; here are the entry points and the words
for what Gherkin cannot parse.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from gherkin.errors import CompositeParserException, NoSuchLanguageException, ParserError

from journeys.vocabulary.catalogue import project_root
from journeys.vocabulary.lint_files import Linter
from journeys.vocabulary.lint_gherkin import (
    LANGUAGE_NAMES,
    Problem,
    declared_language,
    is_feature_line,
    other_language,
    other_language_message,
    step_keywords,
)
from journeys.vocabulary.sentences import Catalogue

__all__ = ["Problem", "lint", "parse_problems", "run_lint"]

_GOT = re.compile(r"got '(.*)'$")
_LOCATION = re.compile(r"^\(\d+:\d+\): ")


def lint(
    paths: Sequence[str],
    *,
    system: str | Sequence[str] = "refshop",
    root: str | Path | None = None,
    catalogue: Catalogue | None = None,
) -> list[Problem]:
    """Check the feature files in ``paths`` (files or folders, searched for ``*.feature``).

    Args:
        paths: feature files and folders.
        system: touchpoint map to check names against: a system name looked up in
            ``<root>/fixtures/systems/``, or a path to a map; or several (a journey across systems).
            Every step used must find the tasks and touchpoints it needs there.
        root: the project root (steps, touchpoint maps, pyproject.toml); default: the nearest folder
            upwards with a pyproject.toml, pytest.ini or steps/ (``catalogue.project_root``).
        catalogue: the steps to check against; default: the project's step library
            (``steps/`` under ``root``).

    Returns:
        Every problem found, by file and line; empty when all is well. Notes (an older phrasing that
        still runs) are printed by ``run_lint`` and not returned.
    """
    found = Linter(system, Path(root) if root else project_root(), catalogue, parse_problems).run(paths)[0]
    return [problem for problem in found if not problem.note]


def run_lint(
    paths: Sequence[str],
    *,
    system: str | Sequence[str] = "refshop",
    root: str | Path | None = None,
    catalogue: Catalogue | None = None,
    out: TextIO | None = None,
) -> int:
    """Lint ``paths`` (default: the project's ``features/``), print each problem and a summary.

    Takes the arguments of :func:`lint`, and ``out`` to print to (default stdout).

    Returns:
        The exit status: 0 when there are no problems, 1 when there are.
    """
    out = out or sys.stdout
    project = Path(root) if root else project_root()
    linter = Linter(system, project, catalogue, parse_problems)
    problems, files = linter.run(list(paths) or [str(project / "features")])
    words = _CLOSING["nl" if linter.languages == {"nl"} else "en"]
    for problem in problems:
        print(problem, file=out)
        if problem.detail:
            print(_indented(f"{words['skeleton']}\n{problem.detail}"), file=out)
    noun = words["file" if files == 1 else "files"]
    problems = [problem for problem in problems if not problem.note]  # notes are said, not counted
    if problems:
        found = words["problem" if len(problems) == 1 else "problems"]
        print(words["found"].format(count=len(problems), found=found, files=files, noun=noun), file=out)
        return 1
    print(words["none"].format(files=files, noun=noun), file=out)
    return 0


_CLOSING = {
    "en": {
        "skeleton": "A step of your own for it, to fill in (steps/*.py):",
        "file": "feature file",
        "files": "feature files",
        "problem": "problem",
        "problems": "problems",
        "found": "{count} {found} in {files} {noun}",
        "none": "{files} {noun}, no problems",
    },
    "nl": {
        "skeleton": "Een eigen stap ervoor, om in te vullen (steps/*.py):",
        "file": "featurebestand",
        "files": "featurebestanden",
        "problem": "probleem",
        "problems": "problemen",
        "found": "{count} {found} in {files} {noun}",
        "none": "{files} {noun}, geen problemen",
    },
}


def _indented(text: str) -> str:
    return "\n".join(f"    {line}" if line else "" for line in text.splitlines())


def parse_problems(exc: ParserError, text: str) -> list[tuple[int, str]]:
    """``(line, message)`` for each problem of a Gherkin parse error, saying what to write instead."""
    errors = exc.errors if isinstance(exc, CompositeParserException) else [exc]
    lines = text.splitlines()
    language = declared_language(lines)
    found: list[tuple[int, str]] = []
    for error in errors:
        line = error.location["line"] if hasattr(error, "location") else 0
        raw = _LOCATION.sub("", str(error))
        if isinstance(error, NoSuchLanguageException):
            found.append(
                (
                    line,
                    f"unknown language: {raw.split(': ', 1)[-1]}: write "
                    "'# language: nl' for Dutch, or leave the line out for English",
                )
            )
            continue
        got = _GOT.search(raw)
        if not got:
            content = lines[line - 1].strip() if 0 < line <= len(lines) else ""
            found.append((line, f"{raw}: '{content}'" if content else raw))
            continue
        other = other_language(got[1], language)
        if other:
            found.append((line, other_language_message(other, f"'{got[1]}'")))
            if is_feature_line(got[1], other):
                break  # every later error follows from the language
            continue
        found.append((line, _token_message(raw, got[1], language)))
    return found


def _token_message(raw: str, got: str, language: str) -> str:
    from pytest_bdd.gherkin_parser import ERROR_PATTERNS  # the messages `journeys run` gives

    for pattern, _, friendly in ERROR_PATTERNS[:-1]:
        if pattern.search(raw):
            return f"{friendly} '{got}'"
    steps = step_keywords(language if language in LANGUAGE_NAMES else "en")
    return (
        f"Gherkin does not know this line: '{got}': start it with a step keyword "
        f"({', '.join(steps)}) or with '#' for a comment"
    )
