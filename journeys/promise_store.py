"""Promises not yet due, kept between runs for a system without a test clock.

A journey against staging sees "delivered tomorrow" today; only a run
tomorrow can check it. ``PromiseStore`` keeps such promises in a SQLite file
(one row each: system, journey id, customer, the promise and its check) and
hands back the ones that are due, to be checked and settled.

Only SQLite is built in: pass a file path or a ``sqlite:///relative/path``
(``sqlite:////absolute/path``) URL. Any other URL (``postgresql://...``) is
refused with a ``ConfigError``: a shared database server is one more thing
to run, and a SQLite file can live on the CI cache or a shared volume.
Several processes (xdist workers) may use one file: SQLite locks it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from journeys.errors import ConfigError
from journeys.records import Promise
from journeys.values import encode

_SCHEMA = """
CREATE TABLE IF NOT EXISTS promises (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    system        TEXT NOT NULL,
    journey_id    TEXT NOT NULL,
    customer      TEXT NOT NULL,      -- JSON: the customer's details (no password)
    promise       TEXT NOT NULL,      -- JSON: Promise.to_dict()
    check_params  TEXT NOT NULL,      -- JSON: touchpoint, fact, expect, params
    due_utc       TEXT NOT NULL,      -- ISO, UTC, for ordering and "due by now"
    status        TEXT NOT NULL DEFAULT 'pending',
    verdict       TEXT,
    saved_at      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS promises_due ON promises (status, due_utc);
"""
_STATUSES = ("pending", "kept", "broken")


@dataclass(frozen=True)
class StoredPromise:
    """One promise as the store keeps it."""

    id: int
    system: str
    journey_id: str
    customer: dict[str, Any]
    promise: Promise = field(compare=False)
    status: str
    verdict: str | None
    saved_at: datetime

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "system": self.system,
            "journey_id": self.journey_id,
            "customer": self.customer,
            "promise": self.promise.to_dict(),
            "status": self.status,
            "verdict": self.verdict,
            "saved_at": self.saved_at.isoformat(),
        }


class PromiseStore:
    """Promises kept in a SQLite file until they are due.

    Args:
        url: a file path or ``sqlite:///path``; the file and its folder are
            made when missing.

    Raises:
        ConfigError: a URL of another database than SQLite.
    """

    def __init__(self, url: str | Path = "reports/promises.sqlite") -> None:
        self.path = _path_of(str(url))
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connection() as db:
            db.executescript(_SCHEMA)

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        with closing(sqlite3.connect(self.path, timeout=30)) as db, db:
            db.row_factory = sqlite3.Row
            yield db

    def save(
        self,
        journey_id: str,
        promise: Promise,
        *,
        system: str = "",
        customer: Mapping[str, Any] | None = None,
    ) -> int:
        """Keep ``promise`` until it is due; returns its id in the store."""
        with self._connection() as db:
            cursor = db.execute(
                "INSERT INTO promises (system, journey_id, customer, promise, check_params,"
                " due_utc,"
                " status, verdict, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    system,
                    journey_id,
                    json.dumps(encode(dict(customer or {}))),
                    json.dumps(promise.to_dict()),
                    json.dumps(promise.check.to_dict()),
                    _utc(promise.due),
                    promise.status,
                    promise.verdict,
                    datetime.now(UTC).isoformat(),
                ),
            )
            return int(cursor.lastrowid or 0)

    def due(self, now: datetime, *, system: str | None = None) -> list[StoredPromise]:
        """The pending promises due by ``now`` (of ``system`` only, when given), earliest first."""
        query = "SELECT * FROM promises WHERE status = 'pending' AND due_utc <= ?"
        args: list[Any] = [_utc(now)]
        if system is not None:
            query += " AND system = ?"
            args.append(system)
        with self._connection() as db:
            return [_stored(row) for row in db.execute(query + " ORDER BY due_utc, id", args)]

    def settle(self, id: int, status: str, verdict: str | None) -> None:
        """Record that promise ``id`` was ``kept`` or ``broken``, and why.

        Raises:
            ValueError: another status.
            KeyError: no promise with that id.
        """
        if status not in ("kept", "broken"):
            raise ValueError(f"a promise is settled as 'kept' or 'broken', not {status!r}")
        with self._connection() as db:
            row = db.execute("SELECT promise FROM promises WHERE id = ?", (id,)).fetchone()
            if row is None:
                raise KeyError(f"no promise {id} in {self.path}")
            data = json.loads(row["promise"])
            data.update(status=status, verdict=verdict)
            db.execute(
                "UPDATE promises SET status = ?, verdict = ?, promise = ? WHERE id = ?",
                (status, verdict, json.dumps(data), id),
            )

    def report(self) -> dict[str, list[StoredPromise]]:
        """Every stored promise by status: ``{"pending": [..], "kept": [..], "broken": [..]}``."""
        found: dict[str, list[StoredPromise]] = {status: [] for status in _STATUSES}
        with self._connection() as db:
            for row in db.execute("SELECT * FROM promises ORDER BY due_utc, id"):
                found.setdefault(row["status"], []).append(_stored(row))
        return found


def _path_of(url: str) -> Path:
    if "://" not in url:
        return Path(url)
    if url.startswith("sqlite:///") and len(url) > len("sqlite:///"):
        return Path(url[len("sqlite:///") :])
    scheme = url.split("://", 1)[0]
    raise ConfigError(
        f"'{scheme}' databases are not supported for promises: use a file path or"
        " sqlite:///path/to/promises.sqlite (only SQLite is built in)",
        key="promise_store",
    )


def _utc(moment: datetime) -> str:
    # Naive times are taken as UTC: the store compares one clock with itself.
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.isoformat(timespec="seconds")


def _stored(row: sqlite3.Row) -> StoredPromise:
    from journeys.values import decode

    return StoredPromise(
        row["id"],
        row["system"],
        row["journey_id"],
        decode(json.loads(row["customer"])),
        Promise.from_dict(json.loads(row["promise"])),
        row["status"],
        row["verdict"],
        datetime.fromisoformat(row["saved_at"]),
    )
