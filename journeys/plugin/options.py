"""journeys' command-line options, named as pytest-playwright and Cucumber users know them.

pytest-playwright (and pytest-base-url, which it brings) define ``--browser``,
``--headed``, ``--slowmo``, ``--screenshot``, ``--tracing``, ``--video`` and
``--base-url`` too. Where one of them is installed (and not disabled with
``-p no:playwright``), its option serves both and ours is not added: two
plugins adding one option stop pytest before it starts.
"""

from __future__ import annotations

import argparse
import os
from typing import Any

import pytest

from journeys.channels.browser_settings import BROWSERS, BrowserSettings

# The options of other plugins we share, by their pytest11 entry-point name.
_OWNED_BY = {
    # pytest-playwright 0.10 adds --base-url itself when pytest-base-url is not there.
    "playwright": {"--headed", "--browser", "--slowmo", "--screenshot", "--tracing", "--video", "--base-url"},
    "base_url": {"--base-url"},
}

# Options pytest-playwright or pytest-base-url may define instead: (flags, settings).
_SHARED: list[tuple[tuple[str, ...], dict[str, Any]]] = [
    (("--base-url",), {"default": None, "help": "URL of the system under test (default: start the embedded shop)"}),
    (("--headed",), {"action": "store_true", "default": False, "help": "show the browser"}),
    (
        ("--browser",),
        {
            "action": "append",
            "default": [],
            "choices": BROWSERS,
            "help": "browser engine: chromium (default), firefox or webkit (Playwright's own builds)",
        },
    ),
    (("--slowmo",), {"default": 0, "type": float, "help": "milliseconds between browser actions"}),
    (
        ("--screenshot",),
        {
            "default": "on",
            "choices": ["on", "off", "only-on-failure"],
            "help": "a screenshot per touchpoint: on (default), off, only-on-failure",
        },
    ),
    (
        ("--tracing",),
        {
            "default": "off",
            "choices": ["on", "off", "retain-on-failure"],
            "help": "Playwright trace per customer: on, off (default), retain-on-failure",
        },
    ),
    (
        ("--video",),
        {
            "default": "off",
            "choices": ["on", "off", "retain-on-failure"],
            "help": "video per customer: on, off (default), retain-on-failure",
        },
    ),
]


def pytest_addoption(parser: pytest.Parser, pluginmanager: pytest.PytestPluginManager) -> None:
    group = parser.getgroup("journeys", "customer journeys")
    group.addoption(
        "--system",
        action=_Systems,
        default=os.environ.get("JOURNEYS_SYSTEM", "refshop"),
        help="touchpoint map: a name under fixtures/systems, a bundled one, or a path (default: refshop);"
        " repeat it for a journey across several systems (the first is the main one)",
    )
    group.addoption(
        "--smtp-port",
        type=int,
        default=None,
        help="port of the SMTP capture that receives the systems' mail (default: the map's mail.port, else free)",
    )
    group.addoption(
        "--fault", action="append", default=[], help="switch on a named fault in the embedded shop (repeatable)"
    )
    group.addoption(
        "--seed", type=int, default=None, help="seed for the synthetic customers (default: random, shown in the header)"
    )
    group.addoption("--tags", default=None, help="Cucumber tag expression: '@gate and not @slow' ('@' optional)")
    group.addoption(
        "--reports-dir", default="reports", help="where each run's evidence and ledgers go (default: reports)"
    )
    group.addoption("--element-timeout", type=float, default=5.0, help="seconds to wait for an element (default 5)")
    group.addoption(
        "--mail-timeout", type=float, default=None, help="seconds to wait for a mail (default 30; 5 on a test clock)"
    )
    group.addoption(
        "--http-timeout", type=float, default=10.0, help="seconds a request may take without a browser (default 10)"
    )
    theirs = _defined_elsewhere(pluginmanager)
    for flags, settings in _SHARED:
        if flags[0] in theirs:
            continue
        try:
            group.addoption(*flags, **settings)
        except ValueError:
            pass  # pytest-playwright / pytest-base-url defined it: theirs serves both
    parser.addini("journeys_features", "collect .feature files as journeys (default true)", type="bool", default=True)


class _Systems(argparse.Action):
    """``--system a --system b``: one name stays a name (as before); several become a list."""

    def __call__(self, parser: Any, namespace: Any, values: Any, option_string: str | None = None) -> None:
        current = getattr(namespace, self.dest, None)
        given = getattr(namespace, "_journeys_systems_given", False)
        if not given:
            setattr(namespace, self.dest, values)  # replaces the default
            namespace._journeys_systems_given = True
        else:
            setattr(namespace, self.dest, SystemNames([*(current if isinstance(current, list) else [current]), values]))


class SystemNames(list[str]):
    """Several systems, shown as ``shop+helpdesk`` wherever one name was shown."""

    def __str__(self) -> str:
        return "+".join(self)


def _defined_elsewhere(pluginmanager: pytest.PytestPluginManager) -> set[str]:
    from importlib.metadata import entry_points

    found: set[str] = set()
    for entry in entry_points(group="pytest11"):
        if entry.name in _OWNED_BY and not pluginmanager.is_blocked(entry.name):
            found |= _OWNED_BY[entry.name]
    return found


def browser_settings(config: pytest.Config) -> BrowserSettings:
    """The browser settings of this run, from the options whoever defined them."""
    browsers = config.getoption("browser") or ["chromium"]
    browser = browsers[0] if isinstance(browsers, list) else str(browsers)
    return BrowserSettings(
        browser=browser,
        headless=not config.getoption("headed"),
        slowmo=float(config.getoption("slowmo") or 0),
        screenshot=config.getoption("screenshot"),
        tracing=config.getoption("tracing"),
        video=config.getoption("video"),
        element_timeout=config.getoption("element_timeout"),
        mail_timeout=config.getoption("mail_timeout"),
        http_timeout=config.getoption("http_timeout"),
    )
