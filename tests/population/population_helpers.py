"""Helpers of the population tests: `journeys simulate` in a process of its own (Locust patches with gevent)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
# The order journeys (English and Dutch), by file: other journeys come and go in features/ meanwhile.
ORDER = ("features/order/web_order.feature", "features/order/webbestelling.feature")
CLOCK_MOVERS = "features/delivery/next_day_promise.feature"


@dataclass
class Simulated:
    exit_code: int
    output: str
    out: Path

    @property
    def results(self) -> dict[str, Any]:
        return json.loads((self.out / "simulation.json").read_text(encoding="utf-8"))

    def ledgers(self) -> list[dict[str, Any]]:
        """Every customer's ledger, with the evidence files of her folder as ``files``."""
        found = []
        for path in sorted((self.out / "evidence").glob("*/ledger.json")):
            ledger = json.loads(path.read_text(encoding="utf-8"))
            ledger["files"] = sorted(p.name for p in path.parent.iterdir())
            found.append(ledger)
        return found


def clean_env(**extra: str) -> dict[str, str]:
    """This environment without a run's own variables (ids, ports, secrets of another shop), plus ``extra``."""
    kept = {k: v for k, v in os.environ.items() if not k.startswith(("JOURNEYS_", "PYTEST_XDIST", "REFSHOP_", "CI"))}
    return {**kept, **extra}


def simulate_args(out: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "journeys.cli", "simulate", *args, "--out", str(out)]


def start(args: list[str], env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """A `journeys` process from the project's root, its output (stdout and stderr) readable line by line."""
    return subprocess.Popen(
        args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env or clean_env()
    )


def read_until(process: subprocess.Popen[str], text: str, timeout: float = 120) -> list[str]:
    """The lines ``process`` printed up to and including the first that holds ``text``."""
    assert process.stdout is not None
    seen: list[str] = []
    deadline = time.monotonic() + timeout
    for line in process.stdout:
        seen.append(line)
        if text in line:
            return seen
        assert time.monotonic() < deadline, f"no '{text}' within {timeout} s:\n{''.join(seen)}"
    raise AssertionError(f"the process ended before printing '{text}':\n{''.join(seen)}")


def finish(process: subprocess.Popen[str], out: Path, before: list[str], timeout: float = 180) -> Simulated:
    rest, _ = process.communicate(timeout=timeout)
    return Simulated(process.returncode, "".join(before) + rest, out)
