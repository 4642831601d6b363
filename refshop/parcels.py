"""Parcels: an order of several articles ships one parcel per article, each with its own code and date.

An order of one article ships as itself (``fulfilment``: one shipping notice,
the order's track-and-trace code). An order of two or more articles delivered
at home ships a parcel per article: each gets its own track-and-trace code
and delivery date, its own shipping mail, and its own page in the app.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date, timedelta

from refshop import contacts, lead_times, mail_texts
from refshop.clock import utc_key
from refshop.context import Ctx

STATUS_WORDS = {"ordered": "Besteld", "shipped": "Onderweg", "delivered": "Bezorgd"}


def plan(ctx: Ctx, order: sqlite3.Row) -> None:
    """One parcel per article of an order of several delivered at home, on the order's planned date."""
    if order["fulfilment"] != "delivery":
        return
    lines = ctx.db.execute("SELECT id FROM order_lines WHERE order_id = ? ORDER BY id", (order["id"],)).fetchall()
    if len(lines) < 2:
        return
    for number, line in enumerate(lines, start=1):
        ctx.db.execute(
            "INSERT INTO parcels (order_id, number, line_id, status, delivery_date) VALUES (?,?,?,'ordered',?)",
            (order["id"], number, line["id"], order["planned_date"]),
        )


def of_order(ctx: Ctx, order_id: int) -> list[sqlite3.Row]:
    """The order's parcels with their article, first to last (none for an order that ships as itself)."""
    return ctx.db.execute(
        "SELECT p.*, l.sku, l.name AS item FROM parcels p JOIN order_lines l ON l.id = p.line_id"
        " WHERE p.order_id = ? ORDER BY p.number",
        (order_id,),
    ).fetchall()


def ship(ctx: Ctx, order: sqlite3.Row, code: Callable[[str], str]) -> None:
    """Each parcel on its way with its own code (``code`` makes one from a key), and a mail for each."""
    shipped = of_order(ctx, order["id"])
    for parcel in shipped:
        ctx.db.execute(
            "UPDATE parcels SET status = 'shipped', track_and_trace = ?, shipped_at = ? WHERE id = ?",
            (code(f"{order['ref']}/{parcel['number']}"), utc_key(ctx.now), parcel["id"]),
        )
    if ctx.active("no-track-trace-email"):
        return  # Seam: the carrier integration never tells the customer.
    for parcel in of_order(ctx, order["id"]):
        when = date.fromisoformat(parcel["delivery_date"])
        if parcel["number"] > 1 and ctx.active("parcel-date-differs"):
            # Seam: a second parcel's mail reads the supplier's estimate, a day after the carrier's date.
            when = lead_times.skip_sunday(when + timedelta(days=1))
        subject, body = mail_texts.parcel_notice(order, parcel, len(shipped), when, ctx.shop.base_url)
        contacts.mail(ctx, order["customer_id"], order["email"], subject, body, order["id"])


def deliver(ctx: Ctx, order: sqlite3.Row) -> None:
    """Each parcel delivered: the carrier rings the bell once per parcel."""
    for parcel in of_order(ctx, order["id"]):
        if parcel["number"] > 1 and ctx.active("parcel-left-behind"):
            # Seam: the van is loaded by the order's one track-and-trace code, the first parcel's;
            # the second parcel stays in the depot, 'Onderweg' for ever, while the order says 'Bezorgd'.
            continue
        ctx.db.execute(
            "UPDATE parcels SET status = 'delivered', delivered_at = ? WHERE id = ? AND status = 'shipped'",
            (utc_key(ctx.now), parcel["id"]),
        )
