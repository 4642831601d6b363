"""The promise store's file: where it is, and whether it is one (of this project).

One store per project: ``journeys run``, ``journeys promises`` and
``journeys simulate`` use ``<reports>/promises.sqlite`` unless
``JOURNEYS_PROMISE_STORE`` names another file (read once, where a command
starts). The file says what it is (a ``store_info`` table), so a file that
is not a promise store (a trend database, a text file) or one of another
project is refused with a message instead of being written into.
"""

from __future__ import annotations

import sqlite3
import tomllib
from pathlib import Path

from journeys.errors import ConfigError

__all__ = ["STORE_FILE", "check_store", "project_name", "store_location", "store_path"]

STORE_FILE = "promises.sqlite"
KIND = "journeys promise store"
FORMAT = 2
_COLUMNS = {  # added to a store of format 1 when it is opened
    "run_id": "TEXT NOT NULL DEFAULT ''",
    "map_source": "TEXT NOT NULL DEFAULT ''",
    "base_url": "TEXT NOT NULL DEFAULT ''",
    "subject": "TEXT NOT NULL DEFAULT ''",
    "contradiction": "TEXT NOT NULL DEFAULT ''",
    "problem": "TEXT NOT NULL DEFAULT ''",
    "settled_at": "TEXT",
    "settled_run": "TEXT NOT NULL DEFAULT ''",
    "language": "TEXT NOT NULL DEFAULT ''",  # the journey's (en, nl): its verdicts are worded in it
}
SCHEMA = """
CREATE TABLE IF NOT EXISTS store_info (key TEXT PRIMARY KEY, value TEXT NOT NULL);
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
_WHAT_TO_DO = (
    "point --promise-store (or JOURNEYS_PROMISE_STORE) at this project's promises.sqlite, or move the file aside"
)


def store_location(reports: str | Path, setting: str | None = None) -> str:
    """The project's store: ``setting`` (``JOURNEYS_PROMISE_STORE``) when given, else ``<reports>/promises.sqlite``.

    ``reports`` is the project's reports folder; a run folder (``reports/runs/<id>``) is taken back to it.
    """
    if setting:
        return setting
    folder = Path(reports)
    if folder.parent.name == "runs":
        folder = folder.parent.parent
    return str(folder / STORE_FILE)


def store_path(url: str | Path) -> Path:
    """The file of a store URL: a path, or ``sqlite:///relative`` / ``sqlite:////absolute``.

    Raises:
        ConfigError: a URL of another database than SQLite.
    """
    text = str(url)
    if "://" not in text:
        return Path(text)
    if text.startswith("sqlite:///") and len(text) > len("sqlite:///"):
        return Path(text[len("sqlite:///") :])
    scheme = text.split("://", 1)[0]
    raise ConfigError(
        f"'{scheme}' databases are not supported for promises: use a file path or"
        " sqlite:///path/to/promises.sqlite (only SQLite is built in)",
        key="promise_store",
    )


def project_name(folder: Path) -> str:
    """The project's name as its ``pyproject.toml`` gives it (``[project] name``), else ''."""
    for place in (folder, *folder.parents):
        config = place / "pyproject.toml"
        if config.is_file():
            try:
                data = tomllib.loads(config.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                return ""
            return str(data.get("project", {}).get("name", ""))
    return ""


def check_store(db: sqlite3.Connection, path: Path, project: str, *, new: bool = True) -> None:
    """Make ``db`` a promise store of ``project`` (a new file), or refuse a file that is not one.

    ``new``: the file may be made a store here (False: a command that only reads it).

    Raises:
        ConfigError: not SQLite, a database of something else, a store of another project, or
            (``new`` False) a file no journeys ever wrote a store into (empty).
    """
    try:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as exc:
        raise ConfigError(f"{path} is not a SQLite file ({exc}): {_WHAT_TO_DO}", key="promise_store") from None
    tables.discard("sqlite_sequence")
    if not tables and not new:
        raise ConfigError(
            f"{path} is empty: no run has stored a promise in it (a store always holds its tables): {_WHAT_TO_DO}",
            key="promise_store",
        )
    if "store_info" in tables:
        info = dict(db.execute("SELECT key, value FROM store_info").fetchall())
        if info.get("kind") != KIND:
            raise ConfigError(f"{path} is not a promise store: {_WHAT_TO_DO}", key="promise_store")
        if int(info.get("format", FORMAT)) > FORMAT:
            raise ConfigError(
                f"{path} was written by a newer journeys (format {info['format']}): upgrade journeys",
                key="promise_store",
            )
        theirs = info.get("project", "")
        if project and theirs and theirs != project:
            raise ConfigError(
                f"{path} keeps the promises of project '{theirs}', not of '{project}': {_WHAT_TO_DO}",
                key="promise_store",
            )
    elif tables - {"promises"}:
        raise ConfigError(
            f"{path} is not a promise store (it holds {', '.join(sorted(tables))}): {_WHAT_TO_DO}",
            key="promise_store",
        )
    _upgrade(db, project)


def _upgrade(db: sqlite3.Connection, project: str) -> None:
    """Create the tables, or add what a store of format 1 lacks."""
    db.executescript(SCHEMA)
    have = {row[1] for row in db.execute("PRAGMA table_info(promises)")}
    for column, declaration in _COLUMNS.items():
        if column not in have:
            db.execute(f"ALTER TABLE promises ADD COLUMN {column} {declaration}")
    db.execute("INSERT OR IGNORE INTO store_info (key, value) VALUES ('kind', ?)", (KIND,))
    db.execute("INSERT OR REPLACE INTO store_info (key, value) VALUES ('format', ?)", (str(FORMAT),))
    if project:
        db.execute("INSERT OR IGNORE INTO store_info (key, value) VALUES ('project', ?)", (project,))
