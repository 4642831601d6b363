"""Dates: Dutch and English, absolute and relative, single days and ranges."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from babel.dates import format_date
from core_helpers import MONDAY
from hypothesis import given, settings
from hypothesis import strategies as st

from journeys.values import (
    DateRange,
    Unreadable,
    add_working_days,
    agree,
    read_date,
    read_value,
    show,
)

TUE, WED, FRI = date(2026, 11, 24), date(2026, 11, 25), date(2026, 11, 27)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("woensdag 25 november 2026", WED),
        ("Woensdag 25 November 2026 14:00", WED),
        ("25-11-2026", WED),
        ("25/11/2026", WED),
        ("2026-11-25", WED),
        ("2026-11-25T18:00:00+01:00", WED),
        ("morgen", TUE),
        ("Morgen.", TUE),
        ("overmorgen", WED),
        ("vandaag", MONDAY.date()),
        ("tomorrow", TUE),
        ("vrijdag 27 november", FRI),
        ("Friday 27 November", FRI),
        ("Friday, November 27", FRI),
        ("November 27, 2026", FRI),
        ("the 27th of November 2026", FRI),
        ("op vrijdag 27 nov.", FRI),
        ("vrijdag", FRI),
        ("next Friday", FRI),
        ("maandag", date(2026, 11, 30)),  # a weekday alone is the next such day after today
        ("over 3 dagen", date(2026, 11, 26)),  # dateparser's share
    ],
)
def test_one_day(raw, expected):
    assert read_value("date", raw, seen_at=MONDAY) == expected


@pytest.mark.parametrize(
    ("raw", "start", "end"),
    [
        ("within 2 working days", MONDAY.date(), WED),
        ("binnen 2 werkdagen", MONDAY.date(), WED),
        ("binnen vijf werkdagen", MONDAY.date(), date(2026, 11, 30)),
        ("between 24 and 26 November", TUE, date(2026, 11, 26)),
        ("tussen 24 en 26 november", TUE, date(2026, 11, 26)),
        ("24-26 november", TUE, date(2026, 11, 26)),
        ("24 november t/m 26 november", TUE, date(2026, 11, 26)),
        ("25-11-2026 - 27-11-2026", WED, FRI),
        ("30 november - 2 december", date(2026, 11, 30), date(2026, 12, 2)),
        ("30-2 december", date(2026, 11, 30), date(2026, 12, 2)),
    ],
)
def test_ranges(raw, start, end):
    assert read_date(raw, seen_at=MONDAY) == DateRange(start, end)


def test_a_date_without_year_is_the_next_one_on_or_after_the_day_seen():
    december = datetime(2026, 12, 1, 9, 0)
    assert read_date("vrijdag 26 november", seen_at=december) == date(2027, 11, 26)
    assert read_date("27 november", seen_at=date(2026, 11, 27)) == date(2026, 11, 27)
    assert read_date("29 februari", seen_at=date(2026, 3, 1)) == date(2028, 2, 29)
    new_year = date(2026, 12, 31)
    assert read_date("30 december - 2 januari", seen_at=new_year) == DateRange(date(2026, 12, 30), date(2027, 1, 2))


def test_working_days_skip_weekends_and_holidays():
    friday = date(2026, 11, 27)
    assert add_working_days(friday, 1) == date(2026, 11, 30)
    assert add_working_days(friday, 0) == friday
    assert add_working_days(friday, 1, holidays={date(2026, 11, 30)}) == date(2026, 12, 1)
    assert read_date("within 1 working day", seen_at=friday) == DateRange(friday, date(2026, 11, 30))


@pytest.mark.parametrize(
    "raw",
    [
        "vrijdag 28 november 2026",  # 28 November 2026 is a Saturday: the text contradicts itself
        "31-02-2026",
        "26 november - 24 november",
        "binnen veel werkdagen",
        "RS-10001",
        "blah",
        "",
        "30 februari",
    ],
)
def test_unreadable_dates(raw):
    with pytest.raises(Unreadable) as caught:
        read_value("date", raw, seen_at=MONDAY)
    assert str(caught.value) == f"could not read a date from {raw!r}"


def test_the_reason_is_kept_apart_from_the_message():
    with pytest.raises(Unreadable) as caught:
        read_date("vrijdag 28 november 2026", seen_at=MONDAY)
    assert caught.value.reason == "vrijdag does not fit 2026-11-28 (Sat)"
    assert caught.value.at("web.checkout") == "could not read a date from 'vrijdag 28 november 2026' at web.checkout"


def test_a_range_cannot_end_before_it_starts():
    with pytest.raises(ValueError, match="ends before it starts"):
        DateRange(WED, TUE)


def test_dates_agree_with_ranges_that_contain_them():
    week = DateRange(TUE, FRI)
    assert agree("date", WED, week) and agree("date", week, WED)
    assert not agree("date", date(2026, 11, 30), week)
    assert agree("date", week, DateRange(TUE, FRI))
    assert not agree("date", week, DateRange(TUE, WED))
    assert agree("date", datetime(2026, 11, 25, 18, 0), WED)
    assert datetime(2026, 11, 25, 18, 0) in week and "25 november" not in week


def test_dates_show_iso_and_weekday():
    assert show("date", WED) == "2026-11-25 (Wed)"
    assert show("date", DateRange(TUE, FRI)) == "2026-11-24 (Tue) .. 2026-11-27 (Fri)"
    assert show("date", datetime(2026, 11, 25, 23, 59)) == "2026-11-25 23:59 (Wed)"


days = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31))


@settings(deadline=None)  # the first call may import dateparser
@given(
    day=days,
    locale=st.sampled_from(["nl_NL", "en_GB", "en_US", "nl_BE"]),
    pattern=st.sampled_from(["full", "long", "medium", "EEEE d MMMM y", "d MMMM y", "d MMM y"]),
)
def test_long_formats_read_back(day, locale, pattern):
    text = format_date(day, pattern, locale=locale)
    assert read_date(text, seen_at=MONDAY) == day, text


@given(ahead=st.integers(min_value=0, max_value=364), locale=st.sampled_from(["nl_NL", "en_GB"]))
def test_without_a_year_the_next_such_day(ahead, locale):
    day = MONDAY.date() + timedelta(days=ahead)
    text = format_date(day, "EEEE d MMMM", locale=locale)
    assert read_date(text, seen_at=MONDAY) == day, text


@given(day=days)
def test_numeric_formats_read_back(day):
    assert read_date(day.isoformat(), seen_at=MONDAY) == day
    assert read_date(day.strftime("%d-%m-%Y"), seen_at=MONDAY) == day


def test_a_dates_weekday_is_said_in_the_journeys_language():
    from journeys.messages import speaking
    from journeys.values.dates import show_date

    assert show_date(date(2026, 11, 25)) == "2026-11-25 (Wed)"
    with speaking("nl"):
        assert show_date(date(2026, 11, 25)) == "2026-11-25 (wo)"
        assert show_date(datetime(2026, 11, 29, 23, 59)) == "2026-11-29 23:59 (zo)"
    assert show_date(date(2026, 11, 24)) == "2026-11-24 (Tue)"  # spoken again as before
