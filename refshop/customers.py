"""Customer accounts, their profile, and the personal recommendations her account page makes from her segment."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date

from refshop import catalogue, passwords
from refshop.catalogue import SEGMENTS, Product
from refshop.clock import utc_key
from refshop.context import Ctx
from refshop.errors import NotFound, ShopError


@dataclass(frozen=True)
class Details:
    """Who a customer is and where the parcel goes, as given at checkout or in store."""

    name: str
    email: str
    street: str
    postcode: str
    city: str
    birthdate: date | None = None
    business: bool = False
    segment: str | None = None


def age_on(born: date, today: date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def segment_for(born: date | None, business: bool, today: date, given: str | None = None) -> str:
    """The customer's segment: business flag first, then a segment the form gave, then age.

    Age 18-24 is a student, 65 and over a senior; everyone else (or no
    birthdate) is family.
    """
    if business:
        return "business"
    if given in SEGMENTS:
        return given
    if born is not None:
        age = age_on(born, today)
        if 18 <= age <= 24:
            return "student"
        if age >= 65:
            return "senior"
    return "family"


def by_email(ctx: Ctx, email: str) -> sqlite3.Row | None:
    row: sqlite3.Row | None = ctx.db.execute("SELECT * FROM customers WHERE email = ?", (email,)).fetchone()
    return row


def by_id(ctx: Ctx, customer_id: int) -> sqlite3.Row:
    row: sqlite3.Row | None = ctx.db.execute("SELECT * FROM customers WHERE id = ?", (customer_id,)).fetchone()
    if row is None:
        raise NotFound("Deze klant bestaat niet.")
    return row


def authenticate(ctx: Ctx, email: str, password: str) -> sqlite3.Row:
    """The customer with this email and password.

    Raises:
        ShopError: 401 with one message for both a wrong email and a wrong
            password (so the form does not reveal who has an account).
    """
    row = by_email(ctx, email)
    stored = row["password_hash"] if row is not None else None
    if row is None or not passwords.verify(stored, password):
        raise ShopError("E-mailadres of wachtwoord klopt niet.", 401)
    if stored and passwords.outdated(stored) and not ctx.active("weak-passwords"):
        # A hash from an older shop: upgraded to today's method while the password is at hand.
        with ctx.write() as conn:
            conn.execute(
                "UPDATE customers SET password_hash = ? WHERE id = ?", (passwords.make_hash(password), row["id"])
            )
    return row


def _hash(ctx: Ctx, password: str | None) -> str | None:
    return passwords.make_hash(password, weak=ctx.active("weak-passwords")) if password else None


def prepare_hash(ctx: Ctx, password: str | None) -> str | None:
    """The hash for a new account, made before the write: scrypt takes half a second, and under
    the shop-wide write lock every other checkout would wait for it."""
    return _hash(ctx, password)


def ensure(ctx: Ctx, details: Details, password: str | None = None, *, prepared_hash: str | None = None) -> sqlite3.Row:
    """The customer with ``details.email``, created or brought up to date (inside a write).

    A new customer gets an account with ``password`` (when given; ``prepared_hash``
    is its hash made by ``prepare_hash`` outside the write). An existing account
    with a password is only used when ``password`` matches it, so nobody orders
    on someone else's account by typing their email address.
    """
    today = ctx.now.date()
    segment = segment_for(details.birthdate, details.business, today, details.segment)
    row = by_email(ctx, details.email)
    if row is None:
        ctx.db.execute(
            "INSERT INTO customers (email, name, password_hash, street, postcode, city,"
            " birthdate, business, segment, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (
                details.email,
                details.name,
                prepared_hash or _hash(ctx, password),
                details.street,
                details.postcode,
                details.city,
                details.birthdate.isoformat() if details.birthdate else None,
                int(details.business),
                segment,
                utc_key(ctx.now),
            ),
        )
        return by_email(ctx, details.email)  # type: ignore[return-value]
    if password is not None and row["password_hash"]:
        if not passwords.verify(row["password_hash"], password):
            raise ShopError(
                "Er bestaat al een account met dit e-mailadres. Log in, of vul het wachtwoord van dat account in.",
                409,
                "password",
            )
    new_hash = row["password_hash"] or prepared_hash or _hash(ctx, password)
    born = details.birthdate.isoformat() if details.birthdate else row["birthdate"]
    if details.birthdate is None and row["birthdate"]:
        segment = segment_for(
            date.fromisoformat(row["birthdate"]),
            details.business or bool(row["business"]),
            today,
            details.segment,
        )
    ctx.db.execute(
        "UPDATE customers SET name=?, password_hash=?, street=?, postcode=?, city=?,"
        " birthdate=?, business=?, segment=? WHERE id=?",
        (
            details.name,
            new_hash,
            details.street,
            details.postcode,
            details.city,
            born,
            int(details.business or row["business"]),
            segment,
            row["id"],
        ),
    )
    return by_id(ctx, row["id"])


def remember_phone(ctx: Ctx, customer_id: int, phone: str) -> None:
    """Keep the phone number she gave (inside a write); an empty one leaves the known one alone."""
    if phone:
        ctx.db.execute("UPDATE customers SET phone = ? WHERE id = ?", (phone, customer_id))


def ensure_contact(ctx: Ctx, email: str, name: str = "") -> sqlite3.Row:
    """The customer with this email; a guest record (no password) when new (inside a write)."""
    row = by_email(ctx, email)
    if row is not None:
        return row
    ctx.db.execute(
        "INSERT INTO customers (email, name, created_at) VALUES (?, ?, ?)",
        (email, name or email.split("@")[0], utc_key(ctx.now)),
    )
    return by_email(ctx, email)  # type: ignore[return-value]


def search(ctx: Ctx, query: str) -> list[sqlite3.Row]:
    """Customers whose name, email, postcode or order number contains ``query``."""
    like = f"%{query.strip()}%"
    return ctx.db.execute(
        "SELECT DISTINCT c.* FROM customers c LEFT JOIN orders o ON o.customer_id = c.id"
        " WHERE c.name LIKE ? OR c.email LIKE ? OR c.postcode LIKE ? OR o.ref LIKE ?"
        " ORDER BY c.name LIMIT 50",
        (like, like, like, like),
    ).fetchall()


def check_segment(value: str | None) -> str | None:
    if value in (None, ""):
        return None
    if value not in SEGMENTS:
        raise ShopError(
            f"Onbekend klantsegment '{value[:20]}'; kies uit {', '.join(SEGMENTS)}.",
            field="segment",
        )
    return value


#: Marketing's campaign list of the month, the same for everybody.
CAMPAIGN = ("business-lease", "easy-phone", "smart-doorbell")


def recommendations(ctx: Ctx, customer: sqlite3.Row) -> list[Product]:
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
