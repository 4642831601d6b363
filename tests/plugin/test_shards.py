"""`--shard k/n`: the split every shard makes alike, its record, and the plugin keeping one part."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from journeys.reporting.durations import DurationStore
from journeys.reporting.shards import Shard, ShardRecord, split

pytest_plugins = ["pytester"]

JOURNEYS = [f"features/f{n}.feature::journey {n}" for n in range(1, 8)]


def name(journey: str) -> str:
    return journey.rsplit("::", 1)[-1]


def test_a_shard_is_written_k_of_n():
    assert Shard.parse("2/4") == Shard(2, 4) and str(Shard.parse(" 1 / 3 ")) == "1/3"
    for wrong in ("0/4", "5/4", "2", "a/b", "2/0"):
        with pytest.raises(ValueError, match="write k/n with 1 <= k <= n"):
            Shard.parse(wrong)


def test_without_durations_the_journeys_go_round_robin_whatever_the_collection_order():
    parts = split(JOURNEYS, 3, {})
    shuffled = JOURNEYS[:]
    random.Random(4).shuffle(shuffled)

    again = split(shuffled, 3, {})

    assert parts == [[JOURNEYS[0], JOURNEYS[3], JOURNEYS[6]], [JOURNEYS[1], JOURNEYS[4]], [JOURNEYS[2], JOURNEYS[5]]]
    assert [sorted(p) for p in again] == [sorted(p) for p in parts]  # the same split, each in its own order
    assert again[0] == [j for j in shuffled if j in parts[0]]


def test_known_durations_are_dealt_longest_first_to_the_least_loaded_shard():
    seconds = {"journey 1": 60.0, "journey 2": 30.0, "journey 3": 30.0, "journey 4": 20.0, "journey 5": 10.0}

    parts = split(JOURNEYS, 2, seconds, name=name)

    loads = [sum(seconds.get(name(j), 0) for j in part) for part in parts]
    assert loads == [80.0, 70.0]  # 60+20 | 30+30+10: as even as dealing allows
    assert {name(j) for j in parts[0]} >= {"journey 1"}
    # The two without a duration (6, 7) are spread round-robin after the dealt ones.
    assert [name(j) for j in parts[0] if name(j) in ("journey 6", "journey 7")] == ["journey 6"]
    assert sorted(sum(parts, [])) == sorted(JOURNEYS)


def test_more_shards_than_journeys_leaves_some_empty():
    assert split(JOURNEYS[:2], 4, {}) == [[JOURNEYS[0]], [JOURNEYS[1]], [], []]


def test_the_record_is_written_and_read_back(tmp_path: Path):
    record = ShardRecord(Shard(2, 2), [["a::x"], ["b::y", "b::z"]], gate=True)

    record.write(tmp_path)

    assert ShardRecord.read(tmp_path) == record and record.journeys == ["b::y", "b::z"]
    assert ShardRecord.read(tmp_path / "nothing") is None
    (tmp_path / "shard.json").write_text(json.dumps({"shard": 3, "of": 2, "split": [[], []]}), encoding="utf-8")
    with pytest.raises(ValueError, match="shard.json: not a readable shard record"):
        ShardRecord.read(tmp_path)


def test_durations_are_the_mean_of_the_last_five_runs(tmp_path: Path):
    store = DurationStore(tmp_path / "trend.sqlite")
    assert store.typical() == {}  # no file yet: none, and none made
    assert not (tmp_path / "trend.sqlite").exists()
    for run, seconds in enumerate([100.0, 10.0, 10.0, 10.0, 20.0, 20.0]):
        store.record(f"2026120{run}-000000-aaaa", {"a": seconds, "b": 0.0})
    store.record("20261205-000000-aaaa", {"a": 20.0})  # the same run again: replaced, not added

    assert store.typical() == {"a": 14.0}  # the first run's 100 s is forgotten; 0 s is not a duration


FEATURE = """\
Feature: Many
  Scenario: One
    Given a customer
  Scenario: Two
    Given a customer
  Scenario: Three
    Given a customer
"""


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    (pytester.path / "many.feature").write_text(FEATURE)
    return pytester


def test_the_plugin_keeps_its_part_and_the_parts_make_the_whole(project: pytest.Pytester):
    kept = []
    for k in (1, 2):
        result = project.runpytest("many.feature", "--collect-only", "-q", f"--shard={k}/2")
        kept.append({line for line in result.outlines if "::" in line})

    assert kept[0] and kept[1] and not kept[0] & kept[1]
    assert kept[0] | kept[1] == {"many.feature::One", "many.feature::Two", "many.feature::Three"}


def test_a_shard_that_cannot_be_read_is_a_usage_error(project: pytest.Pytester):
    result = project.runpytest("many.feature", "--collect-only", "--shard=3/2")

    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*--shard '3/2': write k/n with 1 <= k <= n*"])


def test_durations_that_cannot_be_read_leave_a_round_robin_split(tmp_path: Path):
    from journeys.reporting.durations import remembered

    (tmp_path / "trend.sqlite").write_text("not a database", encoding="utf-8")
    assert remembered(tmp_path) == {}
    assert remembered(tmp_path, "postgresql://trend") == {}
    DurationStore(tmp_path / "kept.sqlite").record("20261206-000000-aaaa", {"a": 3.0})
    assert remembered(tmp_path / "elsewhere", str(tmp_path / "kept.sqlite")) == {"a": 3.0}


def test_a_shard_left_without_journeys_passes_and_writes_its_record(project: pytest.Pytester):
    result = project.runpytest("many.feature", "--shard=4/4")

    assert result.ret == pytest.ExitCode.OK
    result.stdout.fnmatch_lines(["*journeys: shard 4/4: 0 of 3 journeys*"])
    (record,) = project.path.glob("reports/runs/*/shard.json")
    assert json.loads(record.read_text(encoding="utf-8"))["split"][3] == []


def test_a_shard_of_a_suite_with_nothing_selected_is_still_nothing_selected(project: pytest.Pytester):
    result = project.runpytest("many.feature", "--shard=2/2", "--tags=nightly")

    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED
