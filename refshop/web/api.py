"""JSON APIs: the app (orders, returns), the chat backend and the store's till (POS)."""

from __future__ import annotations

import sqlite3
import time as wall
from datetime import date, timedelta
from typing import Any

from flask import Blueprint, jsonify, request, session

from refshop import cases, catalogue, customers, lead_times, orders, returns, validation
from refshop.clock import from_utc_key, iso
from refshop.customers import Details
from refshop.errors import ShopError
from refshop.formats import amount_json
from refshop.web.common import ctx, customer, json_body

bp = Blueprint("api", __name__, url_prefix="/api")

#: How long the legacy returns system makes every answer wait (slow-portal fault).
SLOW_PORTAL_SECONDS = 2.2


def slow_returns_system() -> None:
    """Seam for ``slow-portal``: a synchronous call to the legacy returns system."""
    if ctx().active("slow-portal"):
        wall.sleep(SLOW_PORTAL_SECONDS)


def _email_arg() -> str:
    return validation.email(request.args)


def app_delivery_date(order: sqlite3.Row) -> str | None:
    """The delivery date the app shows."""
    if order["fulfilment"] != "delivery":
        return None
    planned = date.fromisoformat(order["planned_date"])
    if ctx().active("tracking-date-drift"):
        # Seam: the app reads the carrier's estimate, dispatch day + 2, not the promise.
        return lead_times.skip_sunday(planned + timedelta(days=1)).isoformat()
    return planned.isoformat()


def order_json(order: sqlite3.Row) -> dict[str, Any]:
    c = ctx()
    store = orders.STORES.get(order["store"] or "")
    return {
        "order_number": order["ref"],
        "status": order["status"],
        "status_text": orders.STATUS_WORDS.get(order["status"], order["status"]),
        "channel": order["channel"],
        "fulfilment": order["fulfilment"],
        "store": store.name if store else None,
        "subtotal": amount_json(order["subtotal"]),
        "discount": amount_json(order["discount"]),
        "total": amount_json(order["total"]),
        "currency": "EUR",
        "placed_at": iso(from_utc_key(order["placed_at"])),
        "delivery_date": app_delivery_date(order),
        "pickup_date": order["pickup_date"],
        "track_and_trace": order["track_and_trace"],
        "address": {
            "name": order["name"],
            "street": order["street"],
            "postcode": order["postcode"],
            "city": order["city"],
        },
        "lines": [
            {
                "sku": ln["sku"],
                "name": ln["name"],
                "quantity": ln["quantity"],
                "unit_price": amount_json(ln["unit_price"]),
                "discount": amount_json(ln["unit_discount"]),
                "total": amount_json(ln["line_total"]),
            }
            for ln in orders.lines(c, order["id"])
        ],
        "refunded": amount_json(returns.refunded_total(c, order["id"])),
    }


def return_json(ret: sqlite3.Row) -> dict[str, Any]:
    return {
        "return_number": ret["number"],
        "order_number": ret["order_ref"],
        "sku": ret["sku"],
        "item": ret["item"],
        "status": ret["status"],
        "quote": amount_json(ret["quote"]),
        "refund_amount": amount_json(returns.refund_amount(ctx(), ret)),
        "currency": "EUR",
        "refund_due_date": ret["refund_due"],
        "refunded_at": iso(from_utc_key(ret["refunded_at"])) if ret["refunded_at"] else None,
    }


@bp.get("/orders/<ref>")
def order(ref: str) -> Any:
    me = customer()
    if me is not None and "email" not in request.args:
        found = orders.owned(ctx(), ref, customer_id=me["id"])
    else:
        found = orders.owned(ctx(), ref, email=_email_arg())
    return jsonify(order_json(found))


@bp.get("/returns/<number>")
def return_status(number: str) -> Any:
    slow_returns_system()
    me = customer()
    if me is not None and "email" not in request.args:
        found = returns.owned(ctx(), number, customer_id=me["id"])
    else:
        found = returns.owned(ctx(), number, email=_email_arg())
    return jsonify(return_json(found))


@bp.post("/returns")
def start_return() -> Any:
    slow_returns_system()
    data = json_body()
    c = ctx()
    ref = validation.order_ref(data)
    order = orders.owned(c, ref, email=validation.email(data))
    sku = validation.text(data, "sku", "Artikel", 40)
    with c.write():
        ret = returns.start(c, order, sku)
    return jsonify(return_json(ret)), 201


@bp.post("/chat")
def chat() -> Any:
    data = json_body()
    c = ctx()
    me = customer()
    email = me["email"] if me is not None and not data.get("email") else validation.email(data)
    message = validation.text(data, "message", "Bericht", validation.MAX_MESSAGE)
    kind = validation.text(data, "kind", "Soort", 20, required=False) or "question"
    order_number = validation.order_ref(data) if data.get("order_number") else None
    case_number = validation.text(data, "case_number", "Zaaknummer", 20, required=False) or None
    with c.write():
        turn = cases.chat(
            c,
            email=email,
            message=message,
            kind=kind,
            order_number=order_number,
            case_number=case_number,
            name=me["name"] if me is not None else "",
        )
    session["chat_case"] = turn.case["number"]  # the widget page shows the same conversation
    return jsonify(
        {
            "case_number": turn.case["number"],
            "reply": turn.reply,
            "asked": list(turn.asks),
            "status": turn.case["status"],
        }
    )


@bp.get("/store/lead-time")
def lead_time() -> Any:
    c = ctx()
    item = catalogue.product(validation.text(request.args, "sku", "Artikel", 40))
    return jsonify(
        {
            "sku": item.sku,
            "store_delivery_date": orders.store_delivery_date(c, c.now).isoformat(),
            "online_delivery_date": orders.online_delivery_date(c, c.now).isoformat(),
            "pickup_date": lead_times.pickup_date(c.now).isoformat(),
        }
    )


def _store_order(fulfilment: str) -> Any:
    data = json_body()
    c = ctx()
    shop_store = orders.store(validation.text(data, "store", "Winkel", 40))
    item = catalogue.product(validation.text(data, "sku", "Artikel", 40))
    quantity = validation.quantity(data)
    name = validation.text(data, "name", "Naam")
    email = validation.email(data)
    known = customers.by_email(c, email)
    if fulfilment == "pickup":
        street, postcode, city = shop_store.street, shop_store.postcode, shop_store.city
    elif any(data.get(k) for k in ("street", "postcode", "city")):
        street = validation.text(data, "street", "Straat en huisnummer", 120)
        postcode = validation.postcode(data)
        city = validation.text(data, "city", "Plaats", 80)
    elif known is not None and known["street"]:
        street, postcode, city = known["street"], known["postcode"], known["city"]
    else:
        raise ShopError("Geef een bezorgadres (street, postcode, city) voor thuisbezorging.", field="street")
    details = Details(name, email, street, postcode, city)
    with c.write():
        account = customers.ensure_contact(c, email, name)
        placed = orders.place(
            c,
            account,
            details,
            {item.sku: quantity},
            "store",
            store_code=shop_store.code,
            fulfilment=fulfilment,
            promised=orders.store_delivery_date(c, c.now),
        )
    return jsonify(order_json(placed)), 201


@bp.post("/store/orders")
def store_order() -> Any:
    return _store_order("delivery")


@bp.post("/store/click-collect")
def click_collect() -> Any:
    return _store_order("pickup")
