"""Where a run's reports go: a folder of its own, and beyond it the trend, the URL CI publishes it at, Allure.

A run's id names its folder, ``<reports>/runs/<id>/``, with
``<reports>/latest`` pointing at the last one: the pytest run
(:mod:`journeys.plugin.runtime`) makes them, and so do ``journeys report
--merge``, ``journeys promises --verify`` and ``journeys simulate``, without
pytest. What reaches beyond the folder is made once where a command starts
(``journeys.run.settings``: ``--trend-db``, ``--report-url`` and the
variables ``JOURNEYS_ALLURE``, ``JOURNEYS_CACHE`` and the CI's commit) and
passed to the reports; no report reads the environment.
"""

from __future__ import annotations

import os
import secrets
import sys
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

__all__ = ["CI_COMMITS", "ReportSettings", "new_run_id", "point_latest"]

# Where CI systems name the commit they build (the first set is the run's code: reporting.versions).
CI_COMMITS = ("GITHUB_SHA", "CI_COMMIT_SHA", "BUILD_SOURCEVERSION", "GIT_COMMIT", "BITBUCKET_COMMIT")


@dataclass(frozen=True)
class ReportSettings:
    """Where the reports reach beyond the run folder.

    Args:
        trend_db: where the trend is kept (a path or ``sqlite:///path``); None: ``<reports>/trend.sqlite``.
        report_url: the URL the run folder is published at, without a trailing ``/``; "": none (no links).
        allure: the ``allure`` command to use; None: the one in ``allure_home`` (installed there when missing).
        allure_home: the folder Allure is installed in; "": the default for this Python.
        commit: the commit a CI job builds (``CI_COMMITS``); "": none said (git is asked).
    """

    trend_db: str | None = None
    report_url: str = ""
    allure: str | None = None
    allure_home: str = ""
    commit: str = ""

    @classmethod
    def build(cls, trend_db: str | None, report_url: str | None, environ: Mapping[str, str]) -> ReportSettings:
        """From the options (already read from their variables) and the variables no option stands for."""
        return cls(
            trend_db=trend_db or None,
            report_url=(report_url or "").rstrip("/"),
            allure=environ.get("JOURNEYS_ALLURE") or None,
            allure_home=str(_allure_home(environ)),
            commit=next((environ[name] for name in CI_COMMITS if environ.get(name)), ""),
        )

    @property
    def allure_folder(self) -> Path:
        return Path(self.allure_home) if self.allure_home else _allure_home({})

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ReportSettings:
        return cls(**data)


def _allure_home(environ: Mapping[str, str]) -> Path:
    """``JOURNEYS_CACHE/allure``, ``<venv>/allure``, or ``$XDG_CACHE_HOME/journeys/allure`` (``~/.cache``)."""
    moved = environ.get("JOURNEYS_CACHE")
    if moved:
        return Path(moved) / "allure"
    if sys.prefix != sys.base_prefix:  # a virtual environment: the project's own, removed with it
        return Path(sys.prefix) / "allure"
    cache = environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
    return Path(cache) / "journeys" / "allure"


def new_run_id() -> str:
    """``20261130-151230-3f2a``: sorts by time, unique among runs started in the same second."""
    return f"{datetime.now():%Y%m%d-%H%M%S}-{secrets.token_hex(2)}"


def point_latest(reports: Path, folder: Path) -> None:
    """``<reports>/latest`` -> this run's folder (replaced atomically; a copy where links fail)."""
    link = reports / "latest"
    temporary = reports / f".latest-{os.getpid()}"
    try:
        temporary.unlink(missing_ok=True)
        temporary.symlink_to(folder.relative_to(reports), target_is_directory=True)
        temporary.replace(link)
    except OSError:
        (reports / "latest.txt").write_text(str(folder) + "\n", encoding="utf-8")
