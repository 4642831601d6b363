"""SQLite storage: the schema, and one connection per request or process run.

Writes go through :meth:`Storage.write`, which serialises them with a
process-wide lock and an IMMEDIATE transaction, so a failed request leaves no
half-written order behind and concurrent requests never deadlock.
"""

from __future__ import annotations

import secrets
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS customers (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name TEXT NOT NULL,
    password_hash TEXT,
    street TEXT, postcode TEXT, city TEXT,
    birthdate TEXT,
    business INTEGER NOT NULL DEFAULT 0,
    segment TEXT NOT NULL DEFAULT 'family',
    phone TEXT,                        -- given (optionally) at checkout, for the carrier and the phone desk
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS orders (
    id INTEGER PRIMARY KEY,
    ref TEXT UNIQUE,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    channel TEXT NOT NULL,             -- web | store | agent
    store TEXT,
    fulfilment TEXT NOT NULL,          -- delivery | pickup
    status TEXT NOT NULL,              -- ordered | picked | shipped | delivered | ready_for_pickup
    warehouse_status TEXT NOT NULL,    -- what the warehouse system knows (stops at picked)
    subtotal TEXT NOT NULL, discount TEXT NOT NULL, total TEXT NOT NULL,
    name TEXT NOT NULL, email TEXT NOT NULL,
    street TEXT NOT NULL, postcode TEXT NOT NULL, city TEXT NOT NULL,
    placed_at TEXT NOT NULL,
    promised_date TEXT NOT NULL,       -- what the customer was told when ordering
    planned_date TEXT NOT NULL,        -- what fulfilment plans
    pickup_date TEXT,
    track_and_trace TEXT,
    shipped_at TEXT, delivered_at TEXT,
    cancelled_at TEXT,                 -- when she cancelled it in her account
    replaces TEXT,                     -- order ref this one replaces (agent replacement)
    access_token TEXT,                 -- the secret in the confirmation mail's link (app, guest returns)
    discount_code TEXT, code_discount TEXT  -- the code typed at checkout, and what it took off
);
CREATE TABLE IF NOT EXISTS order_lines (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES orders(id),
    sku TEXT NOT NULL, name TEXT NOT NULL, quantity INTEGER NOT NULL,
    unit_price TEXT NOT NULL, unit_discount TEXT NOT NULL, line_total TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS parcels (     -- an order of several articles ships one parcel per article
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES orders(id),
    number INTEGER NOT NULL,           -- 1, 2, ...: which of the order's parcels
    line_id INTEGER NOT NULL REFERENCES order_lines(id),
    status TEXT NOT NULL,              -- ordered | shipped | delivered
    delivery_date TEXT NOT NULL,       -- the carrier's date for it
    track_and_trace TEXT,
    shipped_at TEXT, delivered_at TEXT
);
CREATE TABLE IF NOT EXISTS returns (
    id INTEGER PRIMARY KEY,
    number TEXT UNIQUE,
    order_id INTEGER NOT NULL REFERENCES orders(id),
    line_id INTEGER NOT NULL REFERENCES order_lines(id),
    quote TEXT NOT NULL,
    status TEXT NOT NULL,              -- label_sent | received | refunded
    created_at TEXT NOT NULL, received_at TEXT, refund_due TEXT
);
CREATE TABLE IF NOT EXISTS refunds (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES orders(id),
    return_id INTEGER REFERENCES returns(id),
    amount TEXT NOT NULL,
    reason TEXT NOT NULL,
    refunded_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS cases (
    id INTEGER PRIMARY KEY,
    number TEXT UNIQUE,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    order_id INTEGER REFERENCES orders(id),
    kind TEXT NOT NULL,                -- complaint | question
    channel TEXT NOT NULL,
    status TEXT NOT NULL,              -- open | answered
    created_at TEXT NOT NULL, answer_due TEXT, answered_at TEXT, answer TEXT
);
CREATE TABLE IF NOT EXISTS chat_messages (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    sender TEXT NOT NULL,              -- customer | shop
    text TEXT NOT NULL,
    asks TEXT,                         -- what the shop asked for, e.g. order_number
    at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS contacts (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    order_id INTEGER REFERENCES orders(id),
    case_id INTEGER REFERENCES cases(id),
    channel TEXT NOT NULL,             -- web | email | chat | store | agent | phone | returns
    kind TEXT NOT NULL,
    summary TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS jobs (
    id INTEGER PRIMARY KEY,
    due_at TEXT NOT NULL,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,             -- order ref, return number, case number
    done_at TEXT
);
CREATE INDEX IF NOT EXISTS jobs_due ON jobs(done_at, due_at);
CREATE TABLE IF NOT EXISTS outbox (
    id INTEGER PRIMARY KEY,
    to_addr TEXT NOT NULL, subject TEXT NOT NULL, body TEXT NOT NULL,
    at TEXT NOT NULL, status TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS agents (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS logins (
    sid TEXT PRIMARY KEY,              -- the random id the session cookie carries
    kind TEXT NOT NULL,                -- customer | agent
    subject TEXT NOT NULL,             -- customer id or agent username
    started REAL NOT NULL,             -- wall-clock seconds: sessions age in real time, not shop time
    ended REAL                         -- set by logout: the cookie no longer opens anything
);
"""


class Storage:
    """The shop's SQLite database file.

    Args:
        path: the database file; created with the schema when new.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._write_lock = threading.RLock()
        with self.connect() as conn:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.executescript(SCHEMA)
            _migrate(conn)

    def connect(self) -> sqlite3.Connection:
        """A new connection (one per request or process run; never shared by threads)."""
        conn = sqlite3.connect(self.path, timeout=15, isolation_level=None)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys=ON")
        return conn

    @contextmanager
    def write(self, conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
        """One all-or-nothing write transaction on ``conn``."""
        with self._write_lock:
            if conn.in_transaction:  # nested: the outer transaction decides
                yield conn
                return
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")


def _migrate(conn: sqlite3.Connection) -> None:
    """Bring a database made by an older shop (``--db``) up to this schema."""
    columns = {row["name"] for row in conn.execute("PRAGMA table_info(orders)")}
    if "access_token" not in columns:
        conn.execute("ALTER TABLE orders ADD COLUMN access_token TEXT")
    if "phone" not in {row["name"] for row in conn.execute("PRAGMA table_info(customers)")}:
        conn.execute("ALTER TABLE customers ADD COLUMN phone TEXT")
    if "cancelled_at" not in columns:
        conn.execute("ALTER TABLE orders ADD COLUMN cancelled_at TEXT")
    for column in ("discount_code", "code_discount"):
        if column not in columns:
            conn.execute(f"ALTER TABLE orders ADD COLUMN {column} TEXT")
    # Orders from before the tokens get one now; their old mails never carried one anyway.
    for row in conn.execute("SELECT id FROM orders WHERE access_token IS NULL").fetchall():
        conn.execute("UPDATE orders SET access_token = ? WHERE id = ?", (secrets.token_urlsafe(16), row["id"]))
