"""Promises not yet due, kept between runs for a system without a test clock.

A journey against staging sees "delivered tomorrow" today; only a run
tomorrow can check it. ``PromiseStore`` keeps such promises in a SQLite file
(one row each: the system, where its map and address are, the journey, the
customer and her order, the promise and its check) and hands back the ones
that are due, to be checked and settled. One file per project
(``journeys.core.promise_file``): it can live on the CI cache between jobs.

Only SQLite is built in: pass a file path or a ``sqlite:///relative/path``
(``sqlite:////absolute/path``) URL. Any other URL (``postgresql://...``) is
refused with a ``ConfigError``: a shared database server is one more thing
to run. Several processes (xdist workers) may use one file: SQLite locks it.
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

from journeys.core.promise_file import check_store, store_path
from journeys.core.promise_records import Promise
from journeys.errors import ConfigError
from journeys.values import decode, encode

_STATUSES = ("pending", "kept", "broken")


@dataclass(frozen=True)
class StoredPromise:
    """One promise as the store keeps it, with what names it: customer, order, where it was made."""

    id: int
    system: str
    journey_id: str
    customer: dict[str, Any]
    promise: Promise = field(compare=False)
    status: str
    verdict: str | None
    saved_at: datetime
    run_id: str = ""  # the run that made it
    map_source: str = ""  # the map it was made with (a path or a name)
    base_url: str = ""  # the system's address then ('' for an embedded system)
    subject: str = ""  # "order 100234", "case C-12": what the customer would quote
    contradiction: str = ""  # what a later touchpoint said instead
    problem: str = ""  # why the last check could not be made (still pending)
    settled_at: datetime | None = None
    settled_run: str = ""
    language: str = ""  # the language of the journey that made it (en, nl): its verdicts are worded in it

    @property
    def who(self) -> str:
        """The customer by name (her key when nameless)."""
        return str(self.customer.get("name") or self.customer.get("key") or "a customer")

    def label(self) -> str:
        """``Anna de Vries, order 100234: delivery.date 8 Dec 2026``."""
        p = self.promise
        subject = f", {self.subject}" if self.subject else ""
        return f"{self.who}{subject}: {p.fact} {p.raw or '(unreadable)'}"

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
            "run_id": self.run_id,
            "map_source": self.map_source,
            "base_url": self.base_url,
            "subject": self.subject,
            "contradiction": self.contradiction,
            "problem": self.problem,
            "settled_at": self.settled_at.isoformat() if self.settled_at else None,
            "settled_run": self.settled_run,
            "language": self.language,
        }


@dataclass(frozen=True)
class Origin:
    """Where a promise was made: the run, the map and address it can be found again with, what it is about."""

    system: str = ""
    run_id: str = ""
    map_source: str = ""
    base_url: str = ""
    subject: str = ""
    contradiction: str = ""
    language: str = ""  # the journey's language: a later run words its verdicts in it


class PromiseStore:
    """Promises kept in a SQLite file until they are due.

    Args:
        url: a file path or ``sqlite:///path``; the file and its folder are made when missing.
        create: make the file when missing (False: a missing file is an error).
        project: this project's name; a store of another project is refused.

    Raises:
        ConfigError: a URL of another database than SQLite, a file that is not a promise
            store (or another project's), or (``create=False``) no file.
    """

    def __init__(self, url: str | Path = "reports/promises.sqlite", *, create: bool = True, project: str = "") -> None:
        self.path = store_path(url)
        if not self.path.exists():
            if not create:
                raise ConfigError(
                    f"no promise store at {self.path}: `journeys run` keeps promises not yet due in"
                    " <reports>/promises.sqlite; run from the project's folder, or set JOURNEYS_PROMISE_STORE",
                    key="promise_store",
                )
            self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.path.is_dir():
            raise ConfigError(f"{self.path} is a folder, not a promise store file", key="promise_store")
        with self._connection() as db:
            check_store(db, self.path, project, new=create)

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
        origin: Origin | None = None,
    ) -> int:
        """Keep ``promise`` until it is due; returns its id in the store.

        The same promise of the same journey in the same run is kept once (its id again).
        """
        origin = origin or Origin(system)
        system = system or origin.system
        with self._connection() as db:
            if origin.run_id:
                for row in db.execute(
                    "SELECT id, promise FROM promises WHERE run_id = ? AND journey_id = ? AND system = ?",
                    (origin.run_id, journey_id, system),
                ):
                    if json.loads(row["promise"]).get("id") == promise.id:
                        return int(row["id"])
            cursor = db.execute(
                "INSERT INTO promises (system, journey_id, customer, promise, check_params, due_utc, status,"
                " verdict, saved_at, run_id, map_source, base_url, subject, contradiction, language)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                    origin.run_id,
                    origin.map_source,
                    origin.base_url,
                    origin.subject,
                    origin.contradiction,
                    origin.language,
                ),
            )
            return int(cursor.lastrowid or 0)

    def due(self, now: datetime, *, system: str | None = None) -> list[StoredPromise]:
        """The pending promises due by ``now`` (of ``system`` only, when given), earliest first.

        A naive ``now`` is read in each promise's own time zone (the system's).
        """
        return [p for p in self.pending(system) if _reached(now, p.promise.due)]

    def pending(self, system: str | None = None) -> list[StoredPromise]:
        """Every pending promise (of ``system`` only, when given), earliest due first."""
        query, args = "SELECT * FROM promises WHERE status = 'pending'", []
        if system is not None:
            query += " AND system = ?"
            args.append(system)
        with self._connection() as db:
            return [_stored(row) for row in db.execute(query + " ORDER BY due_utc, id", args)]

    def systems(self) -> list[str]:
        """The systems the store holds promises of."""
        with self._connection() as db:
            return [row[0] for row in db.execute("SELECT DISTINCT system FROM promises ORDER BY system")]

    def made_in(self, run_id: str) -> list[StoredPromise]:
        """The promises run ``run_id`` stored."""
        with self._connection() as db:
            rows = db.execute("SELECT * FROM promises WHERE run_id = ? ORDER BY due_utc, id", (run_id,))
            return [_stored(row) for row in rows]

    def settle(self, id: int, status: str, verdict: str | None, *, run_id: str = "") -> None:
        """Record that promise ``id`` was ``kept`` or ``broken``, and why (by run ``run_id``).

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
                "UPDATE promises SET status = ?, verdict = ?, promise = ?, problem = '', settled_at = ?,"
                " settled_run = ? WHERE id = ?",
                (status, verdict, json.dumps(data), datetime.now(UTC).isoformat(), run_id, id),
            )

    def unverified(self, id: int, problem: str) -> None:
        """Promise ``id`` could not be checked (``problem`` says why): it stays pending for a later run."""
        with self._connection() as db:
            db.execute("UPDATE promises SET problem = ? WHERE id = ?", (problem, id))

    def report(self) -> dict[str, list[StoredPromise]]:
        """Every stored promise by status: ``{"pending": [..], "kept": [..], "broken": [..]}``."""
        found: dict[str, list[StoredPromise]] = {status: [] for status in _STATUSES}
        with self._connection() as db:
            for row in db.execute("SELECT * FROM promises ORDER BY due_utc, id"):
                found.setdefault(row["status"], []).append(_stored(row))
        return found

    def outstanding(self, now: datetime) -> list[StoredPromise]:
        """What a run's summary should name: the promises the last check found broken, and those overdue."""
        report = self.report()
        runs = [p.settled_run for p in report["broken"] + report["kept"] if p.settled_run]
        last = max(runs, default="")
        broken = [p for p in report["broken"] if last and p.settled_run == last]
        return broken + [p for p in report["pending"] if _reached(now, p.promise.due)]


def _utc(moment: datetime) -> str:
    # Naive times are taken as UTC: the store compares one clock with itself.
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.isoformat(timespec="seconds")


def _reached(now: datetime, due: datetime) -> bool:
    if (now.tzinfo is None) != (due.tzinfo is None):
        now = now.replace(tzinfo=due.tzinfo)
    return now >= due


def _stored(row: sqlite3.Row) -> StoredPromise:
    settled = row["settled_at"]
    return StoredPromise(
        row["id"],
        row["system"],
        row["journey_id"],
        decode(json.loads(row["customer"])),
        Promise.from_dict(json.loads(row["promise"])),
        row["status"],
        row["verdict"],
        datetime.fromisoformat(row["saved_at"]),
        row["run_id"],
        row["map_source"],
        row["base_url"],
        row["subject"],
        row["contradiction"],
        row["problem"],
        datetime.fromisoformat(settled) if settled else None,
        row["settled_run"],
        row["language"],
    )
