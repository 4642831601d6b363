"""Wall time of the bundled suite on the clean shop: serial, and with -n 2 (pytest-xdist).

Prints each wall time, the mean per journey and the speed-up; the plain
baseline is the serial run in the same invocation.

    .venv/bin/python bench/suite_wall_time.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(workers: str | None) -> tuple[float, int, int]:
    with tempfile.TemporaryDirectory() as reports:
        args = [sys.executable, "-m", "journeys.cli", "run", "--reports-dir", reports, "--seed", "5"]
        args += ["-n", workers] if workers else []
        started = time.perf_counter()
        subprocess.run(args, cwd=ROOT, capture_output=True, text=True)
        took = time.perf_counter() - started
        cases = list(ET.parse(Path(reports) / "junit.xml").iter("testcase"))
        failed = sum(1 for c in cases if c.find("failure") is not None or c.find("error") is not None)
    return took, len(cases), failed


def main() -> None:
    serial, journeys, failed_serial = run(None)
    parallel, _, failed_parallel = run("2")
    print(f"bundled suite: {journeys} journeys (failed: serial {failed_serial}, -n 2 {failed_parallel})")
    print(f"  serial   {serial:6.1f} s   mean per journey {serial / journeys:5.2f} s")
    print(f"  -n 2     {parallel:6.1f} s   mean per journey {parallel / journeys:5.2f} s (wall / journeys)")
    print(f"  speed-up serial / -n 2: {serial / parallel:.2f}")


if __name__ == "__main__":
    main()
