"""Which known names a writer's unknown words most likely mean, by meaning first and spelling second.

A writer who types "de retourprijs" means the refund amount, not the order
total whose words ("het totaalbedrag") merely look alike. So words are first
read for their topics -- word stems in either language ("retour", "refund",
"terugbeta" are about returns and refunds; "prijs", "bedrag", "total" about
money) -- and a name scores one point per topic its own words share with the
writer's; the closest spelling of any of its words breaks ties and catches
typos ("order totl").
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping

__all__ = ["closest_by_meaning", "topics"]

# Stems are matched inside words, so Dutch compounds ("retourbedrag") count for each part.
# Stems that hide inside unrelated words ("bel" in "label") are left out on purpose.
_TOPIC_STEMS = {
    "order": ("order", "bestel"),
    "money": ("total", "totaal", "amount", "bedrag", "price", "prijs", "cost", "kosten", "euro"),
    "refund": ("refund", "terugbeta", "terug te betalen", "geld terug", "money back"),
    "return": ("return", "retour", "refund", "terugbeta"),  # a refund is the money side of a return
    "delivery": ("deliver", "bezorg", "lever", "shipping", "verzend", "shipment", "zending"),
    "date": ("date", "datum", "day", "dag"),
    "address": ("address", "adres", "street", "straat"),
    "number": ("number", "nummer", "reference", "referentie", "code"),
    "status": ("status",),
    "tracking": ("track", "trace", "volg"),
    "product": ("product", "artikel", "item"),
    "pickup": ("pickup", "pick up", "pick-up", "collect", "afhaal", "ophaal", "afhalen", "ophalen"),
    "store": ("store", "shop", "winkel", "filiaal"),
    "promise": ("promise", "belofte", "beloofd"),
    "callback": ("callback", "call back", "call-back", "terugbel", "bellen"),
    "replacement": ("replace", "vervang"),
    "email": ("mail",),
    "phone": ("phone", "telefoon", "mobiel", "mobile"),
    "postcode": ("postcode", "postal", "zip"),
    "name": ("name", "naam"),
    "case": ("case", "zaak", "complaint", "klacht", "ticket"),
}
_ENOUGH = 0.6  # below this, neither meaning nor spelling is close enough to suggest
_MARGIN = 0.15  # names this close to the best are suggested with it


def topics(words: str) -> set[str]:
    """The topics ``words`` are about (``"het retourbedrag"`` -> ``{"return", "money"}``)."""
    lowered = words.lower()
    return {topic for topic, stems in _TOPIC_STEMS.items() if any(stem in lowered for stem in stems)}


def closest_by_meaning(words: str, known: Mapping[str, Iterable[str]], *, most: int = 2) -> list[str]:
    """The names in ``known`` (name -> its words) that ``words`` most likely means, best first.

    Empty when nothing is close in meaning or spelling.
    """
    wanted = topics(words)
    scores: dict[str, float] = {}
    for name, its_words in known.items():
        its_words = list(its_words)
        shared = wanted & set().union(*(topics(w) for w in its_words)) if its_words else set()
        spelling = max((_likeness(words, w) for w in its_words), default=0.0)
        scores[name] = len(shared) + spelling
    ranked = sorted(scores, key=lambda name: -scores[name])
    if not ranked or scores[ranked[0]] < _ENOUGH:
        return []
    best = scores[ranked[0]]
    return [name for name in ranked if scores[name] >= best - _MARGIN][:most]


def _likeness(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a.lower(), b.lower()).ratio()
