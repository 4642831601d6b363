"""Population tests: `journeys simulate` runs in a process of its own (Locust patches with gevent)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from population_helpers import ROOT, Simulated, clean_env, simulate_args


@pytest.fixture
def simulate(tmp_path: Path):
    """Run ``journeys simulate ARGS`` from the project's root; returns exit code, output and the out folder."""

    def run(*args: str, timeout: float = 300, env: dict[str, str] | None = None) -> Simulated:
        out = tmp_path / f"simulation-{len(list(tmp_path.iterdir()))}"
        done = subprocess.run(
            simulate_args(out, *args),
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=timeout,
            env=clean_env(**(env or {})),
        )
        return Simulated(done.returncode, done.stdout + done.stderr, out)

    return run
