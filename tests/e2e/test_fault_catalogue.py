"""Every fault of the reference shop is caught by a journey that passes on the clean shop.

The mapping is declared in fault_catches.yaml; the clean run of the whole
suite is tests/e2e/test_bundled_suite.py.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

pytestmark = pytest.mark.e2e

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
ALL = YAML(typ="safe").load((HERE / "fault_catches.yaml").read_text(encoding="utf-8"))
CATCHES = {fault: catch for fault, catch in ALL.items() if "journey" in catch}


def shop_faults() -> list[str]:
    listing = subprocess.run(
        [sys.executable, "-m", "refshop", "--list-faults"], capture_output=True, text=True, check=True
    ).stdout
    return [line.split()[0] for line in listing.splitlines() if line[:1].strip()]


def test_every_fault_of_the_shop_has_a_catching_journey():
    missing = sorted(set(shop_faults()) - set(ALL))
    assert not missing, (
        f"faults without a catching journey: {missing}: add a scenario and an entry to fault_catches.yaml"
    )


def test_a_fault_no_journey_catches_names_the_test_that_does():
    """A crowd fault names its population test; a fault no journey can see yet, why and its shop test."""
    for fault, catch in ALL.items():
        if "journey" in catch:
            continue
        test = catch.get("crowd") or catch.get("shop_test")
        assert test, f"{fault}: name the test that catches it (crowd: or shop_test:)"
        assert "crowd" in catch or catch.get("uncaught"), f"{fault}: say why no journey catches it (uncaught:)"
        path, name = test.split("::")
        assert f"def {name}(" in (ROOT / path).read_text(encoding="utf-8"), f"{fault}: {test} does not exist"


@pytest.mark.parametrize("fault", sorted(CATCHES))
def test_the_fault_is_caught_and_the_message_names_its_touchpoints(fault, run_journeys):
    catch = CATCHES[fault]
    run = run_journeys(catch["journey"], faults=(fault,))

    assert "1 failed" in run.output, run.output
    failure = run.output[run.output.index("FAILURES") :]
    for touchpoint in catch["touchpoints"]:
        assert touchpoint in failure, f"{fault}: the failure does not name {touchpoint}:\n{failure}"
