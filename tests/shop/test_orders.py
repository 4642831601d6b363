"""Ordering on the web and in the store: promises, mail, app, cut-off, determinism."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from shop_helpers import (
    HTTP,
    TILL,
    Inbox,
    advance,
    app_order,
    by_testid,
    one,
    person,
    set_clock,
    web_order,
)
from shop_helpers import client as new_client

from refshop.server import RunningShop


def test_web_order_tells_one_story_on_page_mail_and_app(shop: RunningShop, inbox: Inbox) -> None:
    who = person()
    product = HTTP.get(f"{shop.url}/product/tablet-10").text
    assert one(product, "price") == "€ 349,00"
    assert one(product, "delivery-promise") == "Voor 18:00 besteld, morgen in huis"
    assert one(product, "delivery-date") == "dinsdag 24 november 2026"

    client, page = web_order(shop, who)
    assert one(page, "order-number") == "RS-10001"
    assert one(page, "order-total") == "€ 329,00"
    assert one(page, "delivery-date") == "dinsdag 24 november 2026"
    assert one(page, "delivery-address") == "Dorpsstraat 12, 1234 AB Amsterdam"

    mail = inbox.one(who.email, "Bevestiging van je bestelling RS-10001")
    assert "Totaal: € 329,00" in mail
    assert "Bezorgdatum: dinsdag 24 november 2026" in mail
    assert "Bezorgadres: Dorpsstraat 12, 1234 AB Amsterdam" in mail

    app = app_order(shop, "RS-10001", who.email)
    assert (app["total"], app["currency"], app["delivery_date"], app["status"]) == (
        "329.00",
        "EUR",
        "2026-11-24",
        "ordered",
    )
    assert app["lines"][0] == {
        "sku": "tablet-10",
        "name": "Tulp Tab 10",
        "quantity": 1,
        "unit_price": "349.00",
        "discount": "20.00",
        "total": "329.00",
    }
    account = client.get("/account").text
    assert by_testid(account, "order-status") == ["Besteld"]


def test_cart_shows_subtotal_discount_and_total(shop: RunningShop) -> None:
    client = new_client(shop)
    client.post("/cart/add", data={"sku": "tablet-10", "quantity": "2"})
    cart = client.get("/cart").text
    assert (one(cart, "subtotal"), one(cart, "discount"), one(cart, "cart-total")) == (
        "€ 698,00",
        "€ 40,00",
        "€ 658,00",
    )
    checkout = client.get("/checkout").text
    assert one(checkout, "checkout-total") == "€ 658,00"


def test_order_moves_through_statuses_and_ships_with_track_and_trace(shop: RunningShop, inbox: Inbox) -> None:
    who = person()
    client, _ = web_order(shop, who)
    advance(shop, 3600)
    assert app_order(shop, "RS-10001", who.email)["status"] == "picked"
    set_clock(shop, "2026-11-23T20:00:00+01:00")
    app = app_order(shop, "RS-10001", who.email)
    assert app["status"] == "shipped" and app["track_and_trace"].startswith("3STULP")
    notice = inbox.one(who.email, "Je bestelling RS-10001 is verzonden")
    assert f"Track & trace: {app['track_and_trace']}" in notice
    assert "Bezorgadres: Dorpsstraat 12, 1234 AB Amsterdam" in notice
    page = client.get("/account/orders/RS-10001").text
    assert one(page, "track-and-trace") == app["track_and_trace"]
    assert one(page, "order-status") == "Onderweg"
    set_clock(shop, "2026-11-24T14:00:00+01:00")
    assert app_order(shop, "RS-10001", who.email)["status"] == "delivered"


@pytest.mark.parametrize(
    ("now", "promise", "date", "iso"),
    [
        (
            "2026-11-23T17:59:00+01:00",
            "Voor 18:00 besteld, morgen in huis",
            "dinsdag 24 november 2026",
            "2026-11-24",
        ),
        (
            "2026-11-23T18:01:00+01:00",
            "Nu besteld, woensdag in huis",
            "woensdag 25 november 2026",
            "2026-11-25",
        ),
        (
            "2026-11-28T19:00:00+01:00",
            "Nu besteld, maandag in huis",
            "maandag 30 november 2026",
            "2026-11-30",
        ),
    ],
)
def test_cut_off_edges_are_promised_and_kept(
    start_shop: Callable[..., RunningShop], now: str, promise: str, date: str, iso: str
) -> None:
    shop = start_shop(clock=now)
    product = HTTP.get(f"{shop.url}/product/tablet-10").text
    assert (one(product, "delivery-promise"), one(product, "delivery-date")) == (promise, date)
    who = person()
    _, page = web_order(shop, who)
    assert one(page, "delivery-date") == date
    set_clock(shop, f"{iso}T13:59:00+01:00")
    assert app_order(shop, "RS-10001", who.email)["status"] == "shipped"
    set_clock(shop, f"{iso}T14:00:00+01:00")
    assert app_order(shop, "RS-10001", who.email)["status"] == "delivered"


def test_same_seed_same_numbers_and_codes(start_shop: Callable[..., RunningShop]) -> None:
    codes = []
    for seed in (1, 1, 2):
        shop = start_shop(seed=seed)
        who = person()
        _, page = web_order(shop, who)
        set_clock(shop, "2026-11-24T15:00:00+01:00")
        codes.append((one(page, "order-number"), app_order(shop, "RS-10001", who.email)["track_and_trace"]))
    assert codes[0] == codes[1]
    assert codes[0][0] == codes[2][0] and codes[0][1] != codes[2][1]


def test_store_promises_the_same_home_delivery_date_as_online(shop: RunningShop) -> None:
    lead = HTTP.get(f"{shop.url}/api/store/lead-time", params={"sku": "game-quest"}).json()
    assert lead["store_delivery_date"] == lead["online_delivery_date"] == "2026-11-24"
    r = HTTP.post(
        f"{shop.url}/api/store/orders",
        headers=TILL,
        json={
            "store": "utrecht",
            "sku": "game-quest",
            "quantity": 1,
            "name": "Piet Jansen",
            "email": "piet@example.test",
            "street": "Markt 1",
            "postcode": "3511AA",
            "city": "Utrecht",
        },
    )
    assert r.status_code == 201, r.text
    order = r.json()
    assert (order["channel"], order["delivery_date"], order["total"]) == (
        "store",
        "2026-11-24",
        "59.99",
    )
    assert order["address"]["postcode"] == "3511 AA"


def test_click_and_collect_has_its_own_pickup_date(shop: RunningShop, inbox: Inbox) -> None:
    r = HTTP.post(
        f"{shop.url}/api/store/click-collect",
        headers=TILL,
        json={
            "store": "amsterdam",
            "sku": "headphones",
            "quantity": 2,
            "name": "Sara Bakker",
            "email": "sara@example.test",
        },
    )
    assert r.status_code == 201, r.text
    order = r.json()
    assert (order["pickup_date"], order["delivery_date"], order["fulfilment"]) == (
        "2026-11-23",
        None,
        "pickup",
    )
    assert "Ophaaldatum: maandag 23 november 2026" in inbox.one("sara@example.test", "Bevestiging")
    set_clock(shop, "2026-11-23T16:00:00+01:00")
    assert app_order(shop, order["order_number"], "sara@example.test")["status"] == ("ready_for_pickup")


def test_question_in_chat_gets_status_and_date(shop: RunningShop) -> None:
    who = person()
    browser, _ = web_order(shop, who)
    question = {"order_number": "RS-10001", "message": "Wanneer komt het?", "kind": "question"}
    r = browser.post("/api/chat", json=question, headers={"X-CSRF-Token": browser.csrf_token()})
    body = r.json()
    assert body["asked"] == [] and "Bezorgdatum: dinsdag 24 november 2026" in body["reply"]


def test_a_guest_in_chat_is_not_told_an_orders_status(shop: RunningShop) -> None:
    who = person()
    web_order(shop, who)
    # Her e-mail address and order number, typed by anyone: the case is noted, nothing is told.
    r = HTTP.post(f"{shop.url}/api/chat", json={"email": who.email, "order_number": "RS-10001", "message": "En?"})
    body = r.json()
    assert body["asked"] == [] and "Log in" in body["reply"] and "Bezorgdatum" not in body["reply"]


def test_chat_widget_works_as_a_plain_form(shop: RunningShop) -> None:
    who = person()
    client, _ = web_order(shop, who)
    r = client.post(
        "/chat",
        data={"order_number": "RS-10001", "kind": "complaint", "message": "Scherm is gebarsten"},
    )
    assert r.status_code == 303
    page = client.get("/chat").text
    assert one(page, "case-number") == "C-1001"
    assert "Scherm is gebarsten" in by_testid(page, "chat-message")


def test_second_order_while_logged_in_stays_on_the_account(shop: RunningShop) -> None:
    who = person()
    browser, _ = web_order(shop, who)
    _, page = web_order(shop, who, browser=browser, street="Nieuwe Weg 7")
    assert one(page, "order-number") == "RS-10002"
    assert app_order(shop, "RS-10002", who.email)["address"]["street"] == "Nieuwe Weg 7"
    browser.post("/cart/add", data={"sku": "game-quest", "quantity": "1"})
    other = browser.post("/checkout", data=who.form(email="iemand-anders@example.test"))
    assert other.status_code == 400 and "ingelogd als" in one(other.text, "error")
