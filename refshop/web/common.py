"""What every blueprint needs: the request's context, who is logged in, JSON input."""

from __future__ import annotations

import sqlite3
from typing import Any

from flask import abort, g, request, session

from refshop import customers
from refshop.context import Ctx
from refshop.errors import ShopError


def ctx() -> Ctx:
    """This request's unit of work (connection and shop time)."""
    return g.ctx  # type: ignore[no-any-return]


def customer() -> sqlite3.Row | None:
    """The logged-in customer, if any."""
    customer_id = session.get("customer_id")
    if not isinstance(customer_id, int):
        return None
    try:
        return customers.by_id(ctx(), customer_id)
    except ShopError:
        session.pop("customer_id", None)
        return None


def login(customer_id: int) -> None:
    session["customer_id"] = customer_id


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
