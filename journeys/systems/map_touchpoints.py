"""Validation of a map's ``touchpoints:``: how each is reached and how each fact is read."""

from __future__ import annotations

import re

from ruamel.yaml.comments import CommentedMap

from journeys.systems.fact_reader import MAIL_PARTS, READERS, FactReader, RequestTemplate
from journeys.systems.map_sections import Sections
from journeys.systems.map_yaml import line_of, optional_text, plain
from journeys.systems.templates import PLACEHOLDER, subject_pattern, template_problem
from journeys.systems.templates import strings as all_strings
from journeys.systems.touchpoint_map import (
    CHANNELS,
    KINDS,
    RESERVED_CHANNELS,
    FactWords,
    Touchpoint,
    closest,
)

_TOUCHPOINT_KEYS = ("channel", "url", "request", "subject", "ready", "role", "facts")
_FACT_KEYS = (*READERS, "kind", "many", "attr", "currency_path", "optional", "only", "part", "visible")
_REQUEST_KEYS = ("method", "path", "query", "body", "headers", "token_env", "header")


class Touchpoints(Sections):
    """The checks of ``touchpoints:``; ``declared`` are the map's own facts (their kinds)."""

    declared: dict[str, FactWords]
    system: str

    def touchpoints(self, doc: CommentedMap) -> dict[str, Touchpoint]:
        if "touchpoints" not in doc:
            self.problem(1, "touchpoints", "missing: a map needs at least one touchpoint.")
            return {}
        node = self.mapping(doc, "touchpoints", "")
        result: dict[str, Touchpoint] = {}
        for name in node or {}:
            tp_node = self.mapping(node, str(name), "touchpoints")  # type: ignore[arg-type]
            if tp_node is not None:
                tp = self.touchpoint(str(name), tp_node, line_of(node, name))
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
                line_of(node, "channel"), f"{where}/channel", f"channel '{channel}' is {RESERVED_CHANNELS[channel]}."
            )
            return None
        if channel not in CHANNELS:
            self.problem(
                line_of(node, "channel"),
                f"{where}/channel",
                f"unknown channel '{channel}'.{closest(channel, CHANNELS)} Known: {', '.join(CHANNELS)}.",
            )
            return None
        url = self.url(node, "url", where)  # ${ENV} expanded here like every other address of the map
        subject = self.text(node, "subject", where)
        request = self.request(node, where) if "request" in node else None
        self.shape(node, where, line, channel, url, subject, request)
        if subject:
            self.subject(node, where, subject)
        role = self.text(node, "role", where)
        if role and channel != "agent":
            self.problem(line_of(node, "role"), f"{where}/role", "only an agent touchpoint is read by a staff role.")
        reads = "page" if url else "json" if request else "mail" if channel == "email" else "page"
        facts: dict[str, FactReader] = {}
        facts_node = self.mapping(node, "facts", where)
        for fact in facts_node or {}:
            reader = self.fact(str(fact), facts_node, f"{where}/facts", reads)  # type: ignore[arg-type]
            if reader is not None:
                facts[str(fact)] = reader
        ready = self.text(node, "ready", where)
        return Touchpoint(name, channel, url, request, subject, ready, facts, line, str(self.path), role, self.system)

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
        unused: tuple[str, ...] = ()
        article = "an" if channel in ("email", "api", "agent") else "a"
        if channel == "email":
            if not subject:
                self.problem(
                    line,
                    where,
                    "an email touchpoint needs `subject:` (a regex the mail's subject"
                    " matches; {placeholders} are filled from what the journey knows).",
                )
            unused = ("url", "request", "ready")
        elif channel in ("web", "agent"):
            if not url:
                self.problem(line, where, f"a {channel} touchpoint needs `url:` (a path such as /product/{{sku}}).")
            unused = ("request", "subject")
        elif channel in ("api", "store"):
            if request is None and "request" not in node:
                self.problem(line, where, f"an {channel} touchpoint needs `request: {{method, path}}`.")
            unused = ("url", "subject", "ready")
        elif channel == "chat" and bool(url) == ("request" in node):
            self.problem(
                line,
                where,
                "a chat touchpoint needs either `url:` (the chat widget on a page)"
                " or `request:` (the chat API), not both.",
            )
        for key in unused:
            if key in node:
                self.problem(
                    line_of(node, key), f"{where}/{key}", f"not used by {article} {channel} touchpoint: remove it."
                )

    def request(self, node: CommentedMap, where: str) -> RequestTemplate | None:
        req = self.mapping(node, "request", where)
        if req is None:
            return None
        where = f"{where}/request"
        self.keys(req, _REQUEST_KEYS, where)
        self.method(req, where)
        route = self.url(req, "path", where, required=True) or "/"
        query = self.mapping(req, "query", where)
        for key, value in (query or {}).items():
            self.template(query, key, f"{where}/query", str(value))  # type: ignore[arg-type]
        for text in all_strings(req.get("body")):
            problem = template_problem(text)
            if problem:
                self.problem(line_of(req, "body"), f"{where}/body", problem)
        headers = self.mapping(req, "headers", where)
        token_env = self.env_name(req, "token_env", where)
        if token_env and not req.get("header"):
            self.problem(
                line_of(req, "token_env"),
                f"{where}/token_env",
                "says where the token comes from; add `header:` to say where it goes (e.g. Authorization).",
            )
        return RequestTemplate(
            method=str(req.get("method", "GET")).upper(),
            path=route,
            query={str(k): str(v) for k, v in (query or {}).items()},
            body=plain(req.get("body")),
            headers={str(k): str(v) for k, v in (headers or {}).items()},
            token_env=token_env,
            header=self.text(req, "header", where),
        )

    def subject(self, node: CommentedMap, where: str, subject: str) -> None:
        try:
            re.compile(subject_pattern(subject, {}))
        except re.error as exc:
            self.problem(line_of(node, "subject"), f"{where}/subject", f"not a valid regex: {exc}.")

    def fact(self, fact: str, facts: CommentedMap, where: str, reads: str) -> FactReader | None:
        node = facts.get(fact)
        line = line_of(facts, fact)
        where = f"{where}/{fact}"
        if not isinstance(node, CommentedMap):
            self.problem(line, where, "must be a mapping such as {testid: price, kind: money}.")
            return None
        self.keys(node, _FACT_KEYS, where)
        self.reader(node, line, where, reads)
        declared = self.declared.get(fact)
        kind = self.text(node, "kind", where) or (declared.kind if declared else "text")
        if kind not in KINDS:
            self.problem(
                line_of(node, "kind"),
                f"{where}/kind",
                f"unknown kind '{kind}'.{closest(kind, KINDS)} Kinds: {', '.join(KINDS)}.",
            )
        elif declared and kind != declared.kind:
            self.problem(
                line_of(node, "kind"),
                f"{where}/kind",
                f"{fact} is declared as {declared.kind} under `facts:` (line {declared.line}): read it as that kind.",
            )
        part = self.text(node, "part", where)
        if part is not None and (reads != "mail" or part not in MAIL_PARTS):
            self.problem(
                line_of(node, "part"),
                f"{where}/part",
                f"'{part}': a mail fact is read from part text or html (leave it out: every part, and they must agree)."
                if reads == "mail"
                else "only a mail's facts are read from a part.",
            )
            part = None
        flags = {flag: self.flag(node, flag, where, default) for flag, default in _FLAGS.items()}
        only = self.text(node, "only", where)
        return FactReader(
            fact=fact,
            kind=kind,
            testid=optional_text(node.get("testid")),
            css=optional_text(node.get("css")),
            regex=optional_text(node.get("regex")),
            jsonpath=optional_text(node.get("jsonpath")),
            many=flags["many"],
            line=line,
            attr=optional_text(node.get("attr")),
            currency_path=optional_text(node.get("currency_path")),
            optional=flags["optional"] or only is not None,
            part=part,
            visible=flags["visible"],
            only=" ".join(only.split()) if only else None,
        )

    def reader(self, node: CommentedMap, line: int, where: str, reads: str) -> None:
        """Exactly one reader that fits the channel; regexes and JSONPaths compile with placeholders filled."""
        allowed = {"page": ("testid", "css", "regex"), "mail": ("regex",), "json": ("jsonpath",)}[reads]
        source = {"page": "a page", "mail": "a mail", "json": "a JSON body"}[reads]
        for key in READERS:
            if key in node and not str(node.get(key) or "").strip():
                self.problem(line_of(node, key), f"{where}/{key}", "is empty: give it a value, or remove it.")
        readers = [r for r in READERS if node.get(r)]
        for key, applies in _READER_KEYS.items():
            if key in node and len(readers) == 1 and readers[0] not in applies:
                self.problem(
                    line_of(node, key),
                    f"{where}/{key}",
                    f"does nothing on a {readers[0]} reader (only with {' or '.join(applies)}): remove it.",
                )
        if not readers:
            self.problem(line, where, f"no reader: say how to read it from {source} with one of {', '.join(allowed)}.")
        elif len(readers) > 1:
            self.problem(line, where, f"two readers ({', '.join(readers)}): keep one.")
        elif readers[0] not in allowed:
            self.problem(
                line_of(node, readers[0]),
                f"{where}/{readers[0]}",
                f"cannot read {source} with {readers[0]}: use {' or '.join(allowed)}.",
            )
        for key in ("testid", "css", "jsonpath", "currency_path"):
            if node.get(key):
                # A selector or JSONPath has no braces of its own: any that are not {name} are mistakes.
                self.template(node, key, where, str(node[key]))
        if node.get("regex"):
            # A regex keeps its own braces (\d{4}); only {name} is a placeholder, matched literally.
            pattern = PLACEHOLDER.sub(lambda m: "x" if m.group(1) else m.group(0), str(node["regex"]))
            try:
                compiled = re.compile(pattern)
                if compiled.groups > 1 and "value" not in compiled.groupindex:
                    self.problem(
                        line_of(node, "regex"),
                        f"{where}/regex",
                        "has several groups: name the one holding the value (?P<value>...),"
                        " or make the others (?:...).",
                    )
            except re.error as exc:
                self.problem(line_of(node, "regex"), f"{where}/regex", f"not a valid regex: {exc}.")
        for key in ("jsonpath", "currency_path"):
            if node.get(key):
                self.jsonpath(node, key, where, PLACEHOLDER.sub(_sample, str(node[key])))


_FLAGS = {"many": False, "optional": False, "visible": True}
# Keys of a fact that only some readers use: on another reader they would silently do nothing.
_READER_KEYS = {"visible": ("testid", "css"), "attr": ("testid", "css"), "currency_path": ("jsonpath",)}


def _sample(match: re.Match[str]) -> str:
    return "x" if match.group(1) else match.group(0)[0]
