"""A suite run as two shards and merged tells what the same suite run whole tells.

Real runs against the embedded reference shop with one fault switched on (so
some journeys fail): the whole suite first (its durations go into the trend),
then shard 1/2 and 2/2, which split by those durations, then `journeys report
--merge`. Same journeys, same outcomes; one junit.xml, one set of Allure
results, one map and summary, and one trend entry for the merge.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
# Four journeys of the order folder are enough to split, fail some and merge; each runs three times.
SUITE = tuple(f"features/order/{name}.feature" for name in ("web_order", "webbestelling", "cancelled_order"))
FAULT = "email-total-stale"


def journeys(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JOURNEYS_", "REFSHOP_", "PYTEST_XDIST"))}
    return subprocess.run(
        [sys.executable, "-m", "journeys.cli", *args], cwd=ROOT, capture_output=True, text=True, env=env, timeout=1800
    )


def outcomes(folder: Path) -> dict[str, str]:
    """Each testcase of the run's junit.xml: its name and status."""
    found = {}
    for case in ElementTree.parse(folder / "junit.xml").getroot().iter("testcase"):
        status = next((child.tag for child in case if child.tag in ("failure", "error", "skipped")), "passed")
        found[case.get("name", "")] = status
    return found


# Four runs one after another (whole, two shards, the merge): nightly. Every `pytest` keeps the dry run below,
# which splits the same way, and tests/plugin/test_shards.py and tests/reporting/test_merge.py.
@pytest.mark.nightly
def test_two_shards_merged_tell_what_the_whole_run_tells(tmp_path: Path):
    reports = tmp_path / "reports"
    common = [*SUITE, "--reports-dir", str(reports), "--seed", "7", "--fault", FAULT]
    whole = journeys("run", *common)
    assert whole.returncode == 1, whole.stdout + whole.stderr  # the fault fails some journeys
    whole_folder = (reports / "latest").resolve()

    first = journeys("run", *common, "--shard", "1/2")
    first_folder = (reports / "latest").resolve()
    second = journeys("run", *common, "--shard", "2/2")
    second_folder = (reports / "latest").resolve()
    merged = journeys("report", "--merge", str(first_folder), str(second_folder), "--reports-dir", str(reports))
    merged_folder = (reports / "latest").resolve()

    # Each shard ran a part, the parts are disjoint, and together they are the whole suite.
    shard_runs = [outcomes(first_folder), outcomes(second_folder)]
    assert all(shard_runs), first.stdout + second.stdout
    assert not set(shard_runs[0]) & set(shard_runs[1])
    assert outcomes(merged_folder) == outcomes(whole_folder) == {**shard_runs[0], **shard_runs[1]}
    assert "failure" in outcomes(merged_folder).values() and "passed" in outcomes(merged_folder).values()
    # The merge is judged as the whole was: it fails, and says why.
    assert merged.returncode == whole.returncode == 1, merged.stdout + merged.stderr
    assert "not every journey passed (exit 1)" in merged.stdout
    # One of each report, for the whole.
    for name in ("journey-map.html", "summary.md", "planned.json", "allure-results/categories.json"):
        assert (merged_folder / name).is_file(), name
    results = sorted(p.name for p in (merged_folder / "allure-results").glob("*-result.json"))
    assert len(results) == len(list((whole_folder / "allure-results").glob("*-result.json"))) == len(results)
    customers = {p.name for p in (merged_folder / "evidence").iterdir() if not p.name.startswith("_")}
    assert len(customers) == len(outcomes(whole_folder))
    summary = (merged_folder / "summary.md").read_text(encoding="utf-8")
    assert "Could not be read" not in summary, summary
    # The trend holds the whole run and the merge, once each; the shards are not counted on their own.
    with sqlite3.connect(reports / "trend.sqlite") as db:
        runs = [row[0] for row in db.execute("SELECT DISTINCT run_id FROM results ORDER BY run_id")]
    assert runs == [whole_folder.name, merged_folder.name]


def test_the_dry_run_of_the_shards_names_the_same_split_the_runs_make(tmp_path: Path):
    # No trend yet: the journeys are dealt round-robin; no run folder is written.
    reports = tmp_path / "reports"
    listed = [journeys("run", *SUITE, "--dry-run", "--shard", f"{k}/2", "--reports-dir", str(reports)) for k in (1, 2)]

    assert [done.returncode for done in listed] == [0, 0], [d.stdout + d.stderr for d in listed]
    lines = [[line for line in done.stdout.splitlines() if ".feature:" in line] for done in listed]
    assert lines[0] and lines[1] and not set(lines[0]) & set(lines[1])
    assert not reports.exists()
