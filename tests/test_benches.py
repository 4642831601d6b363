"""Every bench under bench/ still loads: its imports name modules that exist (a bench is run by hand, so
a rename in the package would otherwise break it unseen until someone measures)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOAD_EACH = """
import runpy, sys
for path in sys.argv[1:]:
    runpy.run_path(path, run_name="loaded_by_the_suite")  # its imports and definitions, not its main()
"""


def test_every_bench_loads():
    benches = sorted(str(path) for path in (ROOT / "bench").glob("*.py"))
    assert benches, "no bench found under bench/"
    done = subprocess.run(
        [sys.executable, "-c", LOAD_EACH, *benches], cwd=ROOT, capture_output=True, text=True, timeout=1800
    )
    assert done.returncode == 0, done.stderr[-3000:]
