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
    touchpoint                  :func:`touchpoint`  web.checkout
    ==========================  ================  =================================

A name with a suffix or prefix (``from_channel``, ``day_2``) is typed by its
part that is known. Every reader raises :class:`StepError` whose message says
what could not be read, the raw text, and how to write it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from journeys.errors import StepError

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
    "duration",
    "fact",
    "kind_of",
    "moment",
    "quantity",
    "read_param",
    "segment",
    "touchpoint",
]

_NUMBERS = {
    "zero": 0, "nul": 0,
    "one": 1, "a": 1, "an": 1, "een": 1, "één": 1,
    "two": 2, "twee": 2, "three": 3, "drie": 3, "four": 4, "vier": 4,
    "five": 5, "vijf": 5, "six": 6, "zes": 6, "seven": 7, "zeven": 7,
    "eight": 8, "acht": 8, "nine": 9, "negen": 9, "ten": 10, "tien": 10,
    "eleven": 11, "elf": 11, "twelve": 12, "twaalf": 12,
}  # fmt: skip
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "maandag": 0, "dinsdag": 1, "woensdag": 2, "donderdag": 3, "vrijdag": 4,
    "zaterdag": 5, "zondag": 6,
}  # fmt: skip
_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "januari": 1, "februari": 2, "maart": 3, "mei": 5, "juni": 6, "juli": 7, "augustus": 8,
    "oktober": 10,
}  # fmt: skip
_MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"]  # fmt: skip
_RELATIVE_DAYS = {"today": 0, "vandaag": 0, "tomorrow": 1, "morgen": 1}
_UNITS = {
    "second": "seconds", "seconds": "seconds", "seconde": "seconds", "seconden": "seconds",
    "minute": "minutes", "minutes": "minutes", "minuut": "minutes", "minuten": "minutes",
    "hour": "hours", "hours": "hours", "uur": "hours", "uren": "hours",
    "day": "days", "days": "days", "dag": "days", "dagen": "days",
    "week": "weeks", "weeks": "weeks", "weken": "weeks",
}  # fmt: skip
CHANNELS = {
    "web": "web", "web shop": "web", "webshop": "web", "webwinkel": "web", "website": "web",
    "app": "app", "api": "api",
    "store": "store", "winkel": "store", "kassa": "store",
    "click-and-collect": "click-and-collect", "click and collect": "click-and-collect",
    "click & collect": "click-and-collect", "afhalen": "click-and-collect",
    "email": "email", "e-mail": "email", "mail": "email",
    "chat": "chat",
    "phone": "phone", "telephone": "phone", "telefoon": "phone",
    "agent": "agent", "agent console": "agent", "klantenservice": "agent",
    "customer service": "agent",
    "returns": "returns", "returns portal": "returns", "retourportaal": "returns",
    "sms": "sms",
}  # fmt: skip
_SEGMENT_WORDS = {
    "gezin": "family",
    "familie": "family",
    "zakelijk": "business",
    "studenten": "student",
    "oudere": "senior",
    "senioren": "senior",
}

_MOMENT_HINT = "write it like 'Friday 17:45', 'vrijdag 17:45' or '2026-11-27 17:45'"
_DAY_HINT = "write it like 'Wednesday', 'woensdag', '27 november' or '2026-11-27'"


def amount(text: str) -> Money:
    """An amount of money written by a writer: ``"€ 12,00"``, ``"12.00 EUR"``.

    Read by the same normalizer that reads amounts off pages and mails
    (``journeys.values``), so a writer's amount compares with what the
    company showed.

    Raises:
        StepError: no amount in ``text``.
    """
    from journeys.values import read_value  # the values package imports nothing from here

    problem = f"could not read an amount from '{text}': write it like '€ 12,00' or '12.00 EUR'"
    # Digits, separators and a currency only: "twaalf euro" or "12 appels" is no amount.
    rest = re.sub(r"[\d.,\s\-€$£]|\b(?:eur|euro|euros|usd|gbp|chf)\b", "", text.lower())
    if rest or not re.search(r"\d", text):
        raise StepError(problem)
    try:
        value: Money = read_value("money", text, seen_at=datetime.now().astimezone())
    except (StepError, ValueError) as exc:
        raise StepError(problem) from exc
    return value


def moment(text: str, now: datetime) -> datetime:
    """A moment on the clock: ``"Friday 17:45"``, ``"vrijdag 17:45"``, ``"2026-11-27 17:45"``.

    A weekday (or a bare time) means the first such moment at or after ``now``,
    so setting the clock to it never moves time backwards; a date without a
    year means the first such date at or after ``now``. The result has
    ``now``'s time zone.

    Raises:
        StepError: no day and time in ``text``, or a day or time that does not exist.
    """
    words = _words(text.replace(",", " "))
    found = re.fullmatch(r"(?:(.*?)\s+(?:at|om)\s+|(.*?)\s*)(\d{1,2})[:.](\d{2})(?:\s*(?:uur|h))?", words)
    if not found:
        if _day_or_none(words, now, text, _MOMENT_HINT) is not None:
            raise StepError(f"could not read a moment from '{text}': add the time, like '{text} 17:45'")
        raise StepError(f"could not read a moment from '{text}': {_MOMENT_HINT}")
    day_words = (found.group(1) or found.group(2) or "").strip()
    hour, minute = int(found.group(3)), int(found.group(4))
    if hour > 23 or minute > 59:
        raise StepError(f"could not read a moment from '{text}': there is no time {hour}:{minute:02d}; {_MOMENT_HINT}")
    at = time(hour, minute)
    if not day_words:
        candidate = datetime.combine(now.date(), at, now.tzinfo)
        return candidate if candidate >= now else candidate + timedelta(days=1)
    if day_words in _WEEKDAYS:
        ahead = (_WEEKDAYS[day_words] - now.weekday()) % 7
        candidate = datetime.combine(now.date() + timedelta(days=ahead), at, now.tzinfo)
        return candidate if candidate >= now else candidate + timedelta(days=7)
    on = _day_or_none(day_words, now, text, _MOMENT_HINT, what="a moment")
    if on is None:
        raise StepError(f"could not read a moment from '{text}': {_MOMENT_HINT}")
    return datetime.combine(on, at, now.tzinfo)


def day(text: str, now: datetime) -> date:
    """A day: ``"Wednesday"``, ``"woensdag"``, ``"27 november"``, ``"2026-11-27"``, ``"tomorrow"``.

    A weekday means the first such day on or after ``now``'s date.

    Raises:
        StepError: no day in ``text``, or a date that does not exist ("30 februari").
    """
    on = _day_or_none(_words(text.replace(",", " ")), now, text, _DAY_HINT)
    if on is None:
        raise StepError(f"could not read a day from '{text}': {_DAY_HINT}")
    return on


def duration(text: str) -> timedelta:
    """A stretch of time: ``"2 days"``, ``"2 dagen"``, ``"3 hours"``, ``"1 uur"``, ``"1 week"``.

    Raises:
        StepError: no number and unit in ``text``, or a duration of zero or less.
    """
    hint = "write it like '2 days', '2 dagen', '3 hours', '30 minuten' or '1 week'"
    found = re.fullmatch(r"(\S+)\s+(\S+)", _words(text))
    if not found or found.group(2) not in _UNITS:
        raise StepError(f"could not read a duration from '{text}': {hint}")
    count_text = found.group(1).replace(",", ".")
    if count_text in _NUMBERS:
        count = float(_NUMBERS[count_text])
    elif re.fullmatch(r"-?\d+(?:\.\d+)?", count_text):
        count = float(count_text)
    else:
        raise StepError(f"could not read a duration from '{text}': {hint}")
    if count <= 0:
        raise StepError(f"could not read a duration from '{text}': it must be more than zero; {hint}")
    return timedelta(**{_UNITS[found.group(2)]: count})


def quantity(text: str) -> int:
    """How many: ``"2"``, ``"twee"``, ``"two"`` (words up to twelve).

    Raises:
        StepError: not a whole number of at least 1 (``"0"``, ``"-1"``, ``"veel"``).
    """
    hint = "write a whole number from 1 up, like '2', 'twee' or 'two'"
    words = _words(text)
    if re.fullmatch(r"[-+]?\d+", words):
        count = int(words)
    elif words in _NUMBERS:
        count = _NUMBERS[words]
    else:
        raise StepError(f"could not read a quantity from '{text}': {hint}")
    if count < 1:
        raise StepError(f"could not read a quantity from '{text}': it must be at least 1; {hint}")
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
    raise StepError(f"could not read a channel from '{text}': " + _did_you_mean(close, f"write one of {known}"))


def segment(text: str, known: Collection[str], *, where: str = "the touchpoint map") -> str:
    """The customer segment a writer names, one of ``known`` (the touchpoint map's segments).

    Dutch names of the usual segments are understood: ``"gezin"`` -> ``"family"``.

    Raises:
        StepError: not one of the known segments.
    """
    words = _words(text)
    by_lower = {name.lower(): name for name in known}
    words = _SEGMENT_WORDS.get(words, words)
    if words in by_lower:
        return by_lower[words]
    if not by_lower:
        raise StepError(f"unknown segment '{text}': {where} lists no segments; add them under 'segments:'")
    close = difflib.get_close_matches(words, by_lower, n=1)
    raise StepError(
        f"unknown segment '{text}': "
        + _did_you_mean(
            [by_lower[c] for c in close],
            f"write one of {', '.join(sorted(known))} (the segments of {where})",
        )
    )


def fact(
    text: str,
    known: Collection[str] | None = None,
    *,
    where: str = "the touchpoint map",
    words: Mapping[str, str] | None = None,
) -> str:
    """The fact a writer means (``"the order total"`` -> ``"order.total"``).

    With ``known`` (the facts the touchpoint map reads), a fact no touchpoint
    reads is refused too: nothing could ever observe it. ``words``: the
    map's own fact words (default: those of the journey being walked).

    Raises:
        StepError: unknown fact words, or a fact no touchpoint reads.
    """
    from journeys.gherkin.words import fact_named

    name = fact_named(text, words)
    if known is not None and name not in known:
        raise StepError(
            f"no touchpoint of {where} reads the fact '{name}' ('{text}'): add it "
            "to the facts of a touchpoint there, or check another fact"
        )
    return name


def touchpoint(text: str, known: Collection[str], *, where: str = "the touchpoint map") -> str:
    """A touchpoint of the map by its name (``"web.checkout"``).

    Raises:
        StepError: not a touchpoint of the map.
    """
    name = text.strip()
    if name in known:
        return name
    close = difflib.get_close_matches(name, list(known), n=1)
    raise StepError(
        f"unknown touchpoint '{text}': "
        + _did_you_mean(close, f"write one of the touchpoints of {where}: {', '.join(sorted(known))}")
    )


@dataclass(frozen=True)
class Known:
    """What the touchpoint map knows, to check names against; ``None``: do not check."""

    segments: frozenset[str] | None = None
    facts: frozenset[str] | None = None
    touchpoints: frozenset[str] | None = None
    channels: frozenset[str] | None = None
    map: str = "the touchpoint map"  # where the names come from, for messages
    fact_words: Mapping[str, str] | None = None  # the map's own words for its facts


#: The kinds of typed parameters and how a writer writes each (for the catalogue).
KINDS = {
    "amount": "an amount of money: '€ 12,00' or '12.00 EUR'",
    "moment": "a day and time: 'Friday 17:45', 'vrijdag 17:45' or '2026-11-27 17:45'",
    "day": "a day: 'Wednesday', 'woensdag', '27 november' or '2026-11-27'",
    "duration": "a number and a unit: '2 days', '2 dagen', '3 hours', '30 minuten', '1 week'",
    "quantity": "a whole number from 1: '2', 'twee' or 'two'",
    "channel": "a channel: " + ", ".join(sorted(set(CHANNELS.values()))) + " (also winkel, webwinkel, telefoon)",
    "segment": "a segment from the touchpoint map's `segments:` (gezin = family)",
    "fact": "the words for a fact: 'order total', 'het totaalbedrag', 'delivery date', ...,"
    " or a map's own (`journeys steps --system X`)",
    "touchpoint": "a touchpoint of the map by name: 'web.checkout'",
}
_NAMES = {
    "amount": "amount", "price": "amount", "total": "amount", "refund": "amount",
    "moment": "moment", "time": "moment",
    "day": "day", "date": "day",
    "duration": "duration", "period": "duration",
    "quantity": "quantity", "count": "quantity",
    "channel": "channel", "segment": "segment", "fact": "fact", "touchpoint": "touchpoint",
}  # fmt: skip


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
    readers: dict[str, Callable[[str], Any]] = {
        "amount": amount,
        "moment": lambda text: moment(text, now),
        "day": lambda text: day(text, now),
        "duration": duration,
        "quantity": quantity,
        "channel": lambda text: _known_channel(channel(text), known),
        "segment": lambda text: segment(text, known.segments, where=known.map) if known.segments is not None else text,
        "fact": lambda text: fact(text, known.facts, where=known.map, words=known.fact_words),
        "touchpoint": lambda text: (
            touchpoint(text, known.touchpoints, where=known.map) if known.touchpoints is not None else text
        ),
    }
    return readers[kind](raw)


def _known_channel(name: str, known: Known) -> str:
    if known.channels is not None and name not in known.channels:
        raise StepError(
            f"{known.map} has no touchpoint on the channel '{name}': add one "
            f"there, or use one of {', '.join(sorted(known.channels))}"
        )
    return name


def _did_you_mean(close: list[str], advice: str) -> str:
    """``did you mean 'x'? Write ...`` or just the advice."""
    return f"did you mean '{close[0]}'? {advice[0].upper()}{advice[1:]}" if close else advice


def _words(text: str) -> str:
    return " ".join(text.lower().split())


def _day_or_none(words: str, now: datetime, text: str, hint: str, what: str = "a day") -> date | None:
    """The day ``words`` name, or None; StepError for a date that does not exist."""
    today = now.date()
    if words in _RELATIVE_DAYS:
        return today + timedelta(days=_RELATIVE_DAYS[words])
    if words in _WEEKDAYS:
        return today + timedelta(days=(_WEEKDAYS[words] - today.weekday()) % 7)
    year: int | None
    if found := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", words):
        year, month, number = (int(g) for g in found.groups())
    elif found := re.fullmatch(r"(\d{1,2})-(\d{1,2})-(\d{4})", words):
        number, month, year = (int(g) for g in found.groups())
    elif (found := re.fullmatch(r"(?:\w+ )?(\d{1,2}) ([a-z]+)(?: (\d{4}))?", words)) and found.group(2) in _MONTHS:
        number, month = int(found.group(1)), _MONTHS[found.group(2)]
        year = int(found.group(3)) if found.group(3) else None
    elif (found := re.fullmatch(r"(?:\w+ )?([a-z]+) (\d{1,2})(?: (\d{4}))?", words)) and found.group(1) in _MONTHS:
        number, month = int(found.group(2)), _MONTHS[found.group(1)]
        year = int(found.group(3)) if found.group(3) else None
    else:
        return None
    if not 1 <= month <= 12:
        raise StepError(f"could not read {what} from '{text}': there is no month {month}; {hint}")
    try:
        if year is not None:
            return date(year, month, number)
        # No year: the first such date from today on (29 February: the next leap year).
        for ahead in range(9):
            try:
                candidate = date(today.year + ahead, month, number)
            except ValueError:
                continue
            if candidate >= today:
                return candidate
        return date(today.year, month, number)  # raises: the date exists in no year
    except ValueError:
        raise StepError(
            f"could not read {what} from '{text}': there is no {number} "
            f"{_MONTH_NAMES[month - 1]}"
            f"{f' {year}' if year else ''}; {hint}"
        ) from None
