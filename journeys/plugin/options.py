"""journeys' pytest options, made from the one declaration in ``journeys.run.run_options``.

pytest-playwright (and pytest-base-url, which it brings) define ``--browser``,
``--browser-channel``, ``--device``, ``--headed``, ``--slowmo``,
``--screenshot``, ``--full-page-screenshot``, ``--tracing``, ``--video``,
``--output`` and ``--base-url`` too. Where one of them is installed (and not
disabled with ``-p no:playwright``), its option serves both and ours is not
added: two plugins adding one option stop pytest before it starts. Their
defaults are theirs (pytest-playwright's ``--screenshot`` is ``off``), so a
shared option counts only when it was given; otherwise journeys' default holds,
and journeys' evidence does not disappear because another plugin is there.
"""

from __future__ import annotations

import os
import shlex
from collections import Counter
from typing import Any

import pytest

from journeys.channels.browser_settings import BrowserSettings
from journeys.run.run_options import RUN_OPTIONS, RunOption, SettingError
from journeys.run.settings import RunSettings

# The options of other plugins we share, by their pytest11 entry-point name.
_OWNED_BY = {
    # pytest-playwright 0.10 adds --base-url itself when pytest-base-url is not there.
    "playwright": {o.flag for o in RUN_OPTIONS if o.shared},
    "base_url": {"--base-url"},
}


def pytest_addoption(parser: pytest.Parser, pluginmanager: pytest.PytestPluginManager) -> None:
    group = parser.getgroup("journeys", "customer journeys")
    theirs = _defined_elsewhere(pluginmanager)
    for option in RUN_OPTIONS:
        if option.flag in theirs:
            continue
        try:
            group.addoption(option.flag, **_argparse(option))
        except ValueError:
            pass  # pytest-playwright / pytest-base-url defined it: theirs serves both
    parser.addini("journeys_features", "collect .feature files as journeys (default true)", type="bool", default=True)


def _argparse(option: RunOption) -> dict[str, Any]:
    """argparse's settings for one option; its default is None (not given), the help shows journeys' own."""
    settings: dict[str, Any] = {"dest": option.dest, "default": None, "help": option.described}
    if option.kind is bool:
        return {**settings, "action": "store_true"}
    if option.kind is not str:
        settings["type"] = option.kind
    if option.choices:
        settings["choices"] = option.choices
    if option.many:
        settings["action"] = "append"
    return settings


def _defined_elsewhere(pluginmanager: pytest.PytestPluginManager) -> set[str]:
    from importlib.metadata import entry_points

    found: set[str] = set()
    for entry in entry_points(group="pytest11"):
        if entry.name in _OWNED_BY and not pluginmanager.is_blocked(entry.name):
            found |= _OWNED_BY[entry.name]
    return found


def given_options(config: pytest.Config) -> dict[str, Any]:
    """The run options given on the command line (or in addopts), by dest; the others are None.

    An option another plugin defined has that plugin's default when it was not
    given: it counts only when its flag was written.

    Raises:
        pytest.UsageError: an option that takes one value written twice on the command line
            (addopts may still be overridden there, as pytest has it).
    """
    counted = Counter(str(word).split("=", 1)[0] for word in config.invocation_params.args)
    twice = [o.flag for o in RUN_OPTIONS if not o.many and counted[o.flag] > 1]
    if twice:
        raise pytest.UsageError(f"{', '.join(twice)} given more than once: give each once.")
    written = _written_flags(config)
    theirs = _defined_elsewhere(config.pluginmanager)
    given: dict[str, Any] = {}
    for option in RUN_OPTIONS:
        value = config.getoption(option.dest, None)
        given[option.dest] = value if option.flag not in theirs or option.flag in written else None
    return given


def _written_flags(config: pytest.Config) -> set[str]:
    words = [*config.invocation_params.args, *config.getini("addopts")]
    words += shlex.split(os.environ.get("PYTEST_ADDOPTS", ""))  # pytest's own variable, read as pytest reads it
    return {str(word).split("=", 1)[0] for word in words if str(word).startswith("--")}


def run_settings(config: pytest.Config) -> RunSettings:
    """This run's settings, made once in the controlling process (``runtime.begin``): the environment is read here.

    Raises:
        pytest.UsageError: an option given twice, or a variable of the wrong kind (exit status 4).
    """
    try:
        return RunSettings.build(given_options(config), os.environ)
    except SettingError as exc:
        raise pytest.UsageError(str(exc)) from None


def browser_settings(config: pytest.Config) -> BrowserSettings:
    """The browser settings of this run, from the options whoever defined them."""
    return run_settings(config).browser
