"""A run of ``journeys lint`` over feature files: files, scenarios, outlines and their steps.

Each step goes to :mod:`journeys.vocabulary.lint_steps`; a file Gherkin cannot
parse is explained by the function :mod:`journeys.vocabulary.lint` passes in
(it borrows ``journeys run``'s words for it); which tags a journey may carry is
:mod:`journeys.vocabulary.tags`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from gherkin.errors import ParserError
from gherkin.parser import Parser

from journeys.errors import ConfigError
from journeys.vocabulary.catalogue import load_steps
from journeys.vocabulary.lint_gherkin import (
    LANGUAGE_NAMES,
    Problem,
    fill,
    has_scenarios,
    one_of,
    outline_keywords,
    placeholders,
)
from journeys.vocabulary.lint_gherkin import shown as shown_path
from journeys.vocabulary.lint_params import load_maps
from journeys.vocabulary.lint_steps import StepChecker
from journeys.vocabulary.sentences import KEYWORDS, Catalogue
from journeys.vocabulary.story import Story, Told
from journeys.vocabulary.tags import CHANNEL_TAGS, RUN_TAGS, registered_tags, unknown_tags

__all__ = ["Linter"]

_KIND_BY_KEYWORD_TYPE = {"Context": "given", "Action": "when", "Outcome": "then"}


class Linter:
    """One run over feature files; ``explain`` turns a Gherkin parse error into ``(line, message)``s."""

    def __init__(
        self,
        system: str | Sequence[str],
        root: Path,
        catalogue: Catalogue | None,
        explain: Callable[[ParserError, str], list[tuple[int, str]]],
    ) -> None:
        self.root = root
        self.explain = explain
        maps = load_maps([system] if isinstance(system, str) else list(system), root)
        self.maps = maps
        self.problems: list[Problem] = list(maps.problems)
        now = datetime.now(ZoneInfo(maps.timezone)) if maps.timezone else datetime.now().astimezone()
        self.steps = StepChecker(catalogue or load_steps(root), maps.known, maps.offers, now)
        self.story = Story(self.steps.catalogue.sentences, maps.offers, maps.known.fact_words)
        try:
            self.tags = registered_tags(root)
        except ConfigError as exc:
            self.problems.append(Problem(shown_path(root / "pyproject.toml"), 0, str(exc)))
            self.tags = RUN_TAGS | CHANNEL_TAGS
        self.parser = Parser()
        self.scenario_names: dict[str, tuple[str, int]] = {}
        self.languages: set[str] = set()  # of the files read: the closing line speaks theirs when they share one

    def run(self, paths: Sequence[str]) -> tuple[list[Problem], int]:
        files = self._feature_files(paths)
        for path in files:
            self._file(path)
        return sorted(self.problems, key=lambda p: (p.path, p.line)), len(files)

    # --- where things are -------------------------------------------------------------------

    def _feature_files(self, paths: Sequence[str]) -> list[Path]:
        files: list[Path] = []
        for given in paths:
            path = Path(given)
            if path.is_dir():
                found = sorted(path.rglob("*.feature"))
                if not found:
                    self.problems.append(Problem(shown_path(path), 0, "no .feature files in this folder"))
                files += found
            elif path.is_file():
                files.append(path)
            else:
                self.problems.append(Problem(given, 0, "no such file or folder"))
        return files

    # --- one file ---------------------------------------------------------------------------

    def check_text(self, shown: str, text: str) -> list[Problem]:
        """The problems of one file's ``text`` as it stands (an editor's unsaved buffer), notes included.

        Only this text's own: the problems of the run so far (a map that would not load) are kept
        apart, and scenario names are compared within this text alone.
        """
        run, names = self.problems, self.scenario_names
        self.problems, self.scenario_names = [], {}
        try:
            self._text(shown, text)
            return sorted(self.problems, key=lambda p: p.line)
        finally:
            self.problems, self.scenario_names = run, names

    def _file(self, path: Path) -> None:
        shown = shown_path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            self._add(shown, 0, f"cannot read this file: {exc}; save it as UTF-8 text")
            return
        self._text(shown, text)

    def _text(self, shown: str, text: str) -> None:
        if not text.strip():
            self._add(shown, 1, "empty feature file: write a Feature with a Scenario or remove the file")
            return
        try:
            document: dict[str, Any] = dict(self.parser.parse(text))
        except ParserError as exc:
            self._parse_errors(shown, exc, text)
            return
        feature = document.get("feature")
        if not feature:
            self._add(shown, 1, "empty feature file: write a Feature with a Scenario or remove the file")
            return
        language = feature["language"]
        self.languages.add(language)
        self._tags(shown, feature["tags"])
        if not has_scenarios(feature["children"]):
            self._add(
                shown,
                feature["location"]["line"],
                "geen scenario's: voeg een Scenario toe of verwijder het bestand"
                if language == "nl"
                else "no scenarios: add a Scenario or remove the file",
            )
        if language not in LANGUAGE_NAMES:
            self._add(
                shown,
                1,
                f"there are no steps in language '{language}': write the journey "
                "in English, or in Dutch with '# language: nl' as the first line",
            )
            language = ""
        self._children(shown, feature["children"], language)

    def _children(
        self, shown: str, children: list[dict[str, Any]], language: str, background: tuple[Told, ...] = ()
    ) -> None:
        """Backgrounds, scenarios and rules (with their own children) of a feature."""
        for child in children:
            if "background" in child:
                background += tuple(self._steps(shown, child["background"]["steps"], language, None))
            elif "scenario" in child:
                self._scenario(shown, child["scenario"], language, background)
            elif "rule" in child:
                self._tags(shown, child["rule"]["tags"])
                self._children(shown, child["rule"]["children"], language, background)

    def _parse_errors(self, shown: str, exc: ParserError, text: str) -> None:
        for line, message in self.explain(exc, text):
            self._add(shown, line, message)

    def _scenario(self, shown: str, scenario: dict[str, Any], language: str, background: tuple[Told, ...]) -> None:
        line, name = scenario["location"]["line"], scenario["name"].strip()
        self._tags(shown, scenario["tags"])
        for examples in scenario["examples"]:
            self._tags(shown, examples["tags"])
        if not name:
            self._add(shown, line, "a scenario without a name: name it after what the customer does")
        else:
            key = " ".join(name.split()).casefold()
            if key in self.scenario_names:
                first_path, first_line = self.scenario_names[key]
                self._add(
                    shown,
                    line,
                    f"duplicate scenario name '{name}': also at "
                    f"{first_path}:{first_line}; give each scenario its own name",
                )
            else:
                self.scenario_names[key] = (shown, line)
        if not scenario["steps"]:
            self._add(shown, line, f"scenario '{name}' has no steps: add Given, When and Then steps")
            return
        outline = scenario["keyword"] in outline_keywords(language)
        if outline and not scenario["examples"]:
            self._add(
                shown,
                line,
                "a Scenario Outline without Examples: add an Examples table below its steps, or make it a Scenario",
            )
        told = self._steps(shown, scenario["steps"], language, scenario["examples"])
        if language and not any(p.path == shown and p.line >= line for p in self.problems):
            # In the order she lives it: only once each step is known, or the first problem would repeat.
            for at, message in self.story.check([*background, *told], language):
                self._add(shown, at, message)

    def _steps(
        self,
        shown: str,
        steps: list[dict[str, Any]],
        language: str,
        examples: list[dict[str, Any]] | None,
    ) -> list[Told]:
        """Check each step; returns them as lint read them (an outline's with its first Examples row)."""
        kind = _KIND_BY_KEYWORD_TYPE.get(steps[0]["keywordType"]) if steps else None
        if steps and kind is None:
            first = steps[0]
            self._add(
                shown,
                first["location"]["line"],
                f"the first step starts with '{first['keyword'].strip()}': start it with "
                + one_of([KEYWORDS[k][language or "en"] for k in KEYWORDS]),
            )
            kind = "given"
        told: list[Told] = []
        for step in steps:
            kind = _KIND_BY_KEYWORD_TYPE.get(step["keywordType"], kind) or "given"
            line, text = step["location"]["line"], step["text"]
            holes = placeholders(step)
            if not holes:
                if language:
                    self.problems += self.steps.problems(shown, line, step["keyword"], text, kind, language)
                    told += self.steps.told(line, step["keyword"], text, kind, language)
            elif not examples:
                self._add(
                    shown,
                    line,
                    f"{', '.join(f'<{p}>' for p in holes)} in a scenario without Examples: add an Examples "
                    "table with a column for it, or write the value",
                )
            else:
                for table in examples:
                    self._outline_step(shown, step, kind, language, table, holes)
                rows = [table for table in examples if table.get("tableBody") and table.get("tableHeader")]
                if language and rows:
                    header = [cell["value"] for cell in rows[0]["tableHeader"]["cells"]]
                    first = dict(zip(header, (c["value"] for c in rows[0]["tableBody"][0]["cells"]), strict=False))
                    told += self.steps.told(line, step["keyword"], fill(text, first), kind, language)
        return told

    def _outline_step(
        self, shown: str, step: dict[str, Any], kind: str, language: str, table: dict[str, Any], holes: list[str]
    ) -> None:
        """An outline step with each row of one Examples table filled in, at the row's line."""
        line = step["location"]["line"]
        header = table.get("tableHeader")
        columns = [cell["value"] for cell in header["cells"]] if header else []
        missing = [p for p in holes if p not in columns]
        if missing:
            self._add(
                shown,
                line,
                f"{', '.join(f'<{p}>' for p in missing)} has no column in the Examples at line "
                f"{table['location']['line']}: add a column '{missing[0]}' or write the value in the step",
            )
            return
        if not language:
            return
        for row in table.get("tableBody", []):
            values = dict(zip(columns, (cell["value"] for cell in row["cells"]), strict=False))
            self.problems += self.steps.problems(
                shown,
                row["location"]["line"],
                step["keyword"],
                fill(step["text"], values),
                kind,
                language,
                f"step at line {line} with this Examples row: ",
            )

    def _tags(self, shown: str, tags: list[dict[str, Any]]) -> None:
        for line, message in unknown_tags(tags, self.tags):
            self._add(shown, line, message)

    def _add(self, path: str, line: int, message: str) -> None:
        self.problems.append(Problem(path, line, message))
