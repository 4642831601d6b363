"""An order's way to the customer on the shop clock: picked, shipped, delivered, or ready in a store.

``schedule`` plans the jobs when an order is placed; each job moves the order
one status on when the clock reaches it, and tells her what changed.
"""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date, time, timedelta

from refshop import contacts, lead_times, mail_texts, parcels, processes
from refshop.clock import utc_key
from refshop.context import Ctx


def schedule(ctx: Ctx, order: sqlite3.Row) -> None:
    """Plan the order's way to her on the shop clock: picking, shipping and delivery, or its pickup."""
    placed = ctx.now
    ref = order["ref"]
    if order["fulfilment"] == "carry":
        # Handed over at the till: nothing to plan, and the return window starts today.
        ctx.db.execute(
            "UPDATE orders SET status = 'collected', warehouse_status = 'collected', delivered_at = ? WHERE id = ?",
            (utc_key(placed), order["id"]),
        )
        return
    if order["fulfilment"] == "pickup":
        picked = placed + timedelta(hours=1)
        ready = lead_times.at(date.fromisoformat(order["planned_date"]), time(16, 0))
        processes.schedule(ctx, "pick", ref, picked)
        processes.schedule(ctx, "ready", ref, max(ready, picked + timedelta(hours=1)))
        return
    parcels.plan(ctx, order)  # an order of several articles ships a parcel per article
    timeline = lead_times.home_delivery_timeline(placed, date.fromisoformat(order["planned_date"]))
    processes.schedule(ctx, "pick", ref, timeline.picked)
    processes.schedule(ctx, "ship", ref, timeline.shipped)
    processes.schedule(ctx, "deliver", ref, timeline.delivered)


def track_and_trace(seed: int, ref: str) -> str:
    """The carrier code for an order (or one of its parcels, ``RS-10001/2``): the same seed and order
    number give the same code."""
    digest = hashlib.sha256(f"{seed}:{ref}".encode()).hexdigest()
    return f"3STULP{int(digest[:15], 16) % 10**9:09d}"


def _by_ref(ctx: Ctx, ref: str) -> sqlite3.Row:
    row: sqlite3.Row = ctx.db.execute("SELECT * FROM orders WHERE ref = ?", (ref,)).fetchone()
    return row


def _advance(ctx: Ctx, ref: str, frm: tuple[str, ...], to: str, **extra: str) -> sqlite3.Row | None:
    order = _by_ref(ctx, ref)
    if order["status"] not in frm:
        return None  # already further along (e.g. a replayed job): nothing to do
    sets = ", ".join(["status = ?"] + [f"{k} = ?" for k in extra])
    ctx.db.execute(f"UPDATE orders SET {sets} WHERE id = ?", (to, *extra.values(), order["id"]))
    return _by_ref(ctx, ref)


@processes.process("pick")
def _pick(ctx: Ctx, ref: str) -> None:
    if _advance(ctx, ref, ("ordered",), "picked") is not None:
        ctx.db.execute("UPDATE orders SET warehouse_status = 'picked' WHERE ref = ?", (ref,))


@processes.process("ship")
def _ship(ctx: Ctx, ref: str) -> None:
    order = _advance(
        ctx,
        ref,
        ("ordered", "picked"),
        "shipped",
        track_and_trace=track_and_trace(ctx.shop.seed, ref),
        shipped_at=utc_key(ctx.now),
    )
    if order is None:
        return
    contacts.record(ctx, order["customer_id"], "web", "status", f"Bestelling {ref} verzonden", order["id"])
    if parcels.of_order(ctx, order["id"]):
        # In parcels: each its own code and mail; the order keeps the first parcel's code, as it always kept one.
        parcels.ship(ctx, order, lambda key: track_and_trace(ctx.shop.seed, key))
        first = track_and_trace(ctx.shop.seed, f"{ref}/1")
        ctx.db.execute("UPDATE orders SET track_and_trace = ? WHERE id = ?", (first, order["id"]))
        return
    if ctx.active("no-track-trace-email"):
        return  # Seam: the carrier integration never tells the customer.
    address = mail_texts.address_line(order)
    if ctx.active("address-dropped"):
        address = f"{order['postcode']} {order['city']}"  # the carrier's field drops the street
    subject, body = mail_texts.shipping_notice(order, address, ctx.shop.base_url)
    contacts.mail(ctx, order["customer_id"], order["email"], subject, body, order["id"])


@processes.process("deliver")
def _deliver(ctx: Ctx, ref: str) -> None:
    order = _advance(ctx, ref, ("ordered", "picked", "shipped"), "delivered", delivered_at=utc_key(ctx.now))
    if order is not None:
        parcels.deliver(ctx, order)
        contacts.record(ctx, order["customer_id"], "web", "status", f"Bestelling {ref} bezorgd", order["id"])


@processes.process("ready")
def _ready(ctx: Ctx, ref: str) -> None:
    order = _advance(ctx, ref, ("ordered", "picked"), "ready_for_pickup")
    if order is not None:
        contacts.record(
            ctx,
            order["customer_id"],
            "store",
            "status",
            f"Bestelling {ref} ligt klaar in de winkel",
            order["id"],
        )
