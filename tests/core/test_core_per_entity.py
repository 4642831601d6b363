"""Facts compared with their own kind: a product page's with that product's, a status with what was
seen at the same time (issue 18: "every touchpoint agrees on the price" in a two-product order)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
from core_helpers import MONDAY, at

from journeys.channels.fake import FakeDriver
from journeys.core import rules
from journeys.core.customer import Customer
from journeys.core.ledger import Ledger
from journeys.core.promise_records import PromiseCheck
from journeys.errors import RuleConfigError
from journeys.journey.journey import Journey
from journeys.systems.map_files import load_map

STATUS = {"Besteld": "ordered", "Bezorgd": "delivered"}


def price(ledger: Ledger, touchpoint: str, raw: str, product: str = "") -> None:
    ledger.observe("product.price", raw, kind="money", where=at(touchpoint), product=product)


def status(ledger: Ledger, touchpoint: str, raw: str) -> None:
    ledger.observe("order.status", raw, kind="status", where=at(touchpoint), vocabulary=STATUS)


def test_two_products_prices_are_each_compared_with_their_own(ledger):
    price(ledger, "web.product", "€ 329,00", "tablet-10")
    price(ledger, "web.product", "€ 59,99", "game-quest")
    price(ledger, "store.product", "329.00 EUR", "tablet-10")
    assert rules.agree(ledger, "product.price") == []
    assert rules.channel_parity(ledger, "product.price", ("web", "store")) == []


def test_a_products_own_disagreement_is_still_found_and_names_only_that_product(ledger):
    price(ledger, "web.product", "€ 329,00", "tablet-10")
    price(ledger, "web.product", "€ 59,99", "game-quest")
    price(ledger, "store.product", "349.00 EUR", "tablet-10")
    [found] = rules.agree(ledger, "product.price")
    assert "disagrees across touchpoints" in found.title
    assert {o.product for o in found.observations} == {"tablet-10"}
    [differs] = rules.channel_parity(ledger, "product.price", ("web", "store"))
    assert "differs between web and store" in differs.title


def test_two_products_each_seen_once_is_still_nothing_to_compare(ledger):
    price(ledger, "web.product", "€ 329,00", "tablet-10")
    price(ledger, "store.product", "59.99 EUR", "game-quest")
    [found] = rules.agree(ledger, "product.price")
    assert found.heading == "NothingToCompare"
    with pytest.raises(RuleConfigError, match="not show product.price for the same product at the same time"):
        rules.channel_parity(ledger, "product.price", ("web", "store"))


def test_what_her_order_showed_goes_with_each_product(ledger):
    ledger.observe("delivery.date", "dinsdag 24 november 2026", kind="date", where=at("web.product"), product="a")
    ledger.observe("delivery.date", "woensdag 25 november 2026", kind="date", where=at("web.product"), product="b")
    ledger.observe("delivery.date", "dinsdag 24 november 2026", kind="date", where=at("web.order_confirmation"))
    [found] = rules.agree(ledger, "delivery.date")
    assert {o.touchpoint for o in found.observations} == {"web.product", "web.order_confirmation"}
    assert {o.product for o in found.observations} == {"b", ""}


def test_a_status_is_compared_with_what_was_seen_at_the_same_time(ledger):
    status(ledger, "web.account_order", "Besteld")
    status(ledger, "app.order", "Besteld")
    ledger.clock_moved()
    status(ledger, "web.account_order", "Bezorgd")
    status(ledger, "app.order", "Bezorgd")
    assert rules.agree(ledger, "order.status") == []
    ledger.clock_moved()
    status(ledger, "web.account_order", "Bezorgd")
    status(ledger, "app.order", "Besteld")
    [found] = rules.agree(ledger, "order.status")
    assert "disagrees across touchpoints" in found.title
    assert {o.epoch for o in found.observations} == {2}


def test_what_lasts_is_compared_across_days(ledger):
    ledger.observe("order.total", "€ 329,00", kind="money", where=at("web.order_confirmation"))
    ledger.clock_moved()
    ledger.observe("order.total", "€ 349,00", kind="money", where=at("email.order_confirmation"))
    [found] = rules.agree(ledger, "order.total")
    assert "disagrees across touchpoints" in found.title


def test_a_status_seen_before_the_clock_moved_is_not_what_a_touchpoint_should_know_now(ledger):
    status(ledger, "web.account_order", "Besteld")
    ledger.clock_moved()
    status(ledger, "app.order", "Bezorgd")
    [found] = rules.known_at(ledger, "app.order", "order.status")
    assert found.heading == "NothingToCompare"
    status(ledger, "web.account_order", "Bezorgd")
    status(ledger, "app.order", "Bezorgd")
    assert rules.known_at(ledger, "app.order", "order.status") == []


def test_product_and_epoch_survive_the_ledger_file(ledger):
    from journeys.core.records import observation_from_dict, observation_to_dict

    ledger.clock_moved()
    price(ledger, "web.product", "€ 329,00", "tablet-10")
    again = observation_from_dict(observation_to_dict(ledger.observations[0]))
    assert (again.product, again.epoch, again.momentary) == ("tablet-10", 1, True)


# -- parcels: what a parcel's own touchpoint shows is about that parcel --------------------------------

PARCELS_MAP = """\
system: shop
base_url: http://shop.test
touchpoints:
  email.parcel_notice:
    channel: email
    subject: "Je bestelling {order_number}: pakket {parcel} van \\\\d+ is verzonden"
    facts:
      parcel.delivery_date: {regex: "Bezorgdatum:\\\\s*(.+)", kind: date}
  app.parcel:
    channel: web
    url: /orders/{order_number}/parcels/{parcel}
    facts:
      parcel.delivery_date: {testid: date, kind: date}
  web.order:
    channel: web
    url: /orders/{order_number}
    facts:
      delivery.date: {testid: date, kind: date}
"""


def parcels_journey(tmp_path, readings, language="en"):
    path = tmp_path / "shop.yaml"
    path.write_text(PARCELS_MAP, encoding="utf-8")
    shop = load_map(path)
    drivers = {channel: FakeDriver(readings, channel=channel) for channel in ("web", "email")}
    clock = SimpleNamespace(controllable=False, now=lambda: datetime(2026, 11, 23, 21, 0, tzinfo=UTC))
    system = SimpleNamespace(
        map=shop,
        reports_dir=tmp_path / "reports",
        clock=clock,
        touchpoint=shop.touchpoint,
        driver=lambda channel, journey: drivers[channel],
    )
    journey = Journey(
        system,  # type: ignore[arg-type]
        Customer.create(5, run_id="parcels"),
        name="parcels",
        language=language,
    )
    journey.memory["order_number"] = "RS-1"
    return journey, drivers


def test_a_touchpoint_whose_address_or_subject_names_a_parcel_is_that_parcels(tmp_path):
    (tmp_path / "shop.yaml").write_text(PARCELS_MAP, encoding="utf-8")
    shop = load_map(tmp_path / "shop.yaml")
    assert [name for name, tp in shop.touchpoints.items() if tp.of_parcel] == ["email.parcel_notice", "app.parcel"]


def test_parcels_are_compared_parcel_with_parcel_and_the_violation_names_the_parcel(tmp_path):
    same = {"parcel.delivery_date": "dinsdag 24 november 2026"}
    journey, drivers = parcels_journey(tmp_path, {"email.parcel_notice": same, "app.parcel": same})
    for parcel in ("1", "2"):
        journey.visit("email.parcel_notice", parcel=parcel)
        journey.visit("app.parcel", parcel=parcel)
    assert {o.about for o in journey.ledger.observations} == {"parcel 1", "parcel 2"}
    assert rules.agree(journey.ledger, "parcel.delivery_date") == []
    drivers["web"].readings["app.parcel"] = {"parcel.delivery_date": "woensdag 25 november 2026"}
    journey.visit("app.parcel", parcel="2")
    [found] = rules.agree(journey.ledger, "parcel.delivery_date")
    assert found.title == "parcel delivery date (parcel 2) disagrees across touchpoints"
    assert sorted(str(o.value) for o in found.observations) == ["2026-11-24", "2026-11-24", "2026-11-25"]


def test_a_dutch_journey_names_the_parcel_in_dutch(tmp_path):
    same = {"parcel.delivery_date": "dinsdag 24 november 2026"}
    journey, drivers = parcels_journey(tmp_path, {"email.parcel_notice": same, "app.parcel": same}, language="nl")
    journey.visit("email.parcel_notice", parcel="2")
    drivers["web"].readings["app.parcel"] = {"parcel.delivery_date": "woensdag 25 november 2026"}
    journey.visit("app.parcel", parcel="2")
    [found] = rules.agree(journey.ledger, "parcel.delivery_date")
    assert "(pakket 2)" in found.title and "parcel 2" not in found.title


def test_a_touchpoint_of_the_order_is_about_the_order_not_a_parcel(tmp_path):
    journey, _ = parcels_journey(tmp_path, {"web.order": {"delivery.date": "dinsdag 24 november 2026"}})
    assert journey.visit("web.order", parcel="2")["delivery.date"].about == ""
    assert journey.visit("app.parcel", parcel="2", about="RS-1")["parcel.delivery_date"].about == "RS-1"


def test_a_broken_promise_of_one_parcel_names_the_parcel(ledger):
    ledger.observe("parcel.delivery_date", "dinsdag 24 november 2026", kind="date", where=at("email.parcel_notice"))
    check = PromiseCheck("app.parcel", "parcel.status", "equals", {"value": "delivered", "parcel": "2"})
    promise = ledger.promise(
        "parcel.delivery_date",
        "dinsdag 24 november 2026",
        kind="date",
        due=MONDAY + timedelta(days=1, hours=14),
        check=check,
        where=at("email.parcel_notice"),
        about="parcel 2",
    )
    shown = ledger.observe(
        "parcel.status",
        "Onderweg",
        kind="status",
        where=at("app.parcel"),
        about="parcel 2",
        vocabulary={"Onderweg": "shipped"},
    )
    [broken] = rules.promise_kept(promise, shown, MONDAY + timedelta(days=3))
    assert broken.title == "parcel delivery date (parcel 2) promised at email.parcel_notice was not kept"
    assert "app.parcel shows shipped, not delivered" in broken.render()
