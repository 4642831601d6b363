"""A system as the step catalogue shows it (``journeys steps --system X``): its fact words, and
the steps it lacks a task or touchpoint for."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from journeys.gherkin.needs import TASK, split
from journeys.gherkin.offers import CHANNEL, Offers
from journeys.gherkin.words import FACTS

if TYPE_CHECKING:
    from journeys.system.touchpoint_map import TouchpointMap

__all__ = ["Systems", "needs_text", "systems_info"]


def needs_text(needs: Iterable[str], *, markdown: bool = False) -> str:
    """``task 'place order'; touchpoints web.product, app.order`` (code-quoted in markdown)."""
    tasks, touchpoints = split(needs)
    quote = (lambda text: f"`{text}`") if markdown else (lambda text: f"'{text}'" if " " in text else text)
    parts = []
    if tasks:
        parts.append(("task " if len(tasks) == 1 else "tasks ") + ", ".join(quote(t) for t in tasks))
    named = [t for t in touchpoints if not t.startswith(("{", CHANNEL))]
    if named:
        parts.append(("touchpoint " if len(named) == 1 else "touchpoints ") + ", ".join(quote(t) for t in named))
    parts += [f"the touchpoint {quote(t)}" for t in touchpoints if t.startswith("{")]
    parts += [f"a touchpoint on the {t[len(CHANNEL) :]} channel" for t in touchpoints if t.startswith(CHANNEL)]
    return "; ".join(parts)


@dataclass(frozen=True)
class Systems:
    """The maps of ``journeys steps --system``: what they offer and the words they add."""

    maps: tuple[TouchpointMap, ...]
    offers: Offers

    @property
    def name(self) -> str:
        return " and ".join(m.system for m in self.maps)

    def lacks(self, needs: Iterable[str]) -> str:
        """The needs of a step these systems do not have, as text (empty: none)."""
        missing = [
            need
            for need in needs
            if not need.startswith("{")
            and (
                (need.startswith(TASK) and " ".join(need[len(TASK) :].split()).lower() not in self.offers.tasks)
                or (need.startswith(CHANNEL) and need[len(CHANNEL) :] not in self.offers.channels)
                or (not need.startswith((TASK, CHANNEL)) and need not in self.offers.touchpoints)
            )
        ]
        return needs_text(missing)

    def facts(self, markdown: bool) -> str:
        """The fact words writers can use with these systems: the shared ones and the maps' own."""
        own = [declared for m in self.maps for declared in m.facts.values()]
        mapped = {fact for m in self.maps for tp in m.touchpoints.values() for fact in tp.facts}
        grouped: dict[str, list[str]] = {}
        for words, fact in FACTS.items():
            if fact in mapped:
                grouped.setdefault(fact, []).append(words)
        shared = [(fact, " / ".join(grouped[fact])) for fact in sorted(grouped)]
        if markdown:
            lines = ["", f"## Facts of {self.name}", "", "| fact | English | Nederlands | kind |", "|---|---|---|---|"]
            lines += [f"| `{d.fact}` | {', '.join(d.en)} | {', '.join(d.nl)} | {_kind(d)} |" for d in own]
            lines += [f"| `{fact}` | {words} | | |" for fact, words in shared]
            return "\n".join(lines) + "\n"
        lines = ["", f"== facts of {self.name} ==", ""]
        lines += [f"  {d.fact}: {' / '.join((*d.en, *d.nl))} ({_kind(d)})" for d in own]
        lines += [f"  {fact}: {words}" for fact, words in shared]
        return "\n".join(lines) + "\n"


def _kind(declared: object) -> str:
    kind = str(getattr(declared, "kind", "text"))
    return f"{kind}, a promise" if getattr(declared, "promise", False) else kind


def systems_info(system: str | Sequence[str]) -> Systems:
    """The maps named by ``system`` (names looked up in ``fixtures/systems``, or paths).

    Raises:
        ConfigError: a map cannot be found or loaded.
    """
    from journeys.system.map_files import find_map

    names = [system] if isinstance(system, str) else list(system)
    maps = tuple(find_map(name) for name in names)
    return Systems(maps, Offers.of(maps))
