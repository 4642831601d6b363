"""What every answer and every form post goes through: security headers and CSRF tokens.

CSRF (OWASP ASVS 4.2.2): each browser session has a random token; every form
that changes something carries it in a hidden ``csrf_token`` field, and a
form post without the session's token is refused (403) before any view runs.
A browser, Playwright included, submits the hidden field with the form, so
nothing changes for a real customer.

The JSON APIs (``/api/...``) and the test clock are not forms: a
state-changing request there must be ``application/json`` (refused with 415
otherwise). A page on another site cannot send that content type without a
CORS preflight, which the shop never grants, and the session cookie is
SameSite=Lax. The app and the till authenticate with the order token and the
store key, not with a cookie, so they need no CSRF token; a JSON request that
does ride on a logged-in session (the chat widget's) must also send the
page's token in ``X-CSRF-Token``.

Faults: ``no-csrf`` accepts any post; ``no-security-headers`` sends none of
the headers below.
"""

from __future__ import annotations

import hmac
import secrets

from flask import Flask, Response, current_app, request, session

from refshop.context import Shop
from refshop.errors import ShopError

FIELD = "csrf_token"
HEADER = "X-CSRF-Token"
SESSION_KEY = "_csrf"
UNSAFE = ("POST", "PUT", "PATCH", "DELETE")
#: Not form endpoints: JSON only, authenticated by order token, store key or clock token.
JSON_ONLY = ("/api/", "/__clock")
#: Session keys that mean "logged in" (refshop.web.common keeps them).
LOGIN_KEYS = ("customer_sid", "agent_sid")

HEADERS = {
    # Scripts and styles only from the shop's own /static/: an injected <script> does not run.
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
        " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none';"
        " object-src 'none'"
    ),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    # Label and returns links carry tokens in their query: never hand them to another site.
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def csrf_token() -> str:
    """This browser session's CSRF token (made on first use); templates put it in every form."""
    token = session.get(SESSION_KEY)
    if not isinstance(token, str) or not token:
        token = secrets.token_urlsafe(32)
        session[SESSION_KEY] = token
    return token


def _shop() -> Shop:
    return current_app.extensions["refshop"]  # type: ignore[no-any-return]


def check_request() -> None:
    """Refuse a state-changing request that did not come from one of the shop's own pages."""
    if request.method not in UNSAFE:
        return
    json_only = request.path.startswith(JSON_ONLY)
    if json_only and request.mimetype != "application/json":
        raise ShopError("Stuur een JSON-object (Content-Type: application/json).", 415)
    if _shop().faults.active("no-csrf"):
        return  # Seam: the old shop trusted every form post (SameSite=Lax was all).
    if json_only and not any(key in session for key in LOGIN_KEYS):
        return  # token-authenticated or anonymous JSON: no cookie to ride on
    given = (request.headers.get(HEADER) if json_only else request.form.get(FIELD)) or ""
    expected = session.get(SESSION_KEY)
    if not isinstance(expected, str) or not expected or not hmac.compare_digest(given.encode(), expected.encode()):
        raise ShopError(
            "Dit formulier is verlopen of komt niet van onze site. Laad de pagina opnieuw en probeer het nog eens.",
            403,
        )


def add_headers(response: Response) -> Response:
    """The security headers on every answer; no caching of anything personal."""
    if _shop().faults.active("no-security-headers"):
        return response  # Seam: the old shop sent none of them.
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if not request.path.startswith("/static/"):
        response.headers["Cache-Control"] = "no-store"
    return response


def install(app: Flask) -> None:
    """Hook the checks into ``app``: before every request, after every answer, in every template."""
    app.before_request(check_request)
    app.after_request(add_headers)
    app.jinja_env.globals["csrf_token"] = csrf_token
