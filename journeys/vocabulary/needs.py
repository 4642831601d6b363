"""What a step needs of a system: the tasks it runs and the touchpoints it reads.

A step's contract with the systems it is walked on: ``journeys steps``
prints it, ``journeys lint --system X`` checks it against X's map and tasks.
A step declares it (``@vocabulary.when(..., needs=("task:place order",
"web.order_confirmation"))``) or it is read from the step function itself:
the task names in ``journey.do("...")`` and the touchpoint names in
``journey.visit("...")``, ``read``, ``known_at``, ``expect``,
``expect_shown``, ``parity`` and ``PromiseCheck("...")``, as written.

Needs are strings: ``task:<name>`` for a task, a touchpoint name otherwise,
and ``{touchpoint}`` for the touchpoint a step's parameter names.
"""

from __future__ import annotations

import ast
import inspect
import textwrap
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["TASK", "TaskBody", "infer", "read_tasks", "split", "task_names"]

TASK = "task:"
_TOUCHPOINT_CALLS = ("visit", "visit_when_sent", "read", "known_at", "expect", "expect_shown", "waiting")


def infer(func: Callable[..., Any] | None) -> tuple[str, ...]:
    """The tasks and touchpoints ``func``'s body names as literal strings, in order."""
    if func is None:
        return ()
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(func)))
    except (OSError, TypeError, SyntaxError):
        return ()
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            found += _named_by(node)
    return tuple(dict.fromkeys(found))


def _named_by(call: ast.Call) -> list[str]:
    name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
    first = _text(call.args[0]) if call.args else None
    keyword = next((_text(k.value) for k in call.keywords if k.arg == "touchpoint"), None)
    found = [keyword] if keyword else []
    if name == "do" and first:
        found.append(TASK + first)
    elif name in _TOUCHPOINT_CALLS and first:
        found.append(first)
    elif name == "PromiseCheck" and first:
        found.append(first)
    elif name == "parity" and len(call.args) > 1 and isinstance(call.args[1], ast.Tuple):
        found += [text for element in call.args[1].elts if (text := _text(element))]
    return found


def _text(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def split(needs: Iterable[str]) -> tuple[list[str], list[str]]:
    """``(tasks, touchpoints)`` of ``needs``."""
    tasks = [need[len(TASK) :] for need in needs if need.startswith(TASK)]
    touchpoints = [need for need in needs if not need.startswith(TASK)]
    return tasks, touchpoints


def task_names(path: Path) -> set[str]:
    """The task names a task module registers (``@task("place order")``), read without importing it."""
    return set(read_tasks(path))


@dataclass(frozen=True)
class TaskBody:
    """What a task's body (with the module functions it calls) names, read without running it."""

    strings: frozenset[str]  # every string it names: among them, the touchpoints it visits
    inputs: frozenset[str]  # what it may record the customer giving (``journey.gave("email", ...)``)


def read_tasks(path: Path) -> dict[str, TaskBody]:
    """Each task of a task module, read once and without importing it.

    ``inputs``: the literal of each ``journey.gave("email", ...)``; for ``gave(what, ...)`` in a loop,
    the keys of the dicts the task's functions write (what it fills in), or else every string they name.
    """
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, UnicodeDecodeError):
        return {}
    functions = {node.name: node for node in tree.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))}
    found: dict[str, TaskBody] = {}
    for node in functions.values():
        name = _task_name(node)
        if name is None:
            continue
        reached = _reached(node, functions)
        strings = frozenset().union(*(_strings_of(function) for function in reached))
        keys = {
            text for f in reached for d in ast.walk(f) if isinstance(d, ast.Dict) for k in d.keys if (text := _key(k))
        }
        inputs: set[str] = set()
        for call in (n for function in reached for n in ast.walk(function) if isinstance(n, ast.Call)):
            if isinstance(call.func, ast.Attribute) and call.func.attr == "gave" and call.args:
                literal = _text(call.args[0])
                # In a loop: over a dict of what she fills in, its keys; else any string the task names
                # (not "case.number", which the page showed her and the task only read).
                inputs |= {literal} if literal else (keys or strings)
        found[name] = TaskBody(strings, frozenset(inputs))
    return found


def _task_name(node: ast.FunctionDef | ast.AsyncFunctionDef) -> str | None:
    """The name ``@task("...")`` registers the function under, if it is a task."""
    for decorator in node.decorator_list:
        if isinstance(decorator, ast.Call) and decorator.args:
            callee = decorator.func
            called = callee.attr if isinstance(callee, ast.Attribute) else getattr(callee, "id", "")
            if called == "task" and (text := _text(decorator.args[0])):
                return " ".join(text.split()).lower()
    return None


def _reached(function: ast.AST, functions: Mapping[str, ast.AST]) -> list[ast.AST]:
    """``function`` and the module functions it calls, transitively."""
    found: list[ast.AST] = []
    todo = [function]
    while todo:
        node = todo.pop()
        if any(node is seen for seen in found):
            continue
        found.append(node)
        todo += [
            functions[c.func.id]
            for c in ast.walk(node)
            if isinstance(c, ast.Call) and isinstance(c.func, ast.Name) and c.func.id in functions
        ]
    return found


def _key(node: ast.expr | None) -> str | None:
    """A dict key written as a string (``None`` for ``**spread``)."""
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _strings_of(function: ast.AST) -> set[str]:
    return {n.value for n in ast.walk(function) if isinstance(n, ast.Constant) and isinstance(n.value, str)}
