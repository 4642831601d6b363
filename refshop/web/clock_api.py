"""The test clock: read it freely; move it with the token, from loopback only."""

from __future__ import annotations

import hmac
import ipaddress
import os
from typing import Any

from flask import Blueprint, current_app, jsonify, request

from refshop import processes
from refshop.clock import iso, parse_moment
from refshop.context import Shop
from refshop.errors import ShopError

bp = Blueprint("clock", __name__)

#: The largest single move; a typo of a few zeros should not run years of processes.
MAX_ADVANCE_SECONDS = 400 * 24 * 3600


def _shop() -> Shop:
    return current_app.extensions["refshop"]  # type: ignore[no-any-return]


@bp.get("/__clock")
def now() -> Any:
    return jsonify({"now": iso(_shop().clock.now())})


@bp.post("/__clock")
def move() -> Any:
    shop = _shop()
    token = os.environ.get("REFSHOP_CLOCK_TOKEN", "")
    given = request.headers.get("X-Clock-Token", "")
    try:
        loopback = ipaddress.ip_address(request.remote_addr or "").is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise ShopError("The test clock can only be moved from this machine (loopback).", 403)
    if not token:
        raise ShopError("The test clock is locked: start the shop with REFSHOP_CLOCK_TOKEN set.", 403)
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise ShopError("Wrong or missing X-Clock-Token header for the test clock.", 403)
    data = request.get_json(silent=True)
    if not isinstance(data, dict) or len(data.keys() & {"set", "advance_seconds"}) != 1:
        raise ShopError('Send JSON with exactly one of {"set": ISO} or {"advance_seconds": N}.')
    if "set" in data:
        try:
            target = parse_moment(str(data["set"]))
        except ValueError as exc:
            raise ShopError(str(exc)) from None
        moved = shop.clock.set(target)
    else:
        seconds = data["advance_seconds"]
        if (
            isinstance(seconds, bool)
            or not isinstance(seconds, int | float)
            or not (0 <= seconds <= MAX_ADVANCE_SECONDS)
        ):
            raise ShopError(f"advance_seconds must be a number from 0 to {MAX_ADVANCE_SECONDS}.")
        moved = shop.clock.advance(seconds)
    ran = processes.run_due(shop, moved)
    if ran:  # what the move caused is in the mail server when it answers: a test reads the clock, then the mail
        shop.mailer.wait_idle(timeout=10)
    return jsonify({"now": iso(moved), "ran": ran})
