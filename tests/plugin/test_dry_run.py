"""`journeys run --dry-run`: the journeys a run would run, listed and linted; nothing started, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from journeys.cli import main

ORDERS = """\
@gate @web
Feature: Orders
  Scenario: A tablet
    Given a customer
    When she orders a "tablet-10" on the web shop

  @slow
  Scenario: A game
    Given a customer
    When she orders a "game-1" on the web shop
"""
STORE = """\
@store
Feature: Store
  Scenario: At the till
    Given a customer
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "features").mkdir()
    (tmp_path / "features" / "orders.feature").write_text(ORDERS, encoding="utf-8")
    (tmp_path / "features" / "store.feature").write_text(STORE, encoding="utf-8")
    (tmp_path / "pytest.ini").write_text("[pytest]\ntestpaths = features\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("JOURNEYS_TREND_DB", raising=False)

    def no_pytest(args: list[str]) -> int:
        raise AssertionError(f"a dry run started pytest: {args}")

    monkeypatch.setattr(pytest, "main", no_pytest)
    return tmp_path


def dry(*args: str) -> Result:
    return CliRunner().invoke(main, ["run", "--dry-run", *args])


def listed(done: Result) -> list[str]:
    return [line for line in done.output.splitlines() if ".feature:" in line]


def test_every_journey_is_listed_and_linted_and_nothing_is_written(project: Path):
    done = dry()

    assert done.exit_code == 0, done.output
    assert listed(done) == [
        "features/orders.feature:3: A tablet  @gate @web",
        "features/orders.feature:8: A game  @gate @web @slow",
        "features/store.feature:3: At the till  @store",
    ]
    assert "3 of 3 journeys would run, in 2 feature files; nothing started, no run folder written" in done.output
    assert "2 feature files, no problems" in done.output
    assert not (project / "reports").exists()


def test_the_same_choice_as_a_run_tags_gate_and_lines(project: Path):
    assert listed(dry("--tags", "not slow")) == ["features/orders.feature:3: A tablet  @gate @web",
                                                 "features/store.feature:3: At the till  @store"]  # fmt: skip
    gate = dry("--gate", "--tags", "slow")
    assert listed(gate) == ["features/orders.feature:8: A game  @gate @web @slow"]
    assert "1 feature file, no problems" in gate.output  # only the files of the journeys chosen are linted
    assert listed(dry("features/orders.feature:9")) == ["features/orders.feature:8: A game  @gate @web @slow"]


def test_nothing_selected_is_exit_5_and_a_tag_nobody_uses_exit_4(project: Path):
    (project / "features" / "store.feature").write_text(STORE.replace("@store", "@nightly"), encoding="utf-8")
    (project / "features" / "orders.feature").unlink()

    nothing = dry("--gate")
    unknown = dry("--tags", "@gaet")

    assert nothing.exit_code == 5 and "0 of 1 journeys would run" in nothing.output, nothing.output
    assert unknown.exit_code == 4, unknown.output
    assert "--tags '@gaet': no journey is tagged @gaet. Did you mean @gate" in unknown.output


def test_a_lint_problem_is_exit_1_with_a_step_to_paste(project: Path):
    (project / "features" / "store.feature").write_text(STORE + "    When she pays with a gift card\n")

    done = dry()

    assert done.exit_code == 1, done.output
    assert "store.feature:5: undefined step 'When she pays with a gift card'" in done.output
    assert '    @when(\n        en="she pays with a gift card",' in done.output


def test_an_unreadable_feature_is_linted_though_it_lists_no_journey(project: Path):
    (project / "features" / "broken.feature").write_text("Feature: Broken\n  this is not gherkin\n")

    done = dry()

    assert done.exit_code == 1, done.output
    assert "3 of 3 journeys would run, in 3 feature files" in done.output
    assert "broken.feature:1: no scenarios" in done.output


def test_the_shards_list_disjoint_parts_of_the_whole(project: Path):
    parts = [set(listed(dry("--shard", f"{k}/2"))) for k in (1, 2)]

    assert parts[0] and parts[1] and not parts[0] & parts[1]
    assert parts[0] | parts[1] == set(listed(dry()))
    assert dry("--shard", "0/2").exit_code == 4
