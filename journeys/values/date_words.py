"""How shops write dates, in Dutch and English: the words and the shapes ``journeys.values.dates`` reads.

Month and weekday names are Babel's (wide and abbreviated, both languages)
with the abbreviations shops add; relative days and numbers of days are
written out; the shapes are matched against text already lower-cased and
with its spaces made single.
"""

from __future__ import annotations

import re

from babel.dates import get_day_names, get_month_names

__all__ = [
    "BETWEEN",
    "DAY_MONTH",
    "DMY",
    "FILLER",
    "ISO",
    "MONTHS",
    "MONTH_DAY",
    "NUMBER_WORDS",
    "RANGE_SEPARATOR",
    "RELATIVE",
    "WEEKDAYS",
    "WEEKDAY_ALONE",
    "WEEKDAY_SHORT",
    "WEEKDAYS_SHOWN",
    "WORKING_DAYS",
]


def _names(kind: str) -> dict[str, int]:
    table: dict[str, int] = {}
    getter = get_month_names if kind == "month" else get_day_names
    for locale in ("nl", "en"):
        for width in ("wide", "abbreviated"):
            for number, name in getter(width, locale=locale).items():
                table[name.lower().rstrip(".")] = number
    return table


MONTHS = {**_names("month"), "sept": 9, "mrt": 3}
WEEKDAYS = {**_names("day"), "tues": 1, "thur": 3, "thurs": 3}
RELATIVE = {
    "vandaag": 0,
    "today": 0,
    "morgen": 1,
    "tomorrow": 1,
    "overmorgen": 2,
    "the day after tomorrow": 2,
    "day after tomorrow": 2,
    "gisteren": -1,
    "yesterday": -1,
}
NUMBER_WORDS = {
    "een": 1,
    "één": 1,
    "one": 1,
    "a": 1,
    "twee": 2,
    "two": 2,
    "drie": 3,
    "three": 3,
    "vier": 4,
    "four": 4,
    "vijf": 5,
    "five": 5,
    "zes": 6,
    "six": 6,
    "zeven": 7,
    "seven": 7,
    "acht": 8,
    "eight": 8,
    "negen": 9,
    "nine": 9,
    "tien": 10,
    "ten": 10,
}
WEEKDAY_SHORT = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
WEEKDAYS_SHOWN = {"en": WEEKDAY_SHORT, "nl": ("ma", "di", "wo", "do", "vr", "za", "zo")}  # in a journey's language

ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[t ].*)?$")
DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_TIME = r"(?:,?\s+(?:om\s+|at\s+)?\d{1,2}[:.]\d{2}(?:\s*uur)?)?"
DAY_MONTH = re.compile(
    r"^(?:(?P<wd>[a-z]+)\.?,?\s+)?(?:the\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th|e|ste|de)?\s+"
    r"(?:of\s+)?(?P<m>[a-z]+)\.?(?:,?\s+(?P<y>\d{4}))?" + _TIME + "$"
)
MONTH_DAY = re.compile(
    r"^(?:(?P<wd>[a-z]+)\.?,?\s+)?(?P<m>[a-z]+)\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?"
    r"(?:,?\s+(?P<y>\d{4}))?" + _TIME + "$"
)
WEEKDAY_ALONE = re.compile(r"^(?:next\s+|volgende\s+|komende\s+|this\s+|deze\s+)?(?P<wd>[a-z]+)$")
WORKING_DAYS = re.compile(
    r"^(?:within|in|binnen|uiterlijk\s+binnen)\s+(?P<n>\d+|[a-zé]+)\s+"
    r"(?:(?:working|business|work)\s+days?|werkdagen|werkdag)$"
)
BETWEEN = re.compile(r"^(?:between|tussen)\s+(?P<a>.+?)\s+(?:and|en)\s+(?P<b>.+)$")
RANGE_SEPARATOR = re.compile(r"\s*[-–—]\s*|\s+(?:t/m|tot en met|tot|to|until|till)\s+")
FILLER = re.compile(r"^(?:on|op|by|uiterlijk|delivered|bezorgd|expected|verwacht)\s+")
