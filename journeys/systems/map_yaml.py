"""The checks every part of a touchpoint map's validation shares: keys, text, names, templates.

A ``Checks`` walks ruamel.yaml round-trip nodes (which know their line
numbers) and collects every problem as ``file:line: key: message``; the
section and touchpoint validators (``map_sections``, ``map_touchpoints``)
build on it, and ``map_schema`` raises the collected problems at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from journeys.systems.parse_messages import jsonpath_problem
from journeys.systems.templates import NAME as ENV_NAME
from journeys.systems.templates import interpolate, template_problem, unset
from journeys.systems.touchpoint_map import UnsetVariable, closest

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD")


class Checks:
    """Problems found so far, and the checks that find them.

    Args:
        path: the map file, for ``file:line`` in every problem.
        variables: what its ``${NAME}`` are read from (the run's, read where it started); None: the
            map is read for its shape only (lint, the catalogue, the editor), every ``${NAME}`` unset.
    """

    def __init__(self, path: Path, variables: Mapping[str, str] | None = None) -> None:
        self.path = path
        self.variables: Mapping[str, str] = variables if variables is not None else {}
        self.problems: list[tuple[int, str]] = []
        self.unset: list[UnsetVariable] = []  # told by the session when it needs the value

    def problem(self, line: int, key: str, message: str) -> None:
        self.problems.append((line, f"{self.path}:{line}: {key}: {message}"))

    def keys(self, node: CommentedMap, allowed: Iterable[str], where: str) -> None:
        allowed = tuple(allowed)
        for key in node:
            if key not in allowed:
                self.problem(
                    line_of(node, key),
                    join(where, str(key)),
                    f"unknown key.{closest(str(key), allowed)} Valid here: {', '.join(allowed)}.",
                )

    def mapping(self, node: CommentedMap, key: str, where: str) -> CommentedMap | None:
        value = node.get(key)
        if value is None:
            return None
        if not isinstance(value, CommentedMap):
            self.problem(line_of(node, key), join(where, key), f"must be a mapping (key: value), not {what(value)}.")
            return None
        return value

    def text(self, node: CommentedMap, key: str, where: str, *, required: bool = False) -> str | None:
        value = node.get(key)
        if value is None:
            if required:
                self.problem(
                    line_of(node, key) if key in node else node.lc.line + 1,
                    join(where, key),
                    "missing: this key is required.",
                )
            return None
        if isinstance(value, (CommentedMap, CommentedSeq, bool)):
            self.problem(line_of(node, key), join(where, key), f"must be text, not {what(value)}.")
            return None
        return str(value)

    def interpolated(self, node: CommentedMap, key: str, where: str) -> str | None:
        """Text with its ``${NAME}`` / ``${NAME:-default}`` read from the variables now (each unset one noted)."""
        value = self.text(node, key, where)
        if value is None:
            return None
        try:
            resolved = interpolate(value, self.variables)
        except ValueError as exc:
            self.problem(line_of(node, key), join(where, key), str(exc))
            return None
        for name in unset(value, self.variables):
            self.unset.append(UnsetVariable(name, line_of(node, key), join(where, key)))
        return resolved

    def url(self, node: CommentedMap, key: str, where: str, *, required: bool = False) -> str | None:
        """A URL or path: ``${ENV}`` expanded, then its ``{placeholders}`` checked."""
        if required and node.get(key) is None:
            self.text(node, key, where, required=True)
            return None
        value = self.interpolated(node, key, where)
        if value:
            self.template(node, key, where, value)
        return value

    def env_name(self, node: CommentedMap, key: str, where: str) -> str | None:
        value = self.text(node, key, where)
        if value is not None and not ENV_NAME.match(value):
            self.problem(
                line_of(node, key),
                join(where, key),
                f"'{value}' is not an environment variable name: the map holds only the NAME of"
                " the variable that holds the secret (e.g. SHOP_AGENT_PASSWORD), never the value.",
            )
            return None
        return value

    def template(self, node: CommentedMap, key: str, where: str, text: str) -> None:
        """Refuse ``{placeholders}`` that are not plain names (``{0}``, ``{a.b}``, ``{x`` ...)."""
        problem = template_problem(text)
        if problem:
            self.problem(line_of(node, key), join(where, key), problem)

    def method(self, node: CommentedMap, where: str) -> None:
        method = str(node.get("method", "GET")).upper()
        if method not in METHODS:
            self.problem(
                line_of(node, "method"),
                f"{where}/method",
                f"unknown HTTP method '{node.get('method')}': use one of {', '.join(METHODS)}.",
            )

    def flag(self, node: CommentedMap, key: str, where: str, default: bool) -> bool:
        value = node.get(key, default)
        if not isinstance(value, bool):
            self.problem(line_of(node, key), f"{where}/{key}", "must be true or false.")
            return default
        return value

    def jsonpath(self, node: CommentedMap, key: str, where: str, text: str | None = None) -> None:
        from jsonpath_ng.exceptions import JsonPathLexerError, JsonPathParserError
        from jsonpath_ng.ext import parse

        try:
            parse(str(node[key]) if text is None else text)
        except (JsonPathLexerError, JsonPathParserError, Exception) as exc:  # the parser raises plain Exception too
            self.problem(line_of(node, key), f"{where}/{key}", jsonpath_problem(exc, str(node[key])) + ".")


def line_of(node: Any, key: Any) -> int:
    """The 1-based line of ``key`` in ``node`` (else of ``node`` itself)."""
    try:
        return int(node.lc.key(key)[0]) + 1
    except (AttributeError, KeyError, TypeError):
        return int(getattr(getattr(node, "lc", None), "line", 0) or 0) + 1


def join(where: str, key: str) -> str:
    return f"{where}/{key}" if where else key


def what(value: Any) -> str:
    if isinstance(value, CommentedMap):
        return "a mapping"
    if isinstance(value, CommentedSeq):
        return "a list"
    return f"{type(value).__name__} {value!r}"


def optional_text(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


def plain(value: Any) -> Any:
    """Ruamel's commented containers as plain dicts and lists, scalars as plain values."""
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    return value
