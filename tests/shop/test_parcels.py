"""An order of two articles ships as two parcels: each its own code, date, mail and page in the app.

The parcels' faults are shown here against the clean shop, as every fault is in test_faults.py.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from shop_helpers import HTTP, Inbox, Person, app_order, client, order_token, person, set_clock, web_order

from refshop.server import RunningShop

faulty = pytest.mark.parametrize("faulty", [False, True], ids=["clean", "faulty"])
Start = Callable[..., RunningShop]
MONDAY_EVENING = "2026-11-23T21:00:00+01:00"  # the van left at 20:00 for Tuesday's delivery
TUESDAY_EVENING = "2026-11-24T18:00:00+01:00"  # after the carrier rang at 14:00


def two_articles(shop: RunningShop, who: Person) -> None:
    """A tablet and a game in one order: RS-10001, promised for Tuesday."""
    browser = client(shop)
    assert browser.post("/cart/add", data={"sku": "tablet-10", "quantity": "1"}).status_code == 303
    web_order(shop, who, "game-quest", browser=browser)


def parcel(shop: RunningShop, number: int, ref: str = "RS-10001") -> Any:
    answer = HTTP.get(
        f"{shop.url}/api/orders/{ref}/parcels/{number}", headers={"X-Order-Token": order_token(shop, ref)}
    )
    assert answer.status_code == 200, answer.text
    return answer.json()


def mail_line(mail: str, label: str) -> str:
    return next(line.split(":", 1)[1].strip() for line in mail.splitlines() if line.startswith(f"{label}:"))


def test_two_articles_ship_as_two_parcels_with_their_own_code_date_and_mail(start_shop: Start, inbox: Inbox) -> None:
    shop, who = start_shop(), person()
    two_articles(shop, who)
    before = app_order(shop, "RS-10001")["parcels"]
    assert [(p["parcel"], p["sku"], p["status"], p["track_and_trace"]) for p in before] == [
        (1, "tablet-10", "ordered", None),
        (2, "game-quest", "ordered", None),
    ]
    set_clock(shop, MONDAY_EVENING)
    first, second = parcel(shop, 1), parcel(shop, 2)
    assert (first["status"], second["status"]) == ("shipped", "shipped")
    assert first["track_and_trace"] != second["track_and_trace"]
    assert (first["delivery_date"], second["delivery_date"], second["parcels"]) == ("2026-11-24", "2026-11-24", 2)
    assert not inbox.to(who.email, "Je bestelling RS-10001 is verzonden")  # the parcels' mails instead
    mail = inbox.one(who.email, "Je bestelling RS-10001: pakket 2 van 2 is verzonden")
    assert mail_line(mail, "Track & trace") == second["track_and_trace"]
    assert (mail_line(mail, "Pakket"), mail_line(mail, "Bezorgdatum")) == ("2 van 2", "dinsdag 24 november 2026")
    assert mail_line(inbox.one(who.email, "pakket 1 van 2"), "Artikel") == "Tulp Tab 10"
    set_clock(shop, TUESDAY_EVENING)
    assert [parcel(shop, n)["status_text"] for n in (1, 2)] == ["Bezorgd", "Bezorgd"]
    assert app_order(shop, "RS-10001")["status"] == "delivered"


def test_an_order_of_one_article_ships_as_itself_and_has_no_parcel_pages(start_shop: Start, inbox: Inbox) -> None:
    shop, who = start_shop(), person()
    web_order(shop, who, "tablet-10", quantity="2")
    set_clock(shop, MONDAY_EVENING)
    assert app_order(shop, "RS-10001")["parcels"] == []
    assert inbox.one(who.email, "Je bestelling RS-10001 is verzonden")
    missing = HTTP.get(
        f"{shop.url}/api/orders/RS-10001/parcels/1", headers={"X-Order-Token": order_token(shop, "RS-10001")}
    )
    assert missing.status_code == 404 and "geen pakket 1" in missing.text


def test_a_parcel_is_seen_only_by_who_may_see_its_order(start_shop: Start) -> None:
    shop = start_shop()
    two_articles(shop, person())
    assert HTTP.get(f"{shop.url}/api/orders/RS-10001/parcels/1").status_code == 404


@faulty
def test_parcel_left_behind(start_shop: Start, inbox: Inbox, faulty: bool) -> None:
    shop = start_shop(*(("parcel-left-behind",) if faulty else ()))
    two_articles(shop, person())
    set_clock(shop, TUESDAY_EVENING)
    assert parcel(shop, 1)["status"] == "delivered"
    assert parcel(shop, 2)["status"] == ("shipped" if faulty else "delivered")
    assert app_order(shop, "RS-10001")["status"] == "delivered"  # the order says so either way


@faulty
def test_parcel_date_differs(start_shop: Start, inbox: Inbox, faulty: bool) -> None:
    shop, who = start_shop(*(("parcel-date-differs",) if faulty else ())), person()
    two_articles(shop, who)
    set_clock(shop, MONDAY_EVENING)
    mailed = [mail_line(inbox.one(who.email, f"pakket {n} van 2"), "Bezorgdatum") for n in (1, 2)]
    assert [parcel(shop, n)["delivery_date"] for n in (1, 2)] == ["2026-11-24", "2026-11-24"]
    second = "woensdag 25 november 2026" if faulty else "dinsdag 24 november 2026"
    assert mailed == ["dinsdag 24 november 2026", second]
