"""The browser options reach the settings, the session and the evidence a run leaves."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from journeys.channels.browser_launch import NO_DISPLAY
from journeys.channels.browser_settings import BrowserSettings
from journeys.plugin.options import browser_settings

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parents[2]
TABLET = ("features/order/web_order.feature", "-k", "tablet")


def test_every_browser_option_reaches_the_settings(pytester: pytest.Pytester):
    config = pytester.parseconfig(
        "--browser=firefox",
        "--headed",
        "--slowmo=250",
        "--screenshot=off",
        "--tracing=on",
        "--video=retain-on-failure",
        "--element-timeout=2.5",
        "--mail-timeout=9",
    )
    assert browser_settings(config) == BrowserSettings(
        browser="firefox",
        headless=False,
        slowmo=250,
        screenshot="off",
        tracing="on",
        video="retain-on-failure",
        element_timeout=2.5,
        mail_timeout=9,
    )


def test_without_options_the_settings_are_the_defaults(pytester: pytest.Pytester):
    assert browser_settings(pytester.parseconfig()) == BrowserSettings()


def journeys_run(tmp_path: Path, *options: str, unset: tuple[str, ...] = ()) -> tuple[int, str, Path]:
    """``journeys run`` on the tablet scenario, without the ``unset`` variables: exit code, output, run folder."""
    reports = tmp_path / "reports"
    feature, *select = TABLET
    args = [sys.executable, "-m", "journeys.cli", "run", feature, "--reports-dir", str(reports), "--seed", "7"]
    args += [*options, *(a for s in select for a in ("--pytest-arg", s))]
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("JOURNEYS_", "PYTEST_XDIST", "REFSHOP_")) and k not in unset
    }
    done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=1800, env=env)
    return done.returncode, done.stdout + done.stderr, (reports / "latest").resolve()


@pytest.mark.e2e
def test_journeys_run_screenshot_off_tracing_on_leaves_traces_and_no_screenshots(tmp_path: Path):
    code, output, run = journeys_run(tmp_path, "--screenshot", "off", "--tracing", "on")
    assert code == 0, output
    customers = [ledger.parent for ledger in run.glob("evidence/*/ledger.json")]
    assert customers
    assert list((run / "evidence").rglob("*.png")) == []
    assert all((c / "trace.zip").is_file() for c in customers)  # kept although the journey passed


@pytest.mark.e2e
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="only Linux needs DISPLAY for a window")
def test_journeys_run_headed_without_a_display_is_one_run_wide_error(tmp_path: Path):
    code, output, _ = journeys_run(tmp_path, "--headed", unset=("DISPLAY", "WAYLAND_DISPLAY"))
    assert code == 3, output
    assert NO_DISPLAY in output and "1 error" in output
    assert "apt-get install chromium" not in output and "playwright install chromium" not in output
