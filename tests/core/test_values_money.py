"""Money: every way shops write an amount reads to the same value."""

from __future__ import annotations

from decimal import Decimal

import pytest
from babel.numbers import format_currency, format_decimal
from core_helpers import MONDAY
from hypothesis import given
from hypothesis import strategies as st

from journeys.values import Money, Unreadable, agree, read_money, read_value, show

EUR_1299 = Money(Decimal("1299.00"))


@pytest.mark.parametrize(
    "raw",
    [
        "€ 1.299,00",
        "€1.299,-",
        "1.299,- euro",
        "EUR 1299.00",
        "1299.00 EUR",
        "1,299.00",
        "1299.00",
        "€ 1299",
        "1.299,00\u00a0€",
        "€\u00a01.299,00",
        "Totaal: € 1.299,00 incl. btw",
    ],
)
def test_the_same_euros_however_written(raw):
    assert read_value("money", raw, seen_at=MONDAY) == EUR_1299


def test_pounds_and_other_currencies():
    assert read_money("£ 12.50") == Money(Decimal("12.50"), "GBP")
    assert read_money("CHF 12.50") == Money(Decimal("12.50"), "CHF")
    assert read_money("12.50 usd") == Money(Decimal("12.50"), "USD")


def test_a_bare_amount_takes_the_separate_currency():
    assert read_value("money", "1299.00", seen_at=MONDAY, currency="gbp") == Money(Decimal("1299"), "GBP")


def test_negative_amounts_keep_their_sign():
    assert read_money("€ -5,00") == Money(Decimal("-5"))
    assert read_money("EUR -12.345,50 credit") == Money(Decimal("-12345.50"))


@pytest.mark.parametrize("raw", ["gratis", "€", "twaalf euro", "€ 12 £", "   "])
def test_not_money(raw):
    with pytest.raises(Unreadable) as caught:
        read_value("money", raw, seen_at=MONDAY)
    assert str(caught.value) == f"could not read an amount of money from {raw!r}"


def test_money_agrees_to_the_cent_unless_told_otherwise():
    a, b = Money(Decimal("329.00")), Money(Decimal("329.004"))
    assert not agree("money", a, b)
    assert agree("money", a, b, tolerance=Decimal("0.01"))
    assert not agree("money", a, Money(Decimal("329.00"), "GBP"))
    assert agree("money", a, Money(Decimal("329")))
    assert not agree("money", a, None)


def test_money_shows_the_dutch_way():
    assert show("money", Money(Decimal("329"))) == "€ 329,00"
    assert show("money", EUR_1299) == "€ 1.299,00"


amounts = st.decimals(min_value=0, max_value=Decimal("9999999.99"), places=2, allow_nan=False, allow_infinity=False)


@given(
    amount=amounts,
    locale=st.sampled_from(["nl_NL", "en_GB", "de_DE", "en_US", "nl_BE"]),
    currency=st.sampled_from(["EUR", "GBP", "USD"]),
)
def test_babel_formats_read_back(amount, locale, currency):
    text = format_currency(amount, currency, locale=locale)
    assert read_money(text) == Money(amount, currency), text


@given(amount=amounts)
def test_plain_and_json_amounts_read_back(amount):
    assert read_money(f"{amount:.2f}") == Money(amount)
    assert read_money(f"{amount:.2f} EUR") == Money(amount)
    assert read_money("EUR " + format_decimal(amount, format="#,##0.00", locale="en_GB")) == Money(amount)


def test_money_made_from_plain_numbers():
    assert Money(329, "eur") == Money(Decimal("329.00"))
    assert Money(12.5).amount == Decimal("12.5")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("JPY 1200", Money(Decimal("1200"), "JPY")),
        ("100 kr", Money(Decimal("100"), "SEK")),
        ("zł 12,50", Money(Decimal("12.50"), "PLN")),
    ],
)
def test_iso_codes_and_symbols_price_parser_knows(raw, expected):
    assert read_money(raw) == expected


@pytest.mark.parametrize("raw", ["¥ 100", "R$ 100"])  # yen or yuan? real or dollar? refuse to guess
def test_ambiguous_or_unknown_symbols(raw):
    with pytest.raises(Unreadable) as caught:
        read_money(raw)
    assert caught.value.reason.startswith("unknown currency")
