"""The returns portal: pick an item, see the refund quote, get the label by mail."""

from __future__ import annotations

import hmac
import sqlite3
from collections.abc import Mapping
from functools import partial
from typing import Any

from flask import Blueprint, render_template, request

from refshop import access, orders, returns, validation
from refshop.errors import ShopError
from refshop.web.api import slow_returns_system
from refshop.web.common import ctx, customer

bp = Blueprint("returns_portal", __name__, url_prefix="/returns")


@bp.before_request
def legacy_backend() -> None:
    slow_returns_system()


def portal_customer() -> sqlite3.Row | None:
    """Who the portal thinks is there: the logged-in customer, if the portal can see it."""
    if ctx().active("asked-again"):
        return None  # Seam: the portal is a separate app that ignores the shop session.
    return customer()


def _identify(form: Mapping[str, Any]) -> tuple[sqlite3.Row | None, str | None]:
    """(logged-in customer, None) or (None, the email a guest typed)."""
    me = portal_customer()
    if me is not None:
        return me, None
    return None, validation.email(form)


def _guest_order(form: Mapping[str, Any], email: str | None) -> sqlite3.Row:
    """A guest's order: the order number with the token from the confirmation mail's link
    (``refshop.access``); an order number and e-mail address alone open nothing."""
    token = validation.text(form, "token", "Bestelcode", 100, required=False) or None
    return access.order_for(ctx(), validation.order_ref(form), token=token, email=email)


def _order_and_sku(form: Mapping[str, Any]) -> tuple[sqlite3.Row, str]:
    me, email = _identify(form)
    if me is not None:
        item = validation.text(form, "item", "Artikel", 80)
        ref, _, sku = item.partition(":")
        return orders.owned(ctx(), ref.upper(), customer_id=me["id"]), sku
    order = _guest_order(form, email)
    return order, validation.text(form, "item", "Artikel", 80).rpartition(":")[2]


def _page(template: str, status: int = 200, **values: Any) -> Any:
    return render_template(template, guest=portal_customer() is None, **values), status


@bp.get("")
@bp.get("/")
def start() -> Any:
    me = portal_customer()
    verdicts = returns.verdicts(ctx(), me["id"]) if me is not None else []
    items = [(order, line) for order, line, v in verdicts if not v.refused]
    # What she cannot return is listed too, with the reason: she is told, not left guessing.
    refused = [(order, line, v) for order, line, v in verdicts if v.refused and v.code != "already_returned"]
    # The link in the confirmation mail brings the order number and its token along.
    link = {k: str(request.args.get(k, ""))[:100] for k in ("order_number", "token")}
    return _page(
        "returns.html",
        items=items,
        refused=refused,
        verdicts={line["id"]: v for _, line, v in verdicts},
        quote_of=partial(returns.quote, ctx()),
        form=link,
    )


@bp.post("/lookup")
def lookup() -> Any:
    """A guest (or a customer the portal does not recognise) names the order."""
    form = request.form
    try:
        email = validation.email(form)
        order = _guest_order(form, email)
    except ShopError as exc:
        return _page(
            "returns.html",
            exc.status,
            items=[],
            quote_of=partial(returns.quote, ctx()),
            error=exc.message,
            form=form,
        )
    done = returns.returned_line_ids(ctx(), order["id"])
    items = [(order, ln) for ln in orders.lines(ctx(), order["id"]) if ln["id"] not in done]
    return _page(
        "returns.html",
        items=items,
        quote_of=partial(returns.quote, ctx()),
        form=form,
        order_number=order["ref"],
        email=email,
        token=form.get("token", ""),
    )


@bp.post("/quote")
def quote() -> Any:
    form = request.form
    try:
        order, sku = _order_and_sku(form)
        line = returns.check(ctx(), order, sku)
    except ShopError as exc:
        return _page("error.html", exc.status, message=exc.message)
    return _page(
        "return_quote.html",
        order=order,
        line=line,
        amount=returns.quote(ctx(), line),
        email=form.get("email", ""),
        token=form.get("token", ""),
    )


@bp.post("/confirm")
def confirm() -> Any:
    c = ctx()
    try:
        order, sku = _order_and_sku(request.form)
        with c.write():
            ret = returns.start(c, order, sku)
    except ShopError as exc:
        return _page("error.html", exc.status, message=exc.message)
    return _page("return_done.html", ret=ret, label_url=returns.label_url(c, ret["number"]), order=order)


@bp.get("/<number>/label")
def label(number: str) -> Any:
    c = ctx()
    token = str(request.args.get("token", ""))
    try:
        ret = returns.by_number(c, number)
    except ShopError:
        ret = None
    if ret is None or not hmac.compare_digest(token, returns.label_token(c, ret["number"])):
        raise ShopError("Dit retourlabel bestaat niet of de link is niet compleet.", 404)
    return render_template("return_label.html", ret=ret, order=orders.by_ref(c, ret["order_ref"]))
