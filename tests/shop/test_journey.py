"""A whole order -> delivery -> return -> refund journey through the APIs alone.

Its speed is measured by bench/shop_api_journey.py, not here."""

from __future__ import annotations

from shop_helpers import HTTP, TILL, Inbox, app_order, order_token, set_clock

from refshop.server import RunningShop


def test_full_journey_through_the_apis(shop: RunningShop, inbox: Inbox) -> None:
    email = "journey@example.test"
    placed = HTTP.post(
        f"{shop.url}/api/store/orders",
        headers=TILL,
        json={
            "store": "rotterdam",
            "sku": "tablet-10",
            "quantity": 1,
            "name": "Joke Visser",
            "email": email,
            "street": "Coolsingel 40",
            "postcode": "3011 AD",
            "city": "Rotterdam",
        },
    )
    assert placed.status_code == 201, placed.text
    ref = placed.json()["order_number"]
    set_clock(shop, "2026-11-24T15:00:00+01:00")
    assert app_order(shop, ref, email)["status"] == "delivered"
    token = {"X-Order-Token": order_token(shop, ref)}  # the app has it from the confirmation mail
    started_return = HTTP.post(f"{shop.url}/api/returns", json={"order_number": ref, "sku": "tablet-10"}, headers=token)
    assert started_return.status_code == 201, started_return.text
    number = started_return.json()["return_number"]
    assert started_return.json()["quote"] == "329.00"
    moved = set_clock(shop, "2026-11-27T12:00:00+01:00")
    assert moved["ran"] == [f"receive-return:{number}", f"refund:{number}"]
    status = HTTP.get(f"{shop.url}/api/returns/{number}", headers=token).json()
    assert (status["status"], status["refund_amount"]) == ("refunded", "329.00")
    assert app_order(shop, ref, email)["refunded"] == "329.00"
    assert [str(m["Subject"]) for m in inbox.to(email)] == [
        f"Bevestiging van je bestelling {ref}",
        f"Je bestelling {ref} is verzonden",
        f"Retourlabel voor bestelling {ref}",
        f"Terugbetaling voor bestelling {ref}",
    ]
