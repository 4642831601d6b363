"""What a customer-service agent can do for a customer: replace, refund, apologise, call back.

Every action is recorded as a contact on the order (so the customer sees it in
their account and the next agent sees it in the 360° view) and confirmed by mail.
"""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import timedelta
from decimal import Decimal

from refshop import cases, contacts, customers, lead_times, mail_texts, orders, processes, returns
from refshop.clock import utc_key
from refshop.context import Ctx
from refshop.customers import Details
from refshop.errors import ShopError
from refshop.formats import euro, moment

ACTIONS = ("replacement", "refund", "apology", "callback")
VOUCHER_VALUE = Decimal("10.00")
CALLBACK_WITHIN = timedelta(hours=24)
#: When the (healthy) callback queue actually calls.
CALLBACK_AFTER = timedelta(hours=2)


def perform(
    ctx: Ctx,
    action: str,
    customer: sqlite3.Row,
    order: sqlite3.Row,
    agent: str,
    case: sqlite3.Row | None = None,
) -> str:
    """Carry out ``action`` for ``order`` (inside ``ctx.write()``); returns a line for the agent."""
    if action not in ACTIONS:
        raise ShopError(f"Onbekende actie '{action[:20]}'; kies uit {', '.join(ACTIONS)}.")
    if order["customer_id"] != customer["id"]:
        raise ShopError(f"Bestelling {order['ref']} hoort niet bij deze klant.", 404)
    done = {
        "replacement": _replacement,
        "refund": _refund,
        "apology": _apology,
        "callback": _callback,
    }[action](ctx, order, agent)
    if case is not None and case["status"] == "open":
        ctx.db.execute(
            "UPDATE cases SET status = 'answered', answered_at = ?, answer = ?,"
            " order_id = COALESCE(order_id, ?) WHERE id = ?",
            (utc_key(ctx.now), done, order["id"], case["id"]),
        )
        contacts.record(
            ctx,
            customer["id"],
            "agent",
            "answer",
            f"Zaak {case['number']} afgehandeld: {done}",
            order["id"],
            case["id"],
        )
    return done


def _replacement(ctx: Ctx, order: sqlite3.Row, agent: str) -> str:
    if ctx.active("refund-not-replacement"):
        # Seam: the back office books every remedy as a refund; no replacement, no apology.
        return _refund(ctx, order, agent)
    items = {ln["sku"]: ln["quantity"] for ln in orders.lines(ctx, order["id"])}
    details = Details(order["name"], order["email"], order["street"], order["postcode"], order["city"])
    new = orders.place(
        ctx,
        customers.by_id(ctx, order["customer_id"]),
        details,
        items,
        "agent",
        promised=lead_times.next_day_delivery(ctx.now),
        replaces=order["ref"],
    )
    subject, body = mail_texts.replacement(order, new)
    contacts.record(
        ctx,
        order["customer_id"],
        "agent",
        "apology",
        f"Excuses aangeboden door {agent}",
        order["id"],
    )
    contacts.record(
        ctx,
        order["customer_id"],
        "agent",
        "replacement",
        f"Vervangend product verstuurd: {new['ref']}",
        order["id"],
    )
    contacts.mail(ctx, order["customer_id"], order["email"], subject, body, order["id"])
    return f"Vervangend product verstuurd ({new['ref']}) met excuses"


def _refund(ctx: Ctx, order: sqlite3.Row, agent: str) -> str:
    left = Decimal(order["total"]) - returns.refunded_total(ctx, order["id"])
    if left <= 0:
        raise ShopError(f"Bestelling {order['ref']} is al volledig terugbetaald.", 409)
    returns.pay(ctx, order, left, "Onze klantenservice heeft je bestelling terugbetaald.")
    return f"Terugbetaald: {euro(left)}"


def _apology(ctx: Ctx, order: sqlite3.Row, agent: str) -> str:
    count = ctx.db.execute(
        "SELECT COUNT(*) FROM contacts WHERE order_id = ? AND kind = 'apology'", (order["id"],)
    ).fetchone()[0]
    digest = hashlib.sha256(f"{ctx.shop.seed}:{order['ref']}:{count}".encode()).hexdigest()
    voucher = f"TULP-{digest[:8].upper()}"
    subject, body = mail_texts.apology(order, voucher, VOUCHER_VALUE)
    contacts.record(
        ctx,
        order["customer_id"],
        "agent",
        "apology",
        f"Excuses aangeboden door {agent}, met cadeaubon van {euro(VOUCHER_VALUE)}",
        order["id"],
    )
    contacts.mail(ctx, order["customer_id"], order["email"], subject, body, order["id"])
    return f"Excuses met cadeaubon {voucher}"


def _callback(ctx: Ctx, order: sqlite3.Row, agent: str) -> str:
    due = ctx.now + CALLBACK_WITHIN
    subject, body = mail_texts.callback(order["name"], order["ref"], due)
    contacts.record(
        ctx,
        order["customer_id"],
        "agent",
        "callback",
        f"Terugbelafspraak: uiterlijk {moment(due)}",
        order["id"],
    )
    contacts.mail(ctx, order["customer_id"], order["email"], subject, body, order["id"])
    if not ctx.active("callback-forgotten"):
        # Seam (when faulty): the callback goes into a personal agenda nobody else reads.
        processes.schedule(ctx, "callback", order["ref"], ctx.now + CALLBACK_AFTER)
    return f"Terugbellen uiterlijk {moment(due)}"


@processes.process("callback")
def _call(ctx: Ctx, ref: str) -> None:
    order = orders.by_ref(ctx, ref)
    contacts.record(
        ctx,
        order["customer_id"],
        "phone",
        "callback",
        f"Klantenservice heeft je teruggebeld over {ref}",
        order["id"],
    )


def order_for(ctx: Ctx, customer: sqlite3.Row, sku: str, quantity: int) -> sqlite3.Row:
    """An order the agent places for her on the phone (inside ``ctx.write()``): to her address, promised as
    the web shop would, confirmed by the same mail."""
    if not customer["street"]:
        raise ShopError("We kennen haar adres nog niet: vraag het haar en leg het vast voordat je bestelt.")
    details = Details(customer["name"], customer["email"], customer["street"], customer["postcode"], customer["city"])
    return orders.place(ctx, customer, details, {sku: quantity}, "agent")


def visible_case(ctx: Ctx, number: str, customer_id: int) -> sqlite3.Row:
    case = cases.by_number(ctx, number)
    if case["customer_id"] != customer_id:
        raise ShopError(f"Zaak {number[:20]} hoort niet bij deze klant.", 404)
    return case
