"""Journeys written from the catalogue alone: how many lint accepts, how many of those run green on the
clean reference shop, and which faults of the shop a composed journey catches.

The writer is the composition test's Hypothesis state machine
(``tests/writers/composing.py``) with a large budget and new journeys each
run: on the clean shop every journey lint accepts must be green. Then, for each
fault, a writer who aims (``tests/writers/aiming.py``) composes journeys after
the touchpoints the fault shows at, in English and Dutch: every one must be
green on the clean shop, and some must fail under the fault, naming one of its
touchpoints. The ratio printed is the time per composed journey against a
plain walk of the bundled order journey, measured in the same run.

    .venv/bin/python bench/compose.py [--examples 300] [--aimed 4] [FAULT ...]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, Phase, settings
from hypothesis.stateful import run_state_machine_as_test

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "writers")]

from aiming import catches, names_a_place, walk, write_aimed, writer  # noqa: E402
from composing import Outcomes, machine  # noqa: E402

from journeys.core.customer import Customer  # noqa: E402
from journeys.journey.journey import Journey  # noqa: E402
from journeys.journey.runner import run_scenario  # noqa: E402
from journeys.journey.session import SystemSession  # noqa: E402
from journeys.vocabulary.catalogue import load_steps  # noqa: E402
from journeys.vocabulary.feature import read_feature  # noqa: E402
from refshop.faults import CATALOGUE  # noqa: E402


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


def aimed_journeys(faults: list[str], per_fault: int, folder: Path) -> dict[str, list[Path]]:
    """``per_fault`` journeys after each fault's touchpoints, half of them in Dutch, that lint accepts."""
    composer, story = writer()
    found: dict[str, list[Path]] = {}
    folder.mkdir(parents=True, exist_ok=True)
    for fault in faults:
        for seed in range(per_fault):
            path = write_aimed(composer, story, fault, seed, folder, timed=True)
            if path is None:
                print(f"lint refused an aimed journey (a gap in the writer, not the shop): {fault}-{seed}.feature")
                continue
            found.setdefault(fault, []).append(path)
    return found


def crowd_only() -> set[str]:
    """Faults only a crowd shows (``crowd:`` in tests/e2e/fault_catches.yaml): no single walk can catch them."""
    return {name for name, entry in catches().items() if "crowd" in entry}


def walk_all(paths: list[Path], fault: str | None, folder: Path) -> list[tuple[Path, str | None]]:
    """Each journey walked browserless on the shop (with ``fault``): its path and what stopped it, if anything."""
    session = SystemSession("refshop", reports_dir=folder / "reports", seed=11, faults=(fault,) if fault else ())
    try:
        return [(path, walk(session, path, index)) for index, path in enumerate(paths)]
    finally:
        session.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=300, help="composed journeys on the clean shop")
    parser.add_argument("--aimed", type=int, default=4, help="aimed journeys per fault (0: no faults)")
    parser.add_argument("fault", nargs="*", help="only these faults")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        baseline = plain_walk(folder)
        clean, took = compose(None, args.examples, folder / "clean") if args.examples else (Outcomes(), 0.0)
        accepted = clean.green + len(clean.red)
        print(
            f"clean shop: {clean.written} composed, lint refused {clean.refused}, accepted {accepted}:"
            f" green {clean.green}, red {len(clean.red)}"
        )
        for text, error in clean.red:
            print(f"--- red on the clean shop:\n{text}{error}")
        per = took / max(clean.written, 1)
        print(f"per composed journey {per:.2f} s, the plain order journey {baseline:.2f} s: ratio {per / baseline:.2f}")
        if not args.aimed:
            return 1 if clean.red else 0
        faults = args.fault or [f.name for f in CATALOGUE if f.name not in crowd_only()]
        journeys = aimed_journeys(faults, args.aimed, folder / "aimed")
        everyone = [p for paths in journeys.values() for p in paths]
        red_clean = [(p, why) for p, why in walk_all(everyone, None, folder / "aimed-clean") if why]
        for path, why in red_clean:
            print(f"--- aimed journey red on the clean shop:\n{path.read_text(encoding='utf-8')}{why}")
        print(f"aimed journeys: {len(everyone)} accepted by lint, {len(red_clean)} red on the clean shop")
        missed = []
        wrong = {path for path, _ in red_clean}  # red without a fault: no evidence of one
        for fault in faults:
            results = walk_all([p for p in journeys.get(fault, []) if p not in wrong], fault, folder / f"aimed-{fault}")
            named = [p for p, why in results if why and names_a_place(why, fault)]
            print(f"{fault:36} {len(named):2} of {len(results):2} aimed journeys failed naming its touchpoints")
            if not named:
                missed.append(fault)
        print(f"faults caught by a composed journey: {len(faults) - len(missed)} of {len(faults)}")
        if missed:
            print(f"caught by no composed journey: {', '.join(missed)}")
        return 1 if clean.red or red_clean or missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
