"""A system as the step catalogue shows it (``journeys steps --system X``): its fact words, and
the steps it lacks a task or touchpoint for."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from journeys.vocabulary.fact_words import fact_words
from journeys.vocabulary.needs import TASK, split
from journeys.vocabulary.offers import CHANNEL, Offers

if TYPE_CHECKING:
    from journeys.systems.touchpoint_map import TouchpointMap

__all__ = ["Systems", "needs_text", "systems_info"]


_NEEDS_WORDS = {
    "en": ("task ", "tasks ", "touchpoint ", "touchpoints ", "the touchpoint {}", "a touchpoint on the {} channel"),
    "nl": (
        "taak ",
        "taken ",
        "contactpunt ",
        "contactpunten ",
        "het contactpunt {}",
        "een contactpunt op het kanaal {}",
    ),
}


def needs_text(needs: Iterable[str], *, markdown: bool = False, language: str = "en") -> str:
    """``task 'place order'; touchpoints web.product, app.order`` (code-quoted in markdown; Dutch: ``taak``)."""
    task, tasks, point, points, the_point, on_channel = _NEEDS_WORDS[language]
    tasks_, touchpoints = split(needs)
    quote = (lambda text: f"`{text}`") if markdown else (lambda text: f"'{text}'" if " " in text else text)
    parts = []
    if tasks_:
        or_ = " of " if language == "nl" else " or "
        shown = [or_.join(quote(option) for option in t.split("|")) for t in tasks_]
        parts.append((task if len(tasks_) == 1 else tasks) + ", ".join(shown))
    named = [t for t in touchpoints if not t.startswith(("{", CHANNEL))]
    if named:
        parts.append((point if len(named) == 1 else points) + ", ".join(quote(t) for t in named))
    parts += [the_point.format(quote(t)) for t in touchpoints if t.startswith("{")]
    parts += [on_channel.format(t[len(CHANNEL) :]) for t in touchpoints if t.startswith(CHANNEL)]
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
                (
                    need.startswith(TASK)
                    and not any(
                        " ".join(option.split()).lower() in self.offers.tasks for option in need[len(TASK) :].split("|")
                    )
                )
                or (need.startswith(CHANNEL) and need[len(CHANNEL) :] not in self.offers.channels)
                or (not need.startswith((TASK, CHANNEL)) and need not in self.offers.touchpoints)
            )
        ]
        return needs_text(missing)

    def facts(self, markdown: bool, language: str = "en") -> str:
        """The fact words writers can use with these systems: the shared ones and the maps' own."""
        title = "Gegevens van" if language == "nl" else "Facts of"
        header = (
            "| gegeven | Engels | Nederlands | soort |"
            if language == "nl"
            else "| fact | English | Nederlands | kind |"
        )
        own = [declared for m in self.maps for declared in m.facts.values()]
        declared = {d.fact for d in own}
        mapped = {fact for m in self.maps for tp in m.touchpoints.values() for fact in tp.facts}
        english, dutch = fact_words("en"), fact_words("nl")
        shared = [fact for fact in sorted(english) if fact in mapped and fact not in declared]
        if markdown:
            lines = ["", f"## {title} {self.name}", "", header, "|---|---|---|---|"]
            lines += [f"| `{d.fact}` | {', '.join(d.en)} | {', '.join(d.nl)} | {_kind(d)} |" for d in own]
            lines += [f"| `{fact}` | {', '.join(english[fact])} | {', '.join(dutch[fact])} | |" for fact in shared]
            return "\n".join(lines) + "\n"
        lines = ["", f"== {title.lower()} {self.name} ==", ""]
        lines += [f"  {d.fact}: {' / '.join((*d.en, *d.nl))} ({_kind(d)})" for d in own]
        lines += [f"  {fact}: {' / '.join((*english[fact], *dutch[fact]))}" for fact in shared]
        return "\n".join(lines) + "\n"


def _kind(declared: object) -> str:
    kind = str(getattr(declared, "kind", "text"))
    return f"{kind}, a promise" if getattr(declared, "promise", False) else kind


def systems_info(system: str | Sequence[str]) -> Systems:
    """The maps named by ``system`` (names looked up in ``fixtures/systems``, or paths).

    Raises:
        ConfigError: a map cannot be found or loaded.
    """
    from journeys.systems.map_files import find_map

    names = [system] if isinstance(system, str) else list(system)
    maps = tuple(find_map(name) for name in names)
    return Systems(maps, Offers.of(maps))
