"""The web shop: product list, product page, cart, checkout and confirmation."""

from __future__ import annotations

import sqlite3
from typing import Any

from flask import Blueprint, redirect, render_template, request, session, url_for

from refshop import catalogue, customers, lead_times, orders, passwords, validation
from refshop.customers import Details
from refshop.errors import NotFound, ShopError
from refshop.throttle import Throttled
from refshop.web import common
from refshop.web.common import GUEST_EMAIL, ctx, customer, login

bp = Blueprint("storefront", __name__)


def _cart() -> dict[str, int]:
    raw = session.get("cart")
    if not isinstance(raw, dict):
        return {}
    return {str(k): int(v) for k, v in raw.items() if isinstance(v, int) and v > 0}


def _promise(sku: str | None = None) -> tuple[str, Any]:
    c = ctx()
    delivery = orders.online_delivery_date(c, c.now)
    return lead_times.promise_text(c.now, delivery), delivery


@bp.get("/")
def index() -> Any:
    return render_template("index.html", products=catalogue.main_range())


@bp.get("/product/<sku>")
def product(sku: str) -> Any:
    item = catalogue.product(sku)
    promise, delivery = _promise(sku)
    return render_template("product.html", product=item, promise=promise, delivery=delivery)


@bp.post("/cart/add")
def add_to_cart() -> Any:
    sku = validation.text(request.form, "sku", "Artikel", 40)
    item = catalogue.product(sku)
    try:
        quantity = validation.quantity(request.form)
        cart = _cart()
        if cart.get(sku, 0) + quantity > validation.MAX_QUANTITY:
            raise ShopError(
                f"Je kunt maximaal {validation.MAX_QUANTITY} stuks van een artikel bestellen.",
                field="quantity",
            )
    except ShopError as exc:
        promise, delivery = _promise(sku)
        return render_template(
            "product.html", product=item, promise=promise, delivery=delivery, error=exc.message
        ), exc.status
    cart[sku] = cart.get(sku, 0) + quantity
    session["cart"] = cart
    return redirect(url_for("storefront.cart"), 303)


@bp.post("/cart/remove")
def remove_from_cart() -> Any:
    cart = _cart()
    cart.pop(str(request.form.get("sku", "")), None)
    session["cart"] = cart
    return redirect(url_for("storefront.cart"), 303)


def _code() -> str | None:
    """The discount code she applied at checkout (kept in her session until she orders)."""
    code = session.get("discount_code")
    return code if isinstance(code, str) and code in catalogue.DISCOUNT_CODES else None


@bp.get("/cart")
def cart() -> Any:
    priced = orders.price(_cart(), _code())
    return render_template("cart.html", priced=priced)


def _checkout_page(form: dict[str, str], error: str | None = None, field: str | None = None, status: int = 200) -> Any:
    priced = orders.price(_cart(), _code())
    _, delivery = _promise()
    return render_template(
        "checkout.html",
        priced=priced,
        delivery=delivery,
        pickup=lead_times.pickup_date(ctx().now),
        stores=catalogue.STORES.values(),
        form=form,
        error=error,
        error_field=field,
    ), status


def _pickup_store() -> catalogue.Store | None:
    """The store she collects from (click and collect), or None for home delivery."""
    if request.form.get("fulfilment", "delivery") != "pickup":
        return None
    return catalogue.store(validation.text(request.form, "store", "Afhaalwinkel", 40))


@bp.get("/checkout")
def checkout() -> Any:
    me = customer()
    form: dict[str, str] = {}
    if me is not None:
        form = {k: me[k] or "" for k in ("name", "email", "street", "postcode", "city", "birthdate")}
    elif session.get(GUEST_EMAIL):  # the e-mail address a guest gave in the chat: not asked again
        form = {"email": str(session[GUEST_EMAIL])}
    return _checkout_page(form)


@bp.post("/checkout/code")
def apply_code() -> Any:
    """A discount code typed at checkout: the checkout shows its discount, the order takes it."""
    try:
        code = catalogue.discount_code(request.form.get("discount_code"))
    except ShopError as exc:
        typed = {"discount_code": str(request.form.get("discount_code", ""))[:40]}
        return _checkout_page(typed, exc.message, exc.field, 400)
    session["discount_code"] = code
    return redirect(url_for("storefront.checkout"), 303)


def _order_email(me: sqlite3.Row | None) -> str:
    """The typed email; a logged-in customer orders under their account's email."""
    if me is None:
        return validation.email(request.form)
    typed = str(request.form.get("email", "")).strip().lower()
    if typed and typed != me["email"].lower():
        raise ShopError(
            f"Je bent ingelogd als {me['email']}. Log uit om met een ander e-mailadres te bestellen.",
            field="email",
        )
    return str(me["email"])


def _new_password(email: str) -> str:
    """The password typed at checkout: a new account's must pass the password rules; an existing
    account's is a login, throttled like one (a 409 for a wrong one would otherwise be a free guess)."""
    raw = request.form.get("password")
    value = raw if isinstance(raw, str) else ""
    known = customers.by_email(ctx(), email)
    if known is not None and known["password_hash"]:
        common.throttled_login(email)
        if not value:
            raise ShopError("Vul het wachtwoord van je account in, of log eerst in.", field="password")
        return value[: passwords.MAX_LENGTH]
    return passwords.check(value, weak=ctx().active("weak-passwords"))


@bp.post("/checkout")
def place_order() -> Any:
    c = ctx()
    form = {k: str(v) for k, v in request.form.items() if k != "password"}
    cart_items = _cart()
    if not cart_items:
        return _checkout_page(form, "Je winkelwagen is leeg; kies eerst een artikel.", None, 400)
    me = customer()
    try:
        details = Details(
            name=validation.text(request.form, "name", "Naam"),
            email=_order_email(me),
            street=validation.text(request.form, "street", "Straat en huisnummer", 120),
            postcode=validation.postcode(request.form),
            city=validation.text(request.form, "city", "Plaats", 80),
            birthdate=validation.birthdate(request.form, c.now.date()),
            business=request.form.get("business") in ("1", "on", "true", "yes"),
            segment=customers.check_segment(request.form.get("segment")),
        )
        phone = validation.phone(request.form)
        pickup = _pickup_store()
        password = None if me is not None else _new_password(details.email)
        prepared = customers.prepare_hash(c, password)
        try:
            with c.write():
                account = customers.ensure(c, details, password, prepared_hash=prepared)
                customers.remember_phone(c, account["id"], phone)
                order = _place(account, details, cart_items, pickup, _code())
        except ShopError as exc:
            if exc.status == 409 and exc.field == "password":
                common.login_failed(details.email)  # a wrong password for an existing account is a guess
            raise
    except Throttled as exc:
        page, status = _checkout_page(form, exc.message, "password", exc.status)
        return page, status, {"Retry-After": str(exc.retry_after)}
    except NotFound as exc:
        return _checkout_page(form, exc.message, exc.field, 400)
    except ShopError as exc:
        return _checkout_page(form, exc.message, exc.field, exc.status)
    login(account["id"])
    session["cart"] = {}
    session.pop("discount_code", None)
    session["placed"] = ([*session.get("placed", [])] + [order["ref"]])[-10:]
    return redirect(url_for("storefront.confirmation", ref=order["ref"]), 303)


def _place(
    account: sqlite3.Row, details: Details, items: dict[str, int], pickup: catalogue.Store | None, code: str | None
) -> sqlite3.Row:
    """The web order: delivered to her address, or ready in the store she chose (its address on the order)."""
    if pickup is None:
        return orders.place(ctx(), account, details, items, "web", code=code)
    at_store = Details(details.name, details.email, pickup.street, pickup.postcode, pickup.city)
    return orders.place(ctx(), account, at_store, items, "web", store_code=pickup.code, fulfilment="pickup", code=code)


@bp.get("/orders/<ref>/confirmation")
def confirmation(ref: str) -> Any:
    if ref not in session.get("placed", []):
        raise NotFound("Deze bevestiging hoort bij een andere sessie. Je bestelling vind je in je account.")
    order = orders.by_ref(ctx(), ref)
    return render_template(
        "confirmation.html",
        order=order,
        lines=orders.lines(ctx(), order["id"]),
        store=catalogue.STORES.get(order["store"] or ""),
    )
