"""The Flask application of the reference shop: blueprints, filters, error pages."""

from __future__ import annotations

import sys
import traceback
from datetime import date
from typing import Any

from flask import Flask, g, jsonify, render_template
from werkzeug.exceptions import HTTPException

from refshop import formats, orders
from refshop.clock import from_utc_key
from refshop.context import Ctx, Shop
from refshop.errors import ShopError
from refshop.throttle import Throttled
from refshop.web import (
    account,
    agent_console,
    api,
    chat,
    clock_api,
    common,
    protect,
    returns_portal,
    storefront,
    till,
)

MAX_BODY = 64 * 1024

HTTP_MESSAGES = {
    400: "Dat verzoek kunnen we niet verwerken.",
    404: "Deze pagina bestaat niet.",
    405: "Dat kan op deze pagina niet.",
    413: "Wat je stuurde is te groot (maximaal 64 kB).",
    415: "Stuur een JSON-object (Content-Type: application/json).",
}


def create_app(shop: Shop) -> Flask:
    """The shop's Flask app, bound to one running :class:`Shop`."""
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=shop.secret,
        MAX_CONTENT_LENGTH=MAX_BODY,
        MAX_FORM_MEMORY_SIZE=MAX_BODY,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_NAME="tulp_session",
        JSON_AS_ASCII=False,
    )
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.json.sort_keys = False  # type: ignore[attr-defined]
    app.extensions["refshop"] = shop
    app.jinja_env.filters.update(
        euro=formats.euro,
        day=formats.day,
        moment=formats.moment,
        status_word=lambda s: orders.STATUS_WORDS.get(s, s),
        fromiso=date.fromisoformat,
        fromkey=from_utc_key,
    )
    app.jinja_env.globals["shop_name"] = "Tulp Electronics"

    @app.before_request
    def open_ctx() -> None:
        g.ctx = Ctx(shop, shop.storage.connect(), shop.clock.now())

    protect.install(app)  # after open_ctx: its check may answer with an error page, which needs the ctx

    @app.teardown_request
    def close_ctx(_exc: BaseException | None) -> None:
        ctx = g.pop("ctx", None)
        if ctx is not None:
            ctx.db.close()

    @app.context_processor
    def who() -> dict[str, Any]:
        return {"me": common.customer() if "ctx" in g else None}

    @app.errorhandler(ShopError)
    def shop_error(exc: ShopError) -> Any:
        body, status = _error(exc.message, exc.status)
        headers = {"Retry-After": str(exc.retry_after)} if isinstance(exc, Throttled) else {}
        return body, status, headers

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> Any:
        code = exc.code or 500
        return _error(HTTP_MESSAGES.get(code, exc.description or "Er ging iets mis."), code)

    @app.errorhandler(Exception)
    def crash(exc: Exception) -> Any:
        # The customer never sees a stack trace; the operator finds it on stderr.
        traceback.print_exception(exc, file=sys.stderr)
        return _error("Er ging bij ons iets mis. Probeer het later nog eens.", 500)

    for module in (storefront, account, api, till, chat, returns_portal, agent_console, clock_api):
        app.register_blueprint(module.bp)
    return app


def _error(message: str, status: int) -> Any:
    if common.wants_json():
        return jsonify({"error": message}), status
    return render_template("error.html", message=message, status=status), status
