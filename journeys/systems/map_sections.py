"""Validation of a map's top-level sections: urls, clock, mail, credentials, accounts, words.

Each method reads one section from the YAML node, records every problem
with its line (``Checks.problem``) and returns plain data for
``TouchpointMap``; touchpoints are ``map_touchpoints``' business.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from journeys.core.personas import SEGMENTS
from journeys.systems.map_yaml import Checks, line_of, plain, what
from journeys.systems.templates import strings as all_strings
from journeys.systems.templates import template_problem
from journeys.systems.touchpoint_map import CHANNELS, KINDS, FactWords, closest

CLOCK_KEYS = ("now", "set", "advance")
_CLOCK_ENDPOINT_KEYS = ("method", "path", "body", "read", "token_env", "header")
MAIL_KEYS = {
    "capture": ("driver", "address", "port"),
    "imap": ("driver", "address", "host", "port", "user_env", "password_env", "ssl", "folder"),
    "mailpit": ("driver", "address", "url"),
}
_LOGIN_KEYS = ("url", "user_field", "password_field", "submit")
_CREDENTIAL_KEYS = ("user_env", "password_env", "token_env", "login")
_ACCOUNT_KEYS = ("email_env", "password_env", "name", "name_env", "segment")
_FACT_WORD_KEYS = ("en", "nl", "kind", "promise")


class Sections(Checks):
    """The checks of the sections above ``touchpoints:``."""

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
        self.keys(node, CLOCK_KEYS, "clock")
        clock: dict[str, dict[str, Any]] = {}
        for name in CLOCK_KEYS:
            endpoint = self.mapping(node, name, "clock")
            if endpoint is None:
                continue
            where = f"clock/{name}"
            self.keys(endpoint, _CLOCK_ENDPOINT_KEYS, where)
            self.method(endpoint, where)
            route = self.url(endpoint, "path", where, required=True)
            for text in all_strings(endpoint.get("body")):
                problem = template_problem(text)
                if problem:
                    self.problem(line_of(endpoint, "body"), f"{where}/body", problem)
            if endpoint.get("read"):
                self.jsonpath(endpoint, "read", where)
            self.env_name(endpoint, "token_env", where)
            clock[name] = {**plain(endpoint), **({"path": route} if route else {})}
        return clock

    def mail(self, doc: CommentedMap) -> dict[str, Any]:
        node = self.mapping(doc, "mail", "")
        if node is None:
            return {"driver": "capture"}
        driver = str(node.get("driver", "capture"))
        if driver not in MAIL_KEYS:
            self.problem(
                line_of(node, "driver"),
                "mail/driver",
                f"unknown mail driver '{driver}'.{closest(driver, MAIL_KEYS)} Use one of {', '.join(MAIL_KEYS)}.",
            )
            return {"driver": driver}
        self.keys(node, MAIL_KEYS[driver], "mail")
        mail: dict[str, Any] = {"driver": driver}
        for key in node:
            if key in ("user_env", "password_env"):
                mail[key] = self.env_name(node, key, "mail")
            elif key == "port":
                try:
                    # A capture on port 0 (or "${SMTP_PORT:-0}" unset) takes a free port.
                    mail[key] = int(self.interpolated(node, "port", "mail") or 0)
                    if not 0 <= mail[key] < 65536:
                        raise ValueError
                except ValueError:
                    self.problem(line_of(node, key), "mail/port", f"'{node[key]}' is not a port number.")
            elif key == "ssl":
                mail[key] = bool(node[key])
            elif key != "driver":
                mail[str(key)] = self.interpolated(node, str(key), "mail")
        required = {"imap": ("host", "user_env", "password_env"), "mailpit": ("url",)}.get(driver, ())
        for key in required:
            if not mail.get(key):
                self.problem(
                    line_of(node, key) if key in node else node.lc.line + 1,
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
                line_of(node, "address"),
                "mail/address",
                "must contain {key} (the customer's key), so every customer gets a mailbox of"
                " its own: e.g. qa+{key}@example.com.",
            )
        return mail

    def credentials(self, doc: CommentedMap) -> dict[str, dict[str, Any]]:
        """Staff logins by role (``agent``, ``desk_agent``...): environment variable names only."""
        node = self.mapping(doc, "credentials", "")
        result: dict[str, dict[str, Any]] = {}
        for name in node or {}:
            entry = self.mapping(node, str(name), "credentials")  # type: ignore[arg-type]
            if entry is None:
                continue
            where = f"credentials/{name}"
            self.no_secrets(entry, where, ("user", "password", "token"))
            self.keys(entry, [*_CREDENTIAL_KEYS, "user", "password", "token"], where)
            values: dict[str, Any] = {}
            for key in ("user_env", "password_env", "token_env"):
                if key in entry:
                    values[key] = self.env_name(entry, key, where)
            login = self.mapping(entry, "login", where)
            if login is not None:
                self.keys(login, _LOGIN_KEYS, f"{where}/login")
                url = self.url(login, "url", f"{where}/login", required=True)
                values["login"] = {**plain(login), **({"url": url} if url else {})}
            result[str(name)] = values
        return result

    def accounts(self, doc: CommentedMap) -> dict[str, dict[str, Any]]:
        """Existing customers' accounts by name: their e-mail address and password by variable name."""
        node = self.mapping(doc, "accounts", "")
        result: dict[str, dict[str, Any]] = {}
        for name in node or {}:
            entry = self.mapping(node, str(name), "accounts")  # type: ignore[arg-type]
            if entry is None:
                continue
            where = f"accounts/{name}"
            self.no_secrets(entry, where, ("email", "password"))
            self.keys(entry, [*_ACCOUNT_KEYS, "email", "password"], where)
            values: dict[str, Any] = {"line": line_of(node, name)}
            for key in ("email_env", "password_env"):
                if key not in entry:
                    self.problem(line_of(node, name), f"{where}/{key}", "missing: an account needs it.")
                values[key] = self.env_name(entry, key, where)
            if "name_env" in entry:
                values["name_env"] = self.env_name(entry, "name_env", where)
            for key in ("name", "segment"):
                if key in entry:
                    values[key] = self.text(entry, key, where)
            result[str(name)] = values
        return result

    def no_secrets(self, entry: CommentedMap, where: str, keys: tuple[str, ...]) -> None:
        for key in entry:
            if key in keys:
                self.problem(
                    line_of(entry, key),
                    f"{where}/{key}",
                    f"secrets are not written in the map: use {key}_env with the NAME of an"
                    " environment variable that holds it.",
                )

    def vocabulary(self, doc: CommentedMap) -> dict[str, dict[str, str]]:
        node = self.mapping(doc, "vocabulary", "")
        result: dict[str, dict[str, str]] = {}
        for category in node or {}:
            words = self.mapping(node, str(category), "vocabulary")  # type: ignore[arg-type]
            if words is None:
                continue
            result[str(category)] = {}
            for word, canonical in words.items():
                if not isinstance(canonical, str):
                    self.problem(
                        line_of(words, word),
                        f"vocabulary/{category}/{word}",
                        f"must map to a canonical word (text), not {what(canonical)}.",
                    )
                    continue
                result[str(category)][str(word)] = canonical
        return result

    def fields(self, doc: CommentedMap) -> dict[str, str]:
        """Form field -> what it asks the customer for (``{submitter_email: email}``); common names
        need no entry (``journeys.core.fields``)."""
        node = self.mapping(doc, "fields", "")
        result: dict[str, str] = {}
        for name, meaning in (node or {}).items():
            if not isinstance(meaning, str) or not meaning.strip():
                self.problem(
                    line_of(node, name),
                    f"fields/{name}",
                    "must name what the field asks for, e.g. submitter_email: email (or: order number, phone).",
                )
                continue
            result[str(name)] = meaning.strip()
        return result

    def segments(self, doc: CommentedMap) -> dict[str, str]:
        """Segment name -> built-in persona: ``[student, senior]`` or ``{guest: family}``."""
        value = doc.get("segments")
        if value is None:
            return {}
        personas = ", ".join(SEGMENTS)
        if isinstance(value, CommentedSeq) and all(isinstance(s, str) for s in value):
            pairs = [(str(s), str(s), line_of(value, i)) for i, s in enumerate(value)]
        elif isinstance(value, CommentedMap) and all(isinstance(p, str) for p in value.values()):
            pairs = [(str(s), str(p), line_of(value, s)) for s, p in value.items()]
        else:
            self.problem(
                line_of(doc, "segments"),
                "segments",
                "must be a list of names, e.g. [student, senior], or name: persona, e.g. {guest: family}.",
            )
            return {}
        result: dict[str, str] = {}
        for name, persona, line in pairs:
            if persona not in SEGMENTS:
                hint = closest(persona, SEGMENTS)
                self.problem(
                    line,
                    f"segments/{name}",
                    f"no built-in persona '{persona}'.{hint} Give the segment one:"
                    f" `segments: {{{name}: family}}`; personas: {personas}.",
                )
                continue
            result[name] = persona
        return result

    def fact_words(self, doc: CommentedMap) -> dict[str, FactWords]:
        """The system's own facts (``facts:``) with their words in English and Dutch."""
        node = self.mapping(doc, "facts", "")
        result: dict[str, FactWords] = {}
        for fact in node or {}:
            entry = self.mapping(node, str(fact), "facts")  # type: ignore[arg-type]
            if entry is None:
                continue
            where = f"facts/{fact}"
            self.keys(entry, _FACT_WORD_KEYS, where)
            words = {lang: self.words(entry, lang, where) for lang in ("en", "nl")}
            if not words["en"] and not words["nl"]:
                self.problem(line_of(node, fact), where, "give the words writers use for it: `en:` and `nl:`.")
            kind = self.text(entry, "kind", where) or "text"
            if kind not in KINDS:
                self.problem(
                    line_of(entry, "kind"),
                    f"{where}/kind",
                    f"unknown kind '{kind}'.{closest(kind, KINDS)} Kinds: {', '.join(KINDS)}.",
                )
            check = self.promise_check(entry, where)
            promise = check is not None or self.flag(entry, "promise", where, False)
            line = line_of(node, fact)
            result[str(fact)] = FactWords(str(fact), kind, words["en"], words["nl"], promise, line, check)
        return result

    def promise_check(self, entry: CommentedMap, where: str) -> dict[str, str] | None:
        """``promise: {touchpoint, fact, equals}``: where the promise shows kept (``true``: not said);
        ``verify_at``: a touchpoint a later run opens directly to check it (a status page or API, no clicks);
        ``changed_at``: the fact there that says when the system changed it (kept by the deadline or late)."""
        node = entry.get("promise")
        if not isinstance(node, CommentedMap):
            return None
        keys = ("touchpoint", "fact", "equals", "verify_at", "changed_at")
        self.keys(node, keys, f"{where}/promise")
        check = {key: text for key in keys if (text := self.text(node, key, where))}
        for key in ("touchpoint", "fact"):
            if key not in check:
                self.problem(line_of(entry, "promise"), f"{where}/promise/{key}", "missing: say where it shows kept.")
        return {**check, "line": str(line_of(entry, "promise"))}

    def words(self, entry: CommentedMap, lang: str, where: str) -> tuple[str, ...]:
        value = entry.get(lang)
        if value is None:
            return ()
        items = list(value) if isinstance(value, CommentedSeq) else [value]
        if not all(isinstance(item, str) and item.strip() for item in items):
            self.problem(line_of(entry, lang), f"{where}/{lang}", "must be words, or a list of them.")
            return ()
        return tuple(" ".join(str(item).split()) for item in items)
