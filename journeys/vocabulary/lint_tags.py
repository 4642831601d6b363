"""The tags a journey may carry (``journeys lint``, ``--tags``): run and channel tags, and a project's own.

A project registers its own under ``[tool.journeys] tags`` in ``pyproject.toml``;
lint names a tag that is not registered, with the closest one that is.
"""

from __future__ import annotations

import difflib
import tomllib
from pathlib import Path
from typing import Any

from journeys.errors import ConfigError

__all__ = ["CHANNEL_TAGS", "RUN_TAGS", "registered_tags", "unknown_tags"]

#: Tags every project may use: how a journey is run, and the channels it crosses.
RUN_TAGS = frozenset({"gate", "nightly", "slow"})
CHANNEL_TAGS = frozenset({"web", "email", "app", "api", "chat", "agent", "store", "returns", "phone", "sms"})


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


def unknown_tags(tags: list[dict[str, Any]], known: frozenset[str]) -> list[tuple[int, str]]:
    """``(line, message)`` for each of Gherkin's ``tags`` that is not ``known``, saying what to write instead."""
    found: list[tuple[int, str]] = []
    for tag in tags:
        name = tag["name"].lstrip("@")
        if name in known:
            continue
        close = difflib.get_close_matches(name, known, n=1)
        hint = f"did you mean '@{close[0]}'? Or use" if close else "use"
        found.append(
            (
                tag["location"]["line"],
                f"unknown tag '@{name}': {hint} one of "
                f"{', '.join('@' + t for t in sorted(known))}, "
                "or register it in pyproject.toml under [tool.journeys] tags",
            )
        )
    return found
