"""What a dry run saves, and how even the shards are.

1. ``journeys run --dry-run`` over the bundled features against the baseline
   users had before it, ``journeys run --pytest-arg=--collect-only`` (which
   still starts the shop), each as a user runs it, in a subprocess; the ratio
   is printed.
2. The bundled suite split into N shards by the durations of one real run
   (each journey's testcase time in its junit.xml, ``--junit`` to give one),
   longest first to the least-loaded shard, against plain round-robin over the
   same durations: the longest shard's share of an ideal split (1.00 is
   perfect) for each.

    .venv/bin/python bench/dry_run_and_shards.py [--shards 4] [--junit reports/latest/junit.xml]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]

from journeys.reporting.ledgers import read_junit  # noqa: E402
from journeys.reporting.shards import split  # noqa: E402


def timed(*args: str) -> float:
    env = {k: v for k, v in os.environ.items() if not k.startswith("JOURNEYS_")}
    with tempfile.TemporaryDirectory() as reports:
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "journeys.cli", "run", "features", "--reports-dir", reports, *args],
            cwd=ROOT,
            capture_output=True,
            env=env,
            check=False,
        )
        return time.perf_counter() - started


def balance(durations: dict[str, float], shards: int) -> tuple[float, float]:
    """The longest shard against an ideal split: by durations, and round-robin."""
    names = sorted(durations)
    ideal = sum(durations.values()) / shards
    by_durations = split(names, shards, durations)
    round_robin = split(names, shards, {})
    worst = [max(sum(durations[n] for n in part) for part in parts) for parts in (by_durations, round_robin)]
    return worst[0] / ideal, worst[1] / ideal


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shards", type=int, default=4)
    parser.add_argument("--junit", type=Path, default=ROOT / "reports" / "latest" / "junit.xml")
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()

    dry = min(timed("--dry-run") for _ in range(options.repeat))
    collect = min(timed("--pytest-arg=--collect-only") for _ in range(options.repeat))
    print(f"dry run {dry:.2f} s, collect-only run {collect:.2f} s (best of {options.repeat})")
    print(f"ratio dry-run / collect-only: {dry / collect:.2f}")

    if options.junit.is_file():
        durations = {case.name: case.seconds for case in read_junit(options.junit) if case.seconds > 0}
        by_durations, round_robin = balance(durations, options.shards)
        print(
            f"{len(durations)} journeys in {options.shards} shards, longest shard against an ideal split:"
            f" by durations {by_durations:.2f}, round-robin {round_robin:.2f}"
        )
    else:
        print(f"{options.junit}: no junit.xml of a whole run; run `journeys run` first for the shard balance")


if __name__ == "__main__":
    main()
