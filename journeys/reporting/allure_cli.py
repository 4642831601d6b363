"""Allure's HTML report: its history carried between runs, and the Allure 3 command line from npm.

History, as each Allure documents it:

- Allure 2 reads ``allure-results/history/`` (the previous report's
  ``allure-report/history`` copied in): ``carry_history`` does that copy at
  the end of every run.
- Allure 3 keeps history in one JSON Lines file named by ``historyPath`` in
  its configuration, read and appended on every ``allure generate``:
  ``generate`` points it at ``<reports>/allure-history.jsonl``, a path that
  stays the same from run to run.

The command line is Allure 3 from npm (the ``allure`` package), installed on
first use into a cache folder of its own (``~/.cache/journeys/allure``, or
``JOURNEYS_CACHE``), so a project needs no ``package.json``.
``JOURNEYS_ALLURE`` names an ``allure`` executable to use instead.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

__all__ = ["AllureUnavailable", "carry_history", "generate"]

ALLURE_PACKAGE = "allure@3"
HISTORY_FILE = "allure-history.jsonl"
REPORT_FOLDER = "allure-report"


class AllureUnavailable(RuntimeError):
    """The Allure command line cannot be found or installed; the message says what to install."""


def carry_history(folder: Path) -> Path | None:
    """Copy the previous run's ``allure-report/history`` into this run's ``allure-results/history``.

    Returns the folder written, or None when no earlier run has a generated report.
    """
    runs = sorted(p for p in folder.parent.iterdir() if p.is_dir() and p.name < folder.name)
    for previous in reversed(runs):
        history = previous / REPORT_FOLDER / "history"
        if history.is_dir():
            target = folder / "allure-results" / "history"
            shutil.copytree(history, target, dirs_exist_ok=True)
            return target
    return None


def generate(folder: Path, *, timeout: float = 600) -> Path:
    """Build ``<run folder>/allure-report`` from its ``allure-results`` with Allure 3.

    Raises:
        AllureUnavailable: no Node.js, or npm could not install Allure (the message says why).
        RuntimeError: Allure ran and failed (its output in the message).
    """
    results = folder / "allure-results"
    if not results.is_dir():
        raise RuntimeError(f"{results}: no Allure results in this run folder (was it run with `journeys run`?)")
    reports = folder.parent.parent if folder.parent.name == "runs" else folder.parent
    output = folder / REPORT_FOLDER
    config = folder / "allurerc.json"
    config.write_text(
        json.dumps(
            {"name": f"journeys {folder.name}", "output": str(output), "historyPath": str(reports / HISTORY_FILE)},
            indent=2,
        ),
        encoding="utf-8",
    )
    command = [allure_executable(), "generate", str(results), "--config", str(config), "--output", str(output)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=folder)
    if done.returncode != 0:
        raise RuntimeError(f"allure generate failed (exit {done.returncode}):\n{done.stdout}{done.stderr}".strip())
    return output


def allure_executable() -> str:
    """The ``allure`` command: ``JOURNEYS_ALLURE``, the cached install, or one installed now with npm."""
    given = os.environ.get("JOURNEYS_ALLURE")
    if given:
        return given
    cache = _cache()
    installed = cache / "node_modules" / ".bin" / "allure"
    if installed.exists():
        return str(installed)
    if shutil.which("node") is None or shutil.which("npm") is None:
        raise AllureUnavailable(
            "Node.js is not installed, and the Allure 3 command line runs on it: install Node.js 20 or newer"
            " (with npm), then run this again; the journey map and summary.md need no Node and were written."
        )
    cache.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["npm", "install", "--prefix", str(cache), "--no-audit", "--no-fund", "--loglevel=error", ALLURE_PACKAGE],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if done.returncode != 0 or not installed.exists():
        raise AllureUnavailable(f"npm could not install {ALLURE_PACKAGE} into {cache}:\n{done.stderr.strip()}")
    return str(installed)


def _cache() -> Path:
    root = os.environ.get("JOURNEYS_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "journeys"
    )
    return Path(root) / "allure"
