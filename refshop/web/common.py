"""What every blueprint needs: the request's context, who is logged in, JSON input, login throttling."""

from __future__ import annotations

import sqlite3
from typing import Any

from flask import abort, g, request, session

from refshop import access, customers
from refshop.context import Ctx
from refshop.errors import ShopError

#: The session cookie's keys for a customer's and an agent's login (ids of ``refshop.access`` logins).
CUSTOMER_KEY = "customer_sid"
GUEST_EMAIL = "guest_email"  # the e-mail address a guest gave (in the chat): forms fill it in
AGENT_KEY = "agent_sid"
_NOBODY = object()


def ctx() -> Ctx:
    """This request's unit of work (connection and shop time)."""
    return g.ctx  # type: ignore[no-any-return]


def customer() -> sqlite3.Row | None:
    """The logged-in customer, if any (looked up once per request)."""
    cached = g.get("customer", _NOBODY)
    if cached is not _NOBODY:
        return cached  # type: ignore[no-any-return]
    found: sqlite3.Row | None = None
    subject = access.logged_in(ctx(), "customer", session.get(CUSTOMER_KEY))
    if subject is not None:
        try:
            found = customers.by_id(ctx(), int(subject))
        except ShopError:
            found = None
    if found is None:
        session.pop(CUSTOMER_KEY, None)  # ended, expired or unknown: the cookie forgets it too
    g.customer = found
    return found


def login(customer_id: int) -> None:
    """Log ``customer_id`` in with a new server-side login (any earlier one of this browser ends)."""
    access.end_login(ctx(), session.get(CUSTOMER_KEY))
    session[CUSTOMER_KEY] = access.start_login(ctx(), "customer", customer_id)
    g.pop("customer", None)


def logout() -> None:
    """End the customer's login on the server and forget the whole browser session."""
    access.end_login(ctx(), session.get(CUSTOMER_KEY))
    session.clear()
    g.pop("customer", None)


def agent() -> str | None:
    """The logged-in agent's user name, if any."""
    name = access.logged_in(ctx(), "agent", session.get(AGENT_KEY))
    if name is None:
        session.pop(AGENT_KEY, None)
    return name


def client_address() -> str:
    """Who is trying to log in, for throttling per client."""
    return request.remote_addr or "unknown"


def throttled_login(account: str) -> None:
    """Refuse (429) a login attempt for ``account`` past the limits (``no-login-throttle``: never)."""
    if not ctx().active("no-login-throttle"):
        ctx().shop.throttle.check(account, client_address())


def login_failed(account: str) -> None:
    if not ctx().active("no-login-throttle"):  # Seam: the old shop counted nothing.
        ctx().shop.throttle.failed(account, client_address())


def login_succeeded(account: str) -> None:
    ctx().shop.throttle.succeeded(account)


def json_body() -> dict[str, Any]:
    """The request's JSON object; a clear 400 for anything else."""
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise ShopError("Stuur een JSON-object (Content-Type: application/json).")
    return data


def wants_json() -> bool:
    return request.path.startswith(("/api/", "/__clock"))


def require(condition: bool, status: int = 404) -> None:
    if not condition:
        abort(status)
