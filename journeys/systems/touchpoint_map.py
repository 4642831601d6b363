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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, NamedTuple

from journeys.errors import ConfigError
from journeys.systems.fact_reader import FactReader, RequestTemplate
from journeys.systems.templates import placeholders, strings

KINDS = ("money", "date", "order_ref", "status", "text", "name", "address", "count")
"""Kinds of fact a reader can declare; the values package normalizes each kind."""

CHANNELS = ("web", "email", "api", "agent", "chat", "store")
"""Channels a touchpoint can be on."""

RESERVED_CHANNELS = {"sms": "not supported yet: there is no SMS driver; leave SMS touchpoints out for now"}

PAGE_CHANNELS = ("web", "agent", "chat")
REQUEST_CHANNELS = ("api", "store", "chat")


@dataclass(frozen=True)
class Touchpoint:
    """One named place where customer and company meet, on one channel.

    ``role``: on the agent channel, which staff login (``credentials:`` entry) reads it.
    ``system``: the system whose map it is in (a run may load several).
    """

    name: str
    channel: str
    url: str | None = None
    request: RequestTemplate | None = None
    subject: str | None = None
    ready: str | None = None
    facts: dict[str, FactReader] = field(default_factory=dict)
    line: int = 0
    file: str = ""
    role: str | None = None
    system: str = ""

    @property
    def where(self) -> str:
        """``file:line`` of this touchpoint in its map."""
        return f"{self.file}:{self.line}"

    @property
    def of_product(self) -> bool:
        """A product's own page (its address names ``{sku}``): what it shows holds for that product, if
        ordered now; a form that posts a ``{sku}`` (a sale) is about her order instead."""
        address = [self.url or ""]
        if self.request:
            address += [self.request.path, *self.request.query.values()]
        return any("sku" in placeholders(text) for text in address)

    @property
    def of_parcel(self) -> bool:
        """One parcel's own touchpoint (its address or mail subject names ``{parcel}``): what it shows is
        about that parcel of her order, compared with what was shown of the same parcel only."""
        address = [self.url or "", self.subject or ""]
        if self.request:
            address += [self.request.path, *self.request.query.values()]
        return any("parcel" in placeholders(text) for text in address)

    def placeholders(self) -> list[str]:
        """The ``{names}`` this touchpoint needs filled in, in order of appearance."""
        texts: list[str] = [self.url or "", self.subject or ""]
        if self.request:
            texts += [
                self.request.path,
                *self.request.query.values(),
                *self.request.headers.values(),
                *strings(self.request.body),
            ]
        names: list[str] = []
        for text in texts:
            for name in placeholders(text):
                if name not in names:
                    names.append(name)
        for reader in self.facts.values():
            names += [name for name in reader.placeholders() if name not in names]
        return names

    def filled(self, params: Mapping[str, Any]) -> Touchpoint:
        """This touchpoint with the ``{placeholders}`` of its readers filled (``FactReader.filled``)."""
        if not any(reader.placeholders() for reader in self.facts.values()):
            return self
        return replace(self, facts={fact: r.filled(params, self) for fact, r in self.facts.items()})


@dataclass(frozen=True)
class FactWords:
    """A fact a map declares itself (``facts:`` at the top): its words and kind.

    ``en`` / ``nl``: the words writers use for it (``ticket reference``, ``het ticketnummer``);
    ``promise``: it is a deadline the company commits to (an answer-by date); ``check``: where
    and how it shows kept (``{touchpoint, fact, equals}``; no ``equals``: the fact is shown).
    """

    fact: str
    kind: str = "text"
    en: tuple[str, ...] = ()
    nl: tuple[str, ...] = ()
    promise: bool = False
    line: int = 0
    check: dict[str, str] | None = None


class UnsetVariable(NamedTuple):
    """A ``${NAME}`` without a default that was not set when the map was read: where, and under which key."""

    name: str
    line: int
    key: str  # base_url, mail/port, touchpoints/helpdesk.complaint_form/url...


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
    segments: dict[str, str]  # segment name -> the built-in persona customers of it get
    touchpoints: dict[str, Touchpoint]
    accounts: dict[str, dict[str, Any]] = field(default_factory=dict)
    facts: dict[str, FactWords] = field(default_factory=dict)
    fields: dict[str, str] = field(default_factory=dict)  # form field -> what it asks for (``fields:``)
    unset: tuple[UnsetVariable, ...] = ()  # its ``${NAME}`` the variables it was read with did not set

    def fact_words(self) -> dict[str, str]:
        """The map's own words for facts, both languages, lower case -> fact name."""
        found: dict[str, str] = {}
        for declared in self.facts.values():
            for words in (*declared.en, *declared.nl):
                found[words.lower()] = declared.fact
        return found

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
        """The (first) task module next to the map (``<tasks>.py``), when the map names one."""
        return next(iter(self.tasks_paths), None)

    @property
    def tasks_paths(self) -> list[Path]:
        """Every task module next to the map (``tasks:`` may name several: ``shop_tasks, shop_service_tasks``)."""
        return [self.path.parent / f"{name}.py" for name in (self.tasks or "").split(", ") if name]

    def unset_problems(self, *, base_url_given: bool = False) -> list[str]:
        """Each ``${NAME}`` the session needs and the variables did not set, as ``file:line: key: ...``
        (``base_url`` not, when the address is given or the map's embedded system is started instead)."""
        return [
            f"{self.path}:{each.line}: {each.key}: ${{{each.name}}} is not set. Set {each.name} in the"
            f" environment journeys starts in (export {each.name}=...), or give the map a default:"
            f" ${{{each.name}:-...}}."
            for each in self.unset
            if not (each.key == "base_url" and (base_url_given or self.embedded))
        ]

    def secret_env_names(self) -> list[str]:
        """Environment variables holding secrets: passwords and tokens, never user names."""
        names: list[str] = []
        for entry in (*self.credentials.values(), *self.accounts.values()):
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
