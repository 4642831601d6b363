"""Where touchpoint maps are found: a path, the project's ``fixtures/systems/``, or the maps
that ship with journeys; and loading one (validated by :mod:`journeys.systems.map_schema`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

from journeys.errors import ConfigError
from journeys.systems.map_schema import parse_map, read_map
from journeys.systems.templates import variable_names
from journeys.systems.touchpoint_map import TouchpointMap, closest

__all__ = ["BUNDLED_SYSTEMS", "find_map", "load_map", "map_variables"]

BUNDLED_SYSTEMS = Path(__file__).resolve().parent.parent / "maps"  # the maps journeys ships (refshop.yaml)
"""Maps that ship with journeys (the embedded reference shop's)."""


def find_map(
    name_or_path: str | Path, search_dir: str | Path = "fixtures/systems", variables: Mapping[str, str] | None = None
) -> TouchpointMap:
    """Load a map given as a path, or as a system name looked up in ``search_dir``, then among the
    maps that ship with journeys (a project's own map of the same name wins). Its ``${NAME}`` are
    read from ``variables`` (a run's ``RunSettings.variables``; None: the map's shape only, each unset).

    Raises:
        ConfigError: no such map (the message lists the maps there are), or
            the map is invalid.
    """
    candidate = Path(name_or_path)
    if candidate.suffix in (".yaml", ".yml") or candidate.is_file():
        if not candidate.is_file():
            raise ConfigError(f"{candidate}: no such touchpoint map file. Check the path given as --system.")
        return load_map(candidate, variables)
    folder = Path(search_dir)
    for where in (folder, BUNDLED_SYSTEMS):
        for suffix in (".yaml", ".yml"):
            if (where / f"{name_or_path}{suffix}").is_file():
                return load_map(where / f"{name_or_path}{suffix}", variables)
    known = sorted({p.stem for where in (folder, BUNDLED_SYSTEMS) if where.is_dir() for p in where.glob("*.y*ml")})
    raise ConfigError(
        f"no touchpoint map for system '{name_or_path}' in"
        f" {folder}/.{closest(str(name_or_path), known)}"
        f" Known: {', '.join(known) or 'none'}. Pass a path to a map, or write"
        f" {folder}/{name_or_path}.yaml"
        " (see docs/new-system.md)."
    )


def load_map(path: str | Path, variables: Mapping[str, str] | None = None) -> TouchpointMap:
    """Load and validate the touchpoint map at ``path`` (its ``${NAME}`` from ``variables``, as ``find_map``).

    Raises:
        ConfigError: every problem found, one per line as ``file:line: key: message``.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return read_map(path, variables)  # says what cannot be read
    given = None if variables is None else tuple(sorted(variables.items()))
    return _parse_once(path.resolve(), text, given)


@lru_cache(maxsize=32)
def _parse_once(path: Path, text: str, variables: tuple[tuple[str, str], ...] | None) -> TouchpointMap:
    """A map's text is parsed once per process (a run reads it where the session starts, for the run's header
    and for version.json; lint and the editor on every change): parsing takes a fifth of a second, reading
    the file no time. The map is frozen, so every reader may share it. An invalid map is not kept."""
    return parse_map(path, text, None if variables is None else dict(variables))


def map_variables(
    systems: Iterable[str | Path], environ: Mapping[str, str], search_dir: str | Path = "fixtures/systems"
) -> dict[str, str]:
    """The variables of ``environ`` that a map may name (``${NAME}``, ``*_env: NAME``), read where a run
    starts: those of the maps ``systems`` names (paths), of the project's and of the bundled maps.
    Only these are passed down (to worker processes too); no other part of the environment is."""
    paths = [Path(each) for each in systems if Path(each).suffix in (".yaml", ".yml")]
    for folder in (Path(search_dir), BUNDLED_SYSTEMS):
        paths += sorted(folder.glob("*.y*ml")) if folder.is_dir() else []
    names: set[str] = set()
    for path in paths:
        try:
            names |= variable_names(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            continue  # told when the map is loaded
    return {name: environ[name] for name in sorted(names) if name in environ}
