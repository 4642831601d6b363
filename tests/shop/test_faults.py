"""Every fault in the catalogue, each shown against the clean shop.

Each test runs twice: on the clean shop the symptom must be absent, with the
fault switched on it must be there. A fault that does nothing fails its test,
and so does a clean shop that already shows the symptom.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import httpx
import pytest
from shop_helpers import (
    AGENT_PASSWORD,
    HTTP,
    TILL,
    Inbox,
    Person,
    app_order,
    client,
    one,
    order_token,
    person,
    set_clock,
    web_order,
)

from refshop import faults
from refshop.server import RunningShop
from refshop.web import api

ROOT = Path(__file__).resolve().parents[2]
faulty = pytest.mark.parametrize("faulty", [False, True], ids=["clean", "faulty"])
Start = Callable[..., RunningShop]


def shop_with(start_shop: Start, fault: str, on: bool, **kw: str) -> RunningShop:
    return start_shop(*((fault,) if on else ()), **kw)


def mail_line(mail: str, label: str) -> str:
    match = re.search(rf"^{re.escape(label)}:\s*(.+)$", mail, re.M)
    assert match, f"no '{label}:' line in\n{mail}"
    return match.group(1).strip()


def delivered_and_returned(shop: RunningShop, who: Person) -> tuple[object, str]:
    client, _ = web_order(shop, who)
    set_clock(shop, "2026-11-25T10:00:00+01:00")
    quote = client.post("/returns/quote", data={"item": "RS-10001:tablet-10"})
    done = client.post("/returns/confirm", data={"item": "RS-10001:tablet-10"})
    assert done.status_code == 200, done.text
    return client, one(quote.text, "return-quote")


def agent_client(shop: RunningShop) -> httpx.Client:
    agent = client(shop)
    r = agent.post("/agent/login", data={"username": "agent", "password": AGENT_PASSWORD})
    assert r.status_code == 303
    return agent


def test_catalogue_has_the_required_faults_and_docs_list_them_all() -> None:
    required = {
        "cutoff-ignored",
        "email-total-stale",
        "tracking-date-drift",
        "store-vs-online",
        "refund-not-replacement",
        "agent-no-history",
        "asked-again",
        "irrelevant-offers",
        "slow-portal",
        "refund-amount-differs",
        "address-dropped",
        "no-track-trace-email",
    }
    assert required <= set(faults.known())
    table = (ROOT / "docs" / "faults.md").read_text(encoding="utf-8")
    for fault in faults.CATALOGUE:
        assert f"| `{fault.name}` |" in table, f"{fault.name} missing from docs/faults.md"
        # A customer-experience fault comes from a seed article, a security fault from an ASVS requirement.
        assert fault.seeds or fault.asvs, f"{fault.name}: neither a seed article nor an ASVS requirement"
        assert all(re.fullmatch(r"00[0-4]", s) for s in fault.seeds)
        assert all(re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{1,2}", r) for r in fault.asvs)


def test_unknown_fault_exits_2_listing_the_known_ones() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "refshop", "--fault", "no-such-fault"],
        capture_output=True,
        text=True,
        timeout=30,
        cwd=ROOT,
    )
    assert done.returncode == 2
    assert "no-such-fault" in done.stderr and "cutoff-ignored" in done.stderr
    assert done.stdout == ""


@faulty
def test_cutoff_ignored(start_shop: Start, inbox: Inbox, faulty: bool) -> None:
    shop = shop_with(start_shop, "cutoff-ignored", faulty)
    who = person()
    product = HTTP.get(f"{shop.url}/product/tablet-10").text
    assert one(product, "delivery-promise") == "Voor 18:00 besteld, morgen in huis"
    client, page = web_order(shop, who)
    assert one(page, "delivery-date") == "dinsdag 24 november 2026"
    assert mail_line(inbox.one(who.email, "Bevestiging"), "Bezorgdatum") == ("dinsdag 24 november 2026")
    app_date = app_order(shop, "RS-10001", who.email)["delivery_date"]
    set_clock(shop, "2026-11-24T15:00:00+01:00")
    status = app_order(shop, "RS-10001", who.email)["status"]
    if faulty:
        assert (app_date, status) == ("2026-12-01", "picked")
    else:
        assert (app_date, status) == ("2026-11-24", "delivered")


@faulty
def test_email_total_stale(start_shop: Start, inbox: Inbox, faulty: bool) -> None:
    shop = shop_with(start_shop, "email-total-stale", faulty)
    who = person()
    _, page = web_order(shop, who)
    assert one(page, "order-total") == "€ 329,00"
    total = mail_line(inbox.one(who.email, "Bevestiging"), "Totaal")
    assert total == ("€ 349,00" if faulty else "€ 329,00")


@faulty
def test_tracking_date_drift(start_shop: Start, faulty: bool) -> None:
    shop = shop_with(start_shop, "tracking-date-drift", faulty)
    who = person()
    web_order(shop, who)
    assert app_order(shop, "RS-10001", who.email)["delivery_date"] == ("2026-11-25" if faulty else "2026-11-24")
    set_clock(shop, "2026-11-24T14:00:00+01:00")  # the parcel itself is on time
    assert app_order(shop, "RS-10001", who.email)["status"] == "delivered"


@faulty
def test_store_vs_online(start_shop: Start, faulty: bool) -> None:
    shop = shop_with(start_shop, "store-vs-online", faulty)
    lead = HTTP.get(f"{shop.url}/api/store/lead-time", params={"sku": "game-quest"}).json()
    product = HTTP.get(f"{shop.url}/product/game-quest").text
    if faulty:
        assert (lead["store_delivery_date"], lead["online_delivery_date"]) == (
            "2026-11-25",
            "2026-12-07",
        )
        assert one(product, "delivery-promise") == "Levertijd ongeveer 2 weken"
    else:
        assert lead["store_delivery_date"] == lead["online_delivery_date"] == "2026-11-24"
        assert one(product, "delivery-date") == "dinsdag 24 november 2026"


@faulty
def test_refund_not_replacement(start_shop: Start, inbox: Inbox, faulty: bool) -> None:
    shop = shop_with(start_shop, "refund-not-replacement", faulty)
    who = person()
    client, _ = web_order(shop, who)
    agent = agent_client(shop)
    r = agent.post("/agent/customers/1/actions", data={"action": "replacement", "order_number": "RS-10001"})
    assert r.status_code == 303
    kinds = [
        k
        for k in re.findall(
            r'data-testid="order-contact"[^>]*data-kind="(\w+)"',
            client.get("/account/orders/RS-10001").text,
        )
    ]
    replacement_mails = inbox.to(who.email, "Vervangend product voor bestelling RS-10001")
    refund_mails = inbox.to(who.email, "Terugbetaling voor bestelling RS-10001")
    if faulty:
        assert (len(replacement_mails), len(refund_mails)) == (0, 1)
        assert "apology" not in kinds and "refund" in kinds
    else:
        assert (len(replacement_mails), len(refund_mails)) == (1, 0)
        assert {"apology", "replacement"} <= set(kinds)


@faulty
def test_agent_no_history(start_shop: Start, faulty: bool) -> None:
    shop = shop_with(start_shop, "agent-no-history", faulty)
    who = person()
    web_order(shop, who)
    HTTP.post(
        f"{shop.url}/api/chat",
        json={
            "email": who.email,
            "order_number": "RS-10001",
            "message": "Verkeerde kleur",
            "kind": "complaint",
        },
    )
    HTTP.post(
        f"{shop.url}/api/store/orders",
        headers=TILL,
        json={
            "store": "utrecht",
            "sku": "headphones",
            "quantity": 1,
            "name": who.name,
            "email": who.email,
        },
    )
    view = agent_client(shop).get("/agent/customers/1").text
    orders_seen = re.findall(r'data-testid="agent-order" data-order-number="([^"]+)"', view)
    complaints = re.findall(r'data-testid="agent-complaint"', view)
    if faulty:
        assert (orders_seen, complaints) == (["RS-10002"], [])
    else:
        assert (sorted(orders_seen), len(complaints)) == (["RS-10001", "RS-10002"], 1)


@faulty
def test_asked_again(start_shop: Start, faulty: bool) -> None:
    shop = shop_with(start_shop, "asked-again", faulty)
    who = person()
    client, _ = web_order(shop, who)
    set_clock(shop, "2026-11-25T10:00:00+01:00")
    page = client.get("/returns").text
    asked = set(re.findall(r'<input[^>]*data-asks="(\w+)"', page))
    assert asked == ({"order_number", "email"} if faulty else set())
    assert ("RS-10001:tablet-10" in page) is not faulty


@faulty
def test_irrelevant_offers(start_shop: Start, faulty: bool) -> None:
    shop = shop_with(start_shop, "irrelevant-offers", faulty)
    student = person(birthdate="2006-03-01")  # 20 on the shop's clock
    client, _ = web_order(shop, student)
    segments = re.findall(r'data-testid="recommendation"[^>]*data-segment="(\w*)"', client.get("/account").text)
    assert segments
    if faulty:
        assert "business" in segments and "senior" in segments
    else:
        assert set(segments) == {"student"}


@faulty
def test_slow_portal(start_shop: Start, faulty: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    # The clean portal is judged by what it does (it never waits on the legacy system), not by a
    # stopwatch a loaded machine can break; the faulty one waits at least that long, whatever the load.
    waits: list[float] = []
    monkeypatch.setattr(api, "wall", SimpleNamespace(sleep=lambda s: (waits.append(s), time.sleep(s))[1]))
    shop = shop_with(start_shop, "slow-portal", faulty)
    who = person()
    client, _ = web_order(shop, who)
    waits.clear()
    started = time.perf_counter()
    assert client.get("/returns").status_code == 200
    took = time.perf_counter() - started
    if faulty:
        assert took >= api.SLOW_PORTAL_SECONDS
    assert (api.SLOW_PORTAL_SECONDS in waits) is faulty


@faulty
def test_refund_amount_differs(start_shop: Start, inbox: Inbox, faulty: bool) -> None:
    shop = shop_with(start_shop, "refund-amount-differs", faulty)
    who = person()
    _, quote = delivered_and_returned(shop, who)
    assert quote == "€ 329,00"
    set_clock(shop, "2026-11-30T10:00:00+01:00")
    refund = mail_line(inbox.one(who.email, "Terugbetaling"), "Terugbetaling")
    assert refund == ("€ 314,00" if faulty else "€ 329,00")
    status = HTTP.get(f"{shop.url}/api/returns/R-1001", headers={"X-Order-Token": order_token(shop, "RS-10001")}).json()
    assert status["refund_amount"] == ("314.00" if faulty else "329.00")


@faulty
def test_refund_discount_twice(start_shop: Start, inbox: Inbox, faulty: bool) -> None:
    shop = shop_with(start_shop, "refund-discount-twice", faulty)
    who = person()
    _, quote = delivered_and_returned(shop, who)  # a Tulp Tab 10: € 349,00 less € 20,00 promotion
    assert quote == ("€ 309,00" if faulty else "€ 329,00")
    assert mail_line(inbox.one(who.email, "Retourlabel"), "Retourbedrag") == quote
    set_clock(shop, "2026-11-30T10:00:00+01:00")
    assert mail_line(inbox.one(who.email, "Terugbetaling"), "Terugbetaling") == quote


@faulty
def test_cancel_not_passed_on(start_shop: Start, inbox: Inbox, faulty: bool) -> None:
    shop = shop_with(start_shop, "cancel-not-passed-on", faulty)
    who = person()
    browser, _ = web_order(shop, who)  # Monday morning: shipped the same day, delivered Tuesday
    page = browser.get("/account/orders/RS-10001")
    assert 'data-testid="cancel-order"' in page.text
    cancelled = browser.post("/account/orders/RS-10001/cancel", data={})
    assert cancelled.status_code == 303, cancelled.text
    assert one(browser.get("/account/orders/RS-10001").text, "order-status") == "Geannuleerd"
    assert mail_line(inbox.one(who.email, "is geannuleerd"), "Terugbetaling") == "€ 329,00"
    assert app_order(shop, "RS-10001", who.email)["status"] == ("ordered" if faulty else "cancelled")
    set_clock(shop, "2026-11-24T20:00:00+01:00")
    assert len(inbox.to(who.email, "is verzonden")) == (1 if faulty else 0)
    again = browser.post("/account/orders/RS-10001/cancel", data={})
    assert again.status_code == 409  # cancelled (or, to the warehouse, shipped) once is enough


def test_an_order_that_has_shipped_cannot_be_cancelled(start_shop: Start, inbox: Inbox) -> None:
    shop = start_shop()
    who = person()
    browser, _ = web_order(shop, who)
    set_clock(shop, "2026-11-23T20:00:00+01:00")
    assert 'data-testid="cancel-order"' not in browser.get("/account/orders/RS-10001").text
    refused = browser.post("/account/orders/RS-10001/cancel", data={})
    assert refused.status_code == 409
    assert "kan niet meer geannuleerd worden" in refused.text


@faulty
def test_phone_not_in_crm(start_shop: Start, inbox: Inbox, faulty: bool) -> None:
    shop = shop_with(start_shop, "phone-not-in-crm", faulty)
    web_order(shop, person(), phone="06-12345678")
    view = agent_client(shop).get("/agent/customers/1").text
    assert one(view, "customer-phone") == ("onbekend" if faulty else "06-12345678")


def test_a_phone_number_is_optional_and_checked(start_shop: Start, inbox: Inbox) -> None:
    shop = start_shop()
    web_order(shop, person())  # none given: the order goes through
    assert one(agent_client(shop).get("/agent/customers/1").text, "customer-phone") == "onbekend"
    browser = client(shop)
    browser.post("/cart/add", data={"sku": "tablet-10", "quantity": "1"})
    refused = browser.post("/checkout", data=person().form(phone="bel me maar"))
    assert refused.status_code == 400
    assert "geen telefoonnummer" in refused.text


@faulty
def test_account_total_before_discount(start_shop: Start, inbox: Inbox, faulty: bool) -> None:
    shop = shop_with(start_shop, "account-total-before-discount", faulty)
    browser, confirmation = web_order(shop, person())  # a Tulp Tab 10: € 349,00 less € 20,00
    assert one(confirmation, "order-total") == "€ 329,00"
    page = browser.get("/account/orders/RS-10001").text
    assert one(page, "order-total") == ("€ 349,00" if faulty else "€ 329,00")


@faulty
def test_address_dropped(start_shop: Start, inbox: Inbox, faulty: bool) -> None:
    shop = shop_with(start_shop, "address-dropped", faulty)
    who = person()
    _, page = web_order(shop, who)
    set_clock(shop, "2026-11-23T21:00:00+01:00")
    shown = mail_line(inbox.one(who.email, "is verzonden"), "Bezorgadres")
    assert (shown != one(page, "delivery-address")) is faulty


@faulty
def test_no_track_trace_email(start_shop: Start, inbox: Inbox, faulty: bool) -> None:
    shop = shop_with(start_shop, "no-track-trace-email", faulty)
    who = person()
    web_order(shop, who)
    set_clock(shop, "2026-11-24T15:00:00+01:00")
    assert app_order(shop, "RS-10001", who.email)["track_and_trace"]
    assert len(inbox.to(who.email, "is verzonden")) == (0 if faulty else 1)


@faulty
def test_complaint_unanswered(start_shop: Start, inbox: Inbox, faulty: bool) -> None:
    shop = shop_with(start_shop, "complaint-unanswered", faulty)
    who = person()
    r = HTTP.post(f"{shop.url}/api/chat", json={"email": who.email, "message": "Slecht!", "kind": "complaint"})
    case = r.json()["case_number"]
    ack = inbox.one(who.email, f"We hebben je klacht ontvangen ({case})")
    assert mail_line(ack, "Antwoord uiterlijk") == "dinsdag 24 november 2026 10:00"
    set_clock(shop, "2026-11-24T10:00:00+01:00")
    assert len(inbox.to(who.email, f"Antwoord op je klacht ({case})")) == (0 if faulty else 1)


@faulty
def test_chat_forgets_order(start_shop: Start, faulty: bool) -> None:
    shop = shop_with(start_shop, "chat-forgets-order", faulty)
    who = person()
    web_order(shop, who)
    body = HTTP.post(
        f"{shop.url}/api/chat",
        json={
            "email": who.email,
            "order_number": "RS-10001",
            "message": "Waar blijft het?",
            "kind": "complaint",
        },
    ).json()
    assert body["asked"] == (["order_number"] if faulty else [])
    assert ("bestelnummer?" in body["reply"]) is faulty


@faulty
def test_chat_date_differs(start_shop: Start, faulty: bool) -> None:
    shop = shop_with(start_shop, "chat-date-differs", faulty)
    shopper, confirmation = web_order(shop, person())  # Monday 10:00: delivered on Tuesday 24 November
    assert "dinsdag 24 november 2026" in confirmation
    asked = shopper.post("/chat", data={"kind": "question", "order_number": "RS-10001", "message": "Waar?"})
    assert asked.status_code == 303, asked.text
    answer = shopper.get("/chat").text
    assert ("Bezorgdatum: dinsdag 24 november 2026" in answer) is not faulty
    assert ("Bezorgdatum: woensdag 25 november 2026" in answer) is faulty


@faulty
def test_status_words_differ(start_shop: Start, faulty: bool) -> None:
    shop = shop_with(start_shop, "status-words-differ", faulty)
    who = person()
    client, _ = web_order(shop, who)
    set_clock(shop, "2026-11-23T21:00:00+01:00")
    assert app_order(shop, "RS-10001", who.email)["status"] == "shipped"
    shown = one(client.get("/account/orders/RS-10001").text, "order-status")
    assert shown == ("In behandeling" if faulty else "Onderweg")


@faulty
def test_callback_forgotten(start_shop: Start, inbox: Inbox, faulty: bool) -> None:
    shop = shop_with(start_shop, "callback-forgotten", faulty)
    who = person()
    client, _ = web_order(shop, who)
    agent_client(shop).post("/agent/customers/1/actions", data={"action": "callback", "order_number": "RS-10001"})
    promised = mail_line(inbox.one(who.email, "We bellen je terug"), "Terugbellen uiterlijk")
    assert promised == "dinsdag 24 november 2026 10:00"
    set_clock(shop, "2026-11-24T10:00:00+01:00")
    page = client.get("/account/orders/RS-10001").text
    assert ('data-channel="phone"' in page) is not faulty


@faulty
def test_refund_late(start_shop: Start, inbox: Inbox, faulty: bool) -> None:
    shop = shop_with(start_shop, "refund-late", faulty)
    who = person()
    delivered_and_returned(shop, who)  # registered Wednesday 25th, received Thursday 26th
    set_clock(shop, "2026-12-03T23:59:00+01:00")  # 5 working days after receipt
    assert len(inbox.to(who.email, "Terugbetaling")) == (0 if faulty else 1)
    status = HTTP.get(f"{shop.url}/api/returns/R-1001", headers={"X-Order-Token": order_token(shop, "RS-10001")}).json()
    assert status["refund_due_date"] == "2026-12-03"


def test_faults_combine(start_shop: Start, inbox: Inbox) -> None:
    shop = start_shop("email-total-stale", "tracking-date-drift", "address-dropped")
    who = person()
    web_order(shop, who)
    set_clock(shop, "2026-11-23T21:00:00+01:00")
    assert mail_line(inbox.one(who.email, "Bevestiging"), "Totaal") == "€ 349,00"
    assert app_order(shop, "RS-10001", who.email)["delivery_date"] == "2026-11-25"
    assert mail_line(inbox.one(who.email, "verzonden"), "Bezorgadres") == "1234 AB Amsterdam"


# -- moments the writers asked for (issue 18) -----------------------------------------------------


@faulty
def test_mail_ignores_code(start_shop: Start, inbox: Inbox, faulty: bool) -> None:
    shop = shop_with(start_shop, "mail-ignores-code", faulty)
    who = person()
    shopper = client(shop)
    shopper.post("/cart/add", data={"sku": "tablet-10", "quantity": "1"})
    applied = shopper.post("/checkout/code", data={"discount_code": "welkom10"})
    assert applied.status_code == 303, applied.text
    checkout = shopper.get("/checkout").text
    assert (one(checkout, "code-discount"), one(checkout, "checkout-total")) == ("€ 32,90", "€ 296,10")
    page = placed(shopper, who)
    assert (one(page, "code-discount"), one(page, "order-total")) == ("€ 32,90", "€ 296,10")
    app = app_order(shop, "RS-10001", who.email)
    assert (app["discount_code"], app["code_discount"], app["total"]) == ("WELKOM10", "32.90", "296.10")
    mail = inbox.one(who.email, "Bevestiging")
    assert mail_line(mail, "Totaal") == ("€ 329,00" if faulty else "€ 296,10")
    assert ("Kortingscode WELKOM10: € 32,90" in mail) is not faulty


def test_an_unknown_discount_code_is_refused_and_an_order_without_one_pays_full_price(start_shop: Start) -> None:
    shop = start_shop()
    shopper = client(shop)
    shopper.post("/cart/add", data={"sku": "tablet-10", "quantity": "1"})
    refused = shopper.post("/checkout/code", data={"discount_code": "GRATIS"})
    assert refused.status_code == 400 and "GRATIS kennen we niet" in refused.text
    page = placed(shopper, person())
    assert one(page, "order-total") == "€ 329,00" and "code-discount" not in page


def placed(shopper: httpx.Client, who: Person) -> str:
    """The checkout of what is in ``shopper``'s cart; the confirmation page."""
    done = shopper.post("/checkout", data=who.form())
    assert done.status_code == 303, done.text
    return shopper.get(done.headers["location"]).text


@faulty
def test_agent_order_mail_date_differs(start_shop: Start, inbox: Inbox, faulty: bool) -> None:
    shop = shop_with(start_shop, "agent-order-mail-date-differs", faulty)
    who = person()
    web_order(shop, who, "game-quest")  # her account, with her address: RS-10001
    agent = agent_client(shop)
    placed = agent.post("/agent/customers/1/orders", data={"sku": "laptop-pro", "quantity": "1"})
    assert placed.status_code == 303, placed.text
    page = agent.get(placed.headers["location"]).text
    assert (one(page, "order-number"), one(page, "delivery-date")) == ("RS-10002", "dinsdag 24 november 2026")
    assert app_order(shop, "RS-10002", who.email)["delivery_date"] == "2026-11-24"
    mail = inbox.one(who.email, "Bevestiging van je bestelling RS-10002")
    assert mail_line(mail, "Bezorgdatum") == ("donderdag 26 november 2026" if faulty else "dinsdag 24 november 2026")


def test_an_agent_cannot_order_for_a_customer_whose_address_is_unknown(start_shop: Start) -> None:
    shop = start_shop()
    HTTP.post(f"{shop.url}/api/chat", json={"email": person().email, "message": "Hallo?", "kind": "question"})
    refused = agent_client(shop).post("/agent/customers/1/orders", data={"sku": "laptop-pro", "quantity": "1"})
    assert refused.status_code == 400 and "adres" in refused.text


@faulty
def test_phone_opens_new_case(start_shop: Start, inbox: Inbox, faulty: bool) -> None:
    shop = shop_with(start_shop, "phone-opens-new-case", faulty)
    who = person()
    shopper, _ = web_order(shop, who)
    chat = shopper.post("/chat", data={"kind": "complaint", "order_number": "RS-10001", "message": "Kapot."})
    assert chat.status_code == 303, chat.text
    assert one(shopper.get("/chat").text, "case-number") == "C-1001"
    agent = agent_client(shop)
    noted = agent.post("/agent/orders/RS-10001/calls", data={"message": "Ik bel over mijn klacht."})
    assert noted.status_code == 303, noted.text
    page = agent.get(noted.headers["location"]).text
    assert one(page, "case-number") == ("C-1002" if faulty else "C-1001")
    assert ('data-asks="order_number"' in page) is faulty
    assert ("Aan de telefoon: Ik bel over mijn klacht." in page) is not faulty
    assert len(inbox.to(who.email, "We hebben je klacht ontvangen")) == (2 if faulty else 1)


def test_a_call_about_an_order_without_a_complaint_opens_one_by_phone_about_that_order(start_shop: Start) -> None:
    shop = start_shop()
    web_order(shop, person())
    noted = agent_client(shop).post("/agent/orders/RS-10001/calls", data={"message": "Het scherm is kapot."})
    page = agent_client(shop).get(noted.headers["location"]).text
    assert (one(page, "case-number"), one(page, "order-number"), one(page, "case-channel")) == (
        "C-1001",
        "RS-10001",
        "phone",
    )
