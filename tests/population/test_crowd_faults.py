"""Faults only a crowd shows: `journeys simulate` finds each, a single walk-through of the same journey does not.

Both faults hide behind a copy that lags the shop's database by a second (a
warehouse feed, a checkout process's order counter): one customer never
notices; customers ordering in the same second do. Crowds of thirty, three times,
and a walk-through each: nightly (`pytest -m nightly`); a crowd that catches a fault
on every `pytest` is tests/population/test_dutch_crowd.py.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from population_helpers import ROOT, clean_env

pytestmark = [pytest.mark.e2e, pytest.mark.nightly]

JOURNEY = "features/order/web_order.feature"
CROWD = ("--customers", "30", "--rate", "10", "--seed", "21")


def walk_once(tmp_path, fault: str) -> subprocess.CompletedProcess[str]:
    """`journeys run` of the journey's first scenario, one customer in a browser, with ``fault`` on."""
    args = [sys.executable, "-m", "journeys.cli", "run", f"{JOURNEY}:6", "--fault", fault, "--seed", "7"]
    args += ["--reports-dir", str(tmp_path / "single")]
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=1800, env=clean_env())


def test_the_last_unit_sold_twice_is_found_by_a_crowd_only(simulate, tmp_path):
    crowd = simulate(JOURNEY, *CROWD, "--fault", "last-unit-oversold", "--threshold", "violation_rate < 0.001")
    assert crowd.exit_code == 1 and "CROSSED violation_rate" in crowd.output, crowd.output
    rules = {r["rule"]: r for r in crowd.results["rules"]["by_rule"]}
    assert rules["agree(delivery.date)"]["journeys"] >= 1
    # Four touchpoints promised tomorrow; the app (the warehouse's plan) is the odd one out.
    assert crowd.results["rules"]["by_touchpoint_pair"][0]["pair"] == "email.order_confirmation ↔ app.order"
    assert crowd.results["moments_of_truth"][0]["touchpoint"] == "app.order"
    single = walk_once(tmp_path, "last-unit-oversold")
    assert single.returncode == 0, single.stdout + single.stderr


def test_an_order_number_handed_out_twice_is_found_by_a_crowd_only(simulate, tmp_path):
    crowd = simulate(JOURNEY, *CROWD, "--fault", "order-number-twice", "--threshold", "privacy_leaks == 0")
    assert crowd.exit_code == 1 and "CROSSED privacy_leaks == 0" in crowd.output, crowd.output
    twice = [leak for leak in crowd.results["privacy"]["found"] if leak.get("customers")]
    assert twice and twice[0]["what"] == "order number" and len(twice[0]["customers"]) >= 2
    assert len(twice[0]["touchpoints"]) == len(twice[0]["customers"])  # where each was told it
    # Found with the defaults (no --max-active), first among the causes' severest and in the moments of truth.
    assert crowd.results["causes"]["by_cause"][0]["cause"] == "privacy leak"
    assert crowd.results["moments_of_truth"][0]["privacy_leaks"] >= 1
    assert "## Privacy leaks" in (crowd.out / "summary.md").read_text(encoding="utf-8")
    single = walk_once(tmp_path, "order-number-twice")
    assert single.returncode == 0, single.stdout + single.stderr


def test_the_clean_shop_shows_neither_to_the_same_crowd(simulate):
    crowd = simulate(JOURNEY, *CROWD, "--threshold", "violation_rate < 0.001", "--threshold", "privacy_leaks == 0")
    assert crowd.exit_code == 0, crowd.output
    assert crowd.results["journeys"]["passed"] == 30
