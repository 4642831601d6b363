"""Tags: the tags a journey may carry (``journeys lint``), and ``--tags`` expressions that choose by them.

Run and channel tags are everyone's; a project registers its own under
``[tool.journeys] tags`` in ``pyproject.toml``; lint names a tag that is not
registered, with the closest one that is. ``--tags`` is a Cucumber tag
expression, with the ``@`` optional (``gate and not slow``), shared by the
pytest run (:mod:`journeys.plugin.selection`) and the dry run, so both
choose the same journeys.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from pathlib import Path
from typing import Any

from journeys.errors import ConfigError

__all__ = ["CHANNEL_TAGS", "RUN_TAGS", "parse_tags", "registered_tags", "tags_named", "unknown_tags", "with_at_signs"]

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


_BARE_TAG = re.compile(r"(?<![@\w])(?!(?:and|or|not)\b)([\w.-]+)")


def with_at_signs(text: str) -> str:
    """``gate and not slow`` -> ``@gate and not @slow`` (what Cucumber's parser reads)."""
    return _BARE_TAG.sub(r"@\1", text.replace("\\", ""))


def tags_named(text: str) -> list[str]:
    """The tags an expression names, without ``@``."""
    return re.findall(r"@([\w.-]+)", with_at_signs(text))


def parse_tags(text: str) -> Any:
    """The expression, with ``evaluate([\"@tag\", ...])``.

    Raises:
        ValueError: not a tag expression (the message quotes it and says why).
    """
    from cucumber_tag_expressions import parse
    from cucumber_tag_expressions.parser import TagExpressionError

    try:
        return parse(with_at_signs(text))
    except TagExpressionError as exc:
        raise ValueError(f"--tags {text!r} is not a tag expression: {exc}") from None
