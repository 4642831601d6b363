"""Logins kept on the server, so that logging out really ends them (OWASP ASVS 3.3.1).

Flask's session is a signed cookie: clearing it in the browser does not stop
a copy of the old cookie from working. So a login is a row here with a random
id, the cookie carries only that id, and every request checks the row. Logout
ends the row (unless ``session-survives-logout`` is on: then only the
browser's cookie is cleared, as before). Logins also end after
``MAX_AGE_SECONDS`` of wall-clock time; the shop clock is not used, since a
test moves it days ahead within one session.
"""

from __future__ import annotations

import secrets
import sqlite3
import time

from refshop.context import Ctx

MAX_AGE_SECONDS = 12 * 3600
KINDS = ("customer", "agent")


def start(ctx: Ctx, kind: str, subject: str | int) -> str:
    """A new login of ``kind`` for ``subject`` (customer id, agent name); returns its id.

    A fresh id at every login: a session id planted before the login never
    becomes a logged-in one (ASVS 3.2.1).
    """
    assert kind in KINDS, kind
    sid = secrets.token_urlsafe(32)
    with ctx.write() as conn:
        conn.execute(
            "INSERT INTO logins (sid, kind, subject, started) VALUES (?, ?, ?, ?)",
            (sid, kind, str(subject), time.time()),
        )
    return sid


def subject(ctx: Ctx, kind: str, sid: object) -> str | None:
    """Who the login ``sid`` of ``kind`` belongs to, or None when it is unknown, ended or too old."""
    if not isinstance(sid, str) or not sid:
        return None
    row: sqlite3.Row | None = ctx.db.execute(
        "SELECT subject FROM logins WHERE sid = ? AND kind = ? AND ended IS NULL AND started > ?",
        (sid, kind, time.time() - MAX_AGE_SECONDS),
    ).fetchone()
    return None if row is None else str(row["subject"])


def end(ctx: Ctx, sid: object) -> None:
    """Log out: the login ``sid`` opens nothing any more, whoever holds a copy of the cookie."""
    if ctx.active("session-survives-logout"):
        return  # Seam: the old shop only cleared the browser's cookie.
    if isinstance(sid, str) and sid:
        with ctx.write() as conn:
            conn.execute("UPDATE logins SET ended = ? WHERE sid = ? AND ended IS NULL", (time.time(), sid))
