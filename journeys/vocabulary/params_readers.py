"""The readers of step parameters other than time (those are :mod:`journeys.vocabulary.params_time`).

An amount, a quantity, a channel, a segment, a fact, a touchpoint, what she is
asked for: each reads what a writer typed into the value a step uses, or raises
:class:`StepError` saying what could not be read and how to write it (with the
closest name it knows). :mod:`journeys.vocabulary.params` offers them to steps.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Mapping
from datetime import datetime
from typing import TYPE_CHECKING

from journeys.errors import StepError
from journeys.messages import say
from journeys.vocabulary.fact_words import fact_named, input_named
from journeys.vocabulary.params_time import NUMBERS
from journeys.vocabulary.params_time import plain as _words
from journeys.vocabulary.params_words import CHANNEL_WORDS, SEGMENT_WORDS

if TYPE_CHECKING:
    from journeys.values import Money

__all__ = ["CHANNELS", "amount", "channel", "fact", "quantity", "segment", "touchpoint", "what"]

#: Every word for a channel, in either language (and the channel's own name) -> the channel.
CHANNELS = {
    word: name for name, by_language in CHANNEL_WORDS.items() for word in (name, *by_language["en"], *by_language["nl"])
}


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


def _did_you_mean(close: list[str], advice: str) -> str:
    """``did you mean 'x'? Write ...`` or just the advice."""
    return say("param.did_you_mean", close=close[0], advice=f"{advice[0].upper()}{advice[1:]}") if close else advice
