"""Order references, statuses, addresses, names, texts and counts; the JSON codec."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from core_helpers import AMSTERDAM, MONDAY
from hypothesis import given
from hypothesis import strategies as st

from journeys.values import (
    Address,
    DateRange,
    Money,
    OrderRef,
    Status,
    Unreadable,
    agree,
    decode,
    encode,
    read_value,
    show,
)

VOCABULARY = {
    "Onderweg": "shipped",
    "Verzonden": "shipped",
    "In behandeling": "picked",
    "shipped": "shipped",
}


@pytest.mark.parametrize(
    "raw",
    [
        "rs 10001",
        "RS-10001",
        "#RS-10001",
        "Bestelnummer: RS-10001",
        "Order number RS-10001",
        "  rs-10001 ",
        "RS10001",
        "bestelling #RS-10001",
    ],
)
def test_order_references_are_the_same_order(raw):
    ref = read_value("order_ref", raw, seen_at=MONDAY)
    assert ref == OrderRef("RS-10001")
    assert ref.key == "RS10001"


def test_an_order_reference_keeps_a_url_ready_text():
    assert str(OrderRef.read("rs 10001")) == "RS-10001"
    assert str(OrderRef.read("RS_10001")) == "RS_10001"
    assert OrderRef.read("10001", prefix="rs") == OrderRef("RS-10001")
    assert OrderRef.read("10001") != OrderRef("RS-10001")
    assert show("order_ref", OrderRef.read("#rs-10001")) == "RS-10001"


@pytest.mark.parametrize("raw", ["", "Bestelnummer:", "RS-10001 (tablet)", "geen", "ORDER-ABC"])
def test_not_order_references(raw):
    with pytest.raises(Unreadable, match=r"^could not read an order reference from "):
        read_value("order_ref", raw, seen_at=MONDAY)


def test_statuses_through_the_vocabulary_ignoring_case():
    onderweg = read_value("status", " onderweg ", seen_at=MONDAY, vocabulary=VOCABULARY)
    assert onderweg == Status("shipped", "Verzonden") and onderweg.raw == "onderweg"
    assert read_value("status", "In  Behandeling", seen_at=MONDAY, vocabulary=VOCABULARY).canonical == "picked"
    assert read_value("status", "Geannuleerd", seen_at=MONDAY, vocabulary=VOCABULARY) == Status("geannuleerd")
    assert read_value("status", "Shipped", seen_at=MONDAY) == Status("shipped")
    assert show("status", onderweg) == "shipped"
    assert show("status", Status("too_late")) == "too late"  # a canonical word, said as words


@pytest.mark.parametrize(
    "raw",
    [
        "Kerkstraat 12, 1234 ab  Amsterdam",
        "kerkstraat 12\n1234AB AMSTERDAM",
        "Kerkstraat 12 1234 AB Amsterdam",
        "Kerkstraat 12, Amsterdam, 1234 AB",
        "Kerkstraat 12.\n\n1234 AB, Amsterdam",
    ],
)
def test_the_same_address_however_punctuated(raw):
    address = read_value("address", raw, seen_at=MONDAY)
    assert address == Address("Kerkstraat 12", "1234AB", "Amsterdam")
    assert hash(address) == hash(Address("kerkstraat 12", "1234ab", "amsterdam"))
    assert show("address", address).casefold() == "kerkstraat 12, 1234 ab amsterdam"


def test_british_addresses_and_addresses_without_postcode():
    london = read_value("address", "10 Downing Street, London SW1A 2AA", seen_at=MONDAY)
    assert london == Address("10 Downing Street", "SW1A2AA", "London")
    assert show("address", london) == "10 Downing Street, London SW1A 2AA"
    plain = read_value("address", "Postbus 7, Utrecht", seen_at=MONDAY)
    assert plain == Address("postbus 7 utrecht") and show("address", plain) == "Postbus 7, Utrecht"
    assert Address("Kerkstraat 12", "1234AB", "Amsterdam") != Address("Kerkstraat 14", "1234AB", "Amsterdam")
    assert Address("Kerkstraat 12") != "Kerkstraat 12"


def test_names_and_texts():
    name = read_value("name", "  anna   DE vries ", seen_at=MONDAY)
    assert name == "anna DE vries"
    assert agree("name", name, "Anna de Vries")
    assert not agree("name", name, "Anna de Vries-Jansen")
    text = read_value("text", "Voor 18:00 besteld,\n morgen in huis", seen_at=MONDAY)
    assert text == "Voor 18:00 besteld, morgen in huis"
    assert not agree("text", text, text.upper())


@pytest.mark.parametrize(("raw", "count"), [("3", 3), ("3 items", 3), ("Aantal: 12 stuks", 12), ("geen", 0)])
def test_counts(raw, count):
    assert read_value("count", raw, seen_at=MONDAY) == count


def test_count_tolerance_and_what_has_none():
    assert agree("count", 3, 4, tolerance=1) and not agree("count", 3, 5, tolerance=1)
    assert not agree("count", 3, 4)
    with pytest.raises(ValueError, match="a tolerance applies to money and count, not to text"):
        agree("text", "a", "a", tolerance=Decimal("1"))


@pytest.mark.parametrize(
    ("kind", "raw"),
    [
        ("count", "2 or 3"),
        ("count", "veel"),
        ("text", "  "),
        ("name", ""),
        ("status", "\n"),
        ("address", " "),
    ],
)
def test_unreadable_other_kinds(kind, raw):
    with pytest.raises(Unreadable, match=r"^could not read an? \w+"):
        read_value(kind, raw, seen_at=MONDAY)


def test_an_unknown_kind_is_a_configuration_mistake():
    with pytest.raises(ValueError, match="unknown kind of fact 'colour': use one of money, date"):
        read_value("colour", "red", seen_at=MONDAY)


def test_show_anything():
    assert show("count", 3) == "3"
    assert show("text", None) == "(nothing)"


typed_values = st.one_of(
    st.builds(
        Money,
        st.decimals(min_value=-(10**6), max_value=10**6, places=2),
        st.sampled_from(["EUR", "GBP"]),
    ),
    st.dates(),
    st.builds(
        lambda d, n: DateRange(d, date.fromordinal(d.toordinal() + n)),
        st.dates(max_value=date(9000, 1, 1)),
        st.integers(0, 30),
    ),
    st.builds(
        datetime,
        st.integers(2000, 2100),
        st.integers(1, 12),
        st.integers(1, 28),
        st.integers(0, 23),
        st.integers(0, 59),
        tzinfo=st.sampled_from([None, AMSTERDAM]),
    ),
    st.builds(OrderRef, st.from_regex(r"[A-Z]{2}-\d{5}", fullmatch=True)),
    st.builds(Status, st.sampled_from(["shipped", "picked"]), st.text(max_size=10)),
    st.builds(
        Address,
        st.text(max_size=20),
        st.from_regex(r"\d{4}[A-Z]{2}", fullmatch=True),
        st.text(max_size=10),
    ),
    st.decimals(allow_nan=False, allow_infinity=False, places=3),
    st.text(),
    st.integers(),
    st.none(),
    st.booleans(),
)


@given(
    value=st.one_of(
        typed_values,
        st.lists(typed_values, max_size=3),
        st.dictionaries(st.text(max_size=5), typed_values, max_size=3),
    )
)
def test_every_value_round_trips_through_json(value):
    import json

    back = decode(json.loads(json.dumps(encode(value))))
    assert back == value
    assert type(back) is type(value)


def test_the_codec_refuses_what_it_cannot_write_and_read():
    with pytest.raises(TypeError, match="cannot write a set"):
        encode({1, 2})
    with pytest.raises(ValueError, match="unknown value type 'colour'"):
        decode({"$type": "colour"})
    assert decode([{"a": 1}]) == [{"a": 1}]
    assert encode((1, 2)) == [1, 2]


def test_readers_called_directly_refuse_blank_text():
    from journeys.values import read_address, read_status

    with pytest.raises(Unreadable, match="could not read a status from ' '"):
        read_status(" ")
    with pytest.raises(Unreadable, match="could not read an address from ''"):
        read_address("")


def test_values_print_as_a_report_shows_them():
    assert str(Address("Kerkstraat 12", "1234AB", "Amsterdam")) == "Kerkstraat 12, 1234 AB Amsterdam"
    assert str(Status("shipped", "Onderweg")) == "shipped"
