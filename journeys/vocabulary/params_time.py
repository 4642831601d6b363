"""Time in step parameters: moments, days and durations, in English and Dutch.

Read by :mod:`journeys.vocabulary.params` (which steps and ``journeys lint`` call);
every reader raises :class:`StepError` saying what could not be read and how
to write it.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from journeys.errors import StepError
from journeys.messages import say, spoken

__all__ = ["NUMBERS", "day", "duration", "moment", "plain"]

NUMBERS = {
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
_MONTH_NAMES = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"],
}  # fmt: skip
_RELATIVE_DAYS = {"today": 0, "vandaag": 0, "tomorrow": 1, "morgen": 1}
_UNITS = {
    "second": "seconds", "seconds": "seconds", "seconde": "seconds", "seconden": "seconds",
    "minute": "minutes", "minutes": "minutes", "minuut": "minutes", "minuten": "minutes",
    "hour": "hours", "hours": "hours", "uur": "hours", "uren": "hours",
    "day": "days", "days": "days", "dag": "days", "dagen": "days",
    "week": "weeks", "weeks": "weeks", "weken": "weeks",
}  # fmt: skip


def moment(text: str, now: datetime) -> datetime:
    """A moment on the clock: ``"Friday 17:45"``, ``"vrijdag 17:45"``, ``"2026-11-27 17:45"``.

    A weekday (or a bare time) means the first such moment at or after ``now``,
    so setting the clock to it never moves time backwards; a date without a
    year means the first such date at or after ``now``. The result has
    ``now``'s time zone.

    Raises:
        StepError: no day and time in ``text``, or a day or time that does not exist.
    """
    words = plain(text.replace(",", " "))
    found = re.fullmatch(r"(?:(.*?)\s+(?:at|om)\s+|(.*?)\s*)(\d{1,2})[:.](\d{2})(?:\s*(?:uur|h))?", words)
    hint = say("time.moment_hint")
    if not found:
        if _day_or_none(words, now, text, hint) is not None:
            raise StepError(say("time.moment_no_time", text=text))
        raise StepError(say("time.moment", text=text, hint=hint))
    day_words = (found.group(1) or found.group(2) or "").strip()
    hour, minute = int(found.group(3)), int(found.group(4))
    if hour > 23 or minute > 59:
        raise StepError(say("time.no_time", text=text, time=f"{hour}:{minute:02d}", hint=hint))
    at = time(hour, minute)
    if not day_words:
        candidate = datetime.combine(now.date(), at, now.tzinfo)
        return candidate if candidate >= now else candidate + timedelta(days=1)
    if day_words in _WEEKDAYS:
        ahead = (_WEEKDAYS[day_words] - now.weekday()) % 7
        candidate = datetime.combine(now.date() + timedelta(days=ahead), at, now.tzinfo)
        return candidate if candidate >= now else candidate + timedelta(days=7)
    on = _day_or_none(day_words, now, text, hint, what=say("time.a_moment"))
    if on is None:
        raise StepError(say("time.moment", text=text, hint=hint))
    return datetime.combine(on, at, now.tzinfo)


def day(text: str, now: datetime) -> date:
    """A day: ``"Wednesday"``, ``"woensdag"``, ``"27 november"``, ``"2026-11-27"``, ``"tomorrow"``.

    A weekday means the first such day on or after ``now``'s date.

    Raises:
        StepError: no day in ``text``, or a date that does not exist ("30 februari").
    """
    hint = say("time.day_hint")
    on = _day_or_none(plain(text.replace(",", " ")), now, text, hint)
    if on is None:
        raise StepError(say("time.day", text=text, hint=hint))
    return on


def duration(text: str) -> timedelta:
    """A stretch of time: ``"2 days"``, ``"2 dagen"``, ``"3 hours"``, ``"1 uur"``, ``"1 week"``.

    Raises:
        StepError: no number and unit in ``text``, or a duration of zero or less.
    """
    hint = say("time.duration_hint")
    found = re.fullmatch(r"(\S+)\s+(\S+)", plain(text))
    if not found or found.group(2) not in _UNITS:
        raise StepError(say("time.duration", text=text, hint=hint))
    count_text = found.group(1).replace(",", ".")
    if count_text in NUMBERS:
        count = float(NUMBERS[count_text])
    elif re.fullmatch(r"-?\d+(?:\.\d+)?", count_text):
        count = float(count_text)
    else:
        raise StepError(say("time.duration", text=text, hint=hint))
    if count <= 0:
        raise StepError(say("time.duration_zero", text=text, hint=hint))
    return timedelta(**{_UNITS[found.group(2)]: count})


def _day_or_none(words: str, now: datetime, text: str, hint: str, what: str | None = None) -> date | None:
    """The day ``words`` name, or None; StepError for a date that does not exist (``what``: a day)."""
    what = what or say("time.a_day")
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
        raise StepError(say("time.no_month", what=what, text=text, month=month, hint=hint))
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
        named = f"{number} {_MONTH_NAMES[spoken()][month - 1]}{f' {year}' if year else ''}"
        raise StepError(say("time.no_date", what=what, text=text, date=named, hint=hint)) from None


def plain(text: str) -> str:
    """``text`` lower case, its whitespace runs made one space."""
    return " ".join(text.lower().split())
