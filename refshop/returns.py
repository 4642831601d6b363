"""Her money back: returns and refunds, and cancelling an order before it ships.

A return has a 14-day window, a quote, a label, a receipt, and its refund
within 5 working days. An order to be delivered can be cancelled in her
account until it ships: the shop marks it cancelled, pays back what she paid
and confirms both in one mail. The warehouse hears of it through the order's
status: fulfilment only moves orders that are still ``ordered`` or ``picked``.
"""

from __future__ import annotations

import hashlib
import hmac
import sqlite3
from datetime import date, time, timedelta
from decimal import Decimal

from refshop import contacts, lead_times, mail_texts, orders, processes, return_rules
from refshop.clock import from_utc_key, utc_key
from refshop.context import Ctx
from refshop.errors import NotFound, ShopError
from refshop.formats import euro, money
from refshop.return_rules import Verdict

#: What finance keeps back per return when the handling-fee fault is on.
HANDLING_FEE = Decimal("15.00")
#: How far back the portal and the agent list orders with their return verdict.
RECENT_DAYS = 90


def label_token(ctx: Ctx, number: str) -> str:
    """The secret part of a label link, so labels are not guessable by number."""
    return hmac.new(ctx.shop.secret, number.encode(), hashlib.sha256).hexdigest()[:20]


def label_url(ctx: Ctx, number: str) -> str:
    return f"{ctx.shop.base_url}/returns/{number}/label?token={label_token(ctx, number)}"


def window_end(order: sqlite3.Row) -> date | None:
    """The last day a delivered order can be returned, or None when not delivered."""
    return return_rules.last_day(order)


def quote(ctx: Ctx, line: sqlite3.Row) -> Decimal:
    """What the customer gets back for a line: what they paid for it."""
    paid = Decimal(line["line_total"])
    if ctx.active("refund-discount-twice"):
        # Seam: the returns system takes the promotion off the price paid, which already had it off.
        paid -= Decimal(line["unit_discount"]) * line["quantity"]
    return money(paid)


def returned_line_ids(ctx: Ctx, order_id: int) -> set[int]:
    return {r["line_id"] for r in ctx.db.execute("SELECT line_id FROM returns WHERE order_id = ?", (order_id,))}


def verdicts(
    ctx: Ctx, customer_id: int, window_days: int = lead_times.RETURN_WINDOW_DAYS
) -> list[tuple[sqlite3.Row, sqlite3.Row, Verdict]]:
    """(order, line, verdict) for every line of this customer's recent orders, newest first.

    Orders placed more than ``RECENT_DAYS`` ago are left out: their window is long over.
    """
    since = ctx.now.date() - timedelta(days=RECENT_DAYS)
    result = []
    for order in orders.for_customer(ctx, customer_id):
        if from_utc_key(order["placed_at"]).date() < since:
            continue
        done = returned_line_ids(ctx, order["id"])
        result += [
            (order, ln, return_rules.verdict(order, ln, ctx.now.date(), done, window_days))
            for ln in orders.lines(ctx, order["id"])
        ]
    return result


def returnable(ctx: Ctx, customer_id: int) -> list[tuple[sqlite3.Row, sqlite3.Row]]:
    """(order, line) pairs this customer can still return today."""
    return [(order, ln) for order, ln, v in verdicts(ctx, customer_id) if not v.refused]


def check(ctx: Ctx, order: sqlite3.Row, sku: str) -> sqlite3.Row:
    """The line of ``order`` with ``sku`` if it can be returned today; else a ShopError with the reason."""
    line = next((ln for ln in orders.lines(ctx, order["id"]) if ln["sku"] == sku), None)
    if line is None:
        raise NotFound(f"Bestelling {order['ref']} bevat geen artikel '{sku[:40]}'.", "sku")
    found = return_rules.verdict(order, line, ctx.now.date(), returned_line_ids(ctx, order["id"]))
    if found.refused:
        raise ShopError(found.message, 409)
    return line


def start(ctx: Ctx, order: sqlite3.Row, sku: str) -> sqlite3.Row:
    """Register a return and mail the label (inside ``ctx.write()``)."""
    line = check(ctx, order, sku)
    amount = quote(ctx, line)
    cur = ctx.db.execute(
        "INSERT INTO returns (order_id, line_id, quote, status, created_at) VALUES (?, ?, ?, 'label_sent', ?)",
        (order["id"], line["id"], str(amount), utc_key(ctx.now)),
    )
    number = f"R-{1000 + int(cur.lastrowid or 0)}"
    ctx.db.execute("UPDATE returns SET number = ? WHERE id = ?", (number, cur.lastrowid))
    subject, body = mail_texts.return_label(
        order,
        number,
        line["name"],
        amount,
        label_url(ctx, number),
        ctx.now.date() + timedelta(days=lead_times.RETURN_WINDOW_DAYS),
    )
    contacts.record(
        ctx,
        order["customer_id"],
        "returns",
        "return",
        f"Retour {number} aangemeld: {line['name']} ({euro(amount)})",
        order["id"],
    )
    contacts.mail(ctx, order["customer_id"], order["email"], subject, body, order["id"])
    # The carrier scans the parcel the next working day.
    received = lead_times.at(lead_times.add_working_days(ctx.now.date(), 1), time(12, 0))
    processes.schedule(ctx, "receive-return", number, received)
    return by_number(ctx, number)


def by_number(ctx: Ctx, number: str) -> sqlite3.Row:
    row: sqlite3.Row | None = ctx.db.execute(
        "SELECT r.*, o.ref AS order_ref, o.email AS email, o.customer_id AS customer_id,"
        " l.name AS item, l.sku AS sku,"
        " (SELECT amount FROM refunds f WHERE f.return_id = r.id) AS refunded_amount,"
        " (SELECT refunded_at FROM refunds f WHERE f.return_id = r.id) AS refunded_at"
        " FROM returns r JOIN orders o ON o.id = r.order_id JOIN order_lines l ON l.id = r.line_id"
        " WHERE r.number = ?",
        (number.upper(),),
    ).fetchone()
    if row is None:
        raise NotFound(f"We kennen geen retour {number[:20]}.")
    return row


def for_customer(ctx: Ctx, customer_id: int) -> list[sqlite3.Row]:
    numbers = ctx.db.execute(
        "SELECT r.number FROM returns r JOIN orders o ON o.id = r.order_id WHERE o.customer_id = ? ORDER BY r.id DESC",
        (customer_id,),
    ).fetchall()
    return [by_number(ctx, n["number"]) for n in numbers]


def for_order(ctx: Ctx, order_id: int) -> list[sqlite3.Row]:
    numbers = ctx.db.execute("SELECT number FROM returns WHERE order_id = ? ORDER BY id", (order_id,)).fetchall()
    return [by_number(ctx, n["number"]) for n in numbers]


@processes.process("receive-return")
def _receive(ctx: Ctx, number: str) -> None:
    ret = by_number(ctx, number)
    if ret["status"] != "label_sent":
        return
    received = ctx.now.date()
    due = lead_times.add_working_days(received, lead_times.REFUND_WORKING_DAYS)
    ctx.db.execute(
        "UPDATE returns SET status = 'received', received_at = ?, refund_due = ? WHERE id = ?",
        (utc_key(ctx.now), due.isoformat(), ret["id"]),
    )
    contacts.record(
        ctx,
        ret["customer_id"],
        "returns",
        "return",
        f"Retour {number} ontvangen in ons magazijn",
        ret["order_id"],
    )
    # Seam: with the fortnightly payment batch, refunds wait 8 working days.
    days = 8 if ctx.active("refund-late") else 1
    when = lead_times.at(lead_times.add_working_days(received, days), time(10, 0))
    processes.schedule(ctx, "refund", number, when)


@processes.process("refund")
def _refund(ctx: Ctx, number: str) -> None:
    ret = by_number(ctx, number)
    if ret["status"] != "received":
        return
    amount = refund_amount(ctx, ret)
    ctx.db.execute("UPDATE returns SET status = 'refunded' WHERE id = ?", (ret["id"],))
    order = orders.by_ref(ctx, ret["order_ref"])
    pay(
        ctx,
        order,
        amount,
        f"We hebben je retour {number} ontvangen en betalen je terug.",
        ret["id"],
        number,
    )


def refund_amount(ctx: Ctx, ret: sqlite3.Row) -> Decimal:
    """What finance pays (or paid) back for a return."""
    if ret["refunded_amount"] is not None:
        return money(Decimal(ret["refunded_amount"]))
    amount = Decimal(ret["quote"])
    if ctx.active("refund-amount-differs"):
        # Seam: finance keeps a handling fee the returns portal never mentions.
        amount = max(Decimal("0.00"), amount - HANDLING_FEE)
    return money(amount)


def pay(
    ctx: Ctx,
    order: sqlite3.Row,
    amount: Decimal,
    reason: str,
    return_id: int | None = None,
    return_number: str | None = None,
    *,
    mail_it: bool = True,
) -> None:
    """Refund ``amount`` on ``order`` now and mail the customer, unless the caller's own mail says so
    (inside ``ctx.write()``)."""
    ctx.db.execute(
        "INSERT INTO refunds (order_id, return_id, amount, reason, refunded_at) VALUES (?, ?, ?, ?, ?)",
        (order["id"], return_id, str(money(amount)), reason, utc_key(ctx.now)),
    )
    contacts.record(
        ctx,
        order["customer_id"],
        "returns" if return_id else "agent",
        "refund",
        f"Terugbetaling {euro(amount)} voor bestelling {order['ref']}",
        order["id"],
    )
    if mail_it:
        subject, body = mail_texts.refund(order, amount, reason, return_number)
        contacts.mail(ctx, order["customer_id"], order["email"], subject, body, order["id"])


def refunded_total(ctx: Ctx, order_id: int) -> Decimal:
    row = ctx.db.execute("SELECT amount FROM refunds WHERE order_id = ?", (order_id,)).fetchall()
    return money(sum((Decimal(r["amount"]) for r in row), Decimal(0)))


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
    pay(ctx, order, paid, f"Je hebt bestelling {order['ref']} geannuleerd.", mail_it=False)
    contacts.record(ctx, order["customer_id"], "web", "cancel", f"Bestelling {order['ref']} geannuleerd", order["id"])
    subject, body = mail_texts.cancellation(order, paid)
    contacts.mail(ctx, order["customer_id"], order["email"], subject, body, order["id"])
