"""pytest-playwright's options, with its meaning, whether or not it is installed: a device emulated,
an output folder, several browsers as parameters; a browser, codec or device that is not there is
the run's error (exit 3) before any journey, never a journey's failure."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from journeys.channels.browser_settings import BrowserSettings
from journeys.run.settings import RunSettings

ROOT = Path(__file__).resolve().parents[2]
TABLET = "features/order/web_order.feature"


def journeys_run(tmp_path: Path, *options: str) -> tuple[int, str, Path]:
    """``journeys run`` on the tablet scenario: exit code, output, run folder."""
    reports = tmp_path / "reports"
    args = [sys.executable, "-m", "journeys.cli", "run", TABLET, "-k", "tablet", "--reports-dir", str(reports)]
    args += ["--seed", "7", "-p", "no:randomly", *options]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JOURNEYS_", "PYTEST_XDIST", "REFSHOP_"))}
    done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=1800, env=env)
    return done.returncode, done.stdout + done.stderr, (reports / "latest").resolve()


def png_width(path: Path) -> int:
    return int(struct.unpack(">I", path.read_bytes()[16:20])[0])


def test_several_browsers_make_each_scenario_one_item_per_browser(tmp_path: Path):
    code, output, _ = journeys_run(tmp_path, "--browser", "chromium", "--browser", "webkit", "--co", "-q")

    assert code == 0, output
    names = [line for line in output.splitlines() if "web_order.feature::" in line]
    assert [n.rsplit("[", 1)[1] for n in names] == ["chromium]", "webkit]"]


def test_a_journey_in_another_of_the_runs_browsers_gets_that_browser():
    from journeys.channels import make_driver

    settings = RunSettings.build({"browser": ["chromium", "firefox", "chromium"]}, {})
    asked: list[str] = []

    class Session:
        map = type("Map", (), {"url_for": staticmethod(lambda channel, base: base), "credentials": {}})()
        base_url, secrets, browserless, browser_settings = "http://shop.test", None, False, settings.browser
        environ: dict[str, str] = {}

        def browser_for(self, chosen: BrowserSettings) -> str:
            asked.append(chosen.browser)
            return chosen.browser

    journey = type(
        "Journey", (), {"customer": type("C", (), {"key": "anna"})(), "evidence": None, "browserless": None}
    )()
    journey.browser_settings = settings.for_browser("firefox").browser
    driver = make_driver("web", Session(), journey)

    assert settings.browsers == ("chromium", "firefox") and asked == ["firefox"]
    assert driver.settings.browser == "firefox" and driver.browser_session == "firefox"


@pytest.mark.e2e
def test_a_device_is_emulated_and_the_output_folder_gets_the_artifacts(tmp_path: Path):
    output = tmp_path / "test-results"
    code, text, run = journeys_run(tmp_path, "--device", "iPhone 13", "--output", str(output), "--tracing", "on")

    assert code == 0, text
    (customer,) = [ledger.parent for ledger in run.glob("evidence/*/ledger.json")]
    shots = sorted(customer.glob("web-*.png"))
    assert shots and {png_width(p) for p in shots} == {390}  # the iPhone 13's viewport, in CSS pixels
    copied = output / customer.name
    assert sorted(p.name for p in copied.iterdir()) == sorted([*(p.name for p in shots), "trace.zip"])


@pytest.mark.e2e
def test_a_browser_that_is_not_installed_is_the_runs_error_before_any_journey(tmp_path: Path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        installed = Path(playwright.firefox.executable_path).is_file()

    code, output, run = journeys_run(tmp_path, "--browser", "firefox")

    if installed:  # Playwright's Firefox is there: the journey runs in it
        assert code == 0, output
    else:
        assert code == 3, output
        assert "journeys-run-error[BrowserMissing]" in output and "playwright install firefox" in output
        assert not list(run.glob("evidence/*/ledger.json"))  # no journey started


@pytest.mark.e2e
def test_an_unknown_device_is_the_runs_error_naming_the_closest(tmp_path: Path):
    code, output, _ = journeys_run(tmp_path, "--device", "iPhone 99")

    assert code == 3, output
    assert "--device 'iPhone 99': Playwright knows no such device" in output and "'iPhone X'" in output
