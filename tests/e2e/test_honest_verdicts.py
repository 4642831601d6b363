"""One verdict everywhere, on the real shop: step errors keep violations, Ctrl-C, runs side by side."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.e2e

VIOLATION_THEN_STEP_ERROR = """\
Feature: A violation, then a step that cannot be carried out
  Scenario: The total disagrees, then a day nobody can read
    Given a customer
    When she orders a "tablet-10" on the web shop
    And she reads the order confirmation email
    Then every touchpoint agrees on the order total
    And the web shop promises delivery on Funday
"""


def _allure(folder: Path) -> list[dict]:
    return [json.loads(p.read_text()) for p in (folder / "allure-results").glob("*-result.json")]


def test_a_step_error_still_reports_the_violations_found_before_it(run_journeys, tmp_path):
    feature = tmp_path / "late_error.feature"
    feature.write_text(VIOLATION_THEN_STEP_ERROR)

    run = run_journeys(str(feature), faults=("email-total-stale",))

    assert run.exit_code == 1, run.output
    step_error = run.output.index("could not read a day from 'Funday'")
    violation = run.output.index("InconsistentFact: order total disagrees across touchpoints")
    assert step_error < violation, "the step error comes first, the violations found before it follow"
    case = ET.parse(run.reports / "junit.xml").getroot().find(".//testcase")
    assert case is not None and case.find("failure") is not None
    assert "order total disagrees" in (case.find("failure").text or "")  # type: ignore[union-attr]
    [result] = _allure(run.reports)
    statuses = {s["name"]: s["status"] for s in result["steps"]}
    # The Then step that found the violation is the one shown failed, not a step added after it.
    assert statuses["Then every touchpoint agrees on the order total"] == "failed"
    assert statuses["And the web shop promises delivery on Funday"] in ("failed", "broken")
    assert list(statuses)[-1] == "And the web shop promises delivery on Funday"


def test_ctrl_c_stops_cleanly_records_the_journey_as_interrupted_and_exits_2(tmp_path):
    reports = tmp_path / "reports"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JOURNEYS_", "PYTEST_XDIST", "REFSHOP_"))}
    command = [sys.executable, "-m", "journeys.cli", "run", "features/returns", "--reports-dir", str(reports)]
    # A session of its own: Ctrl-C in a terminal reaches the whole foreground process group.
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True
    )
    _wait_for_a_journey_to_start(reports)
    os.killpg(process.pid, signal.SIGINT)
    output, _ = process.communicate(timeout=1800)

    assert process.returncode == 2, output
    assert "Traceback" not in output and "TargetClosedError" not in output, output
    assert "interrupted (Ctrl-C)" in output
    folder = (reports / "latest").resolve()
    failures = ET.parse(folder / "junit.xml").getroot().findall(".//testcase/failure")
    assert any("interrupted (Ctrl-C)" in (f.get("message") or "") for f in failures)
    results = _allure(folder)
    assert results and all(r["status"] != "passed" or "interrupted" not in r.get("name", "") for r in results)
    assert any(r["status"] == "broken" and "interrupted" in r["statusDetails"]["message"] for r in results)
    ledgers = [json.loads(p.read_text()) for p in folder.glob("evidence/*/ledger.json")]
    assert "interrupted" in {ledger["outcome"] for ledger in ledgers}
    planned = json.loads((folder / "planned.json").read_text())["journeys"]
    assert len(ledgers) < len(planned)  # it stopped at once: the journeys after the interrupted one never started


def _wait_for_a_journey_to_start(reports: Path, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if list(reports.glob("runs/*/evidence/*/web-*.png")):
            return
        time.sleep(0.2)
    raise AssertionError("no journey started")


def test_two_runs_at_once_with_the_same_seed_keep_every_result(tmp_path):
    reports = tmp_path / "reports"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JOURNEYS_", "PYTEST_XDIST", "REFSHOP_"))}
    command = [
        sys.executable, "-m", "journeys.cli", "run", "features/order/web_order.feature:6",
        "--reports-dir", str(reports), "--seed", "11",
    ]  # fmt: skip
    runs = [subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [r.communicate(timeout=1800)[0] for r in runs]

    assert [r.returncode for r in runs] == [0, 0], outputs
    folders = sorted((reports / "runs").iterdir())
    assert len(folders) == 2
    customers = [{p.parent.name for p in f.glob("evidence/*/ledger.json")} for f in folders]
    assert all(len(c) == 1 for c in customers) and customers[0] != customers[1]
    assert all((f / "junit.xml").is_file() and len(_allure(f)) == 1 for f in folders)
    assert (reports / "latest").resolve() in folders
