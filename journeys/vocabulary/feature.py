"""Feature files read into scenarios a runner can walk, without pytest.

Cucumber's own parser (gherkin-official) reads the file and compiles it into
*pickles*: one per scenario and per Examples row, with the Background's steps
in front and the outline's placeholders filled in. Each becomes a
``Scenario`` that knows its file, lines, tags and language, so pytest, a
script and a load-test user all run the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gherkin.errors import CompositeParserException, ParserError
from gherkin.parser import Parser
from gherkin.pickles.compiler import Compiler

from journeys.errors import FeatureFileError
from journeys.systems.user_code import relative  # where a file lies, as messages name it

__all__ = ["Scenario", "ScenarioStep", "feature_files", "read_feature", "relative", "unique_name"]

_KIND = {"Context": "given", "Action": "when", "Outcome": "then"}


@dataclass(frozen=True)
class ScenarioStep:
    """One step as written: keyword, text, line, and its kind after And/But are resolved."""

    keyword: str
    text: str
    line: int
    kind: str  # given / when / then
    docstring: str | None = None
    datatable: tuple[tuple[str, ...], ...] | None = None


@dataclass(frozen=True)
class Scenario:
    """One scenario (or one Examples row of an outline) of a feature file."""

    path: Path
    feature: str
    name: str
    line: int  # the Scenario line
    row_line: int | None  # the Examples row, for an outline
    end_line: int  # the last line that belongs to the scenario
    tags: tuple[str, ...]  # without '@', feature's and scenario's and the Examples'
    language: str
    steps: tuple[ScenarioStep, ...]
    example: tuple[tuple[str, str], ...] = ()  # the Examples row: (column, value)

    @property
    def location(self) -> str:
        return f"{relative(self.path)}:{self.row_line or self.line}"

    @property
    def title(self) -> str:
        """The name, with the example values when the name does not already show them."""
        values = [value for _, value in self.example]
        if not values or all(v in self.name for v in values):
            return self.name
        return f"{self.name} [{', '.join(f'{k}={v}' for k, v in self.example)}]"

    def covers(self, line: int) -> bool:
        """Whether ``file:line`` selects this scenario (its own lines, or its Examples row)."""
        if self.row_line is not None and line == self.row_line:
            return True
        return self.line <= line <= self.end_line and (self.row_line is None or not self._on_a_row(line))

    def _on_a_row(self, line: int) -> bool:
        return line > max(step.line for step in self.steps) if self.steps else False


def feature_files(paths: list[str | Path]) -> list[Path]:
    """The ``.feature`` files in ``paths`` (files or folders), sorted, each once."""
    found: list[Path] = []
    for part in paths:
        root = Path(part)
        for path in [root] if root.is_file() else sorted(root.rglob("*.feature")):
            if path.resolve() not in found:
                found.append(path.resolve())
    return found


def read_feature(path: str | Path) -> list[Scenario]:
    """Every scenario of the feature file at ``path``.

    Raises:
        FeatureFileError: the file cannot be parsed, is empty or has no
            scenarios; the message starts with ``file:line``.
    """
    path = Path(path).resolve()
    text = path.read_text(encoding="utf-8")
    if not text.strip():
        raise FeatureFileError(f"{relative(path)}:1: empty feature file: write a Feature with a Scenario or remove it")
    try:
        document: dict[str, Any] = dict(Parser().parse(text))
    except (CompositeParserException, ParserError) as exc:
        raise FeatureFileError(_parse_problem(path, exc, text)) from None
    document["uri"] = str(path)
    feature: dict[str, Any] = dict(document.get("feature") or {})
    nodes = _index(feature)
    pickles: list[Any] = Compiler().compile(document)  # type: ignore[arg-type]
    scenarios = [_scenario(path, feature, pickle, nodes) for pickle in pickles]
    if not scenarios:
        raise FeatureFileError(f"{relative(path)}:1: no scenarios: add a Scenario or remove the file")
    return scenarios


def _scenario(path: Path, feature: dict[str, Any], pickle: dict[str, Any], nodes: dict[str, Any]) -> Scenario:
    scenario = nodes[pickle["astNodeIds"][0]]
    row = nodes.get(pickle["astNodeIds"][1]) if len(pickle["astNodeIds"]) > 1 else None
    steps, kind = [], "given"
    for step in pickle["steps"]:
        written = nodes[step["astNodeIds"][0]]
        kind = _KIND.get(step.get("type", ""), kind)
        argument = step.get("argument", {})
        table = argument.get("dataTable")
        steps.append(
            ScenarioStep(
                written["keyword"].strip(),
                step["text"],
                written["location"]["line"],
                kind,
                argument.get("docString", {}).get("content"),
                tuple(tuple(c["value"] for c in r["cells"]) for r in table["rows"]) if table else None,
            )
        )
    example: tuple[tuple[str, str], ...] = ()
    if row is not None:
        example = tuple(zip(row["header"], row["values"], strict=False))
    return Scenario(
        path=path,
        feature=feature.get("name", ""),
        name=pickle["name"],
        line=scenario["location"]["line"],
        row_line=row["line"] if row else None,
        end_line=scenario["end_line"],
        tags=tuple(dict.fromkeys(t["name"].lstrip("@") for t in pickle.get("tags", []))),
        language=pickle.get("language", "en"),
        steps=tuple(steps),
        example=example,
    )


def _index(feature: dict[str, Any]) -> dict[str, Any]:
    """The document's nodes by id: steps, scenarios (with their last line) and Examples rows."""
    nodes: dict[str, Any] = {}
    starts: list[tuple[int, dict[str, Any]]] = []

    def walk(children: list[dict[str, Any]]) -> None:
        for child in children:
            if "rule" in child:
                walk(child["rule"].get("children", []))
                continue
            block = child.get("background") or child.get("scenario")
            if not block:
                continue
            for step in block.get("steps", []):
                nodes[step["id"]] = step
            if "scenario" in child:
                nodes[block["id"]] = block
                starts.append((block["location"]["line"], block))
                for examples in block.get("examples", []):
                    header = [c["value"] for c in examples.get("tableHeader", {}).get("cells", [])]
                    for row in examples.get("tableBody", []):
                        nodes[row["id"]] = {
                            "line": row["location"]["line"],
                            "header": header,
                            "values": [c["value"] for c in row["cells"]],
                        }

    walk(feature.get("children", []))
    starts.sort(key=lambda s: s[0])
    for (_, block), following in zip(starts, [*starts[1:], (10**9, None)], strict=False):
        block["end_line"] = following[0] - 1
    return nodes


def _parse_problem(path: Path, exc: ParserError, text: str) -> str:
    from journeys.vocabulary.lint import parse_problems  # the linter's words for what to write instead

    problems = parse_problems(exc, text) or [(1, str(exc))]
    return "\n".join(f"{relative(path)}:{line or 1}: {message}" for line, message in problems)


def unique_name(name: str, taken: set[str]) -> str:
    """The name a journey's test item gets: a second scenario of the same name in a file gets `` (2)``
    (the run and ``--dry-run`` name them alike); the name is added to ``taken``."""
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{name} ({n})"
    taken.add(candidate)
    return candidate
