"""What a run's systems offer the steps: their tasks and touchpoints, read without running anything.

``journeys lint --system X`` holds each step used in a feature to its
contract (``Sentence.needs``: the tasks and touchpoints it uses) and says
what X lacks, with where to add it; task modules are read, not imported.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journeys.errors import ConfigError
from journeys.vocabulary.moments import MOMENTS
from journeys.vocabulary.needs import TASK, read_tasks

if TYPE_CHECKING:
    from journeys.systems.touchpoint_map import TouchpointMap
    from journeys.vocabulary.sentences import Sentence

__all__ = ["CHANNEL", "Offers"]

CHANNEL = "channel:"
"""A need for any touchpoint on a channel (``channel:agent``), where the step finds it at run time."""


@dataclass(frozen=True)
class Offers:
    """The tasks and touchpoints of a run's systems."""

    systems: tuple[str, ...]
    tasks: frozenset[str]
    touchpoints: frozenset[str]
    channels: frozenset[str]
    task_files: tuple[str, ...]  # where tasks are added, for messages
    maps: tuple[str, ...]
    visits: Mapping[str, frozenset[str]] = field(default_factory=dict)  # task -> the touchpoints it visits
    inputs: Mapping[str, frozenset[str]] = field(default_factory=dict)  # task -> what the customer may give in it
    shows: Mapping[str, frozenset[str]] = field(default_factory=dict)  # touchpoint -> the facts it shows
    channel_of: Mapping[str, str] = field(default_factory=dict)  # touchpoint -> its channel
    changing: frozenset[str] = frozenset()  # facts read as a status somewhere: they change with time
    by_product: frozenset[str] = frozenset()  # touchpoints of one product (their address names `{sku}`)
    promises: frozenset[str] = frozenset()  # facts the maps say where to check kept (`promise: {touchpoint, ...}`)
    only: Mapping[tuple[str, str], str] = field(default_factory=dict)  # (touchpoint, fact) -> the moment it needs

    @classmethod
    def of(cls, maps: Sequence[TouchpointMap]) -> Offers:
        paths = [path for m in maps for path in m.tasks_paths]
        touchpoints = frozenset(tp for m in maps for tp in m.touchpoints)
        bodies = {name: body for path in paths for name, body in read_tasks(path).items()}
        return cls(
            systems=tuple(m.system for m in maps),
            tasks=frozenset(bodies),
            visits={name: body.strings & touchpoints for name, body in bodies.items()},
            inputs={name: body.inputs for name, body in bodies.items()},
            shows={name: frozenset(tp.facts) for m in maps for name, tp in m.touchpoints.items()},
            channel_of={name: tp.channel for m in maps for name, tp in m.touchpoints.items()},
            changing=frozenset(
                r.fact for m in maps for tp in m.touchpoints.values() for r in tp.facts.values() if r.kind == "status"
            ),
            by_product=frozenset(n for m in maps for n, tp in m.touchpoints.items() if tp.of_product),
            promises=frozenset(fact for m in maps for fact, declared in m.facts.items() if declared.check),
            only=_only(maps),
            touchpoints=touchpoints,
            channels=frozenset(tp.channel for m in maps for tp in m.touchpoints.values()),
            task_files=tuple(_shown(path) for path in paths),
            maps=tuple(_shown(m.path) for m in maps),
        )

    def lacks(
        self, sentence: Sentence, values: Mapping[str, Any], *, said: str | None = None, language: str = "en"
    ) -> list[str]:
        """One message per task or touchpoint ``sentence`` needs that these systems do not have.

        Said to a writer (``said``: her own line, quoted), in her language: what the system lacks and who
        adds it; the file to add it to is for the developer, in docs/new-system.md.
        """
        found: list[str] = []
        systems = " and ".join(self.systems)
        line = said or f"'{sentence.example}'"
        tasks = " or ".join(self.task_files) or "a task module next to the map (`tasks:` in the map)"
        places = {"systems": systems, "tasks": tasks, "maps": " or ".join(self.maps)}
        for need in sentence.needs:
            if need.startswith("{"):
                continue  # a touchpoint the step's parameter names: its value is checked as a touchpoint
            if need.startswith(TASK):
                options = [" ".join(option.split()).lower() for option in need[len(TASK) :].split("|")]
                if not any(option in self.tasks for option in options):
                    found.append(_LACKS[language]["task"].format(line=line, name=options[0], **places))
            elif need.startswith(CHANNEL):
                channel = need[len(CHANNEL) :]
                if channel not in self.channels:
                    found.append(_LACKS[language]["channel"].format(line=line, name=channel, **places))
            elif need not in self.touchpoints:
                found.append(_LACKS[language]["touchpoint"].format(line=line, name=need, **places))
        return found


def _only(maps: Sequence[TouchpointMap]) -> dict[tuple[str, str], str]:
    """Facts a touchpoint shows only after a moment (``only: pickup order``), checked against lint's moments."""
    found: dict[tuple[str, str], str] = {}
    for m in maps:
        for name, tp in m.touchpoints.items():
            for fact, reader in tp.facts.items():
                if reader.only is None:
                    continue
                if reader.only not in MOMENTS:
                    raise ConfigError(
                        f"`only: {reader.only}` is not a moment of a journey; write one of: {', '.join(MOMENTS)}"
                        " (docs/new-system.md).",
                        file=str(m.path),
                        line=reader.line,
                        key=f"touchpoints.{name}.facts.{fact}.only",
                    )
                found[name, fact] = reader.only
    return found


_LACKS = {
    "en": {
        "task": "{line} needs {systems} to know how to '{name}', and it does not yet: your team's developer"
        ' adds @task("{name}") to {tasks} (docs/new-system.md), or write a step that'
        " `journeys steps --system {systems}` lists",
        "channel": "{line} needs a touchpoint on the {name} channel, and {systems} has none: your team's developer"
        " maps one in {maps} (docs/new-system.md), or write a step that `journeys steps --system {systems}` lists",
        "touchpoint": "{line} reads {name}, which {systems} does not have: your team's developer maps it under"
        " `touchpoints:` in {maps} (docs/new-system.md), or write a step that `journeys steps --system {systems}`"
        " lists",
    },
    "nl": {
        "task": "voor {line} moet {systems} weten hoe '{name}' gaat, en dat weet het nog niet: de ontwikkelaar"
        ' van je team zet @task("{name}") in {tasks} (docs/new-system.md), of kies een stap uit'
        " `journeys steps --system {systems}`",
        "channel": "voor {line} is een contactpunt op het kanaal {name} nodig, en {systems} heeft er geen: de"
        " ontwikkelaar van je team zet er een in {maps} (docs/new-system.md), of kies een stap uit"
        " `journeys steps --system {systems}`",
        "touchpoint": "{line} leest {name}, en dat contactpunt heeft {systems} niet: de ontwikkelaar van je team"
        " zet het onder `touchpoints:` in {maps} (docs/new-system.md), of kies een stap uit"
        " `journeys steps --system {systems}`",
    },
}


def _shown(path: Path) -> str:
    """``path`` relative to the working directory when it is inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
