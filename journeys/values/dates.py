"""Dates and date ranges, read from how shops write them in Dutch and English.

Every reading is relative to ``seen_at``, the system's clock when the customer
saw the text: "morgen" seen on Monday is Tuesday.

What is read, in this order (the first that fits wins):

- relative words: ``vandaag``/``today``, ``morgen``/``tomorrow``,
  ``overmorgen``/``the day after tomorrow``, ``gisteren``/``yesterday``;
- ``2026-11-25`` (ISO, a time after it is ignored) and ``25-11-2026``
  (also with ``/`` or ``.``: always day-month-year);
- ``within 2 working days`` / ``binnen 2 werkdagen``: the range from the day
  seen to 2 working days later (Saturdays and Sundays skipped; public holidays
  are not known here);
- ranges: ``between 24 and 26 November``, ``tussen 24 en 26 november``,
  ``24-26 november``, ``24 november t/m 26 november``;
- ``woensdag 25 november 2026``, ``Friday 27 November``, ``November 27, 2026``:
  without a year, the next such date on or after the day seen; a weekday that
  does not fit the date makes the text unreadable (the shop contradicts itself);
- a weekday alone (``vrijdag``, ``next Friday``): the next such day *after*
  the day seen (on a Friday, "vrijdag" means next week: shops say "vandaag"
  for today);
- anything else goes to dateparser (languages nl and en, relative to the day
  seen, preferring the future), which is slower, so the common shapes above
  are read without it. Results are cached per text and day.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from journeys.messages import spoken
from journeys.values.date_words import (
    BETWEEN,
    DAY_MONTH,
    DMY,
    FILLER,
    ISO,
    MONTH_DAY,
    MONTHS,
    NUMBER_WORDS,
    RANGE_SEPARATOR,
    RELATIVE,
    WEEKDAY_ALONE,
    WEEKDAY_SHORT,
    WEEKDAYS,
    WEEKDAYS_SHOWN,
    WORKING_DAYS,
)
from journeys.values.unreadable import Unreadable


@dataclass(frozen=True)
class DateRange:
    """Every day from ``start`` to ``end``, both included."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"a date range ends before it starts: {self.start} .. {self.end}")

    def __contains__(self, day: object) -> bool:
        if isinstance(day, datetime):
            day = day.date()
        return isinstance(day, date) and self.start <= day <= self.end


class _Contradiction(Unreadable):
    """Text that has the shape of a date but cannot be one: no other reading is tried."""


def read_date(raw: str, *, seen_at: datetime | date) -> date | DateRange:
    """Read a date or a range of dates from raw text, relative to when it was seen.

    Args:
        raw: the text as shown (``woensdag 25 november 2026``, ``morgen``...).
        seen_at: the system's clock when the customer saw it.

    Returns:
        A ``date``, or a ``DateRange`` for ranges and "within N working days".

    Raises:
        Unreadable: the text is not a date this module or dateparser can read.
    """
    today = seen_at.date() if isinstance(seen_at, datetime) else seen_at
    text = " ".join(raw.replace("\u00a0", " ").split()).lower().strip(" .,;:")
    result = _read_cached(text, today)
    if isinstance(result, Unreadable):
        raise Unreadable("date", raw, result.reason)
    return result


@lru_cache(maxsize=16384)
def _read_cached(text: str, today: date) -> date | DateRange | Unreadable:
    # Failures are cached too: dateparser is what makes a failure slow.
    try:
        return _read(text, today)
    except Unreadable as exc:
        return exc


def _read(text: str, today: date) -> date | DateRange:
    text = FILLER.sub("", text)
    found = WORKING_DAYS.match(text)
    if found:
        n = _count(found["n"], text)
        return DateRange(today, add_working_days(today, n))
    found = BETWEEN.match(text)
    if found:
        return _range(found["a"], found["b"], today, text)
    try:
        return _single(text, today)
    except _Contradiction:
        raise
    except Unreadable:
        pass
    for separator in RANGE_SEPARATOR.finditer(text):
        left, right = text[: separator.start()], text[separator.end() :]
        if left and right:
            try:
                return _range(left, right, today, text)
            except _Contradiction:
                raise
            except Unreadable:
                continue
    return _with_dateparser(text, today)


def _single(text: str, today: date) -> date:
    """One day, from the fast shapes; Unreadable when none fits."""
    if text in RELATIVE:
        return today + timedelta(days=RELATIVE[text])
    found = ISO.match(text)
    if found:
        return _date(int(found[1]), int(found[2]), int(found[3]), text)
    found = DMY.match(text)
    if found:
        return _date(int(found[3]), int(found[2]), int(found[1]), text)
    for shape in (DAY_MONTH, MONTH_DAY):
        found = shape.match(text)
        if found and found["m"] in MONTHS and (found["wd"] is None or found["wd"] in WEEKDAYS):
            return _day_month(found, today, text)
    found = WEEKDAY_ALONE.match(text)
    if found and found["wd"] in WEEKDAYS:
        ahead = (WEEKDAYS[found["wd"]] - today.weekday()) % 7 or 7
        return today + timedelta(days=ahead)
    raise Unreadable("date", text, "no known shape")


def _day_month(found: re.Match[str], today: date, text: str) -> date:
    month, day = MONTHS[found["m"]], int(found["d"])
    if found["y"]:
        result = _date(int(found["y"]), month, day, text)
    else:
        result = _next_on_or_after(today, month, day, text)
    weekday = found["wd"]
    if weekday is not None and WEEKDAYS[weekday] != result.weekday():
        raise _Contradiction("date", text, f"{weekday} does not fit {result} ({WEEKDAY_SHORT[result.weekday()]})")
    return result


def _next_on_or_after(today: date, month: int, day: int, text: str) -> date:
    for year in range(today.year, today.year + 9):  # 29 February comes back within 8 years
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate >= today:
            return candidate
    raise Unreadable("date", text, f"no day {day} in month {month}")


def _date(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise _Contradiction("date", text, str(exc)) from None


def _range(left: str, right: str, today: date, text: str) -> DateRange:
    end = _single(right.strip(), today)
    left = left.strip()
    if left.isdigit():
        # "24-26 november": the start borrows month and year from the end.
        start_day = int(left)
        start = (
            _date(end.year, end.month, start_day, text)
            if start_day <= end.day
            else _date(*_month_before(end), start_day, text)
        )
    else:
        start = _single(left, today)
        if start > end and _has_no_year(left):
            earlier = _date(start.year - 1, start.month, start.day, text)
            if (end - earlier).days <= 62:
                start = earlier  # "30 december - 2 januari" crosses the new year
    if start > end:
        raise _Contradiction("date", text, f"range ends before it starts: {start} .. {end}")
    return DateRange(start, end)


def _month_before(day: date) -> tuple[int, int]:
    return (day.year, day.month - 1) if day.month > 1 else (day.year - 1, 12)


def _has_no_year(text: str) -> bool:
    return re.search(r"\d{4}", text) is None


def _count(word: str, text: str) -> int:
    if word.isdigit():
        return int(word)
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    raise Unreadable("date", text, f"not a number of days: {word!r}")


def _with_dateparser(text: str, today: date) -> date:
    import dateparser  # slow to import; most texts never need it

    parsed = dateparser.parse(
        text,
        languages=["nl", "en"],
        settings={
            "RELATIVE_BASE": datetime.combine(today, time(12)),
            "PREFER_DATES_FROM": "future",
            "DATE_ORDER": "DMY",
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    if parsed is None:
        raise Unreadable("date", text, "dateparser found no date")
    day: date = parsed.date()
    return day


def add_working_days(start: date, days: int, *, holidays: Collection[date] = ()) -> date:
    """The day ``days`` working days after ``start`` (weekends and ``holidays`` skipped)."""
    day = start
    while days > 0:
        day += timedelta(days=1)
        if day.weekday() < 5 and day not in holidays:
            days -= 1
    return day


def show_date(value: date | DateRange | datetime) -> str:
    """``2026-11-25 (Wed)``; a range ``2026-11-24 (Tue) .. 2026-11-26 (Thu)``; ``(wo)`` in a Dutch journey."""
    if isinstance(value, DateRange):
        return f"{show_date(value.start)} .. {show_date(value.end)}"
    day = WEEKDAYS_SHOWN[spoken()][value.weekday()]
    if isinstance(value, datetime):
        return f"{value.date().isoformat()} {value:%H:%M} ({day})"
    return f"{value.isoformat()} ({day})"
