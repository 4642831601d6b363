"""One answer to "can I return this?": the returns portal, the API and the agent console say the same."""

from __future__ import annotations

import httpx
from shop_helpers import (
    AGENT_PASSWORD,
    HTTP,
    agent_login,
    by_testid,
    client,
    one,
    order_token,
    person,
    set_clock,
    web_order,
)

from refshop.server import RunningShop


def agent(shop: RunningShop) -> httpx.Client:
    browser = client(shop)
    agent_login(shop, AGENT_PASSWORD, browser)
    return browser


def test_too_late_is_refused_with_the_reason_in_the_portal_the_api_and_by_the_agent(shop: RunningShop) -> None:
    browser, _ = web_order(shop, person(), sku="headphones")  # delivered Tuesday 24 November
    set_clock(shop, "2026-12-09T10:00:00+01:00")

    portal = browser.get("/returns").text
    console = agent(shop).get("/agent/orders/RS-10001").text
    api = HTTP.post(
        f"{shop.url}/api/returns",
        json={"order_number": "RS-10001", "sku": "headphones", "token": order_token(shop, "RS-10001")},
    )

    assert by_testid(portal, "returnable-item") == []
    for page in (portal, console):
        assert one(page, "return-verdict") == "Retourtermijn verlopen"
        assert one(page, "return-deadline") == "dinsdag 8 december 2026"
    assert "is verlopen (tot en met 08-12-2026)" in one(portal, "return-refusal")
    assert api.status_code == 409 and "verlopen" in api.json()["error"]


def test_a_gift_card_is_never_returnable(shop: RunningShop) -> None:
    browser, _ = web_order(shop, person(), sku="gift-card")
    set_clock(shop, "2026-11-25T10:00:00+01:00")

    portal = browser.get("/returns").text
    console = agent(shop).get("/agent/orders/RS-10001").text
    quote = browser.post("/returns/quote", data={"item": "RS-10001:gift-card"})

    for page in (portal, console):
        assert one(page, "return-verdict") == "Niet retourneerbaar"
        assert by_testid(page, "return-deadline") == []
    assert quote.status_code == 409 and "niet retourneren" in one(quote.text, "error")


def test_within_the_window_the_portal_offers_it_until_the_same_day_as_the_agent(shop: RunningShop) -> None:
    browser, _ = web_order(shop, person(), sku="headphones")
    set_clock(shop, "2026-11-25T10:00:00+01:00")

    portal = browser.get("/returns").text
    console = agent(shop).get("/agent/orders/RS-10001").text

    assert len(by_testid(portal, "returnable-item")) == 1
    for page in (portal, console):
        assert one(page, "return-verdict") == "Retourneren mogelijk"
        assert one(page, "return-deadline") == "dinsdag 8 december 2026"
    assert by_testid(portal, "refused-item") == []


def test_before_delivery_the_portal_says_so(shop: RunningShop) -> None:
    browser, _ = web_order(shop, person(), sku="headphones")
    portal = browser.get("/returns").text
    assert one(portal, "return-verdict") == "Nog niet bezorgd"
    assert "no-returnable-items" in portal
