"""Who may see what: logins kept on the server, and an order seen by its customer's session or its token.

Logins are kept on the server, so that logging out really ends them (OWASP
ASVS 3.3.1). Flask's session is a signed cookie: clearing it in the browser
does not stop a copy of the old cookie from working. So a login is a row
with a random id, the cookie carries only that id, and every request checks
the row. Logout ends the row (unless ``session-survives-logout`` is on: then
only the browser's cookie is cleared, as before). Logins also end after
``LOGIN_MAX_AGE_SECONDS`` of wall-clock time; the shop clock is not used,
since a test moves it days ahead within one session.

Order numbers run in sequence and e-mail addresses are no secret, so neither
proves anything. Every order gets an unguessable token when it is placed; the
confirmation page and mail carry it (the "bestelcode", and the link in the
mail). The app API, the returns API and a guest in the returns portal need
that token, unless the customer's own session is there; a session of another
customer opens nothing, whatever e-mail address comes with it.

``order-api-leaks`` switches this off: then the order number and e-mail
address are enough, as they used to be, and an e-mail address in the request
beats the session.
"""

from __future__ import annotations

import hmac
import secrets
import sqlite3
import time

from refshop.context import Ctx
from refshop.errors import NotFound, ShopError

TOKEN_HEADER = "X-Order-Token"
STORE_KEY_HEADER = "X-Store-Key"
STORE_KEY_ENV = "REFSHOP_STORE_KEY"


def new_token() -> str:
    """A fresh order token: 128 random bits, URL-safe."""
    return secrets.token_urlsafe(16)


def token_matches(order: sqlite3.Row, token: str | None) -> bool:
    """Whether ``token`` is ``order``'s token (compared in constant time)."""
    stored = order["access_token"] or ""
    return bool(token) and bool(stored) and hmac.compare_digest(str(token).encode(), stored.encode())


def _order(ctx: Ctx, ref: str) -> sqlite3.Row | None:
    row: sqlite3.Row | None = ctx.db.execute("SELECT * FROM orders WHERE ref = ?", (ref.strip().upper(),)).fetchone()
    return row


def not_yours(ref: str) -> NotFound:
    """The one answer for an unknown order and for someone else's: numbers cannot be probed."""
    return NotFound(
        f"We vinden geen bestelling {ref[:20]} bij jouw gegevens. Log in, of gebruik de link"
        " of bestelcode uit je bevestigingsmail.",
        "order_number",
    )


def order_for(
    ctx: Ctx,
    ref: str,
    *,
    customer_id: int | None = None,
    token: str | None = None,
    email: str | None = None,
) -> sqlite3.Row:
    """The order ``ref`` if this session's customer owns it or ``token`` is its token.

    Args:
        customer_id: the logged-in customer, if any.
        token: the order token the caller holds, if any.
        email: an e-mail address the caller typed; proves nothing, except
            with the ``order-api-leaks`` fault.

    Raises:
        NotFound: the same message for an unknown order and for one the
            caller may not see.
    """
    order = _order(ctx, ref)
    if order is None:
        raise not_yours(ref)
    if ctx.active("order-api-leaks"):
        # Seam: the old check, where an e-mail address stands in for the customer and wins
        # over the session.
        if email is not None:
            if order["email"].lower() == email.lower():
                return order
            raise not_yours(ref)
    if customer_id is not None and order["customer_id"] == customer_id:
        return order
    if token_matches(order, token):
        return order
    raise not_yours(ref)


def may_discuss(ctx: Ctx, order: sqlite3.Row, customer_id: int | None) -> bool:
    """Whether the chat may tell this chatter ``order``'s status and dates: only its own customer, logged in."""
    if ctx.active("order-api-leaks"):
        return True  # Seam: the e-mail address typed in the chat was taken as proof.
    return customer_id is not None and order["customer_id"] == customer_id


def check_store_key(ctx: Ctx, given: str | None) -> None:
    """Refuse a till request without the store's key (401), unless ``store-api-open`` is on."""
    if ctx.active("store-api-open"):
        return  # Seam: the till API trusted whoever could reach it.
    expected = ctx.shop.store_key
    if not expected:
        raise ShopError(f"De kassa-API is dicht: start de winkel met {STORE_KEY_ENV}.", 403)
    if not given or not hmac.compare_digest(given.encode(), expected.encode()):
        raise ShopError(f"Deze kassa is niet bekend: stuur de sleutel van de winkel in {STORE_KEY_HEADER}.", 401)


LOGIN_MAX_AGE_SECONDS = 12 * 3600
LOGIN_KINDS = ("customer", "agent")


def start_login(ctx: Ctx, kind: str, subject: str | int) -> str:
    """A new login of ``kind`` for ``subject`` (customer id, agent name); returns its id.

    A fresh id at every login: a session id planted before the login never
    becomes a logged-in one (ASVS 3.2.1).
    """
    assert kind in LOGIN_KINDS, kind
    sid = secrets.token_urlsafe(32)
    with ctx.write() as conn:
        conn.execute(
            "INSERT INTO logins (sid, kind, subject, started) VALUES (?, ?, ?, ?)",
            (sid, kind, str(subject), time.time()),
        )
    return sid


def logged_in(ctx: Ctx, kind: str, sid: object) -> str | None:
    """Who the login ``sid`` of ``kind`` belongs to, or None when it is unknown, ended or too old."""
    if not isinstance(sid, str) or not sid:
        return None
    row: sqlite3.Row | None = ctx.db.execute(
        "SELECT subject FROM logins WHERE sid = ? AND kind = ? AND ended IS NULL AND started > ?",
        (sid, kind, time.time() - LOGIN_MAX_AGE_SECONDS),
    ).fetchone()
    return None if row is None else str(row["subject"])


def end_login(ctx: Ctx, sid: object) -> None:
    """Log out: the login ``sid`` opens nothing any more, whoever holds a copy of the cookie."""
    if ctx.active("session-survives-logout"):
        return  # Seam: the old shop only cleared the browser's cookie.
    if isinstance(sid, str) and sid:
        with ctx.write() as conn:
            conn.execute("UPDATE logins SET ended = ? WHERE sid = ? AND ended IS NULL", (time.time(), sid))
