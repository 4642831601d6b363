"""The fake driver answers like the real ones, from a dict."""

from __future__ import annotations

import pytest

from journeys.channels.base import Reading
from journeys.channels.fake import FakeDriver
from journeys.errors import MailNotReceived
from journeys.systems.fact_reader import FactReader
from journeys.systems.touchpoint_map import Touchpoint

CHECKOUT = Touchpoint(
    "web.checkout",
    "web",
    "/checkout/{step}",
    None,
    None,
    None,
    {
        "order.total": FactReader("order.total", "money", testid="checkout-total"),
        "delivery.date": FactReader("delivery.date", "date", testid="delivery-date"),
    },
    3,
    "m.yaml",
)
MAIL = Touchpoint(
    "email.confirmation",
    "email",
    None,
    None,
    "Bevestiging",
    None,
    {"order.total": FactReader("order.total", "money", regex="Totaal: (.+)")},
    9,
    "m.yaml",
)


def test_readings_come_from_the_dict_and_unlisted_facts_are_missing():
    fake = FakeDriver({"web.checkout": {"order.total": "€ 329,00"}}, asked={"web.checkout": ["email"]})
    reading = fake.visit(CHECKOUT, step="pay")
    assert isinstance(reading, Reading)
    assert reading.raw == {"order.total": "€ 329,00", "delivery.date": None}
    assert reading.missing() == ["delivery.date"]
    assert reading.asked == ["email"]
    assert reading.url == "http://fake.test/checkout/pay"
    assert fake.read(CHECKOUT).url == reading.url


def test_actions_are_recorded():
    fake = FakeDriver({})
    fake.goto("/")
    fake.fill({"email": "a@b.test"})
    fake.click("place-order")
    fake.close(keep_trace=True)
    assert fake.actions == [
        ("goto", "/"),
        ("fill", {"email": "a@b.test"}),
        ("click", "place-order"),
    ]
    assert fake.closed is True


def test_mail_that_is_not_in_the_dict_never_arrives():
    fake = FakeDriver({"email.confirmation": {"order.total": "€ 1,00"}}, channel="email")
    assert fake.receive(MAIL, "a@b.test").raw == {"order.total": "€ 1,00"}
    with pytest.raises(MailNotReceived):
        FakeDriver({}, channel="email").receive(MAIL, "a@b.test")
