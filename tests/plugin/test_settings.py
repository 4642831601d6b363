"""A run's settings: one table of options, read once in a documented order, passed to workers whole."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from journeys.channels.browser_settings import BrowserSettings
from journeys.errors import ConfigError
from journeys.plugin.options import given_options, run_settings
from journeys.settings import RunSettings

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


def test_an_environment_value_of_the_wrong_kind_says_which_variable():
    with pytest.raises(ConfigError, match="JOURNEYS_SEED='abc' is not a int"):
        RunSettings.build({}, {"JOURNEYS_SEED": "abc"})


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
