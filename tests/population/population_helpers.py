"""Helpers of the population tests: `journeys simulate` in a process of its own (Locust patches with gevent)."""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Simulated:
    exit_code: int
    output: str
    out: Path

    @property
    def results(self) -> dict[str, Any]:
        return json.loads((self.out / "simulation.json").read_text(encoding="utf-8"))


def clean_env() -> dict[str, str]:
    """This environment without a run's own variables (ids, ports, secrets of another shop)."""
    return {k: v for k, v in os.environ.items() if not k.startswith(("JOURNEYS_", "PYTEST_XDIST", "REFSHOP_"))}


def simulate_args(out: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "journeys.cli", "simulate", *args, "--out", str(out)]
