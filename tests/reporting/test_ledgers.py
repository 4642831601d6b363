"""Reading a run folder: every ledger that can be read, one clear message for each that cannot."""

from __future__ import annotations

import json
from pathlib import Path

from ledger_factory import journey_dict, write_run

from journeys.reporting.ledgers import read_run, run_folder, write_planned


def test_every_ledger_is_read_with_its_outcome_effort_and_feature(one_stale: Path):
    results = read_run(one_stale)

    assert results.problems == []
    assert [j.outcome for j in results.journeys] == ["passed", "failed", "failed"]
    assert {j.feature for j in results.journeys} == {
        "features/order/web_order.feature",
        "features/order/webbestelling.feature",
    }
    assert all(j.effort["score"] > 0 for j in results.journeys)
    assert results.junit_found and len(results.testcases) == 3


def test_a_corrupt_ledger_is_named_once_and_the_others_are_still_read(one_stale: Path):
    bad = one_stale / "evidence" / "broken-1" / "ledger.json"
    bad.parent.mkdir()
    bad.write_text('{"journey": "half a file", "observations": [', encoding="utf-8")

    results = read_run(one_stale)

    assert len(results.journeys) == 3
    assert len(results.problems) == 1
    assert str(bad) in results.problems[0] and "left out" in results.problems[0]


def test_a_ledger_from_a_newer_journeys_says_upgrade(one_stale: Path):
    newer = journey_dict(9)
    newer["version"] = 99
    write_run(one_stale, [newer], junit=False)

    results = read_run(one_stale)

    assert any("newer than this journeys reads" in p and "upgrade" in p for p in results.problems)


def test_a_ledger_of_another_shape_is_named_with_what_is_wrong(one_stale: Path):
    path = one_stale / "evidence" / "odd" / "ledger.json"
    path.parent.mkdir()
    path.write_text(json.dumps({"visits": [{"touchpoint": "web.checkout"}]}), encoding="utf-8")
    (one_stale / "evidence" / "list").mkdir()
    (one_stale / "evidence" / "list" / "ledger.json").write_text("[1, 2]", encoding="utf-8")

    problems = read_run(one_stale).problems

    assert len(problems) == 2
    assert any(str(path) in p and "KeyError" in p for p in problems)
    assert any("a JSON list" in p for p in problems)


def test_a_ledger_written_before_outcomes_is_shown_as_unknown(one_stale: Path):
    old = journey_dict(5)
    for key in ("journey", "outcome", "effort"):
        old.pop(key)
    write_run(one_stale, [old], junit=False)

    journey = next(j for j in read_run(one_stale).journeys if j.outcome == "unknown")

    assert journey.name == "journey of anna-000005"
    assert journey.effort["score"] > 0  # recomputed from the ledger


def test_an_interrupted_run_says_what_did_not_finish(make_run):
    folder = make_run([journey_dict(0), journey_dict(1, outcome="interrupted")], junit=False)

    unfinished = read_run(folder).not_finished()

    assert any("[1] (interrupted)" in line for line in unfinished)
    assert any("junit.xml is missing" in line for line in unfinished)


def test_testcases_without_a_ledger_did_not_finish(make_run):
    folder = make_run([journey_dict(0)])
    (folder / "junit.xml").write_text(
        '<testsuites><testsuite><testcase name="Lost journey"><error message="SystemUnreachable: down"/>'
        "</testcase></testsuite></testsuites>",
        encoding="utf-8",
    )

    results = read_run(folder)

    assert results.not_finished() == ["Lost journey (error: SystemUnreachable: down)"]
    assert results.not_finished(errors=False) == []


def test_an_unreadable_junit_file_is_named_and_the_ledgers_still_count(make_run):
    folder = make_run([journey_dict(0)])
    (folder / "junit.xml").write_text("<testsuites", encoding="utf-8")

    results = read_run(folder)

    assert len(results.journeys) == 1
    assert any("junit.xml: not readable JUnit XML" in p for p in results.problems)


def test_the_language_is_the_one_most_journeys_were_written_in(make_run):
    dutch = read_run(make_run([journey_dict(0, lang="nl"), journey_dict(1, lang="nl"), journey_dict(2)]))
    english = read_run(make_run([journey_dict(0, lang="nl"), journey_dict(1)], run_id="20261130-160000-0000"))

    assert dutch.language == "nl"
    assert english.language == "en"


def test_reports_latest_names_the_last_run(one_stale: Path):
    reports = one_stale.parent.parent
    (reports / "latest").symlink_to(one_stale.relative_to(reports), target_is_directory=True)

    assert run_folder(reports / "latest") == one_stale.resolve()
    assert run_folder(reports) == one_stale.resolve()


def test_a_run_cut_short_names_the_planned_journeys_without_a_result(make_run):
    journeys = [journey_dict(0), journey_dict(1, outcome="interrupted")]
    folder = make_run(journeys, junit=False)
    write_planned(folder, [journeys[0]["journey"], journeys[1]["journey"], "Never started"])

    unfinished = read_run(folder).not_finished()

    assert unfinished == [
        f"{journeys[1]['journey']} (interrupted)",
        "Never started (no result: the run stopped before this journey ended)",
        "junit.xml is missing: the run did not finish",
    ]


def test_an_unreadable_planned_file_is_named_and_the_rest_still_read(make_run):
    folder = make_run([journey_dict(0)])
    (folder / "planned.json").write_text('{"journeys": "all"}', encoding="utf-8")

    results = read_run(folder)

    assert len(results.journeys) == 1 and results.planned == []
    assert results.problems == [
        f"{folder / 'planned.json'}: not readable (no list of journeys in it);"
        " journeys that never started are not known"
    ]
