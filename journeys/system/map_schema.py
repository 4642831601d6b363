"""Validation of a touchpoint map's YAML: every problem with its file and line.

Walks ruamel.yaml's round-trip nodes (which know their line numbers) and
builds the plain dataclasses of ``touchpoint_map``. All problems of a map are
collected and raised together, sorted by line, each saying what to do.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError

from journeys.errors import ConfigError
from journeys.system.templates import NAME as _ENV_NAME
from journeys.system.templates import interpolate, subject_pattern, template_problem
from journeys.system.templates import strings as _strings
from journeys.system.touchpoint_map import (
    CHANNELS,
    KINDS,
    READERS,
    RESERVED_CHANNELS,
    FactReader,
    RequestTemplate,
    Touchpoint,
    TouchpointMap,
)
from journeys.system.touchpoint_map import (
    closest as _closest,
)

_TOP_KEYS = (
    "system",
    "title",
    "embedded",
    "base_url",
    "urls",
    "tasks",
    "timezone",
    "clock",
    "mail",
    "credentials",
    "vocabulary",
    "segments",
    "touchpoints",
)
_TOUCHPOINT_KEYS = ("channel", "url", "request", "subject", "ready", "facts")
_FACT_KEYS = ("testid", "css", "regex", "jsonpath", "kind", "many", "attr", "currency_path", "optional")
_REQUEST_KEYS = ("method", "path", "query", "body", "headers", "token_env", "header")
_CLOCK_KEYS = ("now", "set", "advance")
_CLOCK_ENDPOINT_KEYS = ("method", "path", "body", "read", "token_env", "header")
_MAIL_KEYS = {
    "capture": ("driver", "address"),
    "imap": ("driver", "address", "host", "port", "user_env", "password_env", "ssl", "folder"),
    "mailpit": ("driver", "address", "url"),
}
_LOGIN_KEYS = ("url", "user_field", "password_field", "submit")
_CREDENTIAL_KEYS = ("user_env", "password_env", "token_env", "login")
_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD")


def read_map(path: Path) -> TouchpointMap:
    """Read, parse and validate the map at ``path`` (see ``map_files.load_map``)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the touchpoint map ({exc.strerror}).") from exc
    try:
        document = YAML(typ="rt").load(text)
    except MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 1
        raise ConfigError(f"{path}:{line}: not valid YAML: {exc.problem}. Fix the YAML syntax there.") from exc
    return _Loader(path).load(document)


class _Loader:
    """Walks the YAML document, collecting every problem with its line."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[tuple[int, str]] = []

    def problem(self, line: int, key: str, message: str) -> None:
        self.problems.append((line, f"{self.path}:{line}: {key}: {message}"))

    def load(self, doc: Any) -> TouchpointMap:
        if not isinstance(doc, CommentedMap):
            raise ConfigError(f"{self.path}:1: the map must be a YAML mapping with `system:` and `touchpoints:`.")
        self.keys(doc, _TOP_KEYS, "")
        system = self.text(doc, "system", "", required=True) or self.path.stem
        base_url = self.interpolated(doc, "base_url", "")
        urls = self.channel_urls(doc)
        tasks = self.text(doc, "tasks", "")
        if tasks and not (self.path.parent / f"{tasks}.py").is_file():
            self.problem(
                _line(doc, "tasks"),
                "tasks",
                f"no task module {self.path.parent / (tasks + '.py')}: write it next to the map, or remove `tasks:`.",
            )
        timezone = self.text(doc, "timezone", "") or "UTC"
        try:
            ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError):
            self.problem(
                _line(doc, "timezone"),
                "timezone",
                f"unknown time zone '{timezone}': use an IANA name such as Europe/Amsterdam.",
            )
        touchpoints = self.touchpoints(doc)
        result = TouchpointMap(
            system=system,
            title=self.text(doc, "title", "") or system,
            path=self.path,
            embedded=self.text(doc, "embedded", ""),
            base_url=base_url or None,
            urls=urls,
            tasks=tasks,
            timezone=timezone,
            clock=self.clock(doc),
            mail=self.mail(doc),
            credentials=self.credentials(doc),
            vocabulary=self.vocabulary(doc),
            segments=self.segments(doc),
            touchpoints=touchpoints,
        )
        if self.problems:
            ordered = sorted(self.problems, key=lambda p: p[0])
            error = ConfigError("\n".join(message for _, message in ordered))
            error.file, error.line = str(self.path), ordered[0][0]
            raise error
        return result

    # -- generic checks ----------------------------------------------------

    def keys(self, node: CommentedMap, allowed: Iterable[str], where: str) -> None:
        allowed = tuple(allowed)
        for key in node:
            if key not in allowed:
                self.problem(
                    _line(node, key),
                    _join(where, str(key)),
                    f"unknown key.{_closest(str(key), allowed)} Valid here: {', '.join(allowed)}.",
                )

    def mapping(self, node: CommentedMap, key: str, where: str) -> CommentedMap | None:
        value = node.get(key)
        if value is None:
            return None
        if not isinstance(value, CommentedMap):
            self.problem(
                _line(node, key),
                _join(where, key),
                f"must be a mapping (key: value), not {_what(value)}.",
            )
            return None
        return value

    def text(self, node: CommentedMap, key: str, where: str, *, required: bool = False) -> str | None:
        value = node.get(key)
        if value is None:
            if required:
                self.problem(
                    _line(node, key) if key in node else node.lc.line + 1,
                    _join(where, key),
                    "missing: this key is required.",
                )
            return None
        if isinstance(value, (CommentedMap, CommentedSeq, bool)):
            self.problem(_line(node, key), _join(where, key), f"must be text, not {_what(value)}.")
            return None
        return str(value)

    def interpolated(self, node: CommentedMap, key: str, where: str) -> str | None:
        value = self.text(node, key, where)
        if value is None:
            return None
        try:
            return interpolate(value)
        except ValueError as exc:
            self.problem(_line(node, key), _join(where, key), str(exc))
            return None

    def env_name(self, node: CommentedMap, key: str, where: str) -> str | None:
        value = self.text(node, key, where)
        if value is not None and not _ENV_NAME.match(value):
            self.problem(
                _line(node, key),
                _join(where, key),
                f"'{value}' is not an environment variable name: the map holds only the NAME of"
                " the variable that holds the secret (e.g. SHOP_AGENT_PASSWORD), never the value.",
            )
            return None
        return value

    def template(self, node: CommentedMap, key: str, where: str, text: str) -> None:
        """Refuse ``{placeholders}`` that are not plain names (``{0}``, ``{a.b}``, ``{x`` ...)."""
        problem = template_problem(text)
        if problem:
            self.problem(_line(node, key), _join(where, key), problem)

    # -- sections ------------------------------------------------------------

    def channel_urls(self, doc: CommentedMap) -> dict[str, str]:
        node = self.mapping(doc, "urls", "")
        urls: dict[str, str] = {}
        if node is None:
            return urls
        self.keys(node, CHANNELS, "urls")
        for channel in node:
            value = self.interpolated(node, str(channel), "urls")
            if value:
                urls[str(channel)] = value
        return urls

    def clock(self, doc: CommentedMap) -> dict[str, dict[str, Any]]:
        node = self.mapping(doc, "clock", "")
        if node is None:
            return {}
        self.keys(node, _CLOCK_KEYS, "clock")
        clock: dict[str, dict[str, Any]] = {}
        for name in _CLOCK_KEYS:
            endpoint = self.mapping(node, name, "clock")
            if endpoint is None:
                continue
            where = f"clock/{name}"
            self.keys(endpoint, _CLOCK_ENDPOINT_KEYS, where)
            self.method(endpoint, where)
            route = self.text(endpoint, "path", where, required=True)
            if route:
                self.template(endpoint, "path", where, route)
            for text in _strings(endpoint.get("body")):
                problem = template_problem(text)
                if problem:
                    self.problem(_line(endpoint, "body"), f"{where}/body", problem)
            if endpoint.get("read"):
                self.jsonpath(endpoint, "read", where)
            self.env_name(endpoint, "token_env", where)
            clock[name] = _plain(endpoint)
        return clock

    def method(self, node: CommentedMap, where: str) -> None:
        method = str(node.get("method", "GET")).upper()
        if method not in _METHODS:
            self.problem(
                _line(node, "method"),
                f"{where}/method",
                f"unknown HTTP method '{node.get('method')}': use one of {', '.join(_METHODS)}.",
            )

    def mail(self, doc: CommentedMap) -> dict[str, Any]:
        node = self.mapping(doc, "mail", "")
        if node is None:
            return {"driver": "capture"}
        driver = str(node.get("driver", "capture"))
        if driver not in _MAIL_KEYS:
            self.problem(
                _line(node, "driver"),
                "mail/driver",
                f"unknown mail driver '{driver}'.{_closest(driver, _MAIL_KEYS)} Use one of {', '.join(_MAIL_KEYS)}.",
            )
            return {"driver": driver}
        self.keys(node, _MAIL_KEYS[driver], "mail")
        mail: dict[str, Any] = {"driver": driver}
        for key in node:
            if key in ("user_env", "password_env"):
                mail[key] = self.env_name(node, key, "mail")
            elif key in ("port",):
                try:
                    mail[key] = int(interpolate(str(node[key])))
                except ValueError:
                    self.problem(_line(node, key), "mail/port", f"'{node[key]}' is not a port number.")
            elif key == "ssl":
                mail[key] = bool(node[key])
            elif key != "driver":
                mail[str(key)] = self.interpolated(node, str(key), "mail")
        required = {"imap": ("host", "user_env", "password_env"), "mailpit": ("url",)}.get(driver, ())
        for key in required:
            if not mail.get(key):
                self.problem(
                    _line(node, key) if key in node else node.lc.line + 1,
                    f"mail/{key}",
                    f"the {driver} mail driver needs `{key}`"
                    + (" (empty after ${...} interpolation: set the variable)" if key in node else "."),
                )
        if driver == "imap":
            mail.setdefault("port", 143)
            mail.setdefault("ssl", False)
            mail.setdefault("folder", "INBOX")
        if mail.get("address") and "{key}" not in mail["address"]:
            self.problem(
                _line(node, "address"),
                "mail/address",
                "must contain {key} (the customer's key), so every customer gets a mailbox of"
                " its own:"
                " e.g. qa+{key}@example.com.",
            )
        return mail

    def credentials(self, doc: CommentedMap) -> dict[str, dict[str, Any]]:
        node = self.mapping(doc, "credentials", "")
        if node is None:
            return {}
        result: dict[str, dict[str, Any]] = {}
        for name in node:
            entry = self.mapping(node, str(name), "credentials")
            if entry is None:
                continue
            where = f"credentials/{name}"
            for key in entry:
                if key in ("user", "password", "token"):
                    self.problem(
                        _line(entry, key),
                        _join(where, str(key)),
                        f"secrets are not written in the map: use {key}_env with the NAME of an"
                        " environment variable that holds it.",
                    )
            self.keys(entry, [*_CREDENTIAL_KEYS, "user", "password", "token"], where)
            values: dict[str, Any] = {}
            for key in ("user_env", "password_env", "token_env"):
                if key in entry:
                    values[key] = self.env_name(entry, key, where)
            login = self.mapping(entry, "login", where)
            if login is not None:
                self.keys(login, _LOGIN_KEYS, f"{where}/login")
                self.text(login, "url", f"{where}/login", required=True)
                values["login"] = _plain(login)
            result[str(name)] = values
        return result

    def vocabulary(self, doc: CommentedMap) -> dict[str, dict[str, str]]:
        node = self.mapping(doc, "vocabulary", "")
        if node is None:
            return {}
        result: dict[str, dict[str, str]] = {}
        for category in node:
            words = self.mapping(node, str(category), "vocabulary")
            if words is None:
                continue
            result[str(category)] = {}
            for word, canonical in words.items():
                if not isinstance(canonical, str):
                    self.problem(
                        _line(words, word),
                        f"vocabulary/{category}/{word}",
                        f"must map to a canonical word (text), not {_what(canonical)}.",
                    )
                    continue
                result[str(category)][str(word)] = canonical
        return result

    def segments(self, doc: CommentedMap) -> list[str]:
        value = doc.get("segments")
        if value is None:
            return []
        if not isinstance(value, CommentedSeq) or not all(isinstance(s, str) for s in value):
            self.problem(
                _line(doc, "segments"),
                "segments",
                "must be a list of names, e.g. [student, senior].",
            )
            return []
        return [str(s) for s in value]

    # -- touchpoints ---------------------------------------------------------

    def touchpoints(self, doc: CommentedMap) -> dict[str, Touchpoint]:
        if "touchpoints" not in doc:
            self.problem(1, "touchpoints", "missing: a map needs at least one touchpoint.")
            return {}
        node = self.mapping(doc, "touchpoints", "")
        result: dict[str, Touchpoint] = {}
        for name in node or {}:
            tp_node = self.mapping(node, str(name), "touchpoints")  # type: ignore[arg-type]
            if tp_node is not None:
                tp = self.touchpoint(str(name), tp_node, _line(node, name))  # type: ignore[arg-type]
                if tp is not None:
                    result[str(name)] = tp
        return result

    def touchpoint(self, name: str, node: CommentedMap, line: int) -> Touchpoint | None:
        where = f"touchpoints/{name}"
        self.keys(node, _TOUCHPOINT_KEYS, where)
        channel = self.text(node, "channel", where, required=True)
        if channel is None:
            return None
        if channel in RESERVED_CHANNELS:
            self.problem(
                _line(node, "channel"),
                f"{where}/channel",
                f"channel '{channel}' is {RESERVED_CHANNELS[channel]}.",
            )
            return None
        if channel not in CHANNELS:
            self.problem(
                _line(node, "channel"),
                f"{where}/channel",
                f"unknown channel '{channel}'.{_closest(channel, CHANNELS)} Known: {', '.join(CHANNELS)}.",
            )
            return None
        url = self.text(node, "url", where)
        subject = self.text(node, "subject", where)
        request = self.request(node, where) if "request" in node else None
        self.shape(node, where, line, channel, url, subject, request)
        if url:
            self.template(node, "url", where, url)
        if subject:
            self.subject(node, where, subject)
        ready = self.text(node, "ready", where)
        reads = "page" if url else "json" if request else "mail" if channel == "email" else "page"
        facts: dict[str, FactReader] = {}
        facts_node = self.mapping(node, "facts", where)
        for fact in facts_node or {}:
            reader = self.fact(str(fact), facts_node, f"{where}/facts", reads)  # type: ignore[arg-type]
            if reader is not None:
                facts[str(fact)] = reader
        return Touchpoint(name, channel, url, request, subject, ready, facts, line, str(self.path))

    def shape(
        self,
        node: CommentedMap,
        where: str,
        line: int,
        channel: str,
        url: str | None,
        subject: str | None,
        request: RequestTemplate | None,
    ) -> None:
        """Each channel is reached one way: pages by url, mail by subject, APIs by request."""
        if channel == "email":
            if not subject:
                self.problem(
                    line,
                    where,
                    "an email touchpoint needs `subject:` (a regex the mail's subject"
                    " matches; {placeholders} are filled from what the journey knows).",
                )
            for key in ("url", "request", "ready"):
                if key in node:
                    self.problem(
                        _line(node, key),
                        f"{where}/{key}",
                        "not used by an email touchpoint: remove it.",
                    )
        elif channel in ("web", "agent"):
            if not url:
                self.problem(
                    line,
                    where,
                    f"a {channel} touchpoint needs `url:` (a path such as /product/{{sku}}).",
                )
            for key in ("request", "subject"):
                if key in node:
                    self.problem(
                        _line(node, key),
                        f"{where}/{key}",
                        f"not used by a {channel} touchpoint: remove it.",
                    )
        elif channel in ("api", "store"):
            if request is None and "request" not in node:
                self.problem(line, where, f"an {channel} touchpoint needs `request: {{method, path}}`.")
            for key in ("url", "subject", "ready"):
                if key in node:
                    self.problem(
                        _line(node, key),
                        f"{where}/{key}",
                        f"not used by an {channel} touchpoint (it has `request:`): remove it.",
                    )
        elif channel == "chat":
            if bool(url) == ("request" in node):
                self.problem(
                    line,
                    where,
                    "a chat touchpoint needs either `url:` (the chat widget on a page)"
                    " or `request:` (the chat API), not both.",
                )

    def request(self, node: CommentedMap, where: str) -> RequestTemplate | None:
        req = self.mapping(node, "request", where)
        if req is None:
            return None
        where = f"{where}/request"
        self.keys(req, _REQUEST_KEYS, where)
        self.method(req, where)
        route = self.text(req, "path", where, required=True) or "/"
        self.template(req, "path", where, route)
        query = self.mapping(req, "query", where)
        for key, value in (query or {}).items():
            self.template(query, key, f"{where}/query", str(value))  # type: ignore[arg-type]
        for text in _strings(req.get("body")):
            problem = template_problem(text)
            if problem:
                self.problem(_line(req, "body"), f"{where}/body", problem)
        headers = self.mapping(req, "headers", where)
        token_env = self.env_name(req, "token_env", where)
        if token_env and not req.get("header"):
            self.problem(
                _line(req, "token_env"),
                f"{where}/token_env",
                "says where the token comes from; add `header:` to say where it goes (e.g. Authorization).",
            )
        return RequestTemplate(
            method=str(req.get("method", "GET")).upper(),
            path=route,
            query={str(k): str(v) for k, v in (query or {}).items()},
            body=_plain(req.get("body")),
            headers={str(k): str(v) for k, v in (headers or {}).items()},
            token_env=token_env,
            header=self.text(req, "header", where),
        )

    def subject(self, node: CommentedMap, where: str, subject: str) -> None:
        try:
            re.compile(subject_pattern(subject, {}))
        except re.error as exc:
            self.problem(_line(node, "subject"), f"{where}/subject", f"not a valid regex: {exc}.")

    def fact(self, fact: str, facts: CommentedMap, where: str, reads: str) -> FactReader | None:
        node = facts.get(fact)
        line = _line(facts, fact)
        where = f"{where}/{fact}"
        if not isinstance(node, CommentedMap):
            self.problem(line, where, "must be a mapping such as {testid: price, kind: money}.")
            return None
        self.keys(node, _FACT_KEYS, where)
        readers = [r for r in READERS if node.get(r)]
        allowed = {"page": ("testid", "css", "regex"), "mail": ("regex",), "json": ("jsonpath",)}[reads]
        source = {"page": "a page", "mail": "a mail", "json": "a JSON body"}[reads]
        if not readers:
            self.problem(
                line,
                where,
                f"no reader: say how to read it from {source} with one of {', '.join(allowed)}.",
            )
        elif len(readers) > 1:
            self.problem(line, where, f"two readers ({', '.join(readers)}): keep one.")
        elif readers[0] not in allowed:
            self.problem(
                _line(node, readers[0]),
                f"{where}/{readers[0]}",
                f"cannot read {source} with {readers[0]}: use {' or '.join(allowed)}.",
            )
        if node.get("regex"):
            try:
                compiled = re.compile(str(node["regex"]))
                if compiled.groups > 1 and "value" not in compiled.groupindex:
                    self.problem(
                        _line(node, "regex"),
                        f"{where}/regex",
                        "has several groups: name the one"
                        " holding the value (?P<value>...), or make the others (?:...).",
                    )
            except re.error as exc:
                self.problem(_line(node, "regex"), f"{where}/regex", f"not a valid regex: {exc}.")
        for key in ("jsonpath", "currency_path"):
            if node.get(key):
                self.jsonpath(node, key, where)
        kind = self.text(node, "kind", where) or "text"
        if kind not in KINDS:
            self.problem(
                _line(node, "kind"),
                f"{where}/kind",
                f"unknown kind '{kind}'.{_closest(kind, KINDS)} Kinds: {', '.join(KINDS)}.",
            )
        flags: dict[str, Any] = {}
        for flag in ("many", "optional"):
            flags[flag] = node.get(flag, False)
            if not isinstance(flags[flag], bool):
                self.problem(_line(node, flag), f"{where}/{flag}", "must be true or false.")
        return FactReader(
            fact=fact,
            kind=kind,
            testid=_opt(node.get("testid")),
            css=_opt(node.get("css")),
            regex=_opt(node.get("regex")),
            jsonpath=_opt(node.get("jsonpath")),
            many=flags["many"] is True,
            line=line,
            attr=_opt(node.get("attr")),
            currency_path=_opt(node.get("currency_path")),
            optional=flags["optional"] is True,
        )

    def jsonpath(self, node: CommentedMap, key: str, where: str) -> None:
        from jsonpath_ng.exceptions import JsonPathLexerError, JsonPathParserError
        from jsonpath_ng.ext import parse

        try:
            parse(str(node[key]))
        except (
            JsonPathLexerError,
            JsonPathParserError,
            Exception,
        ) as exc:  # the parser raises plain Exception too
            self.problem(_line(node, key), f"{where}/{key}", f"not a valid JSONPath: {exc}.")


def _line(node: Any, key: Any) -> int:
    try:
        return int(node.lc.key(key)[0]) + 1
    except (AttributeError, KeyError, TypeError):
        return int(getattr(getattr(node, "lc", None), "line", 0) or 0) + 1


def _join(where: str, key: str) -> str:
    return f"{where}/{key}" if where else key


def _what(value: Any) -> str:
    if isinstance(value, CommentedMap):
        return "a mapping"
    if isinstance(value, CommentedSeq):
        return "a list"
    return f"{type(value).__name__} {value!r}"


def _opt(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


def _plain(value: Any) -> Any:
    """Ruamel's commented containers as plain dicts and lists, scalars as plain values."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    return value
