"""Green means checked: a journey that compared nothing, or was not shown a mapped fact, fails.

Each journey here is written into a temporary folder and run as a user runs
it (``journeys run``, in a subprocess from the project root); the failure
must be in the output and in junit.xml.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from journeys.systems.map_files import find_map

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]

NEVER_LOGGED_IN = """\
Feature: Recommendations for a customer who never logged in

  Scenario: She asks for her recommendations without an account
    Given a customer in the "student" segment
    When she looks at her recommendations
    Then her recommendations suit a student
"""

JUST_ORDERS = """\
Feature: An order, and nothing asked of it

  Scenario: She orders a tablet
    Given a customer
    When she orders a "tablet-10" on the web shop
"""


def junit_of(reports: Path) -> str:
    (junit,) = reports.rglob("junit.xml")
    return junit.read_text(encoding="utf-8")


# Under the fault as on the clean shop: nothing is compared (the fault's own run is nightly).
@pytest.mark.parametrize(
    "faults", [(), pytest.param(("irrelevant-offers",), marks=pytest.mark.nightly)], ids=["clean", "irrelevant-offers"]
)
def test_recommendations_for_a_customer_who_never_logged_in_are_not_shown(run_journeys, tmp_path, faults):
    feature = tmp_path / "never_logged_in.feature"
    feature.write_text(NEVER_LOGGED_IN, encoding="utf-8")

    run = run_journeys(str(feature), faults=faults)

    assert run.exit_code == 1, run.output
    not_shown = "MissingFact: recommendations segment not shown at web.account: no offers to compare with a student"
    instead = "web.account showed instead: http://127.0.0.1:"
    login = "/login?next="
    junit = junit_of(run.reports)
    for text in (run.output, junit):
        assert not_shown in text
        assert instead in text
        assert login in text.split(instead, 1)[1].splitlines()[0]  # the login form, not her account
    assert "IrrelevantOffer" not in run.output  # nothing was compared, whatever the shop would offer


@pytest.fixture
def misspelled_map(tmp_path: Path) -> Path:
    """The reference shop's map and tasks, with the checkout total's test id misspelled."""
    source = find_map("refshop", ROOT / "fixtures" / "systems").path
    systems = tmp_path / "systems"
    systems.mkdir()
    for tasks in source.parent.glob("refshop*_tasks.py"):
        shutil.copy(tasks, systems)
    text = source.read_text(encoding="utf-8")
    assert text.count("{testid: checkout-total,") == 1
    (systems / "refshop.yaml").write_text(
        text.replace("{testid: checkout-total,", "{testid: checkout-totl,"), encoding="utf-8"
    )
    return systems / "refshop.yaml"


def test_a_misspelled_selector_fails_the_journey_that_visits_it(tmp_path, misspelled_map):
    feature = tmp_path / "just_orders.feature"
    feature.write_text(JUST_ORDERS, encoding="utf-8")
    reports = tmp_path / "reports"

    done = journeys_run(str(feature), "--system", str(misspelled_map), "--reports-dir", str(reports))

    assert done.returncode == 1, done.stdout + done.stderr
    for text in (done.stdout, junit_of(reports)):
        assert "MissingFact: order total not shown at web.checkout" in text
        assert "web.checkout: order.total not found: nothing matches testid 'checkout-totl' on the page at" in text
        assert "/checkout (screenshot: " in text  # the URL it was looked for at, and what the page looked like
        assert f"the reader at {misspelled_map}:" in text  # the reader's line in the map


def journeys_run(*args: str) -> subprocess.CompletedProcess[str]:
    """``journeys run`` as a user types it, from the project root, without the caller's journeys settings."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("JOURNEYS_", "PYTEST_XDIST", "REFSHOP_"))}
    command = [sys.executable, "-m", "journeys.cli", "run", *args, "--seed", "7"]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=1800, env=clean)
