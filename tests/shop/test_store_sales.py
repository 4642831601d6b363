"""In the store and click and collect: the till's sale and price, the web checkout's pickup, the store's view."""

from __future__ import annotations

from shop_helpers import (
    AGENT_PASSWORD,
    HTTP,
    TILL,
    Inbox,
    agent_login,
    app_order,
    by_testid,
    client,
    one,
    person,
    set_clock,
)

from refshop.server import RunningShop

SALE = {"store": "utrecht", "sku": "tablet-10", "quantity": 1, "name": "Sara Bakker"}


def sale(email: str | None = None) -> dict[str, object]:
    """A till's sale for a customer with her own mailbox (the SMTP sink is shared by every test)."""
    return {**SALE, "email": email or person().email}


def test_a_sale_at_the_till_is_handed_over_with_a_receipt_and_its_mail(shop: RunningShop, inbox: Inbox) -> None:
    who = person()
    r = HTTP.post(f"{shop.url}/api/store/sales", headers=TILL, json=sale(who.email))

    assert r.status_code == 201, r.text
    receipt = r.json()
    assert (receipt["order_number"], receipt["status"], receipt["fulfilment"], receipt["total"]) == (
        "RS-10001",
        "collected",
        "carry",
        "329.00",
    )
    assert receipt["lines"] == [
        {"sku": "tablet-10", "name": "Tulp Tab 10", "quantity": 1, "unit_price": "349.00", "total": "329.00"}
    ]
    assert receipt["address"] is None and receipt["delivery_date"] is None
    mail = inbox.one(who.email, "Kassabon voor bestelling RS-10001")
    assert "Totaal: € 329,00" in mail and "Winkel: Tulp Utrecht Centrum" in mail
    assert inbox.to(who.email, "Bevestiging") == []
    # Taken home: nothing left to ship, and the return window runs from the sale.
    set_clock(shop, "2026-11-30T10:00:00+01:00")
    assert app_order(shop, "RS-10001")["status"] == "collected"


def test_a_sale_needs_the_stores_key(shop: RunningShop) -> None:
    r = HTTP.post(f"{shop.url}/api/store/sales", json=sale())
    assert r.status_code == 401
    assert HTTP.get(f"{shop.url}/api/store/pickups/RS-10001").status_code == 401


def test_the_till_shows_the_web_shops_price(shop: RunningShop) -> None:
    scanned = HTTP.get(f"{shop.url}/api/store/products/game-quest").json()
    page = HTTP.get(f"{shop.url}/product/game-quest").text

    assert (scanned["price"], scanned["currency"]) == ("59.99", "EUR")
    assert one(page, "price") == "€ 59,99"
    assert HTTP.get(f"{shop.url}/api/store/products/no-such-thing").status_code == 404


def test_the_web_checkout_offers_pickup_in_a_store(shop: RunningShop, inbox: Inbox) -> None:
    who = person()
    browser = client(shop)
    browser.post("/cart/add", data={"sku": "headphones", "quantity": "1"})
    checkout = browser.get("/checkout").text
    assert one(checkout, "pickup-date") == "maandag 23 november 2026"  # before 12:00: the same day

    placed = browser.post("/checkout", data=who.form(fulfilment="pickup", store="amsterdam"))

    assert placed.status_code == 303, placed.text
    page = browser.get(placed.headers["location"]).text
    assert (one(page, "pickup-date"), one(page, "pickup-store")) == (
        "maandag 23 november 2026",
        "Tulp Amsterdam Kalverstraat",
    )
    assert by_testid(page, "delivery-date") == []
    mail = inbox.one(who.email, "Bevestiging van je bestelling RS-10001")
    assert "Ophaaldatum: maandag 23 november 2026" in mail and "Afhaalwinkel: Tulp Amsterdam Kalverstraat" in mail
    store = HTTP.get(f"{shop.url}/api/store/pickups/RS-10001", headers=TILL).json()
    assert (store["pickup_date"], store["store"], store["status"]) == (
        "2026-11-23",
        "Tulp Amsterdam Kalverstraat",
        "ordered",
    )
    set_clock(shop, "2026-11-23T16:00:00+01:00")
    assert HTTP.get(f"{shop.url}/api/store/pickups/RS-10001", headers=TILL).json()["status"] == "ready_for_pickup"
    # Her account keeps her own address; the order is at the store's.
    assert app_order(shop, "RS-10001")["address"]["street"] == "Kalverstraat 12"


def test_pickup_in_an_unknown_store_is_refused_on_the_checkout(shop: RunningShop) -> None:
    browser = client(shop)
    browser.post("/cart/add", data={"sku": "headphones", "quantity": "1"})
    r = browser.post("/checkout", data=person().form(fulfilment="pickup", store="maastricht"))
    assert r.status_code == 400 and "Onbekende winkel" in one(r.text, "error")


def test_the_stores_view_is_for_pickup_orders_only(shop: RunningShop) -> None:
    home = {**sale(), "street": "Dorpsstraat 1", "postcode": "1234 AB", "city": "Ergens"}
    HTTP.post(f"{shop.url}/api/store/orders", headers=TILL, json=home)
    assert HTTP.get(f"{shop.url}/api/store/pickups/RS-10001", headers=TILL).status_code == 404


def test_the_agent_reads_an_order_out_on_the_phone(shop: RunningShop) -> None:
    HTTP.post(f"{shop.url}/api/store/sales", headers=TILL, json=sale())
    agent = client(shop)
    agent_login(shop, AGENT_PASSWORD, agent)

    page = agent.get("/agent/orders/RS-10001").text

    assert (one(page, "order-number"), one(page, "order-status"), one(page, "order-total")) == (
        "RS-10001",
        "Meegenomen",
        "€ 329,00",
    )
    assert by_testid(page, "delivery-date") == [] and by_testid(page, "pickup-date") == []
    assert one(page, "return-verdict") == "Retourneren mogelijk"
    assert one(page, "return-deadline") == "maandag 7 december 2026"
    assert client(shop).get("/agent/orders/RS-10001").status_code == 303  # the console needs its login
