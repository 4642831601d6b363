"""Cancelling an order before it ships: her money back, and the parcel never leaves the warehouse.

An order to be delivered can be cancelled in her account until it ships.
The shop marks it cancelled, pays back what she paid and confirms both in
one mail. The warehouse hears of it through the order's status: fulfilment
only moves orders that are still ``ordered`` or ``picked``.
"""

from __future__ import annotations

import sqlite3
from decimal import Decimal

from refshop import contacts, mail_texts, returns
from refshop.clock import utc_key
from refshop.context import Ctx
from refshop.errors import ShopError

#: Until when an order can be cancelled: before it ships.
CANCELLABLE = ("ordered", "picked")


def cancellable(order: sqlite3.Row) -> bool:
    return order["fulfilment"] == "delivery" and order["status"] in CANCELLABLE and not order["cancelled_at"]


def cancel(ctx: Ctx, order: sqlite3.Row) -> None:
    """Cancel ``order`` and pay her back (inside ``ctx.write()``).

    Raises:
        ShopError: it has shipped (or was never to be delivered), or is cancelled already.
    """
    if not cancellable(order):
        raise ShopError(f"Bestelling {order['ref']} is al onderweg en kan niet meer geannuleerd worden.", 409)
    if ctx.active("cancel-not-passed-on"):
        # Seam: the web shop marks its own copy cancelled; the warehouse's order is never told.
        ctx.db.execute("UPDATE orders SET cancelled_at = ? WHERE id = ?", (utc_key(ctx.now), order["id"]))
    else:
        ctx.db.execute(
            "UPDATE orders SET status = 'cancelled', warehouse_status = 'cancelled', cancelled_at = ? WHERE id = ?",
            (utc_key(ctx.now), order["id"]),
        )
    paid = Decimal(order["total"])
    returns.pay(ctx, order, paid, f"Je hebt bestelling {order['ref']} geannuleerd.", mail_it=False)
    contacts.record(ctx, order["customer_id"], "web", "cancel", f"Bestelling {order['ref']} geannuleerd", order["id"])
    subject, body = mail_texts.cancellation(order, paid)
    contacts.mail(ctx, order["customer_id"], order["email"], subject, body, order["id"])
