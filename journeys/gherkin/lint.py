"""Check feature files without a browser (``journeys lint``).

Each ``.feature`` file is parsed with gherkin-official (which reads
``# language: nl``) and checked against the step catalogue and the touchpoint
map, so a writer hears about a typo before a journey runs:

- the file cannot be parsed, is empty, or has no scenarios;
- a step no step definition matches (with the closest known steps), a step
  of the other language (``# language: nl`` missing or left over), or a step
  after the wrong keyword;
- a value in a step that cannot be read (``"twaalf euro"``, ``"30 februari"``,
  a quantity, a channel) or that the touchpoint map does not know (segment,
  fact, touchpoint) -- see :mod:`journeys.gherkin.params`;
- a step whose task or touchpoint (its ``needs``) the system lacks -- see
  :mod:`journeys.gherkin.offers`;
- scenario names used twice, in one file or across files;
- tags that are not registered;
- Scenario Outline placeholders without an Examples column. Outline steps are
  checked with each Examples row filled in, at the row's line.

Every problem reads ``file:line: message``, the message saying what to do.
"""

from __future__ import annotations

import difflib
import re
import sys
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO
from zoneinfo import ZoneInfo

from gherkin.dialect import Dialect
from gherkin.errors import CompositeParserException, NoSuchLanguageException, ParserError
from gherkin.parser import Parser

from journeys.errors import ConfigError, StepError
from journeys.gherkin import params
from journeys.gherkin.catalogue import load_steps
from journeys.gherkin.offers import Offers
from journeys.gherkin.vocabulary import KEYWORDS, Catalogue, Sentence

if TYPE_CHECKING:
    from journeys.system.touchpoint_map import TouchpointMap

__all__ = ["CHANNEL_TAGS", "RUN_TAGS", "Problem", "lint", "registered_tags", "run_lint"]

#: Tags every project may use: how a journey is run, and the channels it crosses.
RUN_TAGS = frozenset({"gate", "nightly", "slow"})
CHANNEL_TAGS = frozenset({"web", "email", "app", "api", "chat", "agent", "store", "returns", "phone", "sms"})
_LANGUAGE_NAMES = {"en": "English", "nl": "Dutch"}
_KIND_BY_KEYWORD_TYPE = {"Context": "given", "Action": "when", "Outcome": "then"}
_PLACEHOLDER = re.compile(r"<([^<>]+)>")
_GOT = re.compile(r"got '(.*)'$")
_LOCATION = re.compile(r"^\(\d+:\d+\): ")


@dataclass(frozen=True)
class Problem:
    """One problem in a file. ``line`` 0 means the file as a whole."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}" if self.line else f"{self.path}: {self.message}"


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
        root: the project root (steps, touchpoint maps, pyproject.toml); default: cwd.
        catalogue: the steps to check against; default: the project's step library
            (``steps/`` under ``root``).

    Returns:
        Every problem found, by file and line; empty when all is well.
    """
    return _Linter(system, Path(root) if root else Path.cwd(), catalogue).run(paths)[0]


def run_lint(
    paths: Sequence[str],
    *,
    system: str | Sequence[str] = "refshop",
    root: str | Path | None = None,
    catalogue: Catalogue | None = None,
    out: TextIO | None = None,
) -> int:
    """Lint ``paths`` (default ``features/``), print each problem and a summary.

    Takes the arguments of :func:`lint`, and ``out`` to print to (default stdout).

    Returns:
        The exit status: 0 when there are no problems, 1 when there are.
    """
    out = out or sys.stdout
    linter = _Linter(system, Path(root) if root else Path.cwd(), catalogue)
    problems, files = linter.run(list(paths) or ["features"])
    for problem in problems:
        print(problem, file=out)
    noun = "feature file" if files == 1 else "feature files"
    if problems:
        print(
            f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {files} {noun}",
            file=out,
        )
        return 1
    print(f"{files} {noun}, no problems", file=out)
    return 0


def registered_tags(root: str | Path | None = None) -> frozenset[str]:
    """The tags journeys may carry: run and channel tags plus ``[tool.journeys] tags``.

    Raises:
        ConfigError: ``pyproject.toml`` cannot be read, or ``tags`` is not a list of names.
    """
    pyproject = Path(root or Path.cwd()) / "pyproject.toml"
    extra: list[Any] = []
    if pyproject.is_file():
        try:
            settings = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"not valid TOML: {exc}", file=str(pyproject)) from exc
        extra = settings.get("tool", {}).get("journeys", {}).get("tags", [])
        if not isinstance(extra, list) or not all(isinstance(t, str) for t in extra):
            raise ConfigError(
                'write tags = ["name", ...] (names without @)',
                file=str(pyproject),
                key="tool.journeys.tags",
            )
    return RUN_TAGS | CHANNEL_TAGS | {tag.lstrip("@") for tag in extra}


@dataclass(frozen=True)
class _Match:
    sentence: Sentence
    values: dict[str, Any]


class _StepIndex:
    """The catalogue's sentences compiled once, looked up by the literal text they start with."""

    def __init__(self, sentences: Iterable[Sentence]) -> None:
        import parse as parse_lib

        self._by_language: dict[str, list[tuple[str, Any, Sentence]]] = {}
        for sentence in sentences:
            prefix = sentence.pattern.split("{", 1)[0].lower()
            # Case-insensitive, like pytest-bdd's parsers.parse.
            entry = (prefix, parse_lib.compile(sentence.pattern), sentence)
            self._by_language.setdefault(sentence.language, []).append(entry)
        self._found: dict[tuple[str, str], list[_Match]] = {}

    def find(self, text: str, language: str) -> list[_Match]:
        key = (language, text)
        if key not in self._found:
            lowered = text.lower()
            found = []
            for prefix, parser, sentence in self._by_language.get(language, []):
                if lowered.startswith(prefix) and (result := parser.parse(text)) is not None:
                    found.append(_Match(sentence, dict(result.named)))
            self._found[key] = found
        return self._found[key]

    def sentences(self, language: str) -> list[Sentence]:
        return [sentence for _, _, sentence in self._by_language.get(language, [])]


class _Linter:
    def __init__(self, system: str | Sequence[str], root: Path, catalogue: Catalogue | None = None) -> None:
        self.root = root
        self.problems: list[Problem] = []
        self.catalogue = catalogue or load_steps(root)
        self.index = _StepIndex(self.catalogue.sentences)
        self.known, timezone, self.offers = self._load_maps([system] if isinstance(system, str) else list(system))
        self.now = datetime.now(ZoneInfo(timezone)) if timezone else datetime.now().astimezone()
        try:
            self.tags = registered_tags(root)
        except ConfigError as exc:
            self.problems.append(Problem(_shown(root / "pyproject.toml"), 0, str(exc)))
            self.tags = RUN_TAGS | CHANNEL_TAGS
        self.parser = Parser()
        self.scenario_names: dict[str, tuple[str, int]] = {}
        self.step_messages: dict[tuple[str, str, str, str], list[str]] = {}

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
                    self.problems.append(Problem(_shown(path), 0, "no .feature files in this folder"))
                files += found
            elif path.is_file():
                files.append(path)
            else:
                self.problems.append(Problem(given, 0, "no such file or folder"))
        return files

    def _load_maps(self, systems: list[str]) -> tuple[params.Known, str | None, Offers | None]:
        """What the maps know (names to check values against) and offer (tasks, touchpoints)."""
        maps = [found for system in systems if (found := self._load_map(system)) is not None]
        if len(maps) < len(systems) or not maps:
            return params.Known(), None, None
        touchpoints = [tp for tmap in maps for tp in tmap.touchpoints.values()]
        words = {w: f for tmap in reversed(maps) for w, f in tmap.fact_words().items()}
        known = params.Known(
            segments=frozenset(name for tmap in maps for name in tmap.segments),
            facts=frozenset(fact for tp in touchpoints for fact in tp.facts),
            touchpoints=frozenset(tp.name for tp in touchpoints),
            # "app.order" is on the api channel but a writer calls it the app.
            channels=frozenset({tp.channel for tp in touchpoints} | {tp.name.split(".", 1)[0] for tp in touchpoints}),
            map=" and ".join(_shown(tmap.path) for tmap in maps),
            fact_words=words,
        )
        return known, maps[0].timezone, Offers.of(maps)

    def _load_map(self, system: str) -> TouchpointMap | None:
        from journeys.system.map_files import BUNDLED_SYSTEMS, load_map

        path = (
            Path(system)
            if system.endswith((".yaml", ".yml"))
            else self.root / "fixtures" / "systems" / f"{system}.yaml"
        )
        if not path.is_file() and (BUNDLED_SYSTEMS / f"{system}.yaml").is_file():
            path = BUNDLED_SYSTEMS / f"{system}.yaml"  # a map that ships with journeys
        if not path.is_file():
            self.problems.append(
                Problem(
                    _shown(path),
                    0,
                    f"no touchpoint map for '{system}' here: pass --system with a map's name or path",
                )
            )
            return None
        try:
            return load_map(path)
        except ConfigError as exc:
            for line in str(exc).splitlines():
                found = re.match(r"(\S+?):(\d+): (.*)", line)
                if found:
                    self.problems.append(Problem(_shown(Path(found[1])), int(found[2]), found[3]))
                else:
                    self.problems.append(Problem(_shown(path), 0, line))
            return None

    # --- one file ---------------------------------------------------------------------------

    def _file(self, path: Path) -> None:
        shown = _shown(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            self._add(shown, 0, f"cannot read this file: {exc}; save it as UTF-8 text")
            return
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
        self._tags(shown, feature["tags"])
        if not _has_scenarios(feature["children"]):
            self._add(
                shown,
                feature["location"]["line"],
                "no scenarios: add a Scenario or remove the file",
            )
        if language not in _LANGUAGE_NAMES:
            self._add(
                shown,
                1,
                f"there are no steps in language '{language}': write the journey "
                "in English, or in Dutch with '# language: nl' as the first line",
            )
            language = ""
        self._children(shown, feature["children"], language)

    def _children(self, shown: str, children: list[dict[str, Any]], language: str) -> None:
        """Backgrounds, scenarios and rules (with their own children) of a feature."""
        for child in children:
            if "background" in child:
                self._steps(shown, child["background"]["steps"], language, None)
            elif "scenario" in child:
                self._scenario(shown, child["scenario"], language)
            elif "rule" in child:
                self._tags(shown, child["rule"]["tags"])
                self._children(shown, child["rule"]["children"], language)

    def _parse_errors(self, shown: str, exc: ParserError, text: str) -> None:
        for line, message in parse_problems(exc, text):
            self._add(shown, line, message)

    def _scenario(self, shown: str, scenario: dict[str, Any], language: str) -> None:
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
        outline = scenario["keyword"] in _outline_keywords(language)
        if outline and not scenario["examples"]:
            self._add(
                shown,
                line,
                "a Scenario Outline without Examples: add an Examples table below its steps, or make it a Scenario",
            )
        self._steps(shown, scenario["steps"], language, scenario["examples"])

    def _steps(
        self,
        shown: str,
        steps: list[dict[str, Any]],
        language: str,
        examples: list[dict[str, Any]] | None,
    ) -> None:
        kind = _KIND_BY_KEYWORD_TYPE.get(steps[0]["keywordType"]) if steps else None
        if steps and kind is None:
            first = steps[0]
            self._add(
                shown,
                first["location"]["line"],
                f"the first step starts with '{first['keyword'].strip()}': start it with "
                + _one_of([KEYWORDS[k][language or "en"] for k in KEYWORDS]),
            )
            kind = "given"
        for step in steps:
            kind = _KIND_BY_KEYWORD_TYPE.get(step["keywordType"], kind)
            line, text = step["location"]["line"], step["text"]
            placeholders = _placeholders(step)
            if not placeholders:
                if language:
                    self._step(shown, line, step["keyword"], text, kind or "given", language, "")
                continue
            if not examples:
                names = ", ".join(f"<{p}>" for p in placeholders)
                self._add(
                    shown,
                    line,
                    f"{names} in a scenario without Examples: add an Examples "
                    "table with a column for it, or write the value",
                )
                continue
            for table in examples:
                header = table.get("tableHeader")
                columns = [cell["value"] for cell in header["cells"]] if header else []
                missing = [p for p in placeholders if p not in columns]
                if missing:
                    names = ", ".join(f"<{p}>" for p in missing)
                    self._add(
                        shown,
                        line,
                        f"{names} has no column in the Examples at line "
                        f"{table['location']['line']}: add a column "
                        f"'{missing[0]}' or write the value in the step",
                    )
                    continue
                if not language:
                    continue
                for row in table.get("tableBody", []):
                    values = dict(zip(columns, (cell["value"] for cell in row["cells"]), strict=False))
                    filled = _fill(text, values)
                    self._step(
                        shown,
                        row["location"]["line"],
                        step["keyword"],
                        filled,
                        kind or "given",
                        language,
                        f"step at line {line} with this Examples row: ",
                    )

    def _step(self, shown: str, line: int, keyword: str, text: str, kind: str, language: str, prefix: str) -> None:
        key = (language, kind, keyword, text)
        if key not in self.step_messages:
            self.step_messages[key] = self._step_messages(keyword.strip(), text, kind, language)
        for message in self.step_messages[key]:
            self._add(shown, line, prefix + message)

    def _step_messages(self, keyword: str, text: str, kind: str, language: str) -> list[str]:
        matches = self.index.find(text, language)
        fitting = [m for m in matches if m.sentence.kind == kind]
        if len({m.sentence.pattern for m in fitting}) > 1:
            both = " and ".join(f"'{m.sentence.pattern}' ({m.sentence.group})" for m in fitting)
            return [f"'{keyword} {text}' matches more than one step: {both}; make the step sentences differ"]
        if fitting:
            return self._value_messages(fitting[0]) + self._need_messages(fitting[0])
        if matches:
            right = KEYWORDS[matches[0].sentence.kind][language]
            wrong = KEYWORDS[kind][language]
            return [
                f"'{keyword} {text}' is a {right} step, not a {wrong} step: write "
                f"'{right} {text}' (or '{_and(language)}' after a {right} step)"
            ]
        other = "nl" if language == "en" else "en"
        if translated := self.index.find(text, other):
            sentence = self._translation(translated[0].sentence, language)
            hint = (
                f", or write it in {_LANGUAGE_NAMES[language]}: "
                f"'{KEYWORDS[sentence.kind][language]} {sentence.example}'"
                if sentence
                else ""
            )
            return [_other_language_message(other, "", step=True) + hint]
        return [f"undefined step '{keyword} {text}'{self._closest(text, kind, language)}"]

    def _value_messages(self, match: _Match) -> list[str]:
        messages = []
        for name, raw in match.values.items():
            try:
                params.read_param(name, raw, now=self.now, known=self.known)
            except StepError as exc:
                messages.append(str(exc))
        return messages

    def _need_messages(self, match: _Match) -> list[str]:
        """What the step needs (``Sentence.needs``) that the systems do not have."""
        if self.offers is None:
            return []
        return self.offers.lacks(match.sentence, match.values)

    def _closest(self, text: str, kind: str, language: str) -> str:
        pool = self.index.sentences(language)
        by_example = {s.example: s for s in pool if s.kind == kind} | {
            s.example: s for s in pool if s.kind != kind and s.example
        }
        close = difflib.get_close_matches(text, list(by_example), n=3, cutoff=0.6)
        if not close:
            return ": see `journeys steps` for the steps there are"
        shown = "; ".join(f"'{KEYWORDS[by_example[c].kind][language]} {c}'" for c in close)
        return f": closest known steps: {shown}"

    def _translation(self, sentence: Sentence, language: str) -> Sentence | None:
        """The same step in ``language``: vocabulary registers both languages of a step together."""
        sentences = self.catalogue.sentences
        position = sentences.index(sentence)
        for neighbour in sentences[max(position - 1, 0) : position + 2]:
            if (
                neighbour.language == language
                and neighbour.kind == sentence.kind
                and neighbour.group == sentence.group
                and neighbour.doc == sentence.doc
            ):
                return neighbour
        return None

    def _tags(self, shown: str, tags: list[dict[str, Any]]) -> None:
        for tag in tags:
            name = tag["name"].lstrip("@")
            if name in self.tags:
                continue
            close = difflib.get_close_matches(name, self.tags, n=1)
            hint = f"did you mean '@{close[0]}'? Or use" if close else "use"
            self._add(
                shown,
                tag["location"]["line"],
                f"unknown tag '@{name}': {hint} one of "
                f"{', '.join('@' + t for t in sorted(self.tags))}, "
                "or register it in pyproject.toml under [tool.journeys] tags",
            )

    def _add(self, path: str, line: int, message: str) -> None:
        self.problems.append(Problem(path, line, message))


def _has_scenarios(children: list[dict[str, Any]]) -> bool:
    return any(
        "scenario" in child or ("rule" in child and _has_scenarios(child["rule"]["children"])) for child in children
    )


def _placeholders(step: dict[str, Any]) -> list[str]:
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


def _fill(text: str, values: dict[str, str]) -> str:
    """``text`` with its ``<placeholders>`` replaced by an Examples row, as pytest-bdd does."""
    return _PLACEHOLDER.sub(lambda m: values.get(m[1], m[0]), text)


def _dialect(language: str) -> Dialect:
    dialect = Dialect.for_name(language) or Dialect.for_name("en")
    assert dialect is not None  # gherkin always knows English
    return dialect


def _outline_keywords(language: str) -> list[str]:
    return list(_dialect(language or "en").scenario_outline_keywords)


def _declared_language(lines: list[str]) -> str:
    for line in lines:
        stripped = line.strip()
        if found := re.fullmatch(r"#\s*language\s*:\s*(\S+)", stripped):
            return found[1]
        if stripped and not stripped.startswith("#"):
            break
    return "en"


def _keywords(dialect: Dialect) -> list[str]:
    sections = [
        *dialect.feature_keywords,
        *dialect.background_keywords,
        *dialect.scenario_keywords,
        *dialect.scenario_outline_keywords,
        *dialect.examples_keywords,
        *dialect.rule_keywords,
    ]
    steps = [
        *dialect.given_keywords,
        *dialect.when_keywords,
        *dialect.then_keywords,
        *dialect.and_keywords,
        *dialect.but_keywords,
    ]
    return [k + ":" for k in sections] + [k for k in steps if k.strip() != "*"]


def _other_language(line: str, language: str) -> str | None:
    """``nl``/``en`` when ``line`` starts with a keyword of that language, not of ``language``."""
    if language not in _LANGUAGE_NAMES:
        return None
    other = "nl" if language == "en" else "en"
    own = _keywords(_dialect(language))
    if any(line.startswith(k) for k in own):
        return None
    return other if any(line.startswith(k) for k in _keywords(_dialect(other))) else None


def _is_feature_line(line: str, language: str) -> bool:
    return any(line.startswith(k + ":") for k in _dialect(language).feature_keywords)


def parse_problems(exc: ParserError, text: str) -> list[tuple[int, str]]:
    """``(line, message)`` for each problem of a Gherkin parse error, saying what to write instead."""
    errors = exc.errors if isinstance(exc, CompositeParserException) else [exc]
    lines = text.splitlines()
    language = _declared_language(lines)
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
        other = _other_language(got[1], language)
        if other:
            found.append((line, _other_language_message(other, f"'{got[1]}'")))
            if _is_feature_line(got[1], other):
                break  # every later error follows from the language
            continue
        found.append((line, _token_message(raw, got[1], language)))
    return found


def _other_language_message(other: str, quoted: str, *, step: bool = False) -> str:
    what = "step" if step else "line"
    where = f" {quoted}" if quoted else ""
    if other == "nl":
        return f"this is a Dutch {what}{where}: add '# language: nl' as the first line"
    return f"this is an English {what}{where}: remove '# language: nl' from the top of the file"


def _token_message(raw: str, got: str, language: str) -> str:
    from pytest_bdd.gherkin_parser import ERROR_PATTERNS  # the messages `journeys run` gives

    for pattern, _, friendly in ERROR_PATTERNS[:-1]:
        if pattern.search(raw):
            return f"{friendly} '{got}'"
    dialect = _dialect(language if language in _LANGUAGE_NAMES else "en")
    steps = [
        k.strip()
        for k in (
            *dialect.given_keywords,
            *dialect.when_keywords,
            *dialect.then_keywords,
            *dialect.and_keywords,
            *dialect.but_keywords,
        )
        if k.strip() != "*"
    ]
    return (
        f"Gherkin does not know this line: '{got}': start it with a step keyword "
        f"({', '.join(steps)}) or with '#' for a comment"
    )


def _one_of(words: list[str]) -> str:
    return ", ".join(words[:-1]) + " or " + words[-1]


def _and(language: str) -> str:
    return _dialect(language).and_keywords[-1].strip()


def _shown(path: Path) -> str:
    """``path`` relative to the working directory when it is inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
