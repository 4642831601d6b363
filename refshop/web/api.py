"""JSON APIs: the app (orders, returns) and the chat backend; the till's API is ``refshop.web.till``.

The app shows an order to its customer's session or to whoever holds the
order's token (``refshop.access``); an order number and an e-mail address
prove nothing.
"""

from __future__ import annotations

import sqlite3
import time as wall
from datetime import date, timedelta
from typing import Any

from flask import Blueprint, jsonify, request, session

from refshop import access, cases, catalogue, lead_times, orders, parcels, returns, validation
from refshop.clock import from_utc_key, iso
from refshop.errors import NotFound
from refshop.formats import amount_json
from refshop.web.common import GUEST_EMAIL, ctx, customer, json_body

bp = Blueprint("api", __name__, url_prefix="/api")

#: How long the legacy returns system makes every answer wait (slow-portal fault).
SLOW_PORTAL_SECONDS = 2.2


def slow_returns_system() -> None:
    """Seam for ``slow-portal``: a synchronous call to the legacy returns system."""
    if ctx().active("slow-portal"):
        wall.sleep(SLOW_PORTAL_SECONDS)


def app_delivery_date(order: sqlite3.Row) -> str | None:
    """The delivery date the app shows."""
    if order["fulfilment"] != "delivery":
        return None
    planned = date.fromisoformat(order["planned_date"])
    if ctx().active("tracking-date-drift"):
        # Seam: the app reads the carrier's estimate, dispatch day + 2, not the promise.
        return lead_times.skip_sunday(planned + timedelta(days=1)).isoformat()
    return planned.isoformat()


def order_summary_json(order: sqlite3.Row) -> dict[str, Any]:
    """What every answer about an order tells: number, status, channel, amounts, dates."""
    store = catalogue.STORES.get(order["store"] or "")
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
        "discount_code": order["discount_code"],
        "code_discount": amount_json(order["code_discount"]) if order["discount_code"] else None,
        "currency": "EUR",
        "placed_at": iso(from_utc_key(order["placed_at"])),
        "status_changed_at": _status_changed_at(order),
        "delivery_date": app_delivery_date(order),
        "pickup_date": order["pickup_date"],
    }


def _status_changed_at(order: sqlite3.Row) -> str | None:
    """When the order got its status, where the shop keeps that time (placed, shipped, delivered)."""
    kept = {"ordered": "placed_at", "shipped": "shipped_at", "delivered": "delivered_at", "collected": "delivered_at"}
    column = kept.get(order["status"])
    return iso(from_utc_key(order[column])) if column and order[column] else None


def order_json(order: sqlite3.Row) -> dict[str, Any]:
    c = ctx()
    return {
        **order_summary_json(order),
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
        "parcels": [parcel_json(p, order) for p in parcels.of_order(c, order["id"])],
    }


def parcel_json(parcel: sqlite3.Row, order: sqlite3.Row) -> dict[str, Any]:
    """One parcel of an order of several, as its track-and-trace screen in the app shows it."""
    return {
        "order_number": order["ref"],
        "parcel": parcel["number"],
        "sku": parcel["sku"],
        "item": parcel["item"],
        "status": parcel["status"],
        "status_text": parcels.STATUS_WORDS.get(parcel["status"], parcel["status"]),
        "track_and_trace": parcel["track_and_trace"],
        "delivery_date": parcel["delivery_date"],
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


def _token(data: dict[str, Any] | None = None) -> str | None:
    """The order token the caller holds: header ``X-Order-Token``, else ``token`` in the query or body."""
    given = request.headers.get(access.TOKEN_HEADER) or request.args.get("token")
    if not given and data is not None and isinstance(data.get("token"), str):
        given = data["token"]
    return str(given)[:100] if given else None


def _email(data: Any) -> str | None:
    """An e-mail address sent along (the old apps did); checked when given, proof of nothing."""
    return validation.email(data) if data.get("email") else None


def _may_see(ref: str, data: dict[str, Any] | None = None) -> sqlite3.Row:
    """The order, if the session's customer owns it or the caller holds its token (``refshop.access``)."""
    me = customer()
    return access.order_for(
        ctx(),
        ref,
        customer_id=me["id"] if me is not None else None,
        token=_token(data),
        email=_email(data if data is not None else request.args),
    )


@bp.get("/orders/<ref>")
def order(ref: str) -> Any:
    return jsonify(order_json(_may_see(ref)))


@bp.get("/orders/<ref>/parcels/<int:number>")
def parcel(ref: str, number: int) -> Any:
    """The app's track and trace of one parcel of her order."""
    order = _may_see(ref)
    found = next((p for p in parcels.of_order(ctx(), order["id"]) if p["number"] == number), None)
    if found is None:
        raise NotFound(f"Bestelling {order['ref']} heeft geen pakket {number}.")
    return jsonify({**parcel_json(found, order), "parcels": len(parcels.of_order(ctx(), order["id"]))})


@bp.get("/returns/<number>")
def return_status(number: str) -> Any:
    slow_returns_system()
    try:
        found = returns.by_number(ctx(), number)
        _may_see(found["order_ref"])  # a return is seen by whoever may see its order
    except NotFound:
        raise NotFound(f"We vinden geen retour {number[:20]} bij jouw gegevens.") from None
    return jsonify(return_json(found))


@bp.post("/returns")
def start_return() -> Any:
    slow_returns_system()
    data = json_body()
    c = ctx()
    order = _may_see(validation.order_ref(data), data)
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
            customer_id=me["id"] if me is not None else None,
        )
    session["chat_case"] = turn.case["number"]  # the widget page shows the same conversation
    if me is None:
        session[GUEST_EMAIL] = email  # what a guest gave once is not asked of her again
    return jsonify(
        {
            "case_number": turn.case["number"],
            "reply": turn.reply,
            "asked": list(turn.asks),
            "status": turn.case["status"],
        }
    )
