"""How long each journey took, kept beside the trend: what ``--shard`` balances by.

A table of its own in the trend's SQLite file (``reports/trend.sqlite``, or
``JOURNEYS_TREND_DB``), so the file a CI cache carries between runs holds
both, and the trend's own tables stay as they are. Recording a run twice
replaces its rows, as the trend does. A journey's duration is the mean of its
last few recorded ones: one slow run does not move it to another shard.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import closing, contextmanager
from pathlib import Path

from journeys.errors import ConfigError
from journeys.reporting.trend import trend_path

__all__ = ["DurationStore", "remembered"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS durations (
    run_id   TEXT NOT NULL,
    journey  TEXT NOT NULL,
    seconds  REAL NOT NULL,
    PRIMARY KEY (run_id, journey)
);
"""
_REMEMBERED = 5  # runs a journey's duration is the mean of


class DurationStore:
    """Seconds per journey per run.

    Args:
        path: the SQLite file (the trend's); made, with its folder, when recording.
    """

    def __init__(self, path: Path) -> None:
        self.path = path

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        with closing(sqlite3.connect(self.path, timeout=30)) as db, db:
            db.executescript(_SCHEMA)
            yield db

    def record(self, run_id: str, seconds: Mapping[str, float]) -> None:
        """Keep how long each journey of run ``run_id`` took (replacing an earlier record of the run)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connection() as db:
            db.execute("DELETE FROM durations WHERE run_id = ?", (run_id,))
            db.executemany(
                "INSERT INTO durations (run_id, journey, seconds) VALUES (?, ?, ?)",
                [(run_id, name, float(s)) for name, s in seconds.items() if s > 0],
            )

    def typical(self) -> dict[str, float]:
        """Each journey's mean duration over its last recorded runs (none recorded: empty)."""
        if not self.path.is_file():
            return {}
        with self._connection() as db:
            # Run ids start with their start time (``20261130-151230-3f2a``): newest first.
            rows = db.execute("SELECT journey, seconds FROM durations ORDER BY run_id DESC").fetchall()
        recent: dict[str, list[float]] = {}
        for journey, seconds in rows:
            kept = recent.setdefault(journey, [])
            if len(kept) < _REMEMBERED:
                kept.append(seconds)
        return {journey: sum(kept) / len(kept) for journey, kept in recent.items()}


def remembered(reports_dir: Path, trend_db: str | None = None) -> dict[str, float]:
    """The durations the trend of ``reports_dir`` (or ``trend_db``: ``--trend-db``) remembers; none when unreadable.

    A trend that cannot be read is said by the run's reports; every shard then splits round-robin alike.
    """
    try:
        return DurationStore(trend_path(reports_dir / "runs" / "any", trend_db)).typical()
    except (ConfigError, OSError, sqlite3.Error):
        return {}
