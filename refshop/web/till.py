"""The stores' tills (POS): prices, lead times, sales, home delivery orders and click and collect.

Booking an order is for the shop's own tills only: each request carries the
store key (header ``X-Store-Key``, the value of ``REFSHOP_STORE_KEY`` at the
shop's start). The answer holds what the till prints on the receipt and no
more: no e-mail address, and no address the till did not type itself (an
order for a known customer is delivered to her account's address, which the
till does not need to see). ``store-api-open`` switches both off.

A sale (``/sales``) is what she buys and takes home at once: the answer is
the receipt, and a digital receipt goes to her mail. The store's view of a
click-and-collect order (``/pickups/<ref>``) is what the till shows when she
comes to collect it: her name, the store, the status and the pickup date the
store works towards.

Prices and the lead time are open to anyone: the same as the web shop
shows, and nobody's data.
"""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from typing import Any

from flask import Blueprint, jsonify, request

from refshop import access, catalogue, customers, lead_times, orders, validation
from refshop.catalogue import Product
from refshop.customers import Details
from refshop.errors import NotFound, ShopError
from refshop.formats import amount_json
from refshop.web.api import order_json, order_summary_json
from refshop.web.common import ctx, json_body

bp = Blueprint("till", __name__, url_prefix="/api/store")
#: What the stores' weekly price list is behind the web shop (store-price-differs fault).
STALE_PRICE_MARKUP = Decimal("5.00")


def till_price(item: Product) -> Decimal:
    """The price the till shows for an article: the web shop's, from the one price list."""
    if ctx().active("store-price-differs"):
        # Seam: the stores' own price list, updated weekly, misses this week's online price.
        return item.price + STALE_PRICE_MARKUP
    return item.price


@bp.get("/products/<sku>")
def product(sku: str) -> Any:
    """What the till shows when the shop assistant scans an article."""
    item = catalogue.product(sku[:40])
    c = ctx()
    return jsonify(
        {
            "sku": item.sku,
            "name": item.name,
            "price": amount_json(till_price(item)),
            "discount": amount_json(item.discount),
            "currency": "EUR",
            "store_delivery_date": orders.store_delivery_date(c, c.now).isoformat(),
            "pickup_date": lead_times.pickup_date(c.now).isoformat(),
        }
    )


@bp.get("/lead-time")
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


def receipt_json(order: sqlite3.Row, typed_address: bool) -> dict[str, Any]:
    """What the till needs of an order it booked: the receipt, not the customer's file."""
    return {
        **order_summary_json(order),
        # The till typed this address; one taken from her account stays out of the answer.
        "address": (
            {"street": order["street"], "postcode": order["postcode"], "city": order["city"]} if typed_address else None
        ),
        "lines": [
            {
                "sku": ln["sku"],
                "name": ln["name"],
                "quantity": ln["quantity"],
                "unit_price": amount_json(ln["unit_price"]),
                "total": amount_json(ln["line_total"]),
            }
            for ln in orders.lines(ctx(), order["id"])
        ],
    }


def _store_order(fulfilment: str) -> Any:
    c = ctx()
    access.check_store_key(c, request.headers.get(access.STORE_KEY_HEADER))
    data = json_body()
    shop_store = catalogue.store(validation.text(data, "store", "Winkel", 40))
    item = catalogue.product(validation.text(data, "sku", "Artikel", 40))
    quantity = validation.quantity(data)
    name = validation.text(data, "name", "Naam")
    email = validation.email(data)
    known = customers.by_email(c, email)
    typed = fulfilment == "delivery" and any(data.get(k) for k in ("street", "postcode", "city"))
    if fulfilment in ("pickup", "carry"):
        street, postcode, city = shop_store.street, shop_store.postcode, shop_store.city
    elif typed:
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
            promised=c.now.date() if fulfilment == "carry" else orders.store_delivery_date(c, c.now),
        )
    if c.active("store-api-open"):
        return jsonify(order_json(placed)), 201  # Seam: the till got the customer's whole file.
    return jsonify(receipt_json(placed, typed)), 201


@bp.post("/orders")
def store_order() -> Any:
    return _store_order("delivery")


@bp.post("/click-collect")
def click_collect() -> Any:
    return _store_order("pickup")


@bp.post("/sales")
def sale() -> Any:
    return _store_order("carry")


@bp.get("/pickups/<ref>")
def pickup(ref: str) -> Any:
    """The store's view of a click-and-collect order, when she comes to collect it."""
    c = ctx()
    access.check_store_key(c, request.headers.get(access.STORE_KEY_HEADER))
    order = orders.by_ref(c, ref[:20].upper())
    if order["fulfilment"] != "pickup":
        raise NotFound(f"Bestelling {order['ref']} is geen afhaalbestelling.")
    store = catalogue.STORES.get(order["store"] or "")
    return jsonify(
        {
            "order_number": order["ref"],
            "name": order["name"],
            "store": store.name if store else None,
            "status": order["status"],
            "status_text": orders.STATUS_WORDS.get(order["status"], order["status"]),
            # The day the store works towards, as its own system knows it.
            "pickup_date": order["planned_date"],
        }
    )
