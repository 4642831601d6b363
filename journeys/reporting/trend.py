"""Each run's outcome per journey, kept between runs: what started, stopped or again fails, what is flaky.

Flaky is a journey whose outcome differs on the same code and the same system
(``versions``), or that passed only on a retry within one run. A journey that
failed, passed after a change and fails again is *failing again*: a
regression, not a flake. Of runs whose versions are not known (a population
run, a trend from before versions) only a journey that changed at least
twice is called flaky.

A SQLite file, ``reports/trend.sqlite`` by default; ``JOURNEYS_TREND_DB``
names another (a path or ``sqlite:///path``), for instance one on a CI cache
or a shared volume that every pipeline writes to. Recording a run twice (the
plugin, then ``journeys report``) replaces its rows: it is counted once.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import closing, contextmanager
from datetime import datetime
from pathlib import Path

from journeys.errors import ConfigError
from journeys.reporting.versions import RunVersion

__all__ = ["TrendStore", "trend_path"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    run_id   TEXT PRIMARY KEY,
    started  TEXT NOT NULL,         -- ISO; orders the runs
    code     TEXT NOT NULL DEFAULT '',  -- the code tested (versions.code_version)
    system   TEXT NOT NULL DEFAULT ''   -- the system tested: name, URL, faults
);
CREATE TABLE IF NOT EXISTS results (
    run_id   TEXT NOT NULL REFERENCES runs (run_id),
    journey  TEXT NOT NULL,
    outcome  TEXT NOT NULL,         -- passed, failed, interrupted, unknown
    PRIMARY KEY (run_id, journey)
);
"""
_COUNTED = ("passed", "failed")  # an interrupted journey says nothing about the system


def trend_path(run_folder: Path, url: str | None = None) -> Path:
    """Where the trend is kept: ``url`` (``--trend-db``, ``JOURNEYS_TREND_DB``), else ``trend.sqlite`` in the reports
    folder."""
    if url:
        if url.startswith("sqlite:///") and len(url) > len("sqlite:///"):
            return Path(url[len("sqlite:///") :])
        if "://" in url:
            raise ConfigError(
                f"{url!r} is not a SQLite URL: give a path or sqlite:///path/to/trend.sqlite (only SQLite is built in)",
                key="--trend-db (JOURNEYS_TREND_DB)",
            )
        return Path(url)
    reports = run_folder.parent.parent if run_folder.parent.name == "runs" else run_folder.parent
    return reports / "trend.sqlite"


class TrendStore:
    """The outcome of every journey in every recorded run.

    Args:
        path: the SQLite file (made, with its folder, when missing).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._connection() as db:
            db.executescript(_SCHEMA)
            columns = {row[1] for row in db.execute("PRAGMA table_info(runs)")}
            for column in ("code", "system"):  # a trend kept before runs had versions
                if column not in columns:
                    db.execute(f"ALTER TABLE runs ADD COLUMN {column} TEXT NOT NULL DEFAULT ''")

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        with closing(sqlite3.connect(self.path, timeout=30)) as db, db:
            yield db

    def record(
        self,
        run_id: str,
        outcomes: Mapping[str, str],
        started: datetime | None = None,
        version: RunVersion | None = None,
    ) -> None:
        """Keep ``outcomes`` (journey name -> outcome) as run ``run_id``'s (replacing an earlier record of it)."""
        moment = (started or _started(run_id)).isoformat()
        version = version or RunVersion()
        with self._connection() as db:
            db.execute(
                "INSERT INTO runs (run_id, started, code, system) VALUES (?, ?, ?, ?) ON CONFLICT (run_id)"
                " DO UPDATE SET code = excluded.code, system = excluded.system",
                (run_id, moment, version.code, version.system),
            )
            db.execute("DELETE FROM results WHERE run_id = ?", (run_id,))
            db.executemany(
                "INSERT INTO results (run_id, journey, outcome) VALUES (?, ?, ?)",
                [(run_id, name, outcome) for name, outcome in outcomes.items()],
            )

    def history(self, journey: str, run_id: str, window: int) -> list[str]:
        """The journey's passed/failed outcomes in the last ``window`` runs up to ``run_id``, oldest first."""
        return [outcome for outcome, _ in self._history(journey, run_id, window)]

    def _history(self, journey: str, run_id: str, window: int) -> list[tuple[str, tuple[str, str]]]:
        with self._connection() as db:
            rows = db.execute(
                "SELECT r.outcome, u.code, u.system FROM results r JOIN runs u ON u.run_id = r.run_id"
                " WHERE r.journey = ? AND r.outcome IN (?, ?)"
                " AND u.started <= (SELECT started FROM runs WHERE run_id = ?)"
                " ORDER BY u.started DESC, u.rowid DESC LIMIT ?",
                (journey, *_COUNTED, run_id, window),
            ).fetchall()
        return [(row[0], (row[1], row[2])) for row in reversed(rows)]

    def changes(
        self, run_id: str, journeys: Iterable[str], window: int = 5, retried: Iterable[str] = ()
    ) -> dict[str, str]:
        """Per journey that changed: ``started``, ``again`` or ``stopped`` failing, or ``flaky``.

        Flaky: it passed and failed on the same code and system within the last ``window`` runs, or
        passed only on a retry in this run (``retried``). Failing again: failed now, passed the run
        before, and failed before that (on other code or another system: a regression).
        """
        with self._connection() as db:
            now = dict(db.execute("SELECT journey, outcome FROM results WHERE run_id = ?", (run_id,)).fetchall())
        retried = set(retried)
        found = {}
        for journey in journeys:
            if now.get(journey) not in _COUNTED:
                continue  # not run to its end this time: nothing to compare with
            if journey in retried:
                found[journey] = "flaky"
                continue
            runs = self._history(journey, run_id, window)
            if len(runs) < 2:
                continue
            if _flaky(runs):
                found[journey] = "flaky"
            elif [o for o, _ in runs[-2:]] == ["passed", "failed"]:
                found[journey] = "again" if "failed" in (o for o, _ in runs[:-2]) else "started"
            elif [o for o, _ in runs[-2:]] == ["failed", "passed"]:
                found[journey] = "stopped"
        return found


def _flaky(runs: list[tuple[str, tuple[str, str]]]) -> bool:
    """Passed and failed on this run's code and system; of unknown versions: changed at least twice."""
    version = runs[-1][1]
    if version == ("", ""):
        outcomes = [outcome for outcome, _ in runs]
        return sum(1 for a, b in zip(outcomes, outcomes[1:], strict=False) if a != b) >= 2
    return len({outcome for outcome, same in runs if same == version}) > 1


def _started(run_id: str) -> datetime:
    """When a run started: its id says so (``20261130-151230-3f2a``), else now."""
    try:
        return datetime.strptime(run_id[:15], "%Y%m%d-%H%M%S")
    except ValueError:
        return datetime.now()
