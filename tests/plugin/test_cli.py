"""`journeys` on the command line: version, faults, paths that do not exist, options passed to pytest."""

from __future__ import annotations

from importlib.metadata import version

import click
import pytest
from click.testing import CliRunner

from journeys.cli import main


def test_version():
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"journeys {version('journeys')}\n"


def test_faults_lists_the_reference_shops_catalogue():
    result = CliRunner().invoke(main, ["faults"])
    assert result.exit_code == 0
    names = [line.split()[0] for line in result.output.splitlines()]
    assert len(names) >= 17 and "email-total-stale" in names and "irrelevant-offers" in names


def test_a_path_that_does_not_exist_is_a_usage_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["run", "featurs/order"])
    assert result.exit_code == 4
    assert "featurs/order: no such file or folder" in result.output


def test_no_features_folder_says_how_to_get_one(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["run"])
    assert result.exit_code == 4
    assert "journeys init" in result.output


def test_a_project_with_testpaths_still_runs_its_features_not_its_tests(tmp_path, monkeypatch):
    """This repository's own shape: pyproject's testpaths name tests/, and `journeys run` runs features/."""
    (tmp_path / "pyproject.toml").write_text('[tool.pytest.ini_options]\ntestpaths = ["tests"]\n')
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_not_a_journey.py").write_text("def test_x():\n    raise AssertionError\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["run"])
    assert result.exit_code == 4, result.output
    assert "features: no such file or folder" in result.output and "journeys init" in result.output


def test_options_reach_pytest_in_one_token_each(tmp_path, monkeypatch):
    (tmp_path / "x.feature").write_text("Feature: x\n  Scenario: y\n    Given a customer\n")
    monkeypatch.chdir(tmp_path)
    seen: list[str] = []
    monkeypatch.setattr(pytest, "main", lambda args, plugins: seen.extend(args) or 0)
    result = CliRunner().invoke(
        main,
        [
            "run",
            "x.feature:2",
            "--tags",
            "@gate and not @slow",
            "--screenshot",
            "off",
            "--headed",
            "--lf",
            "-n",
            "2",
            "--run-id",
            "run-1",
            "--fault",
            "a",
            "--fault",
            "b",
        ],
    )
    assert result.exit_code == 0, result.output
    assert seen[:4] == ["x.feature:2", "--lf", "-n", "2"]  # pytest's own, as given
    assert "--tags=@gate and not @slow" in seen and "--screenshot=off" in seen
    assert "--headed" in seen and "--fault=a" in seen and "--fault=b" in seen
    assert seen[seen.index("--junitxml") + 1] == "reports/runs/run-1/junit.xml"


FEATURE = """Feature: shop
  Scenario: tablet
    Given a customer
  Scenario: phone
    Given a customer
"""


def test_pytest_options_go_to_pytest_as_pytest_takes_them(tmp_path, monkeypatch, capsys):
    (tmp_path / "features").mkdir()
    (tmp_path / "features" / "shop.feature").write_text(FEATURE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    result = CliRunner().invoke(main, ["run", "-k", "tablet", "--co", "-q", "-p", "no:randomly", "--maxfail=2"])

    assert result.exit_code == 0, result.output
    assert "shop.feature::tablet" in result.output and "phone" not in result.output


def test_an_unknown_option_is_a_usage_error_not_a_missing_path(tmp_path, monkeypatch):
    (tmp_path / "features").mkdir()
    monkeypatch.chdir(tmp_path)

    result = CliRunner().invoke(main, ["run", "--bogus"])

    assert result.exit_code == 4
    assert "no such option: --bogus" in result.output and "no such file" not in result.output


def test_run_and_the_plugin_take_their_options_from_one_table():
    from journeys.plugin.options import _argparse
    from journeys.run.run_options import RUN_OPTIONS

    flags = {p.opts[0] for p in main.commands["run"].params if isinstance(p, click.Option) and p.opts}
    assert {o.flag for o in RUN_OPTIONS} <= flags
    assert flags - {o.flag for o in RUN_OPTIONS} == {"--pytest-arg", "--dry-run"}  # run's own: pytest never sees them
    assert _argparse(RUN_OPTIONS[0])["action"] == "append"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["simulate", "--bogus"], "No such option '--bogus'"),
        (["run", "--browser", "foo"], "Invalid value for '--browser'"),
        (["report", "--nope"], "No such option '--nope'"),
        (["--nope"], "No such option '--nope'"),
        (["run", "--bogus"], "journeys run: no such option: --bogus"),
    ],
)
def test_usage_errors_exit_4_in_every_command(args, said):
    done = CliRunner().invoke(main, args)
    assert done.exit_code == 4, done.output
    assert said in done.output
