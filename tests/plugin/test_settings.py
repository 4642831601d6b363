"""A run's settings: one table of options, read once in a documented order, passed to workers whole."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from journeys.channels.browser_settings import BrowserSettings
from journeys.cli import main
from journeys.errors import ConfigError
from journeys.plugin.options import given_options, run_settings
from journeys.run.run_options import ENVIRONMENT_ONLY, RUN_OPTIONS, SIMULATE_SHARED, SettingError
from journeys.run.settings import RunSettings

pytest_plugins = ["pytester"]


def test_the_command_line_comes_before_the_environment_which_comes_before_the_default():
    environ = {"JOURNEYS_SEED": "11", "JOURNEYS_BASE_URL": "http://env.test/", "JOURNEYS_SYSTEM": "helpdesk"}

    told = RunSettings.build({"seed": 3, "base_url": "http://given.test/", "system": ["shop", "desk"]}, environ)
    from_env = RunSettings.build({}, environ)
    plain = RunSettings.build({}, {})

    assert (told.seed, told.base_url, told.systems) == (3, "http://given.test", ("shop", "desk"))
    assert told.system == ["shop", "desk"]
    assert (from_env.seed, from_env.base_url, from_env.system) == (11, "http://env.test", "helpdesk")
    assert plain.base_url is None and plain.systems == ("refshop",) and plain.browser == BrowserSettings()
    assert plain.run_id and plain.folder == Path("reports") / "runs" / plain.run_id


@pytest.mark.parametrize(
    ("variable", "value", "said"),
    [
        ("JOURNEYS_SEED", "abc", "JOURNEYS_SEED='abc' is not a whole number (--seed)"),
        ("JOURNEYS_BROWSERLESS", "maybe", "JOURNEYS_BROWSERLESS='maybe' is not 1/true/yes or 0/false/no"),
    ],
)
def test_an_environment_value_of_the_wrong_kind_says_which_variable(variable, value, said):
    with pytest.raises(SettingError) as info:
        RunSettings.build({}, {variable: value})
    assert said in str(info.value) and isinstance(info.value, ConfigError)


# Each variable a setting reads, a value for it, and where that value lands in the settings.
_EACH_VARIABLE = {
    "JOURNEYS_SYSTEM": ("helpdesk", lambda s: s.systems == ("helpdesk",)),
    "JOURNEYS_BASE_URL": ("http://env.test/", lambda s: s.base_url == "http://env.test"),
    "JOURNEYS_SEED": ("11", lambda s: s.seed == 11),
    "JOURNEYS_RUN_ID": ("nightly-7", lambda s: s.run_id == "nightly-7"),
    "JOURNEYS_BROWSERLESS": ("1", lambda s: s.browserless is True),
    "JOURNEYS_CHROMIUM": ("/opt/chrome", lambda s: s.browser.executable == "/opt/chrome"),
    "JOURNEYS_BROWSER_WS": ("ws://grid:3000/", lambda s: s.browser.ws_endpoint == "ws://grid:3000/"),
    "JOURNEYS_PROMISE_STORE": ("sqlite:///p.sqlite", lambda s: s.promise_store == "sqlite:///p.sqlite"),
    "JOURNEYS_TREND_DB": ("/ci/trend.sqlite", lambda s: s.report.trend_db == "/ci/trend.sqlite"),
    "JOURNEYS_REPORT_URL": ("https://ci/run/7/", lambda s: s.report.report_url == "https://ci/run/7"),
    "JOURNEYS_ALLURE": ("/opt/allure", lambda s: s.report.allure == "/opt/allure"),
    "JOURNEYS_CACHE": ("/ci/cache", lambda s: s.report.allure_folder == Path("/ci/cache/allure")),
    "CI": ("true", lambda s: s.ci is True),
}


class _Counted(dict):
    """An environment that counts how often each variable is read."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.reads: dict[str, int] = {}

    def get(self, key, default=None):
        self.reads[key] = self.reads.get(key, 0) + 1
        return super().get(key, default)

    def __getitem__(self, key):
        self.reads[key] = self.reads.get(key, 0) + 1
        return super().__getitem__(key)


@pytest.mark.parametrize("variable", sorted(_EACH_VARIABLE))
def test_each_variable_reaches_its_field_and_is_read_once(variable):
    value, landed = _EACH_VARIABLE[variable]
    environ = _Counted({variable: value})

    settings = RunSettings.build({}, environ)

    assert landed(settings), settings
    assert environ.reads[variable] == 1
    assert not landed(RunSettings.build({}, {})), "the default is not the variable's value"


def test_every_documented_variable_is_tested_here():
    declared = {o.env for o in RUN_OPTIONS if o.env} | set(ENVIRONMENT_ONLY)
    assert declared == set(_EACH_VARIABLE)


def test_the_command_line_wins_over_each_variable():
    environ = {"JOURNEYS_TREND_DB": "/env.sqlite", "JOURNEYS_CHROMIUM": "/env/chrome", "CI": "0"}

    settings = RunSettings.build({"trend_db": "/given.sqlite", "chromium": "/given/chrome"}, environ)

    assert (settings.report.trend_db, settings.browser.executable, settings.ci) == (
        "/given.sqlite",
        "/given/chrome",
        False,
    )


@pytest.mark.parametrize("command", ["run", "simulate", "promises", "report", "doctor"])
def test_an_option_given_twice_is_a_usage_error_in_every_command(command):
    flag = {"run": "--seed=1", "simulate": "--seed=1", "promises": "--run-id=a", "report": "--trend-db=a"}
    first = flag.get(command, "--chromium=/a")

    done = CliRunner().invoke(main, [command, first, first.replace("=", "=2")])

    assert done.exit_code == 4, done.output
    assert f"{first.split('=')[0]} given more than once: give each once." in done.output


@pytest.mark.parametrize(
    ("command", "variable", "said"),
    [
        (["run", "--dry-run"], "JOURNEYS_SEED", "JOURNEYS_SEED='many' is not a whole number (--seed)"),
        (["simulate"], "JOURNEYS_SEED", "JOURNEYS_SEED='many' is not a whole number (--seed)"),
        (["promises"], "JOURNEYS_NOW", "JOURNEYS_NOW (--as-of): not an ISO 8601 moment: 'many'"),
    ],
)
def test_a_bad_variable_is_a_usage_error_in_every_command(command, variable, said, tmp_path):
    # In a process of its own: simulate imports Locust, whose gevent would patch this one.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JOURNEYS_", "PYTEST_XDIST"))}
    env.update({variable: "many", "PYTHONPATH": str(Path(__file__).resolve().parents[2])})

    done = subprocess.run(
        [sys.executable, "-m", "journeys.cli", *command], cwd=tmp_path, env=env, capture_output=True, text=True
    )

    assert done.returncode == 4, done.stdout + done.stderr
    assert said in done.stderr


def test_a_command_reads_only_the_variables_of_its_own_options(tmp_path):
    from journeys.promises.promises_settings import PromisesSettings

    environ = {"JOURNEYS_SEED": "not read by promises", "JOURNEYS_BASE_URL": "http://elsewhere/"}
    settings = PromisesSettings.build({"reports_dir": str(tmp_path)}, environ)

    assert settings.base_url is None and settings.run.base_url is None


def test_pytest_refuses_an_option_given_twice_and_a_bad_variable(pytester: pytest.Pytester, monkeypatch):
    twice = pytester.runpytest("--seed=1", "--seed=2")
    monkeypatch.setenv("JOURNEYS_TREND_DB", "/t.sqlite")
    monkeypatch.setenv("JOURNEYS_BROWSERLESS", "sometimes")
    bad = pytester.runpytest()

    assert twice.ret == pytest.ExitCode.USAGE_ERROR and "--seed given more than once" in twice.stderr.str()
    assert bad.ret == pytest.ExitCode.USAGE_ERROR and "JOURNEYS_BROWSERLESS='sometimes'" in bad.stderr.str()


def test_simulate_takes_one_system_and_its_run_id_says_simulation():
    from journeys.population.simulate_command import simulate_settings

    given = {option.dest: None for option in SIMULATE_SHARED}
    settings = simulate_settings({**given, "system": ("shop",), "seed": 3}, {"JOURNEYS_TREND_DB": "/not/read"})
    assert settings.run_id.startswith("sim-") and settings.system == "shop" and settings.seed == 3
    assert settings.report.trend_db is None  # simulate keeps no trend: its variable is not read
    with pytest.raises(click.UsageError, match="a population walks one system"):
        simulate_settings({**given, "system": ("shop", "helpdesk")}, {})


def test_promises_settings_read_the_moment_and_the_store_once(tmp_path):
    from journeys.promises.promises_settings import PromisesSettings

    environ = _Counted({"JOURNEYS_NOW": "2026-12-08T09:00", "JOURNEYS_PROMISE_STORE": str(tmp_path / "p.sqlite")})
    settings = PromisesSettings.build({"reports_dir": str(tmp_path)}, environ)

    assert settings.as_of is not None and settings.as_of.isoformat() == "2026-12-08T09:00:00"
    assert settings.store == str(tmp_path / "p.sqlite") and settings.run.reports_dir == tmp_path
    assert environ.reads["JOURNEYS_NOW"] == 1 and environ.reads["JOURNEYS_PROMISE_STORE"] == 1
    with pytest.raises(SettingError, match=r"JOURNEYS_NOW \(--as-of\): not an ISO 8601 moment"):
        PromisesSettings.build({}, {"JOURNEYS_NOW": "Monday"})


def test_settings_travel_to_a_worker_whole_and_unchanged():
    settings = RunSettings.build(
        {"fault": ["a"], "browser": ["chromium", "firefox"], "device": "iPhone 13", "output": "out", "gate": True},
        {"JOURNEYS_SEED": "5"},
    )

    again = RunSettings.from_dict(json.loads(json.dumps(settings.to_dict())))

    assert again == settings and again.browsers == ("chromium", "firefox") and again.browser.device == "iPhone 13"


def test_the_plugin_reads_its_options_from_the_table(pytester: pytest.Pytester):
    config = pytester.parseconfig("--seed=4", "--fault=x", "--fault=y", "--gate", "--browser-channel=chrome")

    settings = run_settings(config)

    assert (settings.seed, settings.faults, settings.gate, settings.browser.channel) == (4, ("x", "y"), True, "chrome")
    assert given_options(pytester.parseconfig())["screenshot"] is None  # not given: journeys' default holds
    assert run_settings(pytester.parseconfig()).browser.screenshot == "on"


def test_xdist_workers_share_the_controllers_seed_and_run(pytester: pytest.Pytester):
    pytester.makepyfile(
        test_seen="""
        import pytest
        from journeys.plugin import runtime

        @pytest.mark.parametrize("n", range(4))
        def test_seen(request, n):
            run = runtime.current(request.config)
            (request.config.rootpath / f"seen-{n}.txt").write_text(f"{run.seed} {run.run_id} {run.worker}")
        """
    )

    result = pytester.runpytest_subprocess("-n", "2", "-p", "no:randomly", "--reports-dir", str(pytester.path))

    seen = [p.read_text().split() for p in pytester.path.glob("seen-*.txt")]
    header = next(line for line in result.stdout.lines if line.startswith("journeys: system"))
    assert result.ret == 0 and len(seen) == 4, result.stdout.str()
    assert len({(seed, run) for seed, run, _ in seen}) == 1 and {w for *_, w in seen} == {"gw0", "gw1"}
    assert f"seed {seen[0][0]} " in header and seen[0][1] in header


def test_the_settings_page_names_every_option_and_variable():
    page = (Path(__file__).resolve().parents[2] / "docs" / "settings.md").read_text(encoding="utf-8")
    for option in RUN_OPTIONS:
        assert f"| `{option.flag}` | {f'`{option.env}`' if option.env else ''} |" in page, option.flag
    for variable in ENVIRONMENT_ONLY:
        assert f"| `{variable}` |" in page, variable
