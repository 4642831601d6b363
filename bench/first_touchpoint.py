"""The first touchpoint of a fresh run against the same touchpoint later in the run.

Each round is a fresh process (so nothing Python, Playwright's driver or the
browser learnt in an earlier round helps): it starts a ``SystemSession``
(embedded reference shop, SMTP capture, no browser yet) and lets
``--journeys`` customers, one after the other, each open her own browser
context and visit the product page (``web.product``). The first customer
launches the browser. The time the ledger records for each visit is read
back; the baseline is the median of the later customers' visits, measured
in the same process right after the first.

Prints per round the first visit, the baseline and their ratio, and at the
end the median and spread (quartiles, worst) of the ratio over the rounds
(target: median at most 1.10), with the harness time the stopwatch left out
of the first journey (browser launch, the rehearsal, context, page,
screenshots). One round is one sample of the first visit: on a busy machine
its spread is wide, so run enough rounds (default 15) and read the median.

    python bench/first_touchpoint.py [--rounds 15] [--journeys 7]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = 1.10


def one_round(journeys: int) -> dict[str, object]:
    """In this process: each customer's recorded time at ``web.product``, and the first one's harness time."""
    from journeys.core.customer import Customer
    from journeys.journey.journey import Journey
    from journeys.journey.session import SystemSession

    times, harness = [], 0.0
    with tempfile.TemporaryDirectory() as reports:
        session = SystemSession("refshop", reports_dir=reports, systems_dir=ROOT / "journeys/maps")
        try:
            for index in range(journeys):
                journey = Journey(session, Customer.create(11, index=index, run_id="bench"), name="bench")
                journey.visit("web.product", sku="tablet-10")
                times.append(journey.ledger.visits[0].waited_seconds)
                if index == 0:
                    harness = journey.stopwatch.harness_seconds
                journey.close()
        finally:
            session.close()
    return {"times": times, "harness": harness}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--journeys", type=int, default=7, help="customers per round (the first and the baseline)")
    parser.add_argument("--one-round", action="store_true", help=argparse.SUPPRESS)  # a round's own process
    args = parser.parse_args()
    if args.one_round:
        print(json.dumps(one_round(args.journeys)))
        return
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    print(f"web.product, first customer of a fresh process against the later ones: {args.rounds} rounds")
    ratios, firsts, laters = [], [], []
    for round_ in range(args.rounds):
        done = subprocess.run(
            [sys.executable, __file__, "--one-round", "--journeys", str(args.journeys)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        result = json.loads(done.stdout.strip().splitlines()[-1])
        first, *later_times = result["times"]
        later = statistics.median(later_times)
        ratios.append(first / later)
        firsts.append(first)
        laters.append(later)
        print(
            f"  round {round_ + 1:2}: first {first * 1000:5.0f} ms, later (median of {len(later_times)})"
            f" {later * 1000:5.0f} ms, ratio {first / later:.2f};"
            f" harness time left out of the first journey {result['harness'] * 1000:5.0f} ms",
            flush=True,
        )
    low, mid, high = statistics.quantiles(ratios, n=4) if len(ratios) > 1 else (ratios[0],) * 3
    print(
        f"  first {statistics.median(firsts) * 1000:.0f} ms, later {statistics.median(laters) * 1000:.0f} ms (medians)"
    )
    print(
        f"  ratio first/later: median {mid:.2f}, quartiles {low:.2f}-{high:.2f},"
        f" best {min(ratios):.2f}, worst {max(ratios):.2f} (target: median <= {TARGET:.2f})"
    )


if __name__ == "__main__":
    main()
