"""Finding and launching the browser the settings name, and saying what to do when it cannot be."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from journeys.channels import browser, browser_launch
from journeys.channels.browser_settings import BrowserSettings, keeps
from journeys.errors import BrowserMissing, ChannelError, ConfigError

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="only Linux needs DISPLAY for a window")


def test_playwrights_own_chromium_wins_when_installed(monkeypatch, tmp_path):
    own = tmp_path / "chrome"
    own.write_text("")
    monkeypatch.setattr(browser_launch, "_own_chromium", lambda playwright: str(own))
    assert browser_launch.find_chromium(named="/elsewhere/chromium") == str(own)


def test_the_chromium_named_by_the_settings_is_next(monkeypatch, tmp_path):
    named = tmp_path / "my-chromium"
    named.write_text("")
    monkeypatch.setattr(browser_launch, "_own_chromium", lambda playwright: None)
    assert browser_launch.find_chromium(named=str(named)) == str(named)


def test_then_the_systems_chromium(monkeypatch, tmp_path):
    system = tmp_path / "chromium"
    system.write_text("")
    monkeypatch.setattr(browser_launch, "_own_chromium", lambda playwright: None)
    monkeypatch.setattr(browser_launch, "SYSTEM_CHROMIUM", str(system))
    assert browser_launch.find_chromium() == str(system)


def test_no_chromium_says_how_to_install_one(monkeypatch, tmp_path):
    monkeypatch.setattr(browser_launch, "_own_chromium", lambda playwright: None)
    monkeypatch.setattr(browser_launch, "SYSTEM_CHROMIUM", str(tmp_path / "none"))
    with pytest.raises(BrowserMissing) as info:
        browser_launch.find_chromium()
    message = str(info.value)
    assert message.startswith("no Chromium found for Playwright to drive.")
    for how in ("playwright install chromium", "apt-get install chromium", "JOURNEYS_CHROMIUM"):
        assert how in message


def test_a_journeys_chromium_that_does_not_exist_is_named(monkeypatch):
    monkeypatch.setattr(browser_launch, "_own_chromium", lambda playwright: None)
    with pytest.raises(BrowserMissing, match=r"--chromium /nowhere/chromium \(JOURNEYS_CHROMIUM\) does not exist"):
        browser_launch.find_chromium(named="/nowhere/chromium")


def test_a_missing_browser_surfaces_from_the_session_not_as_a_playwright_trace(monkeypatch, tmp_path):
    monkeypatch.setattr(browser_launch, "_own_chromium", lambda playwright: None)
    monkeypatch.delenv("JOURNEYS_CHROMIUM", raising=False)
    monkeypatch.delenv("JOURNEYS_BROWSER_WS", raising=False)
    monkeypatch.setattr(browser_launch, "SYSTEM_CHROMIUM", str(tmp_path / "none"))
    session = browser.BrowserSession()
    with pytest.raises(BrowserMissing):
        session.new_context()
    session.close()


def test_a_remote_browser_server_that_does_not_answer_is_a_channel_error(monkeypatch, closed_port):
    session = browser.BrowserSession(ws_endpoint=f"ws://127.0.0.1:{closed_port}/")
    with pytest.raises(
        ChannelError,
        match=rf"no Playwright browser server answers at ws://127.0.0.1:{closed_port}/",
    ):
        session.new_context()
    session.close()


def test_the_shared_browser_is_one_per_process():
    first = browser.shared_browser()
    assert browser.shared_browser() is first
    browser.close_shared_browser()
    assert browser.shared_browser() is not first
    browser.close_shared_browser()


# -- launching what BrowserSettings asks for ----------------------------------------------


class FakeEngine:
    """A Playwright browser type that records how it was launched or connected."""

    def __init__(self, executable: str | None) -> None:
        self.executable_path = executable
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def launch(self, **options: Any) -> str:
        self.calls.append(("launch", options))
        return "launched"

    def connect(self, ws_endpoint: str, **options: Any) -> str:
        self.calls.append(("connect", {"ws_endpoint": ws_endpoint, **options}))
        return "connected"


@pytest.fixture
def fake_playwright(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SimpleNamespace:
    """Playwright with its own Chromium and Firefox builds, and no WebKit."""
    monkeypatch.delenv("JOURNEYS_BROWSER_WS", raising=False)
    for name in ("chrome", "firefox"):
        (tmp_path / name).write_text("")
    return SimpleNamespace(
        chromium=FakeEngine(str(tmp_path / "chrome")),
        firefox=FakeEngine(str(tmp_path / "firefox")),
        webkit=FakeEngine(str(tmp_path / "no-webkit")),
    )


def test_slowmo_and_headless_reach_the_launch_and_ctrl_c_stays_the_harnesss(fake_playwright):
    assert browser_launch.launch_browser(fake_playwright, BrowserSettings(slowmo=250)) == "launched"
    [(how, options)] = fake_playwright.chromium.calls
    assert how == "launch"
    assert options == {
        "headless": True,
        "executable_path": None,  # Playwright's own Chromium: it knows where that is
        "args": browser_launch.ARGS,
        "slow_mo": 250,
        "handle_sigint": False,
    }


def test_a_browser_channel_is_launched_by_name_as_pytest_playwright_does(fake_playwright):
    browser_launch.launch_browser(fake_playwright, BrowserSettings(channel="chrome"))
    [(_, options)] = fake_playwright.chromium.calls
    assert options["channel"] == "chrome" and options["executable_path"] is None


def test_a_browser_channel_that_is_not_installed_says_how_to_get_it(fake_playwright, monkeypatch):
    from playwright.sync_api import Error as PlaywrightError

    def missing(**options: Any) -> str:
        raise PlaywrightError("Chromium distribution 'chrome' is not found at /opt/google/chrome/chrome")

    monkeypatch.setattr(fake_playwright.chromium, "launch", missing)
    with pytest.raises(BrowserMissing, match=r"--browser-channel chrome: .*not found.*`playwright install chrome`"):
        browser_launch.launch_browser(fake_playwright, BrowserSettings(channel="chrome"))


def test_firefox_is_launched_as_playwrights_own_build_without_chromiums_flags(fake_playwright):
    browser_launch.launch_browser(fake_playwright, BrowserSettings(browser="firefox", slowmo=40))
    assert fake_playwright.chromium.calls == []
    [(_, options)] = fake_playwright.firefox.calls
    assert options["args"] == [] and options["executable_path"] is None and options["slow_mo"] == 40


def test_a_remote_browser_server_gets_the_settings_browser_and_slowmo(fake_playwright):
    settings = BrowserSettings(browser="firefox", slowmo=100, headless=False)  # the server's display, not ours
    assert browser_launch.launch_browser(fake_playwright, settings, ws_endpoint="ws://127.0.0.1:1/") == "connected"
    from_settings = BrowserSettings(ws_endpoint="ws://127.0.0.1:2/")  # --browser-ws, JOURNEYS_BROWSER_WS
    assert browser_launch.launch_browser(fake_playwright, from_settings) == "connected"
    assert fake_playwright.firefox.calls == [
        ("connect", {"ws_endpoint": "ws://127.0.0.1:1/", "timeout": 10_000, "slow_mo": 100})
    ]
    assert fake_playwright.chromium.calls[-1] == (
        "connect",
        {"ws_endpoint": "ws://127.0.0.1:2/", "timeout": 10_000, "slow_mo": 0.0},
    )


def test_the_old_headless_keyword_still_overrides_the_settings(fake_playwright, monkeypatch):
    monkeypatch.setenv("DISPLAY", ":0")
    browser_launch.launch_browser(fake_playwright, BrowserSettings(), headless=False)
    assert fake_playwright.chromium.calls[0][1]["headless"] is False
    assert browser.BrowserSession(headless=False).settings == BrowserSettings(headless=False)


def test_webkit_that_is_not_installed_says_to_install_it(fake_playwright):
    with pytest.raises(BrowserMissing, match=r"no WebKit for Playwright to drive: run `playwright install webkit`"):
        browser_launch.launch_browser(fake_playwright, BrowserSettings(browser="webkit"))


@pytest.mark.parametrize("engine", ["firefox", "webkit"])
def test_a_missing_firefox_or_webkit_surfaces_from_the_session(engine, tmp_path, monkeypatch):
    # An empty browsers folder: Playwright's own builds are missing, as on a machine that never ran install.
    monkeypatch.setenv("PLAYWRIGHT_BROWSERS_PATH", str(tmp_path / "ms-playwright"))
    monkeypatch.delenv("JOURNEYS_BROWSER_WS", raising=False)
    session = browser.BrowserSession(BrowserSettings(browser=engine))
    try:
        with pytest.raises(BrowserMissing) as info:
            session.new_context()
    finally:
        session.close()
    assert f"run `playwright install {engine}`" in str(info.value)
    assert "apt-get" not in str(info.value) and "JOURNEYS_CHROMIUM" not in str(info.value)


@linux_only
def test_headed_without_a_display_says_xvfb_run_not_install_chromium(monkeypatch):
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("JOURNEYS_BROWSER_WS", raising=False)
    session = browser.BrowserSession(BrowserSettings(headless=False))
    try:
        with pytest.raises(ChannelError) as info:
            session.new_context()
    finally:
        session.close()
    assert str(info.value) == (
        "--headed needs a display: run under xvfb-run (xvfb-run journeys run --headed), or leave --headed out"
    )


@linux_only
def test_a_display_that_names_no_x_server_gets_the_same_message(monkeypatch):
    monkeypatch.setenv("DISPLAY", ":4242")  # set, but nothing listens there: Chromium itself refuses
    monkeypatch.delenv("JOURNEYS_BROWSER_WS", raising=False)
    session = browser.BrowserSession(BrowserSettings(headless=False))
    try:
        with pytest.raises(ChannelError, match=r"^--headed needs a display: run under xvfb-run"):
            session.new_context()
    finally:
        session.close()


@linux_only
def test_a_display_is_x11_or_wayland(monkeypatch):
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert not browser_launch.has_display()
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    assert browser_launch.has_display()


def test_the_session_launches_with_its_settings(monkeypatch):
    seen: list[Any] = []

    def launch(playwright: Any, settings: BrowserSettings, *, ws_endpoint: str | None) -> Any:
        seen.append(settings)
        return SimpleNamespace(close=lambda: None, new_context=lambda **options: options)

    monkeypatch.setattr(browser, "launch_browser", launch)
    settings = BrowserSettings(browser="firefox", slowmo=10)
    session = browser.BrowserSession(settings)
    try:
        assert session.new_context(locale="nl-NL") == {"locale": "nl-NL"}
    finally:
        session.close()
    assert seen == [settings]


def test_settings_refuse_what_no_browser_or_option_knows():
    with pytest.raises(ConfigError, match=r"unknown browser 'safari': use chromium, firefox or webkit"):
        BrowserSettings(browser="safari")
    with pytest.raises(
        ConfigError, match=r"unknown --tracing value 'only-on-failure': use on, off or retain-on-failure"
    ):
        BrowserSettings(tracing="only-on-failure")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("mode", "passed", "failed"),
    [("on", True, True), ("off", False, False), ("only-on-failure", False, True), ("retain-on-failure", False, True)],
)
def test_what_each_mode_keeps(mode, passed, failed):
    assert (keeps(mode, failed=False), keeps(mode, failed=True)) == (passed, failed)
