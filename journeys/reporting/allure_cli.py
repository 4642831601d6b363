"""Allure's HTML report: its history carried between runs, and the Allure 3 command line from npm.

History, as each Allure documents it:

- Allure 2 reads ``allure-results/history/`` (the previous report's
  ``allure-report/history`` copied in): ``carry_history`` does that copy at
  the end of every run.
- Allure 3 keeps history in one JSON Lines file named by ``historyPath`` in
  its configuration, read and appended on every ``allure generate``:
  ``generate`` keeps it in ``<reports>/allure-history.jsonl``, a path that
  stays the same from run to run, and lets Allure read a copy in which a
  regression across a change is no flake (``allure_history``).

The command line is Allure 3 from npm (the ``allure`` package, pinned to
``ALLURE_VERSION``), in a folder of its own (``ReportSettings.allure_folder``:
``allure/`` inside the virtual environment that runs journeys, else
``~/.cache/journeys/allure``; ``JOURNEYS_CACHE`` moves it), so a project needs
no ``package.json``. ``scripts/bootstrap`` installs it where npm is present
(``python -m journeys.reporting.allure_cli install``); ``journeys report
--allure`` installs it on first use otherwise. ``JOURNEYS_ALLURE`` names an
``allure`` executable to use instead.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from journeys.errors import JourneysError
from journeys.reporting.allure_config import allure3_categories
from journeys.reporting.allure_history import history_for_allure, keep_new_points
from journeys.reporting.report_settings import ReportSettings

__all__ = [
    "ALLURE_VERSION",
    "AllureUnavailable",
    "allure_executable",
    "carry_history",
    "generate",
    "install",
    "unreadable_results",
]

# The one place that names the version: bootstrap and `journeys report --allure` both install this one.
ALLURE_VERSION = "3.18.0"
ALLURE_PACKAGE = f"allure@{ALLURE_VERSION}"
HISTORY_FILE = "allure-history.jsonl"
REPORT_FOLDER = "allure-report"


class AllureUnavailable(JourneysError, RuntimeError):
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


def generate(folder: Path, *, report: ReportSettings | None = None, timeout: float = 600, language: str = "en") -> Path:
    """Build ``<run folder>/allure-report`` from its ``allure-results`` with Allure 3.

    Its configuration names journeys' categories (``allure_config``) in ``language``.

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
    kept, copy = reports / HISTORY_FILE, folder / HISTORY_FILE  # a regression is no flake to Allure either
    name = f"journeys {folder.name}"  # also the name of the run's point in the history
    start = history_for_allure(results, kept, copy, name)
    shutil.rmtree(output, ignore_errors=True)  # Allure reads an earlier report there as history of its own
    config.write_text(
        json.dumps(
            {
                "name": name,
                "output": str(output),
                "historyPath": str(copy),
                "categories": allure3_categories(language),
            },
            indent=2,
        ),
        encoding="utf-8",
    )
    allure = allure_executable(report or ReportSettings())
    command = [allure, "generate", str(results), "--config", str(config), "--output", str(output)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=folder)
    finally:
        keep_new_points(copy, kept, start)
    if done.returncode != 0:
        raise RuntimeError(f"allure generate failed (exit {done.returncode}):\n{done.stdout}{done.stderr}".strip())
    return output


def unreadable_results(results: Path) -> list[str]:
    """The result files in ``results`` that Allure would leave out without a word: each named, with why."""
    found = []
    for path in sorted(results.glob("*-result.json")) + sorted(results.glob("*-container.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            why = None if isinstance(data, dict) else f"a JSON {type(data).__name__}"
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            why = str(exc)
        if why:
            found.append(f"{path}: not a readable Allure result ({why}); the Allure report leaves it out")
    return found


def allure_executable(report: ReportSettings) -> str:
    """The ``allure`` command: ``JOURNEYS_ALLURE``, the one in its install folder, or one installed there now."""
    if report.allure:
        return report.allure
    found = _executable(report.allure_folder)
    return str(found) if found.exists() else str(install(report.allure_folder))


def installed_version(folder: Path) -> str | None:
    """The version of Allure installed in ``folder``, or None."""
    manifest = folder / "node_modules" / "allure" / "package.json"
    try:
        version = json.loads(manifest.read_text(encoding="utf-8")).get("version")
    except (OSError, ValueError, AttributeError):
        return None
    return str(version) if version and _executable(folder).exists() else None


def install(folder: Path, *, timeout: float = 600) -> Path:
    """Install ``ALLURE_PACKAGE`` with npm into ``folder``; returns the executable.

    Raises:
        AllureUnavailable: no Node.js or npm, or npm failed (the message says why and what to do).
    """
    if shutil.which("node") is None or shutil.which("npm") is None:
        raise AllureUnavailable(
            "Node.js is not installed, and the Allure 3 command line runs on it: install Node.js 20 or newer"
            " (with npm), then run this again; the journey map and summary.md need no Node and were written."
        )
    folder.mkdir(parents=True, exist_ok=True)
    command = ["npm", "install", "--prefix", str(folder), "--save-exact", "--no-audit", "--no-fund"]
    try:
        done = subprocess.run(
            [*command, "--loglevel=error", ALLURE_PACKAGE], capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        raise AllureUnavailable(f"npm did not install {ALLURE_PACKAGE} into {folder} within {timeout:.0f} s") from None
    if done.returncode != 0 or installed_version(folder) is None:
        raise AllureUnavailable(f"npm could not install {ALLURE_PACKAGE} into {folder}:\n{done.stderr.strip()}")
    return _executable(folder)


def _executable(folder: Path) -> Path:
    return folder / "node_modules" / ".bin" / "allure"


def main(argv: list[str], folder: Path) -> int:
    """``python -m journeys.reporting.allure_cli install``: the pinned Allure, once; one line says what happened.

    Exit status 0 when it is installed or npm is absent (nothing to do here), 1 when npm failed.
    """
    if argv != ["install"]:
        print("usage: python -m journeys.reporting.allure_cli install", file=sys.stderr)
        return 2
    have = installed_version(folder)
    if have == ALLURE_VERSION:
        print(f"allure {have} found in {folder}")
        return 0
    if shutil.which("npm") is None:
        print("no npm here: Allure's command line not installed (only `journeys report --allure` needs it)")
        return 0
    try:
        install(folder)
    except AllureUnavailable as exc:
        print(f"{exc}\n(`journeys report --allure` tries again; the journey map and summary need no Allure)")
        return 1
    print(f"allure {ALLURE_VERSION} installed into {folder}" + (f" (was {have})" if have else ""))
    return 0


if __name__ == "__main__":  # the command's edge: JOURNEYS_CACHE read here, once
    sys.exit(main(sys.argv[1:], ReportSettings.build(None, None, os.environ).allure_folder))
