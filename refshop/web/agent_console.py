"""The agent console: a separate UI behind its own login, with the 360° customer view.

An agent on the phone opens the order the customer calls about
(``/agent/orders/<ref>``): its status, total, delivery or pickup date, and
whether each article can still be returned; what the agent tells her is
read from there.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

from flask import Blueprint, g, redirect, render_template, request, session, url_for

from refshop import (
    access,
    agent_actions,
    cases,
    catalogue,
    contacts,
    customers,
    lead_times,
    orders,
    passwords,
    return_rules,
    returns,
    validation,
)
from refshop.clock import from_utc_key
from refshop.errors import ShopError
from refshop.throttle import Throttled
from refshop.web import common
from refshop.web.common import ctx

bp = Blueprint("agent", __name__, url_prefix="/agent")
#: Channels the store-fed CRM knows about (agent-no-history fault).
STORE_CRM_CHANNELS = ("store", "agent", "phone")


@bp.before_request
def require_agent() -> Any:
    if request.endpoint in ("agent.login_form", "agent.login_submit"):
        return None
    g.agent = common.agent()
    if g.agent is None:
        return redirect(url_for("agent.login_form", next=request.path), 303)
    return None


@bp.context_processor
def the_agent() -> dict[str, Any]:
    return {"agent": g.get("agent")}


@bp.get("/login")
def login_form() -> Any:
    return render_template("agent/login.html")


@bp.post("/login")
def login_submit() -> Any:
    username = str(request.form.get("username", ""))[:100]
    password = str(request.form.get("password", ""))[:200]
    try:
        common.throttled_login(f"agent:{username}")
    except Throttled as exc:
        page = render_template("agent/login.html", error=exc.message, username=username)
        return page, exc.status, {"Retry-After": str(exc.retry_after)}
    if not ctx().shop.agent_ready.wait(30):  # the agent's hash is still being made at start
        raise ShopError("De klantenservicetool start nog op. Probeer het zo opnieuw.", 503)
    row = ctx().db.execute("SELECT * FROM agents WHERE username = ?", (username,)).fetchone()
    if not passwords.verify(row["password_hash"] if row is not None else None, password):
        common.login_failed(f"agent:{username}")
        return render_template(
            "agent/login.html", error="Gebruikersnaam of wachtwoord klopt niet.", username=username
        ), 401
    common.login_succeeded(f"agent:{username}")
    access.end_login(ctx(), session.get(common.AGENT_KEY))
    session[common.AGENT_KEY] = access.start_login(ctx(), "agent", row["username"])
    return redirect(url_for("agent.search"), 303)


@bp.get("/logout")
def logout_form() -> Any:
    return render_template("agent/logout.html")


@bp.post("/logout")
def logout() -> Any:
    access.end_login(ctx(), session.pop(common.AGENT_KEY, None))
    return redirect(url_for("agent.login_form"), 303)


@bp.get("/")
def search() -> Any:
    query = validation.text(request.args, "q", "Zoekterm", 100, required=False)
    found = customers.search(ctx(), query) if query else []
    return render_template("agent/search.html", q=query, found=found)


def _history(customer: sqlite3.Row) -> dict[str, Any]:
    c = ctx()
    all_orders = orders.for_customer(c, customer["id"])
    all_cases = cases.for_customer(c, customer["id"])
    all_contacts = contacts.for_customer(c, customer["id"])
    if c.active("agent-no-history"):
        # Seam: the CRM is fed by the store system only; web orders and chat complaints
        # never reach it.
        all_orders = [o for o in all_orders if o["channel"] in STORE_CRM_CHANNELS]
        all_cases = [k for k in all_cases if k["channel"] in STORE_CRM_CHANNELS]
        all_contacts = [k for k in all_contacts if k["channel"] in STORE_CRM_CHANNELS]
    shown = {o["id"] for o in all_orders}
    return {
        "orders": all_orders,
        "cases": all_cases,
        "returns": [r for r in returns.for_customer(c, customer["id"]) if r["order_id"] in shown],
        "contacts": all_contacts,
    }


def agent_date(order: sqlite3.Row) -> date | None:
    """The date the console shows for an order: when it comes home, or when it can be collected."""
    if order["fulfilment"] == "pickup":
        return date.fromisoformat(order["pickup_date"])
    if order["fulfilment"] != "delivery":
        return None  # taken home from the till
    if ctx().active("phone-date-differs"):
        # Seam: the phone desk's CRM shows the warehouse's standard lead time, not the promise.
        return lead_times.add_working_days(from_utc_key(order["placed_at"]).date(), 3)
    return date.fromisoformat(order["planned_date"])


def return_window_days() -> int:
    """The return window the console checks returns against: the shop's, like every desk."""
    if ctx().active("agent-return-policy-differs"):
        # Seam: the console's return check still follows the stores' old 30-day policy.
        return return_rules.STORE_WINDOW_DAYS
    return lead_times.RETURN_WINDOW_DAYS


@bp.get("/customers/<int:customer_id>")
def customer_view(customer_id: int) -> Any:
    return _customer_page(customers.by_id(ctx(), customer_id), notice=session.pop("agent_notice", None))


def _customer_page(customer: sqlite3.Row, **extra: Any) -> str:
    """Her page in the console (her details, history and the forms to act for her), with ``extra``."""
    return render_template(
        "agent/customer.html",
        customer=customer,
        # Seam (when faulty): the CRM is fed by the stores' tills, which never had the web shop's phone numbers.
        phone=None if ctx().active("phone-not-in-crm") else customer["phone"],
        date_of=agent_date,
        products=catalogue.main_range(),
        **_history(customer),
        **extra,
    )


@bp.post("/customers/<int:customer_id>/orders")
def order_for_customer(customer_id: int) -> Any:
    """She phones to order: the agent places it for her, and reads its order page out to her."""
    c = ctx()
    customer = customers.by_id(c, customer_id)
    try:
        sku = catalogue.product(validation.text(request.form, "sku", "Artikel", 40)).sku
        quantity = validation.quantity(request.form)
        with c.write():
            order = agent_actions.order_for(c, customer, sku, quantity)
    except ShopError as exc:
        return _customer_page(customer, error=exc.message), exc.status
    return redirect(url_for("agent.order_view", ref=order["ref"]), 303)


@bp.get("/orders/<ref>")
def order_view(ref: str) -> Any:
    """One order as the agent reads it out on the phone, with a return verdict per article."""
    c = ctx()
    order = orders.by_ref(c, ref[:20].upper())
    done = returns.returned_line_ids(c, order["id"])
    window = return_window_days()
    lines = [(ln, return_rules.verdict(order, ln, c.now.date(), done, window)) for ln in orders.lines(c, order["id"])]
    return render_template(
        "agent/order.html",
        order=order,
        customer=customers.by_id(c, order["customer_id"]),
        when=agent_date(order),
        store=catalogue.STORES.get(order["store"] or ""),
        lines=lines,
    )


@bp.post("/customers/<int:customer_id>/actions")
def act(customer_id: int) -> Any:
    c = ctx()
    customer = customers.by_id(c, customer_id)
    form = request.form
    try:
        action = validation.text(form, "action", "Actie", 20)
        order = orders.owned(c, validation.order_ref(form), customer_id=customer["id"])
        number = validation.text(form, "case_number", "Zaaknummer", 20, required=False)
        case = agent_actions.visible_case(c, number, customer["id"]) if number else None
        with c.write():
            done = agent_actions.perform(c, action, customer, order, g.agent, case)
    except ShopError as exc:
        return _customer_page(customer, error=exc.message), exc.status
    session["agent_notice"] = f"{order['ref']}: {done}"
    return redirect(url_for("agent.customer_view", customer_id=customer_id), 303)


@bp.post("/orders/<ref>/calls")
def note_call(ref: str) -> Any:
    """What she says on the phone about her order: the agent adds it to her case about it (a new complaint
    when there is none) and goes on with that case."""
    c = ctx()
    order = orders.by_ref(c, ref[:20].upper())
    message = validation.text(request.form, "message", "Wat de klant vertelt", validation.MAX_MESSAGE)
    with c.write():
        case = cases.phone_call(c, order, message)
    return redirect(url_for("agent.case_view", number=case["number"]), 303)


@bp.get("/cases/<number>")
def case_view(number: str) -> Any:
    """One case as the agent works on it: its number, its order, and everything she said, on any channel."""
    case = cases.by_number(ctx(), number[:20])
    return render_template("agent/case.html", case=case, messages=cases.messages(ctx(), case["id"]))
