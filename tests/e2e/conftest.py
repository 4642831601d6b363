"""End-to-end helpers: run the journey suite as a user would, in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class SuiteRun:
    exit_code: int
    output: str
    reports: Path  # the run's own folder (reports/runs/<id>)


@pytest.fixture
def run_journeys(tmp_path: Path):
    """Run ``journeys run`` on some feature paths; returns exit code, output and reports dir."""

    def run(
        *paths: str,
        faults: tuple[str, ...] = (),
        extra: tuple[str, ...] = (),
        options: tuple[str, ...] = (),
        env: dict[str, str] | None = None,
        timeout: float = 1800,  # a hang guard, not a measure: a loaded machine runs the suite slowly
    ) -> SuiteRun:
        reports = tmp_path / f"reports-{len(list(tmp_path.iterdir()))}"
        args = [
            sys.executable,
            "-m",
            "journeys.cli",
            "run",
            *[str(ROOT / p) for p in paths],
            "--reports-dir",
            str(reports),
            "--seed",
            "7",
        ]
        args += [a for f in faults for a in ("--fault", f)]
        args += options  # journeys run's own (--gate), not pytest's
        args += [a for e in extra for a in ("--pytest-arg", e)]
        clean = {k: v for k, v in os.environ.items() if not k.startswith(("JOURNEYS_", "PYTEST_XDIST", "REFSHOP_"))}
        done = subprocess.run(
            args, cwd=ROOT, capture_output=True, text=True, timeout=timeout, env={**clean, **(env or {})}
        )
        # Each run writes to reports/runs/<id>/; reports/latest points at it.
        latest = reports / "latest"
        return SuiteRun(done.returncode, done.stdout + done.stderr, latest.resolve() if latest.exists() else reports)

    return run
