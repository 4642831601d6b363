"""Finding Chromium, and saying how to install one when there is none."""

from __future__ import annotations

import pytest

from journeys.channels import browser
from journeys.channels.errors import BrowserMissing, ChannelError


def test_playwrights_own_chromium_wins_when_installed(monkeypatch, tmp_path):
    own = tmp_path / "chrome"
    own.write_text("")
    monkeypatch.setattr(browser, "_own_chromium", lambda playwright: str(own))
    monkeypatch.setenv("JOURNEYS_CHROMIUM", "/elsewhere/chromium")
    assert browser.find_chromium() == str(own)


def test_journeys_chromium_is_next(monkeypatch, tmp_path):
    named = tmp_path / "my-chromium"
    named.write_text("")
    monkeypatch.setattr(browser, "_own_chromium", lambda playwright: None)
    monkeypatch.setenv("JOURNEYS_CHROMIUM", str(named))
    assert browser.find_chromium() == str(named)


def test_then_the_systems_chromium(monkeypatch, tmp_path):
    system = tmp_path / "chromium"
    system.write_text("")
    monkeypatch.setattr(browser, "_own_chromium", lambda playwright: None)
    monkeypatch.delenv("JOURNEYS_CHROMIUM", raising=False)
    monkeypatch.setattr(browser, "SYSTEM_CHROMIUM", str(system))
    assert browser.find_chromium() == str(system)


def test_no_chromium_says_how_to_install_one(monkeypatch, tmp_path):
    monkeypatch.setattr(browser, "_own_chromium", lambda playwright: None)
    monkeypatch.delenv("JOURNEYS_CHROMIUM", raising=False)
    monkeypatch.setattr(browser, "SYSTEM_CHROMIUM", str(tmp_path / "none"))
    with pytest.raises(BrowserMissing) as info:
        browser.find_chromium()
    message = str(info.value)
    assert message.startswith("no Chromium found for Playwright to drive.")
    for how in ("playwright install chromium", "apt-get install chromium", "JOURNEYS_CHROMIUM"):
        assert how in message


def test_a_journeys_chromium_that_does_not_exist_is_named(monkeypatch):
    monkeypatch.setattr(browser, "_own_chromium", lambda playwright: None)
    monkeypatch.setenv("JOURNEYS_CHROMIUM", "/nowhere/chromium")
    with pytest.raises(BrowserMissing, match="JOURNEYS_CHROMIUM=/nowhere/chromium does not exist"):
        browser.find_chromium()


def test_a_missing_browser_surfaces_from_the_session_not_as_a_playwright_trace(monkeypatch, tmp_path):
    monkeypatch.setattr(browser, "_own_chromium", lambda playwright: None)
    monkeypatch.delenv("JOURNEYS_CHROMIUM", raising=False)
    monkeypatch.delenv("JOURNEYS_BROWSER_WS", raising=False)
    monkeypatch.setattr(browser, "SYSTEM_CHROMIUM", str(tmp_path / "none"))
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
