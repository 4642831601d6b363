"""``promises.json`` in a run folder: what the run stored, checked and left outstanding.

The summary and the journey map read the run folder only; this file is how
they learn about promises: "3 promises stored, next due Mon 7 Dec 23:59",
each promise a verify run checked (customer, order, fact, where made and
checked, due, verdict), and the broken and overdue ones still outstanding.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from journeys.core.promise_store import PromiseStore, StoredPromise
from journeys.reporting.promise_lines import DIGEST_FILE

__all__ = ["DIGEST_FILE", "Checked", "item", "write_digest", "write_run_digest"]


@dataclass
class Checked:
    """One promise as a verify run found it: kept, broken or unverifiable (still pending)."""

    stored: StoredPromise
    status: str  # kept, broken, unverifiable
    verdict: str
    checked_at: str  # the touchpoint looked at


@dataclass
class Digest:
    store: str
    stored: list[StoredPromise] = field(default_factory=list)
    checked: list[Checked] = field(default_factory=list)
    outstanding: list[StoredPromise] = field(default_factory=list)
    pending: list[StoredPromise] = field(default_factory=list)
    as_of: datetime | None = None


def item(stored: StoredPromise, status: str = "", verdict: str = "", checked_at: str = "") -> dict[str, Any]:
    """A promise as the reports name it."""
    p = stored.promise
    return {
        "id": stored.id,
        "system": stored.system,
        "journey": stored.journey_id,
        "customer": stored.who,
        "subject": stored.subject,
        "fact": p.fact,
        "promised": p.raw or "",
        "made_at": p.where.touchpoint,
        "made_location": p.where.location or "",
        "checked_at": checked_at or p.check.touchpoint,
        "due": p.due.isoformat(),
        "status": status or stored.status,
        "verdict": verdict or stored.verdict or stored.problem or "",
        "contradiction": stored.contradiction,
        "language": stored.language or "en",  # the verdict is in the words of the journey that made it
    }


def write_digest(folder: Path, digest: Digest) -> Path:
    """Write ``promises.json`` into ``folder``."""
    upcoming = sorted(digest.pending, key=lambda p: p.promise.due)
    data = {
        "version": 1,
        "store": digest.store,
        "as_of": digest.as_of.isoformat() if digest.as_of else None,
        "stored": [item(p) for p in digest.stored],
        "pending": len(digest.pending),
        "next_due": upcoming[0].promise.due.isoformat() if upcoming else None,
        "checked": [item(c.stored, c.status, c.verdict, c.checked_at) for c in digest.checked],
        "outstanding": [item(p) for p in digest.outstanding],
    }
    target = folder / DIGEST_FILE
    target.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    return target


def write_run_digest(folder: Path, store_url: str, run_id: str, *, project: str = "") -> Path | None:
    """After ``journeys run``: what it stored, and what is still outstanding; None without a store."""
    store = _existing(store_url, project)
    if store is None:
        return None
    now = datetime.now(UTC)
    digest = Digest(str(store.path), store.made_in(run_id), [], store.outstanding(now), store.pending())
    return write_digest(folder, digest)


def verify_digest(
    store: PromiseStore, checked: Sequence[Checked], as_of: datetime, *, outstanding: bool = True
) -> Digest:
    """After a verify run: each promise checked, and what the store still holds."""
    still = [p for p in store.outstanding(as_of) if p.id not in {c.stored.id for c in checked}] if outstanding else []
    return Digest(str(store.path), [], list(checked), still, store.pending(), as_of)


def _existing(store_url: str, project: str) -> PromiseStore | None:
    from journeys.core.promise_file import store_path

    if not store_path(store_url).is_file():
        return None
    return PromiseStore(store_url, create=False, project=project)
