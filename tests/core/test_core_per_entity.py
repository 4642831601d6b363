"""Facts compared with their own kind: a product page's with that product's, a status with what was
seen at the same time (issue 18: "every touchpoint agrees on the price" in a two-product order)."""

from __future__ import annotations

import pytest
from core_helpers import at

from journeys import rules
from journeys.errors import RuleConfigError
from journeys.ledger import Ledger

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
    from journeys.records import observation_from_dict, observation_to_dict

    ledger.clock_moved()
    price(ledger, "web.product", "€ 329,00", "tablet-10")
    again = observation_from_dict(observation_to_dict(ledger.observations[0]))
    assert (again.product, again.epoch, again.momentary) == ("tablet-10", 1, True)
