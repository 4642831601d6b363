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
says how to write each kind, in English or Dutch.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from journeys.errors import StepError
from journeys.messages import say
from journeys.vocabulary.fact_words import fact_named, input_named
from journeys.vocabulary.params_time import NUMBERS, day, duration, moment
from journeys.vocabulary.params_time import plain as _words
from journeys.vocabulary.params_words import CHANNEL_WORDS, KIND_NAMES, SEGMENT_WORDS
from journeys.vocabulary.params_words import describe as describe_kind

if TYPE_CHECKING:
    from journeys.values import Money


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

#: Every word for a channel, in either language (and the channel's own name) -> the channel.
CHANNELS = {
    word: name for name, by_language in CHANNEL_WORDS.items() for word in (name, *by_language["en"], *by_language["nl"])
}
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


def amount(text: str) -> Money:
    """An amount of money written by a writer: ``"€ 12,00"``, ``"12.00 EUR"``.

    Read by the same normalizer that reads amounts off pages and mails
    (``journeys.values``), so a writer's amount compares with what the
    company showed.

    Raises:
        StepError: no amount in ``text``.
    """
    from journeys.values import read_value  # the values package imports nothing from here

    problem = say("param.amount", text=text)
    # Digits, separators and a currency only: "twaalf euro" or "12 appels" is no amount.
    rest = re.sub(r"[\d.,\s\-€$£]|\b(?:eur|euro|euros|usd|gbp|chf)\b", "", text.lower())
    if rest or not re.search(r"\d", text):
        raise StepError(problem)
    try:
        value: Money = read_value("money", text, seen_at=datetime.now().astimezone())
    except (StepError, ValueError) as exc:
        raise StepError(problem) from exc
    return value


def quantity(text: str) -> int:
    """How many: ``"2"``, ``"twee"``, ``"two"`` (words up to twelve).

    Raises:
        StepError: not a whole number of at least 1 (``"0"``, ``"-1"``, ``"veel"``).
    """
    hint = say("param.quantity_hint")
    words = _words(text)
    if re.fullmatch(r"[-+]?\d+", words):
        count = int(words)
    elif words in NUMBERS:
        count = NUMBERS[words]
    else:
        raise StepError(say("param.quantity", text=text, hint=hint))
    if count < 1:
        raise StepError(say("param.quantity_low", text=text, hint=hint))
    return count


def channel(text: str) -> str:
    """The channel a writer names, as the harness calls it: ``"winkel"`` -> ``"store"``.

    Raises:
        StepError: not a channel.
    """
    words = _words(text)
    if words in CHANNELS:
        return CHANNELS[words]
    close = difflib.get_close_matches(words, CHANNELS, n=1)
    known = ", ".join(sorted(set(CHANNELS.values())))
    advice = _did_you_mean(close, say("param.channel_advice", known=known))
    raise StepError(say("param.channel", text=text, advice=advice))


def segment(text: str, known: Collection[str], *, where: str | None = None) -> str:
    """The customer segment a writer names, one of ``known`` (the touchpoint map's segments).

    Dutch names of the usual segments are understood: ``"gezin"`` -> ``"family"``.

    Raises:
        StepError: not one of the known segments.
    """
    words = _words(text)
    by_lower = {name.lower(): name for name in known}
    words = SEGMENT_WORDS.get(words, words)
    if words in by_lower:
        return by_lower[words]
    where = where or say("param.map")
    if not by_lower:
        raise StepError(say("param.no_segments", text=text, where=where))
    close = difflib.get_close_matches(words, by_lower, n=1)
    advice = say("param.segment_advice", known=", ".join(sorted(known)), where=where)
    raise StepError(say("param.segment", text=text, advice=_did_you_mean([by_lower[c] for c in close], advice)))


def fact(
    text: str,
    known: Collection[str] | None = None,
    *,
    where: str | None = None,
    words: Mapping[str, str] | None = None,
) -> str:
    """The fact a writer means (``"the order total"`` -> ``"order.total"``).

    With ``known`` (the facts the touchpoint map reads), a fact no touchpoint
    reads is refused too: nothing could ever observe it. ``words``: the
    map's own fact words (default: those of the journey being walked).

    Raises:
        StepError: unknown fact words, or a fact no touchpoint reads.
    """
    name = fact_named(text, words)
    if known is not None and name not in known:
        raise StepError(say("param.fact_unread", where=where or say("param.map"), fact=name, text=text))
    return name


def touchpoint(text: str, known: Collection[str], *, where: str | None = None) -> str:
    """A touchpoint of the map by its name (``"web.checkout"``).

    Raises:
        StepError: not a touchpoint of the map.
    """
    name = text.strip()
    if name in known:
        return name
    close = difflib.get_close_matches(name, list(known), n=1)
    advice = say("param.touchpoint_advice", where=where or say("param.map"), known=", ".join(sorted(known)))
    raise StepError(say("param.touchpoint", text=text, advice=_did_you_mean(close, advice)))


def what(text: str) -> str:
    """What a customer is asked for, as the form field it fills (``"haar bestelnummer"`` -> ``"order_number"``).

    Raises:
        StepError: words for nothing a customer is asked for.
    """
    return input_named(text)


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


def _did_you_mean(close: list[str], advice: str) -> str:
    """``did you mean 'x'? Write ...`` or just the advice."""
    return say("param.did_you_mean", close=close[0], advice=f"{advice[0].upper()}{advice[1:]}") if close else advice
