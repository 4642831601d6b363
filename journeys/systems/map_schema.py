"""Validation of a touchpoint map's YAML: every problem with its file and line.

Walks ruamel.yaml's round-trip nodes (which know their line numbers) and
builds the plain dataclasses of ``touchpoint_map``. All problems of a map are
collected and raised together, sorted by line, each saying what to do. The
checks live by concern: ``map_yaml`` (shared checks), ``map_sections`` (urls,
clock, mail, credentials, accounts, segments, the map's own fact words) and
``map_touchpoints`` (touchpoints and their readers).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError

from journeys.errors import ConfigError
from journeys.systems.map_touchpoints import Touchpoints
from journeys.systems.map_yaml import line_of
from journeys.systems.parse_messages import yaml_problem
from journeys.systems.touchpoint_map import TouchpointMap

TOP_KEYS = (
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
    "accounts",
    "vocabulary",
    "segments",
    "facts",
    "fields",
    "touchpoints",
)


def read_map(path: Path, variables: Mapping[str, str] | None = None) -> TouchpointMap:
    """Read, parse and validate the map at ``path`` (see ``map_files.load_map``), its ``${NAME}`` from
    ``variables`` (None: read for its shape only)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the touchpoint map ({exc.strerror}).") from exc
    return parse_map(path, text, variables)


def parse_map(path: Path, text: str, variables: Mapping[str, str] | None = None) -> TouchpointMap:
    """Parse and validate ``text``, the map at ``path`` (for its messages and its tasks' folder)."""
    try:
        document = YAML(typ="rt").load(text)
    except MarkedYAMLError as exc:
        line, problem = yaml_problem(exc)
        raise ConfigError(f"{path}:{line}: not valid YAML: {problem}. Fix it there.") from exc
    return _Loader(path, variables).load(document)


class _Loader(Touchpoints):
    """Walks the YAML document, collecting every problem with its line."""

    def task_modules(self, doc: CommentedMap) -> str:
        """``tasks:``: one module's name, or a list of them (``[shop_tasks, shop_service_tasks]``), as
        ``"shop_tasks, shop_service_tasks"``."""
        value = doc.get("tasks")
        if isinstance(value, CommentedSeq):
            names = [str(item) for item in value if isinstance(item, str) and item.strip()]
            if len(names) != len(value):
                self.problem(line_of(doc, "tasks"), "tasks", "must be a module's name, or a list of names.")
            return ", ".join(names)
        return self.text(doc, "tasks", "") or ""

    def load(self, doc: Any) -> TouchpointMap:
        if not isinstance(doc, CommentedMap):
            raise ConfigError(f"{self.path}:1: the map must be a YAML mapping with `system:` and `touchpoints:`.")
        self.keys(doc, TOP_KEYS, "")
        self.system = self.text(doc, "system", "", required=True) or self.path.stem
        base_url = self.interpolated(doc, "base_url", "")
        urls = self.channel_urls(doc)
        tasks = self.task_modules(doc)
        for module in tasks.split(", ") if tasks else ():
            if not (self.path.parent / f"{module}.py").is_file():
                self.problem(
                    line_of(doc, "tasks"),
                    "tasks",
                    f"no task module {self.path.parent / (module + '.py')}: write it next to the map, or remove it"
                    " from `tasks:`.",
                )
        timezone = self.text(doc, "timezone", "") or "UTC"
        try:
            ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError):
            self.problem(
                line_of(doc, "timezone"),
                "timezone",
                f"unknown time zone '{timezone}': use an IANA name such as Europe/Amsterdam.",
            )
        self.declared = self.fact_words(doc)  # before the touchpoints: readers take their kinds
        credentials = self.credentials(doc)
        touchpoints = self.touchpoints(doc)
        self.roles(doc, credentials, touchpoints)
        self.promise_touchpoints(touchpoints)
        segments = self.segments(doc)
        accounts = self.accounts(doc)
        self.account_segments(doc, accounts, segments)
        result = TouchpointMap(
            system=self.system,
            title=self.text(doc, "title", "") or self.system,
            path=self.path,
            embedded=self.text(doc, "embedded", ""),
            base_url=base_url or None,
            urls=urls,
            tasks=tasks,
            timezone=timezone,
            clock=self.clock(doc),
            mail=self.mail(doc),
            credentials=credentials,
            vocabulary=self.vocabulary(doc),
            segments=segments,
            touchpoints=touchpoints,
            accounts=accounts,
            facts=self.declared,
            fields=self.fields(doc),
            unset=tuple(self.unset),
        )
        if self.problems:
            ordered = sorted(self.problems, key=lambda p: p[0])
            error = ConfigError("\n".join(message for _, message in ordered))
            error.file, error.line = str(self.path), ordered[0][0]
            raise error
        return result

    def roles(self, doc: CommentedMap, credentials: dict[str, Any], touchpoints: dict[str, Any]) -> None:
        """A touchpoint's ``role:`` names a staff login the map has."""
        node = doc.get("touchpoints")
        for tp in touchpoints.values():
            if tp.role and tp.role not in credentials:
                known = ", ".join(credentials) or "none"
                self.problem(
                    line_of(node[tp.name], "role"),
                    f"touchpoints/{tp.name}/role",
                    f"no credentials for role '{tp.role}' (roles: {known}): add `credentials: {{{tp.role}: ...}}`.",
                )

    def promise_touchpoints(self, touchpoints: dict[str, Any]) -> None:
        """A promise's check names a touchpoint of this map that reads its fact."""
        for declared in self.declared.values():
            check = declared.check or {}
            tp = touchpoints.get(check.get("touchpoint", ""))
            where = f"facts/{declared.fact}/promise"
            if check.get("touchpoint") and tp is None:
                known = ", ".join(touchpoints)
                self.problem(
                    int(check["line"]), where, f"no touchpoint '{check['touchpoint']}' here: use one of {known}."
                )
            elif tp is not None and check.get("fact") and check["fact"] not in tp.facts:
                self.problem(
                    int(check["line"]), where, f"{tp.name} does not read {check['fact']}: add it to its facts."
                )
            direct = touchpoints.get(check.get("verify_at", ""))
            if check.get("verify_at") and (direct is None or check.get("fact", "") not in direct.facts):
                why = "no such touchpoint" if direct is None else f"it does not read {check.get('fact')}"
                self.problem(int(check["line"]), f"{where}/verify_at", f"{check['verify_at']}: {why}.")

    def account_segments(self, doc: CommentedMap, accounts: dict[str, Any], segments: dict[str, str]) -> None:
        for name, account in accounts.items():
            segment = account.get("segment")
            if segment and segments and segment not in segments:
                self.problem(
                    account["line"],
                    f"accounts/{name}/segment",
                    f"unknown segment '{segment}': use one of {', '.join(segments)} (the map's `segments:`).",
                )
