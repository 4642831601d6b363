"""Bind feature files to pytest tests, one file at a time.

pytest-bdd's ``scenarios()`` parses every file at once, so one malformed
feature stops the whole suite from being collected. Here each file is bound on
its own: a file that cannot be read becomes one failing test that says where
and why, and every other journey still runs.
"""

from __future__ import annotations

import os
import re
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

from pytest_bdd import scenario
from pytest_bdd.feature import get_feature

from journeys.errors import FeatureFileError


def bind_features(namespace: MutableMapping[str, Any], paths: str | Path) -> int:
    """Add a test to ``namespace`` for every scenario of the feature files in ``paths``.

    ``paths`` is a feature file or a folder, or several joined by ``os.pathsep``.
    Returns the number of feature files bound.
    """
    files = []
    for part in str(paths).split(os.pathsep):
        root = Path(part).resolve()
        files += [root] if root.is_file() else sorted(root.rglob("*.feature"))
    for path in files:
        try:
            feature = get_feature(str(path.parent), path.name)
        except Exception as exc:  # noqa: BLE001 - pytest-bdd raises several kinds
            _add_broken(namespace, path, problem_of(path, exc))
            continue
        if not feature.scenarios:
            _add_broken(namespace, path, f"{_rel(path)}:1: no scenarios: add a Scenario or remove the file")
            continue
        for name in feature.scenarios:

            @scenario(str(path), name, features_base_dir=str(path.parent))
            def _journey() -> None:
                pass

            namespace[_unique(namespace, f"test_{_slug(path.stem)}__{_slug(name)}")] = _journey
    return len(files)


def problem_of(path: Path, exc: Exception) -> str:
    """``file:line: message`` of a Gherkin parse error."""
    if isinstance(exc, KeyError) or not path.read_text(encoding="utf-8").strip():
        return f"{_rel(path)}:1: empty feature file: write a Feature with a Scenario or remove the file"
    line = getattr(exc, "line", None) or _line_in(str(exc))
    text = str(getattr(exc, "message", "") or exc).strip().splitlines()[0]
    content = getattr(exc, "line_content", "")
    where = f"{_rel(path)}:{line}" if line else _rel(path)
    return f"{where}: {text}" + (f" -> {content.strip()!r}" if content else "")


def _add_broken(namespace: MutableMapping[str, Any], path: Path, message: str) -> None:
    def _unreadable_feature() -> None:
        raise FeatureFileError(message)

    namespace[_unique(namespace, f"test_{_slug(path.stem)}__unreadable")] = _unreadable_feature


def _line_in(message: str) -> int | None:
    found = re.search(r"\((\d+):\d+\)|line (\d+)", message)
    return int(found.group(1) or found.group(2)) if found else None


def _rel(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _slug(text: str) -> str:
    return re.sub(r"\W+", "_", text.lower(), flags=re.UNICODE).strip("_")


def _unique(namespace: MutableMapping[str, Any], name: str) -> str:
    candidate, n = name, 1
    while candidate in namespace:
        n += 1
        candidate = f"{name}_{n}"
    return candidate
