"""Typed step parameters: read what a writer typed into a value, or say how to write it.

Steps call these to turn the text of a sentence into a value; ``journeys lint``
calls them (through :func:`read_param`) to find values that cannot be read
before anything runs. A step parameter is typed by its *name* in the sentence
pattern, so a writer's ``{moment}`` is read the same way in every step:

    ==========================  ================  =================================
    parameter name              reader            written like
    ==========================  ================  =================================
    amount, price, total        :func:`amount`    € 12,00 / 12.00 EUR
    moment, time                :func:`moment`    Friday 17:45 / vrijdag 17:45
    day, date                   :func:`day`       Wednesday / 27 november
    duration, period            :func:`duration`  2 days / 2 dagen / 30 minuten
    quantity, count             :func:`quantity`  2 / twee / two
    channel                     :func:`channel`   web / winkel / telefoon
    segment                     :func:`segment`   student / gezin / a map's own
    fact                        :func:`fact`      the order total / het bedrag
    what                        :func:`what`      order number / bestelnummer
    touchpoint                  :func:`touchpoint`  web.checkout
    ==========================  ================  =================================

A name with a suffix or prefix (``from_channel``, ``day_2``) is typed by its
part that is known. Every reader raises :class:`StepError` whose message says
what could not be read, the raw text, and how to write it; :func:`describe`
says how to write each kind, in English or Dutch. The readers are written in
:mod:`journeys.vocabulary.params_readers` and :mod:`journeys.vocabulary.params_time`;
this module is where steps find them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from journeys.errors import StepError
from journeys.messages import say
from journeys.vocabulary.params_readers import CHANNELS, amount, channel, fact, quantity, segment, touchpoint, what
from journeys.vocabulary.params_time import day, duration, moment
from journeys.vocabulary.params_words import KIND_NAMES
from journeys.vocabulary.params_words import describe as describe_kind

__all__ = [
    "CHANNELS",
    "KINDS",
    "Known",
    "StepError",
    "amount",
    "channel",
    "day",
    "define",
    "describe",
    "duration",
    "fact",
    "kind_of",
    "moment",
    "quantity",
    "read_param",
    "segment",
    "touchpoint",
    "what",
]

#: How a writer writes each kind, in English (:func:`describe` for Dutch).
KINDS = {kind: describe_kind(kind, "en") for kind in KIND_NAMES}
_NAMES = {
    "amount": "amount", "price": "amount", "total": "amount", "refund": "amount",
    "moment": "moment", "time": "moment",
    "day": "day", "date": "day",
    "duration": "duration", "period": "duration",
    "quantity": "quantity", "count": "quantity",
    "channel": "channel", "segment": "segment", "fact": "fact", "what": "what", "touchpoint": "touchpoint",
}  # fmt: skip


@dataclass(frozen=True)
class Known:
    """What the touchpoint map knows, to check names against; ``None``: do not check."""

    segments: frozenset[str] | None = None
    facts: frozenset[str] | None = None
    touchpoints: frozenset[str] | None = None
    channels: frozenset[str] | None = None
    map: str | None = None  # where the names come from, for messages (None: "the touchpoint map")
    fact_words: Mapping[str, str] | None = None  # the map's own words for its facts


@dataclass(frozen=True)
class _OwnKind:
    reader: Callable[[str], Any]
    how: dict[str, str]  # how to write it, per language


_OWN: dict[str, _OwnKind] = {}


def define(name: str, reader: Callable[[str], Any], *, en: str, nl: str) -> Callable[[str], Any]:
    """A kind of step parameter of your own: parameters called ``name`` (or ``from_name``) are read by
    ``reader``, which raises :class:`StepError` for a value it cannot read; ``journeys lint`` checks
    them before anything runs and ``journeys steps`` says how to write them (``en``, ``nl``).

    Returns:
        ``reader``, for the step to call.

    Raises:
        ValueError: ``name`` is already a kind.
    """
    if name in _NAMES and _NAMES[name] != name or name in KIND_NAMES:
        raise ValueError(f"'{name}' is already a kind of step parameter: choose another name")
    _OWN[name] = _OwnKind(reader, {"en": en, "nl": nl})
    _NAMES[name] = name
    return reader


def describe(kind: str, language: str) -> str:
    """How to write a parameter of ``kind`` in ``language`` ("en" or "nl"), with every word there is.

    Raises:
        ValueError: an unknown kind or language.
    """
    if kind in _OWN and language in ("en", "nl"):
        return _OWN[kind].how[language]
    return describe_kind(kind, language)


def kind_of(name: str) -> str | None:
    """The kind of a step parameter by its name (``"from_channel"`` -> ``"channel"``), or None."""
    name = name.lower()
    if name in _NAMES:
        return _NAMES[name]
    for part in reversed(name.split("_")):
        if part in _NAMES:
            return _NAMES[part]
    return None


def read_param(name: str, raw: Any, *, now: datetime, known: Known = Known()) -> Any:
    """Read step parameter ``name`` as its kind; untyped parameters come back as they are.

    Raises:
        StepError: the value cannot be read, or names something ``known`` does not list.
    """
    kind = kind_of(name)
    if kind is None or not isinstance(raw, str):
        return raw
    if kind in _OWN:
        return _OWN[kind].reader(raw)
    readers: dict[str, Callable[[str], Any]] = {
        "amount": amount,
        "moment": lambda text: moment(text, now),
        "day": lambda text: day(text, now),
        "duration": duration,
        "quantity": quantity,
        "channel": lambda text: _known_channel(channel(text), known),
        "segment": lambda text: segment(text, known.segments, where=known.map) if known.segments is not None else text,
        "fact": lambda text: fact(text, known.facts, where=known.map, words=known.fact_words),
        "what": what,
        "touchpoint": lambda text: (
            touchpoint(text, known.touchpoints, where=known.map) if known.touchpoints is not None else text
        ),
    }
    return readers[kind](raw)


def _known_channel(name: str, known: Known) -> str:
    if known.channels is not None and name not in known.channels:
        where = known.map or say("param.map")
        raise StepError(say("param.no_channel", where=where, channel=name, known=", ".join(sorted(known.channels))))
    return name
