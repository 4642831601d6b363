"""The chat widget page: a plain form (works without JavaScript) over the chat backend."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, redirect, render_template, request, session, url_for

from refshop import cases, validation
from refshop.errors import ShopError
from refshop.web.common import GUEST_EMAIL, ctx, customer

bp = Blueprint("chat", __name__)


def _conversation() -> tuple[Any, list[Any]]:
    number = session.get("chat_case")
    if not isinstance(number, str):
        return None, []
    try:
        case = cases.by_number(ctx(), number)
    except ShopError:
        session.pop("chat_case", None)
        return None, []
    return case, cases.messages(ctx(), case["id"])


@bp.get("/chat")
def page() -> Any:
    case, messages = _conversation()
    if request.args.get("new"):
        session.pop("chat_case", None)
        case, messages = None, []
    return render_template(
        "chat.html",
        case=case,
        messages=messages,
        order_number=str(request.args.get("order_number", ""))[:20],
        email=session.get(GUEST_EMAIL, ""),
    )


@bp.post("/chat")
def post() -> Any:
    c = ctx()
    me = customer()
    case, messages = _conversation()
    form = request.form
    try:
        email = me["email"] if me is not None else validation.email(form)
        message = validation.text(form, "message", "Bericht", validation.MAX_MESSAGE)
        kind = form.get("kind") or "question"
        order_number = validation.order_ref(form) if form.get("order_number") else None
        with c.write():
            turn = cases.chat(
                c,
                email=email,
                message=message,
                kind=str(kind),
                order_number=order_number,
                case_number=case["number"] if case is not None else None,
                name=me["name"] if me is not None else "",
                customer_id=me["id"] if me is not None else None,
            )
    except ShopError as exc:
        return render_template(
            "chat.html",
            case=case,
            messages=messages,
            error=exc.message,
            order_number=str(form.get("order_number", ""))[:20],
            email=str(form.get("email", ""))[:254],
        ), exc.status
    session["chat_case"] = turn.case["number"]
    if me is None:
        session[GUEST_EMAIL] = email  # what a guest gave once is not asked of her again
    return redirect(url_for("chat.page"), 303)
