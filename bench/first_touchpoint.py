"""The first touchpoint of a fresh run against the same touchpoint later in the run.

Each round starts a fresh ``SystemSession`` (embedded reference shop, SMTP
capture, no browser yet) and walks the order journey ``--journeys`` times;
the first journey launches the browser and opens the first browser context.
The recorded time of each journey's first touchpoint (``web.product``) is
read from its ledger. Prints per round the first journey's time, the median
of the later journeys' (the plain baseline, measured in the same run), their
ratio (target: within 10 %, so at most 1.10) and the harness time the
stopwatch left out of the first journey (browser launch, context, page,
screenshots), which before was charged to the shop.

    python bench/first_touchpoint.py [--rounds 5] [--journeys 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from journeys.customer import Customer  # noqa: E402
from journeys.journey import Journey  # noqa: E402
from journeys.session import SystemSession  # noqa: E402

TARGET = 1.10


def walk(session: SystemSession, index: int, run_id: str) -> tuple[str, float, float]:
    """One order journey: its first touchpoint, the time recorded for it, and the harness time left out."""
    journey = Journey(session, Customer.create(11, index=index, run_id=run_id), name="bench")
    journey.do("place order", sku="tablet-10")
    first = journey.ledger.visits[0]
    harness = journey.stopwatch.harness_seconds
    journey.close()
    return first.touchpoint, first.waited_seconds, harness


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--journeys", type=int, default=5)
    args = parser.parse_args()
    ratios: list[float] = []
    print(f"first touchpoint of a fresh run, {args.rounds} rounds of {args.journeys} journeys")
    for round_ in range(args.rounds):
        with tempfile.TemporaryDirectory() as reports:
            session = SystemSession("refshop", reports_dir=reports, systems_dir=ROOT / "journeys/systems")
            try:
                walks = [walk(session, i, f"r{round_}") for i in range(args.journeys)]
            finally:
                session.close()
        touchpoint, first, harness = walks[0]
        later = statistics.median(w[1] for w in walks[1:])
        ratios.append(first / later)
        print(
            f"  round {round_ + 1}: {touchpoint} first {first * 1000:6.0f} ms, later (median) {later * 1000:6.0f} ms,"
            f" ratio {first / later:.2f}; harness time left out of the first journey {harness * 1000:6.0f} ms"
        )
    print(
        f"  ratio first/later: median {statistics.median(ratios):.2f}, worst {max(ratios):.2f} (target <= {TARGET:.2f})"
    )


if __name__ == "__main__":
    main()
