"""Processes on the shop clock: picking, shipping, delivery, refunds, answers.

A process is a job row (kind, subject, due time). When the clock moves, every
job due by the new time runs, one at a time, in time order; a job may schedule
further jobs, which run in the same sweep when they are due too.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime

from refshop.clock import from_utc_key, utc_key
from refshop.context import Ctx, Shop

Handler = Callable[[Ctx, str], None]
_HANDLERS: dict[str, Handler] = {}
_RUN_LOCK = threading.Lock()


def process(kind: str) -> Callable[[Handler], Handler]:
    """Register the function that runs jobs of ``kind`` (called with ctx and subject)."""

    def register(fn: Handler) -> Handler:
        _HANDLERS[kind] = fn
        return fn

    return register


def schedule(ctx: Ctx, kind: str, subject: str, due: datetime) -> None:
    """Run process ``kind`` for ``subject`` (an order ref, return or case number) at ``due``."""
    if kind not in _HANDLERS:
        raise KeyError(f"no process '{kind}' is registered; known: {sorted(_HANDLERS)}")
    ctx.db.execute("INSERT INTO jobs (due_at, kind, subject) VALUES (?, ?, ?)", (utc_key(due), kind, subject))


def run_due(shop: Shop, until: datetime) -> list[str]:
    """Run every job due by ``until`` in time order; returns ``kind:subject`` per job run."""
    ran: list[str] = []
    with _RUN_LOCK:
        conn = shop.storage.connect()
        try:
            while True:
                row = conn.execute(
                    "SELECT id, due_at, kind, subject FROM jobs WHERE done_at IS NULL"
                    " AND due_at <= ? ORDER BY due_at, id LIMIT 1",
                    (utc_key(until),),
                ).fetchone()
                if row is None:
                    return ran
                ctx = Ctx(shop, conn, from_utc_key(row["due_at"]))
                with ctx.write():
                    _HANDLERS[row["kind"]](ctx, row["subject"])
                    conn.execute("UPDATE jobs SET done_at = ? WHERE id = ?", (row["due_at"], row["id"]))
                ran.append(f"{row['kind']}:{row['subject']}")
        finally:
            conn.close()


def pending(ctx: Ctx, subject: str) -> list[tuple[str, datetime]]:
    """The jobs still to run for ``subject``: (kind, due) in time order."""
    rows = ctx.db.execute(
        "SELECT kind, due_at FROM jobs WHERE done_at IS NULL AND subject = ? ORDER BY due_at, id",
        (subject,),
    ).fetchall()
    return [(r["kind"], from_utc_key(r["due_at"])) for r in rows]
