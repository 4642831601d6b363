"""The faults of the store, click-and-collect and phone channels, each against the clean shop.

As in test_faults.py: on the clean shop the symptom is absent, with the fault it is there.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from shop_helpers import AGENT_PASSWORD, HTTP, TILL, Inbox, agent_login, client, one, person, set_clock, web_order

from refshop.server import RunningShop

faulty = pytest.mark.parametrize("faulty", [False, True], ids=["clean", "faulty"])
Start = Callable[..., RunningShop]


def started(start_shop: Start, fault: str, on: bool) -> RunningShop:
    return start_shop(*((fault,) if on else ()))


def agent_page(shop: RunningShop, path: str) -> str:
    agent = client(shop)
    agent_login(shop, AGENT_PASSWORD, agent)
    return agent.get(path).text


@faulty
def test_pickup_date_unknown_in_store(start_shop: Start, inbox: Inbox, faulty: bool) -> None:
    shop = started(start_shop, "pickup-date-unknown-in-store", faulty)
    who = person()
    web_order(shop, who, sku="headphones", fulfilment="pickup", store="utrecht")  # Monday 10:00
    assert "Ophaaldatum: maandag 23 november 2026" in inbox.one(who.email, "Bevestiging")
    store = HTTP.get(f"{shop.url}/api/store/pickups/RS-10001", headers=TILL).json()
    set_clock(shop, "2026-11-23T16:30:00+01:00")
    ready = HTTP.get(f"{shop.url}/api/store/pickups/RS-10001", headers=TILL).json()["status"]
    if faulty:
        assert (store["pickup_date"], ready) == ("2026-11-24", "picked")
    else:
        assert (store["pickup_date"], ready) == ("2026-11-23", "ready_for_pickup")


@faulty
def test_store_price_differs(start_shop: Start, faulty: bool) -> None:
    shop = started(start_shop, "store-price-differs", faulty)
    scanned = HTTP.get(f"{shop.url}/api/store/products/game-quest").json()["price"]
    assert one(HTTP.get(f"{shop.url}/product/game-quest").text, "price") == "€ 59,99"
    assert scanned == ("64.99" if faulty else "59.99")


@faulty
def test_phone_date_differs(start_shop: Start, faulty: bool) -> None:
    shop = started(start_shop, "phone-date-differs", faulty)
    _, page = web_order(shop, person())  # Monday 10:00: tomorrow
    assert one(page, "delivery-date") == "dinsdag 24 november 2026"
    told = one(agent_page(shop, "/agent/orders/RS-10001"), "delivery-date")
    assert told == ("donderdag 26 november 2026" if faulty else "dinsdag 24 november 2026")


@faulty
def test_agent_return_policy_differs(start_shop: Start, faulty: bool) -> None:
    shop = started(start_shop, "agent-return-policy-differs", faulty)
    browser, _ = web_order(shop, person(), sku="headphones")  # delivered Tuesday 24 November
    set_clock(shop, "2026-12-09T10:00:00+01:00")
    assert one(browser.get("/returns").text, "return-verdict") == "Retourtermijn verlopen"
    told = one(agent_page(shop, "/agent/orders/RS-10001"), "return-verdict")
    assert told == ("Retourneren mogelijk" if faulty else "Retourtermijn verlopen")
