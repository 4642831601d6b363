"""The customers-at-once limit a run finds (the ramp) against the old fixed 100, on the crowd-only privacy fault.

Two `journeys simulate` runs of the order journey against the embedded shop
with `order-number-twice` switched on, the same seed and crowd: one with
`--max-active 100` (the old default: the baseline), one with the defaults
(the ramp finds the number). Each prints the journeys by cause, the leaks
found, where the system bent and the wall time; the last line gives the
ratios (leaks found, journeys "too slow") of the ramp against the baseline.

    .venv/bin/python bench/crowd_ramp.py [--customers 40] [--rate 10]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def crowd(out: Path, customers: int, rate: float, *extra: str) -> dict:
    args = [sys.executable, "-m", "journeys.cli", "simulate", "features/order/web_order.feature"]
    args += ["--customers", str(customers), "--rate", str(rate), "--seed", "21", "--fault", "order-number-twice"]
    started = time.monotonic()
    subprocess.run([*args, *extra, "--out", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=1800)
    results = json.loads((out / "simulation.json").read_text(encoding="utf-8"))
    causes = {c["cause"]: c["journeys"] for c in results["causes"]["by_cause"]}
    slow = causes.get("too slow", 0)
    print(
        f"{' '.join(extra) or 'defaults':18} {time.monotonic() - started:6.1f} s  leaks {results['privacy']['leaks']:3}"
        f"  too slow {slow:3}  causes {causes}  load: {'; '.join(results['load']['said'])}"
    )
    return {"leaks": results["privacy"]["leaks"], "slow": slow}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=40)
    parser.add_argument("--rate", type=float, default=10.0)
    a = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        base = crowd(Path(folder) / "fixed", a.customers, a.rate, "--max-active", "100")
        ramp = crowd(Path(folder) / "ramp", a.customers, a.rate)
    print(
        f"ramp / fixed 100: leaks {ramp['leaks']}/{base['leaks']}, too slow {ramp['slow']}/{base['slow']}"
        f" (of {a.customers} customers)"
    )


if __name__ == "__main__":
    main()
