"""Which scenarios catch which fault: the whole suite once on the clean shop, then once per fault.

Prints a matrix (fault -> failing scenarios) and the wall time of each run.
Slow on purpose (the whole suite, per fault); CI checks the declared mapping
in fixtures/fault_catalogue.yaml with tests/e2e/test_fault_catalogue.py instead.

    .venv/bin/python bench/fault_matrix.py [-n 2] [FAULT ...]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def known_faults() -> list[str]:
    out = subprocess.run([sys.executable, "-m", "refshop", "--list-faults"], capture_output=True, text=True)
    return [line.split()[0] for line in out.stdout.splitlines() if line.strip() and not line.startswith(" ")]


def run_suite(fault: str | None, workers: str | None) -> tuple[list[str], float]:
    with tempfile.TemporaryDirectory() as reports:
        args = [sys.executable, "-m", "journeys.cli", "run", "--reports-dir", reports, "--seed", "11"]
        if fault:
            args += ["--fault", fault]
        if workers:
            args += ["-n", workers]
        started = time.perf_counter()
        subprocess.run(args, cwd=ROOT, capture_output=True, text=True)
        took = time.perf_counter() - started
        tree = ET.parse(Path(reports) / "junit.xml")
        failed = [
            case.get("name", "")
            for case in tree.iter("testcase")
            if case.find("failure") is not None or case.find("error") is not None
        ]
    return failed, took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("faults", nargs="*")
    parser.add_argument("-n", dest="workers")
    options = parser.parse_args()
    clean, took = run_suite(None, options.workers)
    print(f"clean shop: {len(clean)} failing scenarios in {took:.1f} s {clean if clean else ''}")
    matrix = {}
    for fault in options.faults or known_faults():
        failed, took = run_suite(fault, options.workers)
        matrix[fault] = failed
        print(f"{fault:<24} {took:5.1f} s  caught by {len(failed)}: {', '.join(failed) or 'NOTHING'}")
    print(json.dumps(matrix, indent=1))


if __name__ == "__main__":
    main()
