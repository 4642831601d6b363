"""CPU of one pytest start as the e2e tests' `journeys run` children make it: without bytecode
(PYTHONDONTWRITEBYTECODE=1, as on the agents' machines), and with a bytecode cache of its own
(PYTHONPYCACHEPREFIX, what tests/conftest.py gives the processes the suite starts).

CPU seconds (user + sys of the child), not wall time: the machine is shared. The plain baseline is
the run without bytecode, measured in the same invocation; the cache is warmed by one run first.

    .venv/bin/python bench/child_start.py
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMMAND = [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"]
COMMAND += ["features/order/web_order.feature"]
RUNS = 3


def cpu_of(env: dict[str, str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(COMMAND, cwd=ROOT, env=env, capture_output=True, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    plain = {k: v for k, v in os.environ.items() if k != "PYTHONPYCACHEPREFIX"}
    plain["PYTHONDONTWRITEBYTECODE"] = "1"
    with tempfile.TemporaryDirectory() as cache:
        cached = {k: v for k, v in plain.items() if k != "PYTHONDONTWRITEBYTECODE"}
        cached["PYTHONPYCACHEPREFIX"] = cache
        cpu_of(cached)  # warm the cache
        without = statistics.median(cpu_of(plain) for _ in range(RUNS))
        with_cache = statistics.median(cpu_of(cached) for _ in range(RUNS))
    print(f"pytest start + collect of one feature, median CPU of {RUNS} runs")
    print(f"  without bytecode       {without:5.2f} s")
    print(f"  with a bytecode cache  {with_cache:5.2f} s")
    print(f"  ratio without / with: {without / with_cache:.2f}")


if __name__ == "__main__":
    main()
