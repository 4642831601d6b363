"""Allure reads a history in which a regression across a change is no flake; the kept history stays whole."""

from __future__ import annotations

import json
from pathlib import Path

from journeys.reporting.allure_history import history_for_allure, keep_new_points

NAME = "features.order.web_order#A tablet"


def _point(run: str, status: str, name: str = NAME) -> str:
    return json.dumps({"name": run, "testResults": {f"id-{run}": {"fullName": name, "status": status}}})


def _result(folder: Path, status: str, *, flaky: bool = False) -> Path:
    folder.mkdir(exist_ok=True)
    data = {"fullName": NAME, "status": status, "statusDetails": {"flaky": True} if flaky else {}}
    (folder / "x-result.json").write_text(json.dumps(data), encoding="utf-8")
    return folder


def _statuses(copy: Path) -> list[list[str]]:
    points = [json.loads(line) for line in copy.read_text(encoding="utf-8").splitlines()]
    return [[r["status"] for r in p["testResults"].values()] for p in points]


def test_a_failure_after_a_pass_after_a_failure_has_no_history_before_the_pass(tmp_path: Path):
    kept = tmp_path / "kept.jsonl"
    kept.write_text("\n".join([_point("r1", "failed"), _point("r2", "passed"), _point("r3", "passed")]) + "\n")
    results = _result(tmp_path / "results", "failed")
    start = history_for_allure(results, kept, tmp_path / "copy.jsonl", "r4")
    assert start == 3 and _statuses(tmp_path / "copy.jsonl") == [[], [], ["passed"]]  # from its latest pass on
    with (tmp_path / "copy.jsonl").open("a") as allure:  # what Allure appends for this run
        allure.write(_point("r4", "failed") + "\n")
    keep_new_points(tmp_path / "copy.jsonl", kept, start)
    assert _statuses(kept) == [["failed"], ["passed"], ["passed"], ["failed"]]  # kept whole, this run added
    assert not (tmp_path / "copy.jsonl").exists()


def test_a_flake_journeys_called_so_and_a_pass_keep_their_history(tmp_path: Path):
    kept = tmp_path / "kept.jsonl"
    kept.write_text("\n".join([_point("r1", "failed"), _point("r2", "passed")]) + "\n")
    history_for_allure(_result(tmp_path / "flaky", "failed", flaky=True), kept, tmp_path / "a.jsonl", "r3")
    assert _statuses(tmp_path / "a.jsonl") == [["failed"], ["passed"]]
    history_for_allure(_result(tmp_path / "passed", "passed"), kept, tmp_path / "b.jsonl", "r3")
    assert _statuses(tmp_path / "b.jsonl") == [["failed"], ["passed"]]


def test_a_run_reported_again_replaces_its_point(tmp_path: Path):
    kept = tmp_path / "kept.jsonl"
    kept.write_text("\n".join([_point("r1", "passed"), _point("r2", "failed")]) + "\n")
    start = history_for_allure(_result(tmp_path / "results", "failed"), kept, tmp_path / "copy.jsonl", "r2")
    assert start == 1 and _statuses(kept) == [["passed"]]


def test_no_history_yet_is_an_empty_copy(tmp_path: Path):
    start = history_for_allure(_result(tmp_path / "results", "failed"), tmp_path / "none.jsonl", tmp_path / "c", "r1")
    assert start == 0 and (tmp_path / "c").read_text() == ""
    keep_new_points(tmp_path / "gone", tmp_path / "none.jsonl", 0)  # Allure wrote nothing: nothing kept
    assert not (tmp_path / "none.jsonl").exists()
