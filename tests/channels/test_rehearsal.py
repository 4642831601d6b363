"""The browser's start-up rehearses a customer's first page, so the first customer does not pay for it."""

from __future__ import annotations

from functools import partial
from types import SimpleNamespace
from typing import Any

import pytest

from journeys.channels import browser
from journeys.channels.browser import BrowserSession
from journeys.channels.rehearsal import rehearse


def test_the_browser_rehearses_once_right_after_launch_with_itself(monkeypatch):
    launched: list[str] = []
    monkeypatch.setattr(
        browser, "launch_browser", lambda *_, **__: launched.append("launch") or SimpleNamespace(close=lambda: None)
    )
    rehearsed: list[Any] = []
    session = BrowserSession(warm_up=lambda started: rehearsed.append((started, list(launched))))
    try:
        session.browser  # noqa: B018 - launching it rehearses
        session.browser  # noqa: B018 - once: the process's browser is started once
    finally:
        session.close()
    assert rehearsed == [(session, ["launch"])]


def pages(site: Any) -> list[tuple[str, str]]:
    """What the browser asked the site for, less the icon it fetches of its own accord."""
    return [(r["method"], r["path"]) for r in site.requests if r["path"] != "/favicon.ico"]


def test_the_rehearsal_visits_the_systems_address_in_a_context_of_its_own(site):
    site.page("/", "<title>Tulp</title><h1>Welkom</h1>")
    session = BrowserSession(warm_up=partial(rehearse, site.url))
    try:
        session.browser  # noqa: B018 - launching it rehearses
        assert pages(site) == [("GET", "/")]
        assert session.browser.contexts == []  # closed again: no customer shares it
        site.requests.clear()
        context = session.new_context()  # a customer's own context after it: a fresh one
        try:
            context.new_page().goto(site.url + "/")
        finally:
            context.close()
        assert pages(site) == [("GET", "/")]
    finally:
        session.close()


def test_a_system_that_does_not_answer_is_left_for_the_first_journey_to_report(closed_port):
    session = BrowserSession(warm_up=partial(rehearse, f"http://127.0.0.1:{closed_port}"))
    try:
        assert session.browser.contexts == []  # launched, rehearsed, and nothing raised
    finally:
        session.close()


@pytest.fixture(autouse=True)
def _no_remote_browser(monkeypatch):
    monkeypatch.delenv("JOURNEYS_BROWSER_WS", raising=False)
