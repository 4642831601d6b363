"""Typed step parameters: what a writer types, read into values, or a message saying how."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from journeys.errors import StepError
from journeys.values import Money
from journeys.vocabulary import params

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
MONDAY = datetime(2026, 11, 23, 10, 0, tzinfo=AMSTERDAM)


def at(day: int, hour: int, minute: int = 0, month: int = 11, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=AMSTERDAM)


@pytest.mark.parametrize("text", ["€ 12,00", "12.00 EUR", "EUR 12.00", "€12", "12,00 euro"])
def test_amounts(text):
    assert params.amount(text) == Money(Decimal("12.00"), "EUR")


def test_thousands_in_dutch_format():
    assert params.amount("€ 1.299,00") == Money(Decimal("1299.00"))


@pytest.mark.parametrize("text", ["twaalf euro", "12 appels", "€", "veel"])
def test_an_amount_that_cannot_be_read(text):
    with pytest.raises(StepError) as caught:
        params.amount(text)
    assert str(caught.value) == (f"could not read an amount from '{text}': write it like '€ 12,00' or '12.00 EUR'")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Friday 17:45", at(27, 17, 45)),
        ("vrijdag 17:45", at(27, 17, 45)),
        ("vrijdag om 17.45", at(27, 17, 45)),
        ("2026-11-27 17:45", at(27, 17, 45)),
        ("maandag 9:00", at(30, 9)),  # Monday 9:00 has passed this Monday: next week's
        ("Monday 10:00", at(23, 10)),  # now itself counts
        ("Saturday 19:00", at(28, 19)),
        ("17:45", at(23, 17, 45)),
        ("tomorrow at 9:30", at(24, 9, 30)),
        ("27 november 2026 17:45", at(27, 17, 45)),
        ("1 maart 8:00", at(1, 8, month=3, year=2027)),
    ],
)
def test_moments(text, expected):
    assert params.moment(text, MONDAY) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "Fridy 17:45",
            "could not read a moment from 'Fridy 17:45': write it like 'Friday 17:45', "
            "'vrijdag 17:45' or '2026-11-27 17:45'",
        ),
        (
            "30 februari 10:00",
            "could not read a moment from '30 februari 10:00': there is no "
            "30 February; write it like 'Friday 17:45', 'vrijdag 17:45' or "
            "'2026-11-27 17:45'",
        ),
        (
            "Friday 25:00",
            "could not read a moment from 'Friday 25:00': there is no time 25:00; write "
            "it like 'Friday 17:45', 'vrijdag 17:45' or '2026-11-27 17:45'",
        ),
        ("Friday", "could not read a moment from 'Friday': add the time, like 'Friday 17:45'"),
    ],
)
def test_moments_that_cannot_be_read(text, message):
    with pytest.raises(StepError) as caught:
        params.moment(text, MONDAY)
    assert str(caught.value) == message


def test_days():
    assert params.day("Wednesday", MONDAY) == date(2026, 11, 25)
    assert params.day("maandag", MONDAY) == date(2026, 11, 23)
    assert params.day("27 november", MONDAY) == date(2026, 11, 27)
    assert params.day("29 februari", MONDAY) == date(2028, 2, 29)  # the next one there is
    with pytest.raises(
        StepError,
        match=r"^could not read a day from '2026-02-29': there is no "
        r"29 February 2026; write it like",
    ):
        params.day("2026-02-29", MONDAY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2 days", timedelta(days=2)),
        ("2 dagen", timedelta(days=2)),
        ("3 hours", timedelta(hours=3)),
        ("1 uur", timedelta(hours=1)),
        ("30 minuten", timedelta(minutes=30)),
        ("1 week", timedelta(weeks=1)),
        ("twee dagen", timedelta(days=2)),
        ("a day", timedelta(days=1)),
        ("1,5 uur", timedelta(minutes=90)),
        ("2 seconds", timedelta(seconds=2)),
    ],
)
def test_durations(text, expected):
    assert params.duration(text) == expected


@pytest.mark.parametrize("text", ["soon", "2 fortnights", "days", "0 days"])
def test_durations_that_cannot_be_read(text):
    with pytest.raises(
        StepError,
        match=rf"^could not read a duration from '{text}': .*"
        r"write it like '2 days', '2 dagen'",
    ):
        params.duration(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2", 2),
        ("twee", 2),
        ("two", 2),
        ("twelve", 12),
        ("twaalf", 12),
        ("één", 1),
        ("40", 40),
    ],
)
def test_quantities(text, expected):
    assert params.quantity(text) == expected


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("0", "it must be at least 1; "),
        ("-1", "it must be at least 1; "),
        ("nul", "it must be at least 1; "),
        ("veel", ""),
        ("thirteen", ""),
        ("2.5", ""),
    ],
)
def test_quantities_that_cannot_be_read(text, why):
    with pytest.raises(StepError) as caught:
        params.quantity(text)
    assert str(caught.value) == (
        f"could not read a quantity from '{text}': {why}write a whole number from 1 up, like '2', 'twee' or 'two'"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("web", "web"),
        ("webwinkel", "web"),
        ("Web shop", "web"),
        ("app", "app"),
        ("store", "store"),
        ("winkel", "store"),
        ("click-and-collect", "click-and-collect"),
        ("email", "email"),
        ("e-mail", "email"),
        ("chat", "chat"),
        ("phone", "phone"),
        ("telefoon", "phone"),
        ("agent", "agent"),
    ],
)
def test_channels(text, expected):
    assert params.channel(text) == expected


def test_a_channel_that_cannot_be_read():
    with pytest.raises(StepError) as caught:
        params.channel("emial")
    assert str(caught.value) == (
        "could not read a channel from 'emial': did you mean 'email'? Write one of agent, api, "
        "app, chat, click-and-collect, email, phone, returns, sms, store, web"
    )


def test_segments():
    known = ["student", "family", "senior", "business"]
    assert params.segment("Student", known) == "student"
    assert params.segment("gezin", known) == "family"
    with pytest.raises(StepError) as caught:
        params.segment("studnet", known)
    assert str(caught.value) == (
        "unknown segment 'studnet': did you mean 'student'? Write one of "
        "business, family, senior, student (the segments of the touchpoint map)"
    )


def test_facts_and_touchpoints_against_what_the_map_knows():
    assert params.fact("het totaalbedrag") == "order.total"
    assert params.fact("the order total", {"order.total"}) == "order.total"
    with pytest.raises(
        StepError,
        match=r"^no touchpoint of the touchpoint map reads the fact "
        r"'refund.amount' \('refund amount'\)",
    ):
        params.fact("refund amount", {"order.total"})
    assert params.touchpoint("web.checkout", {"web.checkout"}) == "web.checkout"
    with pytest.raises(StepError, match=r"^unknown touchpoint 'web.chekout': did you mean 'web.checkout'\?"):
        params.touchpoint("web.chekout", {"web.checkout", "app.order"})


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("moment", "moment"),
        ("from_channel", "channel"),
        ("day_2", "day"),
        ("price", "amount"),
        ("sku", None),
        ("n", None),
    ],
)
def test_parameters_are_typed_by_name(name, kind):
    assert params.kind_of(name) == kind


def test_read_param_reads_typed_parameters_and_leaves_the_rest():
    assert params.read_param("sku", "tablet-10", now=MONDAY) == "tablet-10"
    assert params.read_param("quantity", "twee", now=MONDAY) == 2
    assert params.read_param("moment", "vrijdag 17:45", now=MONDAY) == at(27, 17, 45)
    known = params.Known(channels=frozenset({"web"}), map="shop.yaml")
    with pytest.raises(StepError, match="^shop.yaml has no touchpoint on the channel 'store'"):
        params.read_param("channel", "winkel", now=MONDAY, known=known)
