"""The options of a run, declared once: what each is called, its kind, default and environment variable.

``RUN_OPTIONS`` is the one declaration of the options journeys owns for a run;
``journeys run``'s click options (journeys/cli.py), the pytest plugin's
(journeys/plugin/options.py) and those ``journeys simulate``, ``promises``,
``report`` and ``doctor`` share with a run (``SIMULATE_SHARED``,
``PROMISES_SHARED``) are made from it. Options named as pytest-playwright (and
pytest-base-url) name theirs keep their meaning; where one of those plugins is
installed, its option serves both. ``value_of`` reads one option: the command
line's value, else its variable's, else its default (docs/settings.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from journeys.channels.browser_settings import BROWSERS
from journeys.errors import ConfigError

__all__ = [
    "ENVIRONMENT_ONLY",
    "OPTIONS_BY_DEST",
    "PROMISES_SHARED",
    "RUN_OPTIONS",
    "SIMULATE_SHARED",
    "RunOption",
    "SettingError",
    "in_ci",
    "value_of",
]


class SettingError(ConfigError):
    """A setting given badly (an environment variable of the wrong kind): a usage error, exit status 4."""


@dataclass(frozen=True)
class RunOption:
    """One option of a run.

    Args:
        flag: ``--seed``; its value is ``RunSettings.<flag without dashes, _ for ->``.
        help: one line for ``-h``.
        kind: ``str``, ``int``, ``float`` or ``bool`` (a flag).
        default: when neither the command line nor the environment gives one.
        choices: the values allowed, when they are few.
        many: repeatable (``--fault a --fault b``); the value is a tuple.
        env: the environment variable read when the command line does not give it.
        shared: pytest-playwright or pytest-base-url may define it (theirs then serves both).
    """

    flag: str
    help: str
    kind: type = str
    default: Any = None
    choices: tuple[str, ...] = ()
    many: bool = False
    env: str | None = None
    shared: bool = False

    @property
    def dest(self) -> str:
        return self.flag.lstrip("-").replace("-", "_")

    @property
    def described(self) -> str:
        """The help line with its default and its variable, as ``-h`` shows it (every command)."""
        shown = self.default is not None and self.kind is not bool
        return self.help + (f" [default: {self.default}]" if shown else "") + (f" [env {self.env}]" if self.env else "")


_SCREENSHOT = ("on", "off", "only-on-failure")
_KEEP = ("on", "off", "retain-on-failure")

RUN_OPTIONS: tuple[RunOption, ...] = (
    RunOption(
        "--system",
        "touchpoint map: a name under fixtures/systems, a bundled one, or a path [default: refshop];"
        " repeat it for a journey across several systems (the first is the main one)",
        many=True,
        env="JOURNEYS_SYSTEM",
    ),
    RunOption(
        "--base-url",
        "URL of the system under test [default: the map's base_url, else start the embedded shop]",
        env="JOURNEYS_BASE_URL",
        shared=True,
    ),
    RunOption("--smtp-port", "port of the SMTP capture the systems send mail to [default: the map's, else free]", int),
    RunOption("--fault", "fault to switch on in the embedded shop (repeatable; `journeys faults`)", many=True),
    RunOption("--tags", "Cucumber tag expression, e.g. '@gate and not @slow' ('@' optional)"),
    RunOption(
        "--seed", "seed for the synthetic customers (replay a run) [default: random, shown]", int, env="JOURNEYS_SEED"
    ),
    RunOption(
        "--shard",
        "run shard k of n, e.g. 2/4, balanced by the durations the trend remembers; merge the shards"
        " with `journeys report --merge`",
    ),
    RunOption("--reports-dir", "each run writes to <dir>/runs/<id>/", default="reports"),
    RunOption("--run-id", "the run's id and folder name [default: a new one, by time]", env="JOURNEYS_RUN_ID"),
    RunOption("--gate", "the release gate: hold the run to [tool.journeys.gate] thresholds", bool, False),
    RunOption(
        "--browser",
        "browser engine: chromium, firefox or webkit; repeat it to run every journey in each",
        choices=BROWSERS,
        many=True,
        shared=True,
    ),
    RunOption("--browser-channel", "browser channel, e.g. chrome, msedge (an installed branded browser)", shared=True),
    RunOption("--device", "device to emulate, as Playwright names it: 'iPhone 13', 'Pixel 7'", shared=True),
    RunOption("--headed", "show the browser (needs a display: use xvfb-run without one)", bool, False, shared=True),
    RunOption("--slowmo", "milliseconds between browser actions", float, 0.0, shared=True),
    RunOption("--screenshot", "a screenshot per touchpoint", default="on", choices=_SCREENSHOT, shared=True),
    RunOption(
        "--full-page-screenshot",
        "screenshots of the whole page, not the window (journeys' always are)",
        bool,
        True,
        shared=True,
    ),
    RunOption("--tracing", "Playwright trace per customer", default="off", choices=_KEEP, shared=True),
    RunOption("--video", "video per customer (needs ffmpeg)", default="off", choices=_KEEP, shared=True),
    RunOption(
        "--output",
        "also copy each customer's screenshots, trace and video to DIR/<customer>/ (pytest-playwright's"
        " folder) [default: only the run's evidence folder]",
        shared=True,
    ),
    RunOption("--element-timeout", "seconds to wait for an element", float, 5.0),
    RunOption("--mail-timeout", "seconds to wait for a mail [default: 30; 5 on a test clock]", float),
    RunOption(
        "--http-timeout", "seconds a request may take without a browser, and a system its first answer", float, 10.0
    ),
    RunOption(
        "--browserless",
        "walk web, agent and chat pages over HTTP, without a browser (as a population's customers do)",
        bool,
        False,
        env="JOURNEYS_BROWSERLESS",
    ),
    RunOption(
        "--chromium",
        "the Chromium or Chrome executable to drive [default: Playwright's own, else /usr/bin/chromium]",
        env="JOURNEYS_CHROMIUM",
    ),
    RunOption(
        "--browser-ws",
        "connect to this Playwright browser server (ws://...) instead of launching a browser",
        env="JOURNEYS_BROWSER_WS",
    ),
    RunOption(
        "--promise-store",
        "the project's promise store: a path or sqlite:///path [default: <reports-dir>/promises.sqlite]",
        env="JOURNEYS_PROMISE_STORE",
    ),
    RunOption(
        "--trend-db",
        "where the trend is kept: a path or sqlite:///path [default: <reports-dir>/trend.sqlite]",
        env="JOURNEYS_TREND_DB",
    ),
    RunOption(
        "--report-url",
        "the URL CI publishes the run folder at: reports link evidence under it [default: no links]",
        env="JOURNEYS_REPORT_URL",
    ),
)

# The variables no option stands for, read where a command starts (and nowhere else).
ENVIRONMENT_ONLY = {
    "CI": "set (not 0/false/no): a CI job; no progress lines",
    "JOURNEYS_ALLURE": "the `allure` command to build Allure's report with [default: installed with npm]",
    "JOURNEYS_CACHE": "where journeys installs Allure: <dir>/allure [default: <venv>/allure, else ~/.cache/journeys]",
}

OPTIONS_BY_DEST = {option.dest: option for option in RUN_OPTIONS}
_BY_FLAG = {option.flag: option for option in RUN_OPTIONS}

# What `journeys simulate` and `journeys promises` take from a run's options, meaning the same.
SIMULATE_SHARED: tuple[RunOption, ...] = tuple(
    _BY_FLAG[flag]
    for flag in (
        "--system", "--base-url", "--smtp-port", "--fault", "--seed", "--run-id",
        "--browser", "--browser-channel", "--headed", "--slowmo", "--chromium", "--browser-ws",
        "--element-timeout", "--mail-timeout", "--http-timeout", "--promise-store",
    )
)  # fmt: skip
PROMISES_SHARED: tuple[RunOption, ...] = tuple(
    _BY_FLAG[flag]
    for flag in (
        "--smtp-port", "--reports-dir", "--run-id", "--promise-store", "--chromium", "--browser-ws",
        "--element-timeout", "--mail-timeout", "--http-timeout",
    )
)  # fmt: skip


def in_ci(environ: Mapping[str, str]) -> bool:
    """Whether this is a CI job: ``CI`` set to anything but empty, 0, false or no."""
    return environ.get("CI", "").strip().lower() not in _NO


_YES = ("1", "true", "yes", "on")
_NO = ("", "0", "false", "no", "off")
_KINDS = {int: "a whole number", float: "a number", bool: "1/true/yes or 0/false/no"}


def value_of(option: RunOption, given: Any, environ: Mapping[str, str]) -> Any:
    """The command line's value, else the environment's, else the default."""
    if given not in (None, [], (), ""):
        return given
    raw = environ.get(option.env) if option.env else None
    if raw:
        value = _parsed(option, raw.strip())
        return (value,) if option.many else value
    return () if option.many else option.default


def _parsed(option: RunOption, raw: str) -> Any:
    try:
        if option.kind is bool:
            if raw.lower() not in _YES + _NO:
                raise ValueError(raw)
            return raw.lower() in _YES
        value = option.kind(raw)
    except ValueError:
        raise SettingError(
            f"{option.env}={raw!r} is not {_KINDS.get(option.kind, option.kind.__name__)} ({option.flag});"
            f" set it right or unset it"
        ) from None
    if option.choices and value not in option.choices:
        raise SettingError(f"{option.env}={raw!r} is not one of {', '.join(option.choices)} ({option.flag})")
    return value
