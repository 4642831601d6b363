"""``journeys report --merge``: shards' run folders as one run, judged as a whole; nothing missing looks green."""

from __future__ import annotations

import sqlite3
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from ledger_factory import journey_dict

from journeys.cli import main
from journeys.reporting.shards import Shard, ShardRecord

NAMES = [f"A tablet ordered on the web is confirmed the same way everywhere [{n}]" for n in range(4)]
SPLIT = [[f"features/order.feature::{NAMES[0]}", f"features/order.feature::{NAMES[1]}"],
         [f"features/order.feature::{NAMES[2]}", f"features/order.feature::{NAMES[3]}"]]  # fmt: skip


@pytest.fixture
def shards(make_run: Callable[..., Path]) -> Callable[..., list[Path]]:
    """Two shard folders of two journeys each; ``stale``: the journeys whose mail total is stale."""

    def make(stale: tuple[int, ...] = (), gate: bool = False, split: list[list[str]] = SPLIT) -> list[Path]:
        folders = []
        for index, numbers in ((1, (0, 1)), (2, (2, 3))):
            folder = make_run(
                [journey_dict(n, stale_total=n in stale) for n in numbers], run_id=f"20261130-15000{index}-aaaa"
            )
            ShardRecord(Shard(index, 2), split, gate=gate).write(folder)
            results = folder / "allure-results"
            results.mkdir()
            for n in numbers:
                (results / f"uuid-{n}-result.json").write_text("{}", encoding="utf-8")
            (results / "categories.json").write_text("[]", encoding="utf-8")
            (results / "environment.properties").write_text(f"seed=7\nrun={folder.name}\n", encoding="utf-8")
            folders.append(folder)
        return folders

    return make


def merge(tmp_path: Path, *folders: Path) -> tuple[Result, Path]:
    reports = tmp_path / "merged-reports"
    done = CliRunner().invoke(main, ["report", "--merge", *map(str, folders), "--reports-dir", str(reports)])
    return done, (reports / "latest").resolve()


def test_two_shards_become_one_run_with_one_of_each_report(tmp_path: Path, shards):
    first, second = shards(stale=(2,))

    done, merged = merge(tmp_path, first, second)

    assert done.exit_code == 1, done.output  # journey 2 failed in shard 2: the whole fails
    assert "2 run folders, 4 journeys: not every journey passed (exit 1)" in done.output
    suite = ElementTree.parse(merged / "junit.xml").getroot().find("testsuite")
    assert suite is not None and (suite.get("tests"), suite.get("failures")) == ("4", "1")
    assert sorted(case.get("name") for case in suite.iter("testcase")) == NAMES
    assert len(list((merged / "evidence").glob("*/ledger.json"))) == 4
    results = merged / "allure-results"
    assert sorted(p.name for p in results.glob("*-result.json")) == [f"uuid-{n}-result.json" for n in range(4)]
    assert (results / "environment.properties").read_text(encoding="utf-8") == (
        f"seed=7\nrun={merged.name}\nshards=1/2 {first.name}, 2/2 {second.name}\n"
    )
    # The shard's own file is untouched (the merge links files, and wrote a file of its own).
    assert (
        (first / "allure-results" / "environment.properties")
        .read_text(encoding="utf-8")
        .endswith(f"run={first.name}\n")
    )
    assert (merged / "journey-map.html").is_file()
    assert "**InconsistentFact**" in (merged / "summary.md").read_text(encoding="utf-8")  # journey 2, shard 2
    with sqlite3.connect(tmp_path / "merged-reports" / "trend.sqlite") as db:
        runs = db.execute("SELECT DISTINCT run_id FROM results").fetchall()
    assert runs == [(merged.name,)]  # one trend entry, for the whole


def test_shards_that_all_passed_merge_green(tmp_path: Path, shards):
    done, merged = merge(tmp_path, *shards())

    assert done.exit_code == 0, done.output
    assert "4 journeys: every journey passed (exit 0)" in done.output
    assert "passed" in (merged / "summary.md").read_text(encoding="utf-8")


def test_a_missing_shard_is_said_and_its_journeys_did_not_finish(tmp_path: Path, shards):
    first, _ = shards()

    done, merged = merge(tmp_path, first)

    assert done.exit_code == 1, done.output
    assert "shard 2/2 is missing: no run folder of it was given, so its 2 journeys have no result" in done.output
    summary = (merged / "summary.md").read_text(encoding="utf-8")
    assert summary.startswith("## ❌ journeys: all 2 journeys passed; 2 did not finish")  # not green
    assert "shard 2/2 is missing" in summary
    assert f"{NAMES[2]} (no result" in summary and f"{NAMES[3]} (no result" in summary


def test_a_shard_given_twice_or_split_otherwise_is_said(tmp_path: Path, shards, make_run):
    first, second = shards()
    other = make_run([journey_dict(9)], run_id="20261130-150009-aaaa")
    ShardRecord(Shard(2, 2), [[SPLIT[0][0]], [SPLIT[0][1], *SPLIT[1]]]).write(other)

    done, _ = merge(tmp_path, first, second, second)
    assert done.exit_code == 1 and "shard 2/2 again" in done.output, done.output

    done, _ = merge(tmp_path / "again", first, other)
    assert done.exit_code == 1
    assert "split the journeys otherwise than shard 1/2: the shards read different trends" in done.output


def test_a_shard_that_did_not_finish_is_said(tmp_path: Path, shards):
    first, second = shards()
    (second / "junit.xml").unlink()

    done, _ = merge(tmp_path, first, second)

    assert done.exit_code == 1
    assert f"{second}: no junit.xml: shard 2/2 did not finish" in done.output


def test_the_gate_is_judged_on_the_whole(tmp_path: Path, shards, monkeypatch: pytest.MonkeyPatch):
    # Shards run with --gate; every journey passes, but the effort threshold is crossed.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text("[tool.journeys.gate]\nmax_effort_score = 0.5\n", encoding="utf-8")

    done, merged = merge(tmp_path, *shards(gate=True))

    assert done.exit_code == 1, done.output
    assert "merged (gate)" in done.output and "gate thresholds crossed (exit 1)" in done.output
    assert "journeys gate:" in done.output and "(max_effort_score)" in done.output
    assert "gate" in (merged / "summary.md").read_text(encoding="utf-8")


def test_a_shard_that_could_not_start_its_system_is_exit_3(tmp_path: Path, shards):
    first, second = shards()
    (second / "junit.xml").write_text(
        '<testsuites><testsuite><testcase classname="journeys" name="journeys-run-error[SystemUnreachable]">'
        "<error message='down'/></testcase></testsuite></testsuites>",
        encoding="utf-8",
    )

    done, _ = merge(tmp_path, first, second)

    assert done.exit_code == 3, done.output


def test_several_folders_without_merge_is_a_usage_error(shards):
    first, second = shards()

    done = CliRunner().invoke(main, ["report", str(first), str(second)])

    assert done.exit_code == 4 and "give --merge" in done.output


def test_reporting_a_shard_on_its_own_keeps_it_out_of_the_trend(tmp_path: Path, shards):
    first, _ = shards()

    done = CliRunner().invoke(main, ["report", str(first)])

    assert done.exit_code == 0, done.output
    assert (first / "summary.md").is_file() and not (tmp_path / "reports" / "trend.sqlite").exists()


def test_shards_in_which_no_journey_ran_are_not_a_pass(tmp_path: Path):
    folders = []
    for index in (1, 2):
        folder = tmp_path / "reports" / "runs" / f"20261130-15000{index}-aaaa"
        folder.mkdir(parents=True)
        ShardRecord(Shard(index, 2), [[], []]).write(folder)
        folders.append(folder)

    done, _ = merge(tmp_path, *folders)

    assert done.exit_code == 5 and "no journey ran in any shard (exit 5)" in done.output, done.output


def test_the_merged_run_keeps_the_shards_version_for_the_trend(tmp_path: Path, shards):
    from journeys.reporting.versions import RunVersion, read_version

    first, second = shards()
    tested = RunVersion("abc123", "system refshop; faults: email-total-stale")
    for folder in (first, second):
        tested.write(folder)
    done, merged = merge(tmp_path, first, second)
    assert done.exit_code == 0, done.output
    assert read_version(merged) == tested  # else fail-pass-fail across a change reads as flaky
    with sqlite3.connect(tmp_path / "merged-reports" / "trend.sqlite") as db:
        assert db.execute("SELECT code, system FROM runs").fetchall() == [("abc123", tested.system)]


def test_shards_of_different_versions_are_said(tmp_path: Path, shards):
    from journeys.reporting.versions import RunVersion, read_version

    first, second = shards()
    RunVersion("abc123", "shop").write(first)
    RunVersion("def456", "shop").write(second)
    done, merged = merge(tmp_path, first, second)
    assert done.exit_code == 1  # not one run of one version: the merge cannot judge it as one
    assert "the shards tested different versions (abc123 against shop; def456 against shop)" in done.output
    assert read_version(merged) == RunVersion()
