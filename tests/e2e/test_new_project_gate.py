"""A fresh `journeys init` project passes its own gate against the embedded reference shop.

The project is made and run as a user would, in a folder of its own outside the
repository: `journeys init`, then `journeys run --gate` (a real browser, the
shop's real HTTP and SMTP servers), and `journeys lint`, which must accept the
project's own tag.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e


def journeys(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JOURNEYS_", "REFSHOP_", "PYTEST_XDIST"))}
    return subprocess.run(
        [sys.executable, "-m", "journeys.cli", *args],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        timeout=1800,
    )


def test_a_new_project_passes_its_own_gate(tmp_path: Path):
    project = tmp_path / "shop-journeys"
    assert journeys(tmp_path, "init", str(project)).returncode == 0

    gate = journeys(project, "run", "--gate")

    output = gate.stdout + gate.stderr
    assert gate.returncode == 0, output
    assert "1 passed" in output and "deselected" in output  # the @gate journey ran, the other one did not
    run = project / "reports" / "latest"
    assert "gate passed" in (run / "summary.md").read_text(encoding="utf-8")
    junit = (run / "junit.xml").read_text(encoding="utf-8")
    assert 'name="A tablet ordered on the web is confirmed the same way everywhere"' in junit
    lint = journeys(project, "lint")
    assert lint.returncode == 0 and "no problems" in lint.stdout, lint.stdout + lint.stderr
