"""The customer's account: login, order history, one order, recommendations."""

from __future__ import annotations

import sqlite3
from typing import Any

from flask import Blueprint, redirect, render_template, request, url_for

from refshop import cases, catalogue, contacts, customers, orders, returns, validation
from refshop.errors import ShopError
from refshop.throttle import Throttled
from refshop.web import common
from refshop.web.common import ctx, customer, login

bp = Blueprint("account", __name__)


def _safe_next(target: str | None) -> str:
    # Only local paths: a login form must not bounce customers to another site.
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return url_for("account.overview")


def web_status(order: sqlite3.Row) -> str:
    """The status code the account pages show for an order."""
    if order["cancelled_at"]:
        return "cancelled"  # what the web shop itself knows, whatever the warehouse made of it
    if ctx().active("status-words-differ"):
        # Seam: the account pages read the warehouse's status, which stops at "picked".
        return str(order["warehouse_status"])
    return str(order["status"])


@bp.get("/login")
def login_form() -> Any:
    return render_template("login.html", next=request.args.get("next", ""))


@bp.post("/login")
def login_submit() -> Any:
    target = request.form.get("next", "")
    email = ""
    try:
        email = validation.email(request.form)
        common.throttled_login(email)
        password = str(request.form.get("password", ""))
        try:
            found = customers.authenticate(ctx(), email, password[:200])
        except ShopError:
            common.login_failed(email)
            raise
    except ShopError as exc:
        # A throttled login says how long to wait, in words and in Retry-After.
        headers = {"Retry-After": str(exc.retry_after)} if isinstance(exc, Throttled) else {}
        page = render_template(
            "login.html", next=target, error=exc.message, email=str(request.form.get("email", ""))[:254]
        )
        return page, exc.status, headers
    common.login_succeeded(email)
    common.logout()  # an earlier login ends; nothing of the anonymous session (its CSRF token) carries over
    login(found["id"])
    return redirect(_safe_next(target), 303)


@bp.get("/logout")
def logout_form() -> Any:
    # Logging out changes something, so it is a form post (with its CSRF token), not a link.
    return render_template("logout.html")


@bp.post("/logout")
def logout() -> Any:
    common.logout()
    return redirect(url_for("storefront.index"), 303)


@bp.post("/account/orders/<ref>/cancel")
def cancel(ref: str) -> Any:
    me = _require_login()
    if not isinstance(me, sqlite3.Row):
        return me
    c = ctx()
    with c.write():
        returns.cancel(c, orders.owned(c, ref, customer_id=me["id"]))
    return redirect(url_for("account.order", ref=ref), 303)


def _require_login() -> sqlite3.Row | Any:
    me = customer()
    if me is None:
        return redirect(url_for("account.login_form", next=request.path), 303)
    return me


@bp.get("/account")
def overview() -> Any:
    me = _require_login()
    if not isinstance(me, sqlite3.Row):
        return me
    c = ctx()
    return render_template(
        "account.html",
        orders=orders.for_customer(c, me["id"]),
        status_of=web_status,
        recommendations=customers.recommendations(c, me),
        cases=cases.for_customer(c, me["id"]),
        returns=returns.for_customer(c, me["id"]),
    )


@bp.get("/account/orders/<ref>")
def order(ref: str) -> Any:
    me = _require_login()
    if not isinstance(me, sqlite3.Row):
        return me
    c = ctx()
    found = orders.owned(c, ref, customer_id=me["id"])
    return render_template(
        "account_order.html",
        order=found,
        status=web_status(found),
        lines=orders.lines(c, found["id"]),
        contacts=contacts.for_order(c, found["id"]),
        returns=returns.for_order(c, found["id"]),
        store=catalogue.STORES.get(found["store"] or ""),
        cancellable=returns.cancellable(found),
        # Seam (when faulty): the order page reads the order's price list total, before any discount.
        total=found["subtotal"] if c.active("account-total-before-discount") else found["total"],
    )
