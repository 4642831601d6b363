"""The agent console: login required, the 360° view, actions the customer sees."""

from __future__ import annotations

import re

import httpx
import pytest
from shop_helpers import (
    AGENT_PASSWORD,
    HTTP,
    TILL,
    Inbox,
    by_testid,
    client,
    one,
    person,
    set_clock,
    web_order,
)

from refshop.server import RunningShop


def logged_in(shop: RunningShop) -> httpx.Client:
    agent = client(shop)
    r = agent.post("/agent/login", data={"username": "agent", "password": AGENT_PASSWORD})
    assert r.status_code == 303 and r.headers["location"] == "/agent/"
    return agent


@pytest.mark.parametrize("path", ["/agent/", "/agent/?q=anna", "/agent/customers/1"])
def test_console_refuses_access_without_login(shop: RunningShop, path: str) -> None:
    web_order(shop, person())
    r = HTTP.get(f"{shop.url}{path}")
    assert r.status_code == 303 and r.headers["location"].startswith("/agent/login")
    assert "agent-order" not in r.text


def test_actions_without_login_change_nothing(shop: RunningShop, inbox: Inbox) -> None:
    who = person()
    web_order(shop, who)
    r = client(shop).post("/agent/customers/1/actions", data={"action": "refund", "order_number": "RS-10001"})
    assert r.status_code == 303
    assert inbox.to(who.email, "Terugbetaling") == []


def test_a_customer_login_is_not_an_agent_login(shop: RunningShop) -> None:
    who = person()
    browser, _ = web_order(shop, who)
    assert browser.get("/agent/").status_code == 303
    wrong = client(shop).post("/agent/login", data={"username": "agent", "password": "raden"})
    assert wrong.status_code == 401 and "klopt niet" in one(wrong.text, "error")


def test_agent_password_is_stored_hashed(shop: RunningShop) -> None:
    assert shop.shop.agent_ready.wait(30)
    conn = shop.shop.storage.connect()
    stored = conn.execute("SELECT password_hash FROM agents").fetchone()[0]
    conn.close()
    assert AGENT_PASSWORD not in stored and stored.startswith("scrypt:")  # werkzeug's default method


def test_360_view_shows_every_channel(shop: RunningShop) -> None:
    who = person()
    browser, _ = web_order(shop, who)
    HTTP.post(
        f"{shop.url}/api/store/click-collect",
        headers=TILL,
        json={
            "store": "utrecht",
            "sku": "headphones",
            "quantity": 1,
            "name": who.name,
            "email": who.email,
        },
    )
    set_clock(shop, "2026-11-25T10:00:00+01:00")
    browser.post("/returns/confirm", data={"item": "RS-10001:tablet-10"})
    HTTP.post(
        f"{shop.url}/api/chat",
        json={
            "email": who.email,
            "order_number": "RS-10001",
            "message": "Doos was kapot",
            "kind": "complaint",
        },
    )
    agent = logged_in(shop)
    found = agent.get("/agent/", params={"q": "RS-10001"}).text
    assert re.findall(r'data-testid="customer-row" data-customer-id="(\d+)"', found) == ["1"]
    view = agent.get("/agent/customers/1").text
    assert one(view, "customer-email") == who.email
    assert sorted(re.findall(r'data-testid="agent-order" data-order-number="([^"]+)"', view)) == [
        "RS-10001",
        "RS-10002",
    ]
    assert "C-1001" in view and "R-1001" in view
    channels = set(re.findall(r'data-testid="agent-contact" data-channel="(\w+)"', view))
    assert {"web", "email", "store", "returns", "chat"} <= channels


@pytest.mark.parametrize(
    ("action", "subject", "kind"),
    [
        ("replacement", "Vervangend product voor bestelling RS-10001", "replacement"),
        ("refund", "Terugbetaling voor bestelling RS-10001", "refund"),
        ("apology", "Onze excuses voor bestelling RS-10001", "apology"),
        ("callback", "We bellen je terug over bestelling RS-10001", "callback"),
    ],
)
def test_each_action_is_mailed_and_visible_to_the_customer(
    shop: RunningShop, inbox: Inbox, action: str, subject: str, kind: str
) -> None:
    who = person()
    browser, _ = web_order(shop, who)
    complaint = HTTP.post(
        f"{shop.url}/api/chat",
        json={
            "email": who.email,
            "order_number": "RS-10001",
            "message": "Verkeerd artikel",
            "kind": "complaint",
        },
    ).json()["case_number"]
    agent = logged_in(shop)
    r = agent.post(
        "/agent/customers/1/actions",
        data={"action": action, "order_number": "RS-10001", "case_number": complaint},
    )
    assert r.status_code == 303
    assert "RS-10001" in one(agent.get(r.headers["location"]).text, "agent-notice")
    assert len(inbox.to(who.email, subject)) == 1
    page = browser.get("/account/orders/RS-10001").text
    assert kind in re.findall(r'data-testid="order-contact"[^>]*data-kind="(\w+)"', page)
    assert by_testid(browser.get("/account").text, "case-status") == ["Beantwoord"]


def test_actions_refuse_another_customers_order(shop: RunningShop, inbox: Inbox) -> None:
    anna, bob = person(), person()
    web_order(shop, anna)
    web_order(shop, bob)
    agent = logged_in(shop)
    r = agent.post("/agent/customers/1/actions", data={"action": "refund", "order_number": "RS-10002"})
    assert r.status_code == 404
    assert inbox.to(bob.email, "Terugbetaling") == inbox.to(anna.email, "Terugbetaling") == []
    bad = agent.post("/agent/customers/1/actions", data={"action": "geld", "order_number": "RS-10001"})
    assert bad.status_code == 400 and "Onbekende actie" in one(bad.text, "error")
