"""Journeys written from the catalogue alone: how many lint accepts, how many of those run green on the
clean reference shop, and which faults of the shop a composed journey catches.

The writer is the composition test's Hypothesis state machine
(``tests/writers/composing.py``) with a large budget and new journeys each
run. On the clean shop every journey lint accepts must be green; under each
fault, the same number of journeys is walked and the share that failed is
printed, with the faults no composed journey caught. The ratio printed last is
the time per composed journey against a plain walk of the bundled order
journey, measured in the same run.

    .venv/bin/python bench/compose.py [--examples 300] [--faults 40] [FAULT ...]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, Phase, settings
from hypothesis.stateful import run_state_machine_as_test

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "writers")]

from composing import Outcomes, machine  # noqa: E402

from journeys.customer import Customer  # noqa: E402
from journeys.gherkin.catalogue import load_steps  # noqa: E402
from journeys.gherkin.feature import read_feature  # noqa: E402
from journeys.gherkin.runner import run_scenario  # noqa: E402
from journeys.journey import Journey  # noqa: E402
from journeys.session import SystemSession  # noqa: E402


def compose(fault: str | None, examples: int, folder: Path) -> tuple[Outcomes, float]:
    folder.mkdir(parents=True, exist_ok=True)
    session = SystemSession("refshop", reports_dir=folder / "reports", seed=11, faults=(fault,) if fault else ())
    outcomes = Outcomes()
    try:
        budget = settings(
            max_examples=examples,
            stateful_step_count=14,
            deadline=None,
            database=None,
            phases=(Phase.generate,),
            suppress_health_check=list(HealthCheck),
        )
        started = time.perf_counter()
        run_state_machine_as_test(machine(session, folder, outcomes, lambda text, result: None), settings=budget)
        took = time.perf_counter() - started
    finally:
        session.close()
    return outcomes, took


def plain_walk(folder: Path, rounds: int = 5) -> float:
    """Median seconds of the bundled order journey walked browserless: the baseline."""
    load_steps(ROOT)
    session = SystemSession("refshop", reports_dir=folder / "plain", seed=11)
    scenario = read_feature(ROOT / "features" / "order" / "web_order.feature")[0]
    times = []
    try:
        for index in range(rounds):
            journey = Journey(session, Customer.create(11, index=index, run_id="plain"), name=scenario.name)
            journey.browserless = True  # type: ignore[attr-defined]
            started = time.perf_counter()
            run_scenario(scenario, journey)
            times.append(time.perf_counter() - started)
            journey.close()
    finally:
        session.close()
    return statistics.median(times)


def known_faults() -> list[str]:
    out = subprocess.run([sys.executable, "-m", "refshop", "--list-faults"], capture_output=True, text=True)
    return [line.split()[0] for line in out.stdout.splitlines() if line.strip() and not line.startswith(" ")]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=300, help="composed journeys on the clean shop")
    parser.add_argument("--faults", type=int, default=40, help="composed journeys per fault (0: no faults)")
    parser.add_argument("fault", nargs="*", help="only these faults")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        baseline = plain_walk(folder)
        clean, took = compose(None, args.examples, folder / "clean")
        accepted = clean.green + len(clean.red)
        print(
            f"clean shop: {clean.written} composed, lint refused {clean.refused}, accepted {accepted}:"
            f" green {clean.green}, red {len(clean.red)}"
        )
        for text, error in clean.red:
            print(f"--- red on the clean shop:\n{text}{error}")
        per = took / max(clean.written, 1)
        print(f"per composed journey {per:.2f} s, the plain order journey {baseline:.2f} s: ratio {per / baseline:.2f}")
        missed = []
        for fault in (args.fault or known_faults()) if args.faults else []:
            found, _ = compose(fault, args.faults, folder / fault)
            caught = len(found.red)
            print(f"{fault:36} {caught:3} of {found.green + caught:3} accepted journeys failed")
            if not caught:
                missed.append(fault)
        if missed:
            print(f"caught by no composed journey: {', '.join(missed)}")
    return 1 if clean.red else 0


if __name__ == "__main__":
    raise SystemExit(main())
