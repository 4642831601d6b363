"""How one fact is read from a touchpoint (``FactReader``), and the request an API touchpoint makes
(``RequestTemplate``): the typed leaves of a touchpoint map (:mod:`journeys.systems.touchpoint_map`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from journeys.systems.templates import fill_reader, placeholders

__all__ = ["MAIL_PARTS", "READERS", "FactReader", "RequestTemplate"]

READERS = ("testid", "css", "regex", "jsonpath")
MAIL_PARTS = ("text", "html")
"""The parts of a mail a fact can be read from (``part:``); by default every part present."""


@dataclass(frozen=True)
class FactReader:
    """How to read one fact from a touchpoint.

    Exactly one of ``testid``, ``css`` (pages), ``regex`` (mail text, page
    text) or ``jsonpath`` (JSON bodies) is set; each may hold ``{placeholders}``
    filled per customer (``filled``). ``optional``: the touchpoint
    shows the fact only in some states, so a journey does not fail at its
    end when it was not shown (rules that read it still do); ``only``
    names the moment it is shown after (``pickup order``, in lint's words of
    :mod:`journeys.vocabulary.moments`), and makes it optional. ``part``: the
    mail part it is read from (``text`` or ``html``; None: each part present,
    and they must agree). ``visible``: False reads hidden elements too (a
    closed tab).
    """

    fact: str
    kind: str
    testid: str | None = None
    css: str | None = None
    regex: str | None = None
    jsonpath: str | None = None
    many: bool = False
    line: int = 0
    attr: str | None = None
    currency_path: str | None = None
    optional: bool = False
    part: str | None = None
    visible: bool = True
    only: str | None = None

    @property
    def selector(self) -> str | None:
        """The CSS selector of a page reader (``testid`` spelled as CSS)."""
        if self.css:
            return self.css
        if self.testid:
            quoted = self.testid.replace("\\", "\\\\").replace('"', '\\"')
            return f'[data-testid="{quoted}"]'
        return None

    def placeholders(self) -> list[str]:
        """The ``{names}`` in this reader, in order."""
        return [name for r in READERS if (text := getattr(self, r)) for name in placeholders(text)]

    def filled(self, params: Mapping[str, Any], touchpoint: _Named) -> FactReader:
        """This reader with its ``{placeholders}`` filled from ``params`` (itself when it has none).

        Raises:
            ConfigError: a placeholder the journey does not know, naming the reader's line.
        """
        changes: dict[str, Any] = {
            r: fill_reader(text, r, params, where=f"{touchpoint.file}:{self.line}", touchpoint=touchpoint.name)
            for r in READERS
            if (text := getattr(self, r)) and placeholders(text)
        }
        return replace(self, **changes) if changes else self

    def describe(self) -> str:
        """The reader as written in the map, for messages: ``testid 'price'``."""
        for name in READERS:
            value = getattr(self, name)
            if value:
                return f"{name} '{value}'"
        return "no reader"


@dataclass(frozen=True)
class RequestTemplate:
    """An HTTP request with ``{placeholders}``, as an API touchpoint makes it."""

    method: str = "GET"
    path: str = "/"
    query: dict[str, str] = field(default_factory=dict)
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    token_env: str | None = None
    header: str | None = None


class _Named(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def file(self) -> str: ...
