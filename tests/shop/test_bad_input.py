"""Bad input on every channel: a clear message, a 4xx, no stack trace, nothing stored."""

from __future__ import annotations

import pytest
from shop_helpers import HTTP, TILL, app_order, by_testid, client, one, order_token, person, set_clock, web_order

from refshop.server import RunningShop


def order_count(shop: RunningShop) -> int:
    conn = shop.shop.storage.connect()
    try:
        return int(conn.execute("SELECT COUNT(*) FROM orders").fetchone()[0])
    finally:
        conn.close()


def case_count(shop: RunningShop) -> int:
    conn = shop.shop.storage.connect()
    try:
        return int(conn.execute("SELECT COUNT(*) FROM cases").fetchone()[0])
    finally:
        conn.close()


@pytest.mark.parametrize("quantity", ["", "abc", "0", "-1", "11", "1e3", "2.5", " 9999 "])
def test_bad_quantity_is_refused_on_the_product_page(shop: RunningShop, quantity: str) -> None:
    browser = client(shop)
    r = browser.post("/cart/add", data={"sku": "tablet-10", "quantity": quantity})
    assert r.status_code == 400
    assert "Aantal" in one(r.text, "error")
    assert "Traceback" not in r.text
    assert by_testid(browser.get("/cart").text, "cart-line") == []


def test_unknown_product_is_a_clear_404(shop: RunningShop) -> None:
    r = HTTP.get(f"{shop.url}/product/no-such-thing")
    assert r.status_code == 404 and "bestaat niet" in one(r.text, "error")


@pytest.mark.parametrize(
    ("field", "value", "says"),
    [
        ("name", "", "naam"),
        ("email", "geen-mail", "e-mailadres"),
        ("postcode", "12345", "postcode"),
        ("street", "x" * 5000, "te lang"),
        ("birthdate", "31-02-2001", "datum"),
        ("password", "kort", "wachtwoord"),
        ("segment", "astronaut", "segment"),
    ],
)
def test_bad_checkout_fields_store_nothing(shop: RunningShop, field: str, value: str, says: str) -> None:
    browser = client(shop)
    browser.post("/cart/add", data={"sku": "tablet-10", "quantity": "1"})
    r = browser.post("/checkout", data=person().form(**{field: value}))
    assert r.status_code == 400, r.text
    assert says in one(r.text, "error").lower()
    assert order_count(shop) == 0
    assert one(r.text, "checkout-total") == "€ 329,00"  # the cart is still there


def test_checkout_with_an_empty_cart(shop: RunningShop) -> None:
    r = client(shop).post("/checkout", data=person().form())
    assert r.status_code == 400 and "leeg" in one(r.text, "error")
    assert order_count(shop) == 0


def test_script_tags_are_shown_as_text(shop: RunningShop) -> None:
    who = person(name="<script>alert('x')</script>")
    browser, page = web_order(shop, who, street="<b>Dorpsstraat</b> 1")
    assert "<b>Dorpsstraat" not in page and "&lt;b&gt;Dorpsstraat" in page
    assert one(page, "delivery-address").startswith("<b>Dorpsstraat</b> 1")
    account = browser.get("/account").text
    assert "<script>alert" not in account and "&lt;script&gt;alert" in account


def test_oversized_body_is_refused(shop: RunningShop) -> None:
    r = HTTP.post(
        f"{shop.url}/api/chat",
        content=b"{" + b" " * 70_000 + b"}",
        headers={"Content-Type": "application/json"},
    )
    assert r.status_code == 413 and "error" in r.json()


def test_existing_account_needs_its_password(shop: RunningShop) -> None:
    who = person()
    web_order(shop, who)
    stranger = client(shop)
    stranger.post("/cart/add", data={"sku": "game-quest", "quantity": "1"})
    r = stranger.post("/checkout", data=who.form(password="raden-123"))
    assert r.status_code == 409 and "account" in one(r.text, "error")
    assert order_count(shop) == 1


def test_app_api_answers_unknown_and_foreign_orders_alike(shop: RunningShop) -> None:
    anna, bob = person(), person()
    web_order(shop, anna)
    web_order(shop, bob)
    anna_token = {"X-Order-Token": order_token(shop, "RS-10001")}
    unknown = HTTP.get(f"{shop.url}/api/orders/RS-99999", headers=anna_token)
    foreign = HTTP.get(f"{shop.url}/api/orders/RS-10002", headers=anna_token)  # her token, his order
    bare = HTTP.get(f"{shop.url}/api/orders/RS-10001")
    assert unknown.status_code == foreign.status_code == bare.status_code == 404
    assert unknown.json()["error"].replace("RS-99999", "RS-10002") == foreign.json()["error"]
    assert set(unknown.json()) == {"error"} and "bestelcode" in bare.json()["error"]
    invalid = HTTP.get(f"{shop.url}/api/orders/RS-10001", params={"email": "niet-goed"}, headers=anna_token)
    assert invalid.status_code == 400 and "e-mailadres" in invalid.json()["error"].lower()
    scripted = HTTP.get(f"{shop.url}/api/orders/<script>", headers=anna_token)
    assert scripted.status_code == 404


def test_customer_never_sees_another_customers_order(shop: RunningShop) -> None:
    anna, bob = person(), person()
    anna_browser, _ = web_order(shop, anna)
    bob_browser, _ = web_order(shop, bob)
    r = anna_browser.get("/account/orders/RS-10002")
    assert r.status_code == 404 and bob.email not in r.text
    assert bob_browser.get("/orders/RS-10001/confirmation").status_code == 404
    assert "RS-10002" not in anna_browser.get("/account").text
    anon = client(shop).get("/account/orders/RS-10001")
    assert anon.status_code == 303 and anon.headers["location"].startswith("/login")


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"email": "a@example.test", "message": ""}, 400),
        ({"email": "a@example.test", "message": "x" * 2001}, 400),
        ({"email": "niet-goed", "message": "hoi"}, 400),
        ({"email": "a@example.test", "message": "hoi", "kind": "ruzie"}, 400),
        ({"email": "a@example.test", "message": "hoi", "order_number": "12"}, 400),
        ({"email": "a@example.test", "message": "hoi", "order_number": "RS-10001"}, 404),
        ({"email": "a@example.test", "message": "hoi", "case_number": "C-9999"}, 404),
        ({"email": ["a@example.test"], "message": "hoi"}, 400),
    ],
)
def test_chat_api_refuses_bad_messages_without_opening_a_case(
    shop: RunningShop, body: dict[str, object], status: int
) -> None:
    web_order(shop, person())  # RS-10001 exists, but not for a@example.test
    r = HTTP.post(f"{shop.url}/api/chat", json=body)
    assert r.status_code == status, r.text
    assert r.json()["error"]
    assert case_count(shop) == 0


def test_chat_api_needs_json(shop: RunningShop) -> None:
    r = HTTP.post(
        f"{shop.url}/api/chat",
        content=b"message=hoi",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert r.status_code == 415 and "JSON" in r.json()["error"]


def test_returns_refuse_what_cannot_be_returned(shop: RunningShop) -> None:
    who = person()
    browser, _ = web_order(shop, who)
    early = browser.post("/returns/quote", data={"item": "RS-10001:tablet-10"})
    assert early.status_code == 409 and "nog niet bezorgd" in one(early.text, "error")
    set_clock(shop, "2026-11-25T10:00:00+01:00")
    wrong = browser.post("/returns/quote", data={"item": "RS-10001:laptop-pro"})
    assert wrong.status_code == 404
    guest = client(shop).post("/returns/lookup", data={"order_number": "RS-10001", "email": "iemand@example.test"})
    assert guest.status_code == 404
    without_token = client(shop).post("/returns/lookup", data={"order_number": "RS-10001", "email": who.email})
    assert without_token.status_code == 404 and "bestelcode" in one(without_token.text, "error")
    assert browser.post("/returns/confirm", data={"item": "RS-10001:tablet-10"}).status_code == 200
    again = browser.post("/returns/confirm", data={"item": "RS-10001:tablet-10"})
    assert again.status_code == 409 and "al" in one(again.text, "error")
    set_clock(shop, "2026-12-09T10:00:00+01:00")  # window of the (returned) order is over
    api = HTTP.post(
        f"{shop.url}/api/returns",
        json={"order_number": "RS-10001", "sku": "tablet-10", "token": order_token(shop, "RS-10001")},
    )
    assert api.status_code == 409 and "verlopen" in api.json()["error"]


def test_store_api_refuses_unknown_stores_and_bad_quantities(shop: RunningShop) -> None:
    base = {
        "store": "utrecht",
        "sku": "headphones",
        "quantity": 1,
        "name": "Piet",
        "email": "piet@example.test",
        "street": "Markt 1",
        "postcode": "3511 AA",
        "city": "Utrecht",
    }
    for change, status in (
        ({"store": "maan"}, 404),
        ({"quantity": "veel"}, 400),
        ({"quantity": True}, 400),
        ({"sku": "nope"}, 404),
        ({"street": "", "postcode": "", "city": ""}, 400),
    ):
        r = HTTP.post(f"{shop.url}/api/store/orders", json={**base, **change}, headers=TILL)
        assert r.status_code == status, (change, r.text)
    assert order_count(shop) == 0


def test_login_with_a_wrong_password(shop: RunningShop) -> None:
    who = person()
    web_order(shop, who)
    r = client(shop).post("/login", data={"email": who.email, "password": "fout-fout"})
    assert r.status_code == 401 and "klopt niet" in one(r.text, "error")
    ok = client(shop)
    assert ok.post(
        "/login",
        data={"email": who.email, "password": who.password, "next": "https://evil.example/"},
    ).headers["location"] == ("/account")
    assert app_order(shop, "RS-10001", who.email)["status"] == "ordered"
