"""Contacts: every moment the shop and a customer met, on any channel.

The agent's 360° view and the customer's order page both read from here, so
an action taken in one channel is visible in the others.
"""

from __future__ import annotations

import sqlite3

from refshop.clock import utc_key
from refshop.context import Ctx
from refshop.mailer import Mail


def record(
    ctx: Ctx,
    customer_id: int,
    channel: str,
    kind: str,
    summary: str,
    order_id: int | None = None,
    case_id: int | None = None,
) -> None:
    """Write down one contact (call inside ``ctx.write()``)."""
    ctx.db.execute(
        "INSERT INTO contacts (customer_id, order_id, case_id, channel, kind, summary, at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (customer_id, order_id, case_id, channel, kind, summary, utc_key(ctx.now)),
    )


def mail(
    ctx: Ctx,
    customer_id: int,
    to: str,
    subject: str,
    body: str,
    order_id: int | None = None,
    case_id: int | None = None,
) -> None:
    """Send a mail after commit, keep a copy in the outbox and record it as a contact."""
    ctx.db.execute(
        "INSERT INTO outbox (to_addr, subject, body, at, status) VALUES (?, ?, ?, ?, 'queued')",
        (to, subject, body, utc_key(ctx.now)),
    )
    record(ctx, customer_id, "email", "mail", subject, order_id, case_id)
    ctx.queue_mail(Mail(to, subject, body, ctx.now))


def for_customer(ctx: Ctx, customer_id: int, channels: tuple[str, ...] | None = None) -> list[sqlite3.Row]:
    """A customer's contacts, newest first; only ``channels`` when given."""
    rows = ctx.db.execute(
        "SELECT c.*, o.ref AS order_ref, k.number AS case_number FROM contacts c"
        " LEFT JOIN orders o ON o.id = c.order_id LEFT JOIN cases k ON k.id = c.case_id"
        " WHERE c.customer_id = ? ORDER BY c.at DESC, c.id DESC",
        (customer_id,),
    ).fetchall()
    return [r for r in rows if channels is None or r["channel"] in channels]


def for_order(ctx: Ctx, order_id: int) -> list[sqlite3.Row]:
    """The contacts about one order, oldest first (what the customer sees on its page)."""
    return ctx.db.execute("SELECT * FROM contacts WHERE order_id = ? ORDER BY at, id", (order_id,)).fetchall()
