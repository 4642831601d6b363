"""End-to-end helpers: run the journey suite as a user would, in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class SuiteRun:
    exit_code: int
    output: str
    reports: Path  # the run's own folder (reports/runs/<id>)


def journeys_run(
    folder: Path,
    *paths: str,
    faults: tuple[str, ...] = (),
    extra: tuple[str, ...] = (),
    options: tuple[str, ...] = (),
    env: dict[str, str] | None = None,
    timeout: float = 1800,  # a hang guard, not a measure: a loaded machine runs the suite slowly
) -> SuiteRun:
    """``journeys run`` on some feature paths, as a user types it, its reports in a new folder under ``folder``:
    ``faults`` for the embedded shop, ``options`` journeys run's own (--gate), ``extra`` pytest's."""
    reports = folder / f"reports-{len(list(folder.iterdir()))}"
    args = [sys.executable, "-m", "journeys.cli", "run", *[str(ROOT / p) for p in paths]]
    args += ["--reports-dir", str(reports), "--seed", "7"]
    args += [a for f in faults for a in ("--fault", f)]
    args += options
    args += [a for e in extra for a in ("--pytest-arg", e)]
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("JOURNEYS_", "PYTEST_XDIST", "REFSHOP_"))}
    done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=timeout, env={**clean, **(env or {})})
    # Each run writes to reports/runs/<id>/; reports/latest points at it.
    latest = reports / "latest"
    return SuiteRun(done.returncode, done.stdout + done.stderr, latest.resolve() if latest.exists() else reports)


@pytest.fixture
def run_journeys(tmp_path: Path) -> Callable[..., SuiteRun]:
    """Run ``journeys run`` on some feature paths (``journeys_run``); returns exit code, output and reports dir."""
    return partial(journeys_run, tmp_path)


@pytest.fixture(scope="module")
def shared_run(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., SuiteRun]:
    """``run_journeys`` for the tests of a module that only read what a run left: the same arguments run
    once per module, and each test reads that run's output and reports."""
    folder = tmp_path_factory.mktemp("shared-runs")
    done: dict[str, SuiteRun] = {}

    def run(*paths: str, **given: Any) -> SuiteRun:
        key = repr((paths, sorted(given.items())))
        if key not in done:
            done[key] = journeys_run(folder, *paths, **given)
        return done[key]

    return run
