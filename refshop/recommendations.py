"""Personal recommendations on the account page, from the customer's segment."""

from __future__ import annotations

import sqlite3

from refshop import catalogue
from refshop.catalogue import Product
from refshop.context import Ctx

#: Marketing's campaign list of the month, the same for everybody.
CAMPAIGN = ("business-lease", "easy-phone", "smart-doorbell")


def for_customer(ctx: Ctx, customer: sqlite3.Row) -> list[Product]:
    """What the account page offers this customer (never what they already bought)."""
    if ctx.active("irrelevant-offers"):
        # Seam: the campaign tool replaces the segment model's output.
        return [catalogue.product(sku) for sku in CAMPAIGN]
    bought = {
        r["sku"]
        for r in ctx.db.execute(
            "SELECT l.sku FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.customer_id = ?",
            (customer["id"],),
        )
    }
    items = [p for p in catalogue.for_segment(customer["segment"]) if p.sku not in bought]
    return items or catalogue.for_segment(customer["segment"])
