"""The shop's calendar and formats, without a server."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from refshop import formats, lead_times
from refshop.clock import TZ, ShopClock, parse_moment


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=TZ)


@pytest.mark.parametrize(
    ("placed", "delivered"),
    [
        ("2026-11-23T17:59:00", date(2026, 11, 24)),  # Monday before the cut-off: Tuesday
        ("2026-11-23T18:00:00", date(2026, 11, 25)),  # at 18:00 the cut-off has passed
        ("2026-11-23T18:01:00", date(2026, 11, 25)),
        ("2026-11-28T17:59:00", date(2026, 11, 30)),  # Saturday: Sunday is skipped
        ("2026-11-28T18:01:00", date(2026, 11, 30)),  # Saturday evening: Monday
        ("2026-11-27T18:30:00", date(2026, 11, 30)),  # Friday evening: Sunday -> Monday
        ("2026-11-29T12:00:00", date(2026, 11, 30)),  # Sunday morning: Monday
        ("2026-11-29T19:00:00", date(2026, 12, 1)),  # Sunday evening: Tuesday
    ],
)
def test_next_day_delivery_respects_cut_off_and_sunday(placed: str, delivered: date) -> None:
    assert lead_times.next_day_delivery(at(placed)) == delivered


def test_promise_text_says_tomorrow_only_when_it_is_tomorrow() -> None:
    monday = at("2026-11-23T17:59:00")
    tomorrow = lead_times.promise_text(monday, date(2026, 11, 24))
    assert tomorrow == "Voor 18:00 besteld, morgen in huis"
    late = at("2026-11-23T18:01:00")
    assert lead_times.promise_text(late, date(2026, 11, 25)) == "Nu besteld, woensdag in huis"
    assert lead_times.promise_text(monday, date(2026, 12, 7)) == "Levertijd ongeveer 2 weken"


def test_working_days_skip_weekends() -> None:
    assert lead_times.add_working_days(date(2026, 11, 27), 1) == date(2026, 11, 30)  # Fri -> Mon
    assert lead_times.add_working_days(date(2026, 11, 23), 5) == date(2026, 11, 30)


def test_timeline_ships_the_evening_before_and_delivers_at_two() -> None:
    t = lead_times.home_delivery_timeline(at("2026-11-23T10:00:00"), date(2026, 11, 24))
    assert (t.picked.hour, t.shipped.isoformat(), t.delivered.isoformat()) == (
        11,
        "2026-11-23T20:00:00+01:00",
        "2026-11-24T14:00:00+01:00",
    )


def test_money_and_dates_read_the_dutch_way() -> None:
    assert formats.euro("1299") == "€ 1.299,00"
    assert formats.euro("329.00") == "€ 329,00"
    assert "\u00a0" not in formats.euro("59.99")
    assert formats.day(date(2026, 11, 25)) == "woensdag 25 november 2026"


def test_frozen_clock_moves_only_when_told() -> None:
    clock = ShopClock(parse_moment("2026-11-23T10:00:00+01:00"))
    assert clock.now() == clock.now()
    clock.advance(3600)
    assert clock.now().isoformat() == "2026-11-23T11:00:00+01:00"
    assert parse_moment("2026-07-01T12:00:00").utcoffset().total_seconds() == 7200  # CEST


def test_bad_moment_is_refused_with_an_example() -> None:
    with pytest.raises(ValueError, match="2026-11-23T10:00:00"):
        parse_moment("maandag")
