"""Issue 15, finding by finding: the request that showed it, now refused; with its fault on, allowed.

Access control (who sees an order, the till API) is here; logins, sessions,
passwords, headers, CSRF and mail are in test_security_web.py.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from shop_helpers import HTTP, TILL, Browser, Inbox, client, one, order_token, person, set_clock, web_order

from refshop.server import RunningShop

ANNAS_ORDER = "RS-10001"


def two_customers(shop: RunningShop) -> tuple[Browser, str, Browser]:
    """Anna orders (RS-10001), then Bert (RS-10002): Anna's browser and address, Bert's browser."""
    anna = person(name="Anna de Vries")
    anna_browser, _ = web_order(shop, anna)
    bert_browser, _ = web_order(shop, person(name="Bert Jansen"))
    return anna_browser, anna.email, bert_browser


@pytest.mark.parametrize("faulty", [False, True], ids=["clean", "order-api-leaks"])
def test_her_email_address_opens_her_order_only_with_the_fault(
    start_shop: Callable[..., RunningShop], faulty: bool
) -> None:
    shop = start_shop(*(["order-api-leaks"] if faulty else []))
    _, anna_email, _ = two_customers(shop)
    # The finding: anyone who knows her e-mail address reads her order and address by number.
    r = HTTP.get(f"{shop.url}/api/orders/{ANNAS_ORDER}", params={"email": anna_email})
    if faulty:
        assert r.status_code == 200 and r.json()["address"]["street"] == "Dorpsstraat 12"
    else:
        assert r.status_code == 404 and "Dorpsstraat" not in r.text and set(r.json()) == {"error"}


@pytest.mark.parametrize("faulty", [False, True], ids=["clean", "order-api-leaks"])
def test_another_customers_session_opens_nothing(start_shop: Callable[..., RunningShop], faulty: bool) -> None:
    shop = start_shop(*(["order-api-leaks"] if faulty else []))
    _, anna_email, bert = two_customers(shop)
    # The finding: Bert, logged in, adds Anna's e-mail address and reads her order.
    r = bert.get(f"/api/orders/{ANNAS_ORDER}", params={"email": anna_email})
    assert r.status_code == (200 if faulty else 404)
    assert bert.get(f"/api/orders/{ANNAS_ORDER}").status_code == 404  # his session alone: not his order
    assert bert.get("/api/orders/RS-10002").status_code == 200  # his own order, by his session


def test_the_order_token_from_the_confirmation_opens_the_order_for_the_app(shop: RunningShop) -> None:
    anna = person()
    _, confirmation = web_order(shop, anna)
    token = one(confirmation, "order-token")
    assert token == order_token(shop, ANNAS_ORDER) and len(token) >= 22  # 128 random bits
    by_header = HTTP.get(f"{shop.url}/api/orders/{ANNAS_ORDER}", headers={"X-Order-Token": token})
    by_query = HTTP.get(f"{shop.url}/api/orders/{ANNAS_ORDER}", params={"token": token})
    assert by_header.status_code == by_query.status_code == 200
    assert by_header.json()["order_number"] == ANNAS_ORDER
    wrong = HTTP.get(f"{shop.url}/api/orders/{ANNAS_ORDER}", headers={"X-Order-Token": token[:-1] + "x"})
    assert wrong.status_code == 404


def test_the_confirmation_mail_carries_the_token_and_a_returns_link(shop: RunningShop, inbox: Inbox) -> None:
    anna = person()
    web_order(shop, anna)
    token = order_token(shop, ANNAS_ORDER)
    mail = inbox.one(anna.email, f"Bevestiging van je bestelling {ANNAS_ORDER}")
    assert f"Bestelcode (voor de app, geef hem aan niemand): {token}" in mail
    assert f"/returns?order_number={ANNAS_ORDER}&token={token}" in mail


@pytest.mark.parametrize("faulty", [False, True], ids=["clean", "order-api-leaks"])
def test_her_returns_are_hers_too(start_shop: Callable[..., RunningShop], faulty: bool) -> None:
    shop = start_shop(*(["order-api-leaks"] if faulty else []))
    anna_browser, anna_email, _ = two_customers(shop)
    set_clock(shop, "2026-11-25T10:00:00+01:00")
    assert anna_browser.post("/returns/confirm", data={"item": f"{ANNAS_ORDER}:tablet-10"}).status_code == 200
    by_email = HTTP.get(f"{shop.url}/api/returns/R-1001", params={"email": anna_email})
    assert by_email.status_code == (200 if faulty else 404)
    again = {"order_number": ANNAS_ORDER, "email": anna_email, "sku": "tablet-10"}
    start = HTTP.post(f"{shop.url}/api/returns", json=again)
    assert start.status_code == (409 if faulty else 404)  # with the fault it gets as far as "already returned"
    with_token = HTTP.get(f"{shop.url}/api/returns/R-1001", headers={"X-Order-Token": order_token(shop, ANNAS_ORDER)})
    assert with_token.status_code == 200 and with_token.json()["order_number"] == ANNAS_ORDER


@pytest.mark.parametrize("faulty", [False, True], ids=["clean", "order-api-leaks"])
def test_a_guest_in_the_returns_portal_needs_the_token(start_shop: Callable[..., RunningShop], faulty: bool) -> None:
    shop = start_shop(*(["order-api-leaks"] if faulty else []))
    anna = person()
    web_order(shop, anna)
    set_clock(shop, "2026-11-25T10:00:00+01:00")
    stranger = client(shop)
    guessed = stranger.post("/returns/lookup", data={"order_number": ANNAS_ORDER, "email": anna.email})
    assert guessed.status_code == (200 if faulty else 404)
    link = stranger.get("/returns", params={"order_number": ANNAS_ORDER, "token": order_token(shop, ANNAS_ORDER)})
    assert order_token(shop, ANNAS_ORDER) in link.text  # the mail's link fills in the code
    form = {"order_number": ANNAS_ORDER, "email": anna.email, "token": order_token(shop, ANNAS_ORDER)}
    found = client(shop).post("/returns/lookup", data=form)
    assert found.status_code == 200 and "returnable-item" in found.text


TILL_ORDER = {"store": "utrecht", "sku": "headphones", "quantity": 1, "name": "Anna de Vries"}


@pytest.mark.parametrize("faulty", [False, True], ids=["clean", "store-api-open"])
def test_the_till_api_wants_the_store_key(start_shop: Callable[..., RunningShop], faulty: bool) -> None:
    shop = start_shop(*(["store-api-open"] if faulty else []))
    anna = person()
    web_order(shop, anna)
    order = {**TILL_ORDER, "email": anna.email}
    # The finding: no login, an order booked into her account, her street address in the answer.
    anyone = HTTP.post(f"{shop.url}/api/store/orders", json=order)
    wrong = HTTP.post(f"{shop.url}/api/store/click-collect", json=order, headers={"X-Store-Key": "raden"})
    if faulty:
        assert anyone.status_code == 201 and anyone.json()["address"]["street"] == "Dorpsstraat 12"
        assert wrong.status_code == 201
    else:
        assert anyone.status_code == wrong.status_code == 401 and "X-Store-Key" in anyone.json()["error"]
        assert "Dorpsstraat" not in anyone.text


def test_the_till_gets_a_receipt_not_her_file(shop: RunningShop) -> None:
    anna = person()
    web_order(shop, anna)
    booked = HTTP.post(f"{shop.url}/api/store/orders", json={**TILL_ORDER, "email": anna.email}, headers=TILL)
    assert booked.status_code == 201, booked.text
    receipt = booked.json()
    assert receipt["order_number"] == "RS-10002" and receipt["total"] == "89.00"
    assert receipt["address"] is None and anna.email not in booked.text and "Dorpsstraat" not in booked.text
    typed = {**TILL_ORDER, "email": "piet@example.test", "street": "Markt 1", "postcode": "3511 AA", "city": "Utrecht"}
    echoed = HTTP.post(f"{shop.url}/api/store/orders", json=typed, headers=TILL).json()
    assert echoed["address"] == {"street": "Markt 1", "postcode": "3511 AA", "city": "Utrecht"}
    assert "email" not in echoed and "track_and_trace" not in echoed


def test_without_a_store_key_the_till_api_is_locked(start_shop: Callable[..., RunningShop]) -> None:
    shop = start_shop()
    shop.shop.store_key = ""  # started without REFSHOP_STORE_KEY
    r = HTTP.post(f"{shop.url}/api/store/orders", json={**TILL_ORDER, "email": "a@example.test"}, headers=TILL)
    assert r.status_code == 403 and "REFSHOP_STORE_KEY" in r.json()["error"]
    lead_time = HTTP.get(f"{shop.url}/api/store/lead-time", params={"sku": "headphones"})
    assert lead_time.status_code == 200  # the product page's promise: nobody's data


def test_the_order_pages_stay_hers(shop: RunningShop) -> None:
    anna_browser, _, bert = two_customers(shop)
    assert bert.get(f"/account/orders/{ANNAS_ORDER}").status_code == 404
    assert anna_browser.get(f"/account/orders/{ANNAS_ORDER}").status_code == 200
