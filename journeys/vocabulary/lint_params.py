"""The values in steps, checked the way steps read them (``journeys lint``).

Each typed parameter of a matched step (its kind by name: ``{fact}``,
``{what}``, ``{moment}`` ... see :mod:`journeys.vocabulary.params`) is read with
the reader the step itself calls, so lint says what the runner would say:
the raw text, how to write it, and the closest words by meaning. Names are
checked against what the touchpoint maps know (segments, facts, touchpoints,
channels, the maps' own fact words).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journeys.errors import ConfigError, StepError
from journeys.messages import language_of, speak, stop_speaking
from journeys.vocabulary import params
from journeys.vocabulary.lint_gherkin import Problem, shown
from journeys.vocabulary.offers import Offers

if TYPE_CHECKING:
    from journeys.systems.touchpoint_map import TouchpointMap

__all__ = ["Maps", "load_maps", "value_messages"]


@dataclass
class Maps:
    """What the touchpoint maps of a lint run know and offer, and the problems loading them."""

    known: params.Known
    timezone: str | None
    offers: Offers | None  # None: a map could not be loaded, so needs are not checked
    problems: list[Problem]
    maps: tuple[TouchpointMap, ...] = ()  # the maps themselves (where each touchpoint is written)


def value_messages(values: Mapping[str, Any], known: params.Known, now: datetime, language: str = "en") -> list[str]:
    """What is wrong with each typed parameter value of a step, as the step's own reader says it
    to a journey of the feature's ``language``."""
    messages = []
    token = speak(language_of(language))
    try:
        for name, raw in values.items():
            try:
                params.read_param(name, raw, now=now, known=known)
            except StepError as exc:
                messages.append(str(exc))
    finally:
        stop_speaking(token)
    return messages


def load_maps(systems: list[str], root: Path) -> Maps:
    """The maps of ``systems`` (names under ``<root>/fixtures/systems`` or bundled, or paths)."""
    problems: list[Problem] = []
    maps = [found for system in systems if (found := _load_map(system, root, problems)) is not None]
    if len(maps) < len(systems) or not maps:
        return Maps(params.Known(), None, None, problems)
    touchpoints = [tp for tmap in maps for tp in tmap.touchpoints.values()]
    known = params.Known(
        segments=frozenset(name for tmap in maps for name in tmap.segments),
        facts=frozenset(fact for tp in touchpoints for fact in tp.facts),
        touchpoints=frozenset(tp.name for tp in touchpoints),
        # "app.order" is on the api channel but a writer calls it the app.
        channels=frozenset({tp.channel for tp in touchpoints} | {tp.name.split(".", 1)[0] for tp in touchpoints}),
        map=" and ".join(shown(tmap.path) for tmap in maps),
        fact_words={w: f for tmap in reversed(maps) for w, f in tmap.fact_words().items()},
    )
    try:
        offers: Offers | None = Offers.of(maps)
    except ConfigError as exc:  # a map's `only:` naming no moment: said with its line, the rest still checked
        problems += _problems_of(exc, maps[0].path)
        offers = None
    return Maps(known, maps[0].timezone, offers, problems, tuple(maps))


def _problems_of(exc: ConfigError, path: Path) -> list[Problem]:
    """A map's error as lint's problems, one a line, each at the ``file:line`` it names (else ``path``)."""
    found = [re.match(r"(\S+?):(\d+): (.*)", line) for line in str(exc).splitlines()]
    return [
        Problem(shown(Path(at[1])), int(at[2]), at[3]) if at else Problem(shown(path), 0, line)
        for at, line in zip(found, str(exc).splitlines(), strict=True)
    ]


def _load_map(system: str, root: Path, problems: list[Problem]) -> TouchpointMap | None:
    from journeys.systems.map_files import BUNDLED_SYSTEMS, load_map

    path = Path(system) if system.endswith((".yaml", ".yml")) else root / "fixtures" / "systems" / f"{system}.yaml"
    if not path.is_file() and (BUNDLED_SYSTEMS / f"{system}.yaml").is_file():
        path = BUNDLED_SYSTEMS / f"{system}.yaml"  # a map that ships with journeys
    if not path.is_file():
        problems.append(
            Problem(shown(path), 0, f"no touchpoint map for '{system}' here: pass --system with a map's name or path")
        )
        return None
    try:
        return load_map(path)
    except ConfigError as exc:
        problems += _problems_of(exc, path)
        return None
