"""Every fault of the reference shop is caught by a journey that passes on the clean shop.

The mapping is declared in fault_catches.yaml; the clean run of the whole
suite is tests/e2e/test_bundled_suite.py. A journey run per fault takes a minute
or two: every `pytest` runs a fault per kind of touchpoint, the rest run nightly
(`pytest -m nightly`, CI's second step).
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
#: A fault for each kind of touchpoint a failure names, run on every `pytest`: the harness still catches faults.
#: (The shortest journeys that do: from --durations.)
EVERY_KIND = (
    "session-survives-logout",  # web, in Dutch
    "mail-ignores-code",  # email
    "tracking-date-drift",  # app, in Dutch
    "agent-no-history",  # agent console and chat, in Dutch
    "agent-return-policy-differs",  # returns and phone
    "store-price-differs",  # store
)


def kinds(*faults: str) -> set[str]:
    """The kinds of touchpoint (web, email, app...) the failures under ``faults`` name."""
    return {touchpoint.split(".")[0] for fault in faults for touchpoint in CATCHES[fault]["touchpoints"]}


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


def test_the_faults_of_every_run_name_every_kind_of_touchpoint():
    assert kinds(*EVERY_KIND) == kinds(*CATCHES), f"add a fault naming {kinds(*CATCHES) - kinds(*EVERY_KIND)}"


@pytest.mark.parametrize(
    "fault", [f if f in EVERY_KIND else pytest.param(f, marks=pytest.mark.nightly) for f in sorted(CATCHES)]
)
def test_the_fault_is_caught_and_the_message_names_its_touchpoints(fault, run_journeys):
    catch = CATCHES[fault]
    run = run_journeys(catch["journey"], faults=(fault,))

    assert "1 failed" in run.output, run.output
    failure = run.output[run.output.index("FAILURES") :]
    for touchpoint in catch["touchpoints"]:
        assert touchpoint in failure, f"{fault}: the failure does not name {touchpoint}:\n{failure}"
