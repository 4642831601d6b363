"""A parser's complaint told as what is wrong, where, and what to do.

YAML and JSONPath parsers say what their grammar expected ("expected ',' or
'}', but got ':'", "Parse error at 1:16 near token ]"), and YAML says it at
the point where it noticed, often the line after the mistake. These turn
them into the writer's terms, at the line the mistake is on.
"""

from __future__ import annotations

import re
from typing import Any

# What ruamel.yaml was reading when it failed -> (the mistake is on that line, what is wrong there).
_YAML_CONTEXTS = {
    "while parsing a flow mapping": "a { opened on this line is not closed (or a ',' is missing between its entries)",
    "while parsing a flow sequence": "a [ opened on this line is not closed (or a ',' is missing between its items)",
    "while scanning a simple key": "this line has no ':' after its key",
    "while scanning a quoted scalar": "a quote opened on this line is not closed",
}
_YAML_PROBLEMS = {
    "mapping values are not allowed here": "a second ':' on this line: put the value in quotes (\"...\")",
    "that cannot start any token": "a tab indents this line: indent with spaces",
    "expected <block end>": "this line is indented differently from the lines above it",
    "found '<stream end>'": "the file ends while a [, { or quote is still open: close it",
    "found undefined alias": "an * alias names an anchor (&) that is not defined",
}


def yaml_problem(exc: Any) -> tuple[int, str]:
    """The 1-based line of a ruamel.yaml ``MarkedYAMLError``'s mistake, and the mistake in plain words."""
    noticed = exc.problem_mark.line + 1 if getattr(exc, "problem_mark", None) else 1
    context = str(getattr(exc, "context", "") or "")
    for reading, said in _YAML_CONTEXTS.items():
        if context.startswith(reading) and getattr(exc, "context_mark", None):
            started = exc.context_mark.line + 1
            where = f" (YAML noticed it at line {noticed})" if noticed != started else ""
            return started, said + where
    problem = str(getattr(exc, "problem", "") or "")
    for found, said in _YAML_PROBLEMS.items():
        if found in problem:
            return noticed, said
    return noticed, problem or str(exc)


def jsonpath_problem(exc: BaseException, path: str) -> str:
    """A JSONPath parser's error as what is wrong, at which character, and what a JSONPath looks like."""
    text = str(exc)
    found = re.search(r"at \d+:(\d+) near token (.*?) \(", text)
    if found:
        column, token = int(found.group(1)), found.group(2)
        what = f"'{token}' at character {column + 1} is not expected there"
    elif not path.strip().startswith("$"):
        what = "it does not start at the root ($)"
    else:
        what = text.rstrip(".")
    return (
        f"not a valid JSONPath: {what} in {path}. A JSONPath reads like $.total, $.lines[*].price or"
        " $.items[?(@.sku == '{sku}')].price"
    )
