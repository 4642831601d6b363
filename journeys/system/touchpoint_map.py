"""The touchpoint map: where a system's touchpoints are and how to read each fact.

A map is YAML (a project's ``fixtures/systems/<system>.yaml``, or one shipped in
``journeys/systems/``; documented in
``docs/new-system.md``). It is loaded with ruamel.yaml's round-trip loader so
that every problem can be reported as ``file:line: key: message`` with what
to do about it; all problems of a map are reported at once. What comes out
is plain typed data: the drivers read ``Touchpoint`` and ``FactReader``,
never YAML nodes.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from journeys.errors import ConfigError
from journeys.system.templates import placeholders, strings

KINDS = ("money", "date", "order_ref", "status", "text", "name", "address", "count")
"""Kinds of fact a reader can declare; the values package normalizes each kind."""

CHANNELS = ("web", "email", "api", "agent", "chat", "store")
"""Channels a touchpoint can be on."""

RESERVED_CHANNELS = {"sms": "not supported yet: there is no SMS driver; leave SMS touchpoints out for now"}

PAGE_CHANNELS = ("web", "agent", "chat")
REQUEST_CHANNELS = ("api", "store", "chat")
READERS = ("testid", "css", "regex", "jsonpath")


@dataclass(frozen=True)
class FactReader:
    """How to read one fact from a touchpoint.

    Exactly one of ``testid``, ``css`` (pages), ``regex`` (mail text, page
    text) or ``jsonpath`` (JSON bodies) is set. ``optional``: the touchpoint
    shows the fact only in some states, so a journey does not fail at its
    end when it was not shown (rules that read it still do).
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

    @property
    def selector(self) -> str | None:
        """The CSS selector of a page reader (``testid`` spelled as CSS)."""
        if self.css:
            return self.css
        if self.testid:
            return f'[data-testid="{self.testid}"]'
        return None

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


@dataclass(frozen=True)
class Touchpoint:
    """One named place where customer and company meet, on one channel."""

    name: str
    channel: str
    url: str | None = None
    request: RequestTemplate | None = None
    subject: str | None = None
    ready: str | None = None
    facts: dict[str, FactReader] = field(default_factory=dict)
    line: int = 0
    file: str = ""

    @property
    def where(self) -> str:
        """``file:line`` of this touchpoint in its map."""
        return f"{self.file}:{self.line}"

    def placeholders(self) -> list[str]:
        """The ``{names}`` this touchpoint needs filled in, in order of appearance."""
        texts: list[str] = [self.url or "", self.subject or ""]
        if self.request:
            texts += [self.request.path, *self.request.query.values(), *strings(self.request.body)]
        names: list[str] = []
        for text in texts:
            for name in placeholders(text):
                if name not in names:
                    names.append(name)
        return names


@dataclass(frozen=True)
class TouchpointMap:
    """A system as the harness sees it: where its touchpoints are, how to read them."""

    system: str
    title: str
    path: Path
    embedded: str | None
    base_url: str | None
    urls: dict[str, str]
    tasks: str | None
    timezone: str
    clock: dict[str, dict[str, Any]]
    mail: dict[str, Any]
    credentials: dict[str, dict[str, Any]]
    vocabulary: dict[str, dict[str, str]]
    segments: list[str]
    touchpoints: dict[str, Touchpoint]

    def touchpoint(self, name: str) -> Touchpoint:
        """The touchpoint called ``name``; unknown names fail with the closest known one."""
        try:
            return self.touchpoints[name]
        except KeyError:
            raise ConfigError(
                f"{self.path}: no touchpoint '{name}' in the map of"
                f" {self.system}.{closest(name, self.touchpoints)}"
                f" Known: {', '.join(sorted(self.touchpoints))}. Add it under `touchpoints:` or"
                " fix the name."
            ) from None

    def url_for(self, channel: str, base_url: str | None = None) -> str | None:
        """Base URL of ``channel``: its ``urls:`` override, else ``base_url``, else the map's."""
        url = self.urls.get(channel) or base_url or self.base_url
        return url.rstrip("/") if url else None

    @property
    def tasks_path(self) -> Path | None:
        """The task module next to the map (``<tasks>.py``), when the map names one."""
        return self.path.parent / f"{self.tasks}.py" if self.tasks else None

    def secret_env_names(self) -> list[str]:
        """Environment variables holding secrets: passwords and tokens, never user names."""
        names: list[str] = []
        for entry in self.credentials.values():
            names += [entry[k] for k in ("password_env", "token_env") if entry.get(k)]
        for endpoint in self.clock.values():
            if endpoint.get("token_env"):
                names.append(endpoint["token_env"])
        if self.mail.get("password_env"):
            names.append(self.mail["password_env"])
        for tp in self.touchpoints.values():
            if tp.request and tp.request.token_env:
                names.append(tp.request.token_env)
        return sorted(set(names))


def closest(word: str, candidates: Iterable[str]) -> str:
    """`` Did you mean 'x'?`` for the candidate closest to ``word``, or empty."""
    match = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f" Did you mean '{match[0]}'?" if match else ""
