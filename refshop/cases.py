"""Cases: complaints and questions, from chat or the agent; the chat conversation."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta

from refshop import access, contacts, customers, lead_times, mail_texts, orders, processes
from refshop.clock import from_utc_key, utc_key
from refshop.context import Ctx
from refshop.errors import NotFound, ShopError
from refshop.formats import day, moment

KINDS = ("complaint", "question")
#: How long the (healthy) complaints team takes to answer.
ANSWER_AFTER = timedelta(hours=4)
ANSWER_TEXT = (
    "We hebben je klacht bekeken en vinden het vervelend dat het zo is gelopen. We lossen het"
    " voor je op; een collega van de klantenservice neemt contact met je op als er nog iets"
    " nodig is. Je kunt ook reageren in de chat met je zaaknummer."
)


@dataclass(frozen=True)
class ChatTurn:
    """What the chat answers to one customer message."""

    case: sqlite3.Row
    reply: str
    asks: tuple[str, ...]


def by_number(ctx: Ctx, number: str) -> sqlite3.Row:
    row: sqlite3.Row | None = ctx.db.execute(
        "SELECT k.*, o.ref AS order_ref, c.email AS email, c.name AS customer_name"
        " FROM cases k JOIN customers c ON c.id = k.customer_id"
        " LEFT JOIN orders o ON o.id = k.order_id WHERE k.number = ?",
        (number.strip().upper(),),
    ).fetchone()
    if row is None:
        raise NotFound(f"We kennen geen zaak {number[:20]}.", "case_number")
    return row


def for_customer(ctx: Ctx, customer_id: int) -> list[sqlite3.Row]:
    numbers = ctx.db.execute(
        "SELECT number FROM cases WHERE customer_id = ? ORDER BY id DESC", (customer_id,)
    ).fetchall()
    return [by_number(ctx, n["number"]) for n in numbers]


def messages(ctx: Ctx, case_id: int) -> list[sqlite3.Row]:
    return ctx.db.execute("SELECT * FROM chat_messages WHERE case_id = ? ORDER BY id", (case_id,)).fetchall()


def _say(ctx: Ctx, case_id: int, sender: str, text: str, asks: tuple[str, ...] = ()) -> None:
    ctx.db.execute(
        "INSERT INTO chat_messages (case_id, sender, text, asks, at) VALUES (?, ?, ?, ?, ?)",
        (case_id, sender, text, ",".join(asks) or None, utc_key(ctx.now)),
    )


def open_case(
    ctx: Ctx,
    customer: sqlite3.Row,
    kind: str,
    message: str,
    order: sqlite3.Row | None,
    channel: str,
) -> sqlite3.Row:
    """File a complaint or question (inside ``ctx.write()``); complaints get a mail at once."""
    if kind not in KINDS:
        raise ShopError(f"Kies 'complaint' (klacht) of 'question' (vraag), niet '{kind[:20]}'.", field="kind")
    due = ctx.now + timedelta(hours=lead_times.COMPLAINT_ANSWER_HOURS)
    cur = ctx.db.execute(
        "INSERT INTO cases (customer_id, order_id, kind, channel, status, created_at, answer_due)"
        " VALUES (?, ?, ?, ?, 'open', ?, ?)",
        (
            customer["id"],
            order["id"] if order else None,
            kind,
            channel,
            utc_key(ctx.now),
            utc_key(due) if kind == "complaint" else None,
        ),
    )
    number = f"C-{1000 + int(cur.lastrowid or 0)}"
    ctx.db.execute("UPDATE cases SET number = ? WHERE id = ?", (number, cur.lastrowid))
    word = "Klacht" if kind == "complaint" else "Vraag"
    contacts.record(
        ctx,
        customer["id"],
        channel,
        kind,
        f"{word} {number}: {message[:120]}",
        order["id"] if order else None,
        cur.lastrowid,
    )
    if kind == "complaint":
        subject, body = mail_texts.complaint_acknowledgement(
            customer["name"], number, message, due, order["ref"] if order else None
        )
        contacts.mail(
            ctx,
            customer["id"],
            customer["email"],
            subject,
            body,
            order["id"] if order else None,
            cur.lastrowid,
        )
        if not ctx.active("complaint-unanswered"):
            # Seam (when faulty): complaints land in a queue nobody reads; no answer is planned.
            processes.schedule(ctx, "answer-complaint", number, ctx.now + ANSWER_AFTER)
    return by_number(ctx, number)


def link_order(ctx: Ctx, case: sqlite3.Row, order: sqlite3.Row) -> sqlite3.Row:
    ctx.db.execute("UPDATE cases SET order_id = ? WHERE id = ?", (order["id"], case["id"]))
    return by_number(ctx, case["number"])


def chat(
    ctx: Ctx,
    *,
    email: str,
    message: str,
    kind: str,
    order_number: str | None,
    case_number: str | None,
    name: str = "",
    customer_id: int | None = None,
) -> ChatTurn:
    """One customer message in the chat, and the shop's answer (inside ``ctx.write()``).

    The order number must belong to ``email``; someone else's order is
    answered as unknown. A follow-up names its ``case_number``. The answer
    tells an order's status and dates only to its customer, logged in
    (``customer_id``): an e-mail address typed in the chat proves nothing.
    """
    # Linked to the case for the agent when it is this e-mail address's order; what the answer
    # tells of it is access.may_discuss's decision (an e-mail address proves nothing).
    order = orders.owned(ctx, order_number, email=email) if order_number else None
    if ctx.active("chat-forgets-order"):
        order = None  # Seam: the chat backend never receives the widget's order field.
    customer = customers.ensure_contact(ctx, email, name)
    if case_number:
        case = by_number(ctx, case_number)
        if case["customer_id"] != customer["id"]:
            raise NotFound(f"We kennen geen zaak {case_number[:20]} bij jouw gegevens.", "case_number")
        _say(ctx, case["id"], "customer", message)
        contacts.record(
            ctx,
            customer["id"],
            "chat",
            "chat",
            f"Chatbericht in {case['number']}",
            case["order_id"],
            case["id"],
        )
        if order is not None and case["order_id"] is None:
            case = link_order(ctx, case, order)
        reply = f"Dank je, we hebben je bericht toegevoegd aan zaak {case['number']}."
    else:
        case = open_case(ctx, customer, kind, message, order, "chat")
        _say(ctx, case["id"], "customer", message)
        disclose = order is not None and access.may_discuss(ctx, order, customer_id)
        reply = _first_reply(ctx, case, disclose)
    asks: tuple[str, ...] = ()
    if case["order_id"] is None:
        reply += " Om welke bestelling gaat het? Wat is je bestelnummer?"
        asks = ("order_number",)
    _say(ctx, case["id"], "shop", reply, asks)
    return ChatTurn(case, reply, asks)


def phone_call(ctx: Ctx, order: sqlite3.Row, message: str) -> sqlite3.Row:
    """She phones about her order (inside ``ctx.write()``): what she says joins her latest complaint about it,
    so she tells nothing twice and keeps her case number; a new complaint only when there is none."""
    customer = customers.by_id(ctx, order["customer_id"])
    complaints = ctx.db.execute(
        "SELECT number, channel FROM cases WHERE order_id = ? AND kind = 'complaint' ORDER BY id DESC", (order["id"],)
    ).fetchall()
    if ctx.active("phone-opens-new-case"):
        # Seam: the phone desk's ticket system sees only the cases it opened itself.
        complaints = [k for k in complaints if k["channel"] == "phone"]
    if not complaints:
        # The ticket system that sees no chat case does not know the web shop's orders either.
        linked = None if ctx.active("phone-opens-new-case") else order
        return open_case(ctx, customer, "complaint", message, linked, "phone")
    case = by_number(ctx, complaints[0]["number"])
    _say(ctx, case["id"], "customer", f"Aan de telefoon: {message}")
    summary = f"Telefoongesprek in zaak {case['number']}"
    contacts.record(ctx, customer["id"], "phone", "call", summary, order["id"], case["id"])
    return case


def _first_reply(ctx: Ctx, case: sqlite3.Row, disclose: bool) -> str:
    number = case["number"]
    if case["kind"] == "complaint":
        due = from_utc_key(case["answer_due"])
        about = f" over bestelling {case['order_ref']}" if case["order_ref"] else ""
        return (
            f"Wat vervelend! Je klacht{about} staat genoteerd onder zaaknummer {number}."
            f" Je krijgt uiterlijk {moment(due)} antwoord."
        )
    if case["order_ref"] and not disclose:
        return (
            f"Je vraag over bestelling {case['order_ref']} staat genoteerd onder zaaknummer {number}."
            " Log in om de status van je bestelling te zien."
        )
    if case["order_ref"]:
        order = orders.by_ref(ctx, case["order_ref"])
        status = orders.STATUS_WORDS.get(order["status"], order["status"])
        if order["fulfilment"] == "pickup":
            when = f"Ophaaldatum: {day(date.fromisoformat(order['pickup_date']))}."
        elif order["fulfilment"] == "carry":
            when = "Je hebt de bestelling in de winkel meegenomen."
        else:
            planned = date.fromisoformat(order["planned_date"])
            if ctx.active("chat-date-differs"):
                planned += timedelta(days=1)  # Seam: the chat reads the carrier's planning, a day behind.
            when = f"Bezorgdatum: {day(planned)}."
        return (
            f"Je vraag staat genoteerd onder zaaknummer {number}. Bestelling"
            f" {order['ref']} heeft de status {status}. {when}"
        )
    return f"Je vraag staat genoteerd onder zaaknummer {number}."


@processes.process("answer-complaint")
def _answer(ctx: Ctx, number: str) -> None:
    case = by_number(ctx, number)
    if case["status"] != "open":
        return
    ctx.db.execute(
        "UPDATE cases SET status = 'answered', answered_at = ?, answer = ? WHERE id = ?",
        (utc_key(ctx.now), ANSWER_TEXT, case["id"]),
    )
    _say(ctx, case["id"], "shop", ANSWER_TEXT)
    subject, body = mail_texts.complaint_answer(case["customer_name"], number, ANSWER_TEXT, case["order_ref"])
    contacts.record(
        ctx,
        case["customer_id"],
        "email",
        "answer",
        f"Klacht {number} beantwoord",
        case["order_id"],
        case["id"],
    )
    contacts.mail(ctx, case["customer_id"], case["email"], subject, body, case["order_id"], case["id"])
