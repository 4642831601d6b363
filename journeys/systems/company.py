"""A company is several systems: their maps loaded together, their tasks looked up together.

A run may point at a shop, a helpdesk and a mail service at once
(``--system shop --system helpdesk``). Each keeps its own map (base URL,
credentials, mail) and tasks; one journey crosses them. Touchpoint names
must be unique across the maps (a journey names a touchpoint, never a
system); a task name several systems share runs on the first that has it,
unless it is written ``helpdesk: file complaint``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from journeys.errors import ConfigError
from journeys.systems.map_files import find_map
from journeys.systems.tasks import Tasks, load_tasks, normal_name
from journeys.systems.touchpoint_map import TouchpointMap, closest

__all__ = ["CompanyTasks", "load_maps", "unique_touchpoints"]


def load_maps(
    names: Sequence[str | Path], search_dir: str | Path = "fixtures/systems", variables: Mapping[str, str] | None = None
) -> list[TouchpointMap]:
    """The maps of ``names`` (each a system name or a path), checked to fit together (``${NAME}`` from
    ``variables``, as ``find_map``).

    Raises:
        ConfigError: a map cannot be loaded, two maps are one system, or two
            maps have a touchpoint of the same name (both files named).
    """
    if not names:
        raise ConfigError("no system given: pass --system with a map's name or path.")
    maps = [find_map(name, search_dir, variables) for name in names]
    seen: dict[str, TouchpointMap] = {}
    for found in maps:
        if found.system in seen:
            raise ConfigError(
                f"two maps are system '{found.system}': {seen[found.system].path} and {found.path}."
                " Give each system its own `system:` name, or load it once."
            )
        seen[found.system] = found
    unique_touchpoints(maps)
    return maps


def unique_touchpoints(maps: Sequence[TouchpointMap]) -> None:
    """Refuse a touchpoint name two maps share: a journey could not say which one it means.

    Raises:
        ConfigError: naming the touchpoint and both files with their lines.
    """
    owner: dict[str, TouchpointMap] = {}
    clashes: list[str] = []
    for found in maps:
        for name, tp in found.touchpoints.items():
            first = owner.setdefault(name, found)
            if first is not found:
                clashes.append(
                    f"touchpoint '{name}' is in two maps: {first.touchpoints[name].where} ({first.system})"
                    f" and {tp.where} ({found.system}). Touchpoint names are unique across a run's systems:"
                    f" rename one (e.g. {found.system}.{name.split('.', 1)[-1]})."
                )
    if clashes:
        raise ConfigError("\n".join(clashes))


@dataclass
class CompanyTasks:
    """The tasks of every system of a run, by name; each knows its system.

    Args:
        by_system: each system's tasks, in the order the systems were given.
    """

    by_system: dict[str, Tasks] = field(default_factory=dict)

    @classmethod
    def of(cls, maps: Sequence[TouchpointMap]) -> CompanyTasks:
        return cls({m.system: load_tasks(m) for m in maps})

    @property
    def source(self) -> str:
        return ", ".join(tasks.source for tasks in self.by_system.values())

    @property
    def names(self) -> list[str]:
        return sorted({name for tasks in self.by_system.values() for name in tasks.names})

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.find(name) is not None

    def find(self, name: str) -> tuple[str, str] | None:
        """``(system, task name)`` of task ``name`` (``helpdesk: file complaint`` picks the system)."""
        system, bare = self._split(name)
        for owner in [system] if system else list(self.by_system):
            if bare in self.by_system[owner]:
                return owner, bare
        return None

    def system_of(self, name: str) -> str:
        """The system whose task ``name`` is.

        Raises:
            ConfigError: no system has it (the message lists the tasks there are).
        """
        found = self.find(name)
        if found is None:
            known = ", ".join(f"'{n}'" for n in self.names) or "none"
            bare = normal_name(self._split(name)[1])
            raise ConfigError(
                f"no task '{name}' in {self.source}.{closest(bare, self.names)} Known tasks: {known}."
                f' Add one with @task("{bare}") in a system\'s task module.'
            )
        return found[0]

    def get(self, name: str) -> Any:
        system = self.system_of(name)
        return self.by_system[system].get(self._split(name)[1])

    def run(self, name: str, journey: Any, **kwargs: Any) -> Any:
        """Run task ``name`` (on its system) for ``journey``; see ``Tasks.run``."""
        system = self.system_of(name)
        return self.by_system[system].run(self._split(name)[1], journey, **kwargs)

    def _split(self, name: str) -> tuple[str | None, str]:
        system, colon, bare = name.partition(":")
        if colon and system.strip() in self.by_system:
            return system.strip(), bare.strip()
        return None, name
