"""Selectors against real pages: placeholders in readers, hidden facts, fields that cannot be filled,
and the agent who logs in before her first page."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from journeys.channels.agent import BrowserAgentDriver
from journeys.channels.browser_settings import BrowserSettings
from journeys.channels.web import BrowserWebDriver
from journeys.errors import ChannelError
from journeys.systems.fact_reader import FactReader
from journeys.systems.touchpoint_map import Touchpoint

FAST = BrowserSettings(element_timeout=2.0)  # a page there is found on a loaded machine too

ORDERS = """
<ul>
  <li data-order="RS-1"><span class="total">€ 10,00</span></li>
  <li data-order="RS-2"><span class="total">€ 20,00</span></li>
</ul>
<details><summary>Details</summary><p data-testid="details">Bezorgd bij de buren</p></details>
<div style="visibility: hidden"><span data-testid="note">Onzichtbaar</span></div>
<form>
  <input name="name" required>
  <div style="display: none"><input name="phone"></div>
  <input name="coupon" disabled>
  <input name="customer" value="42" readonly>
  <input type="hidden" name="csrf" value="x">
</form>
"""

TP = Touchpoint(
    "web.orders",
    "web",
    "/orders",
    facts={
        "order.total": FactReader("order.total", "money", css="[data-order='{order_number}'] .total", line=5),
        "details": FactReader("details", "text", testid="details", line=6, visible=False),
        "details.shown": FactReader("details.shown", "text", testid="details", line=7),
        "note": FactReader("note", "text", testid="note", line=8, visible=False),
    },
    line=4,
    file="shop.yaml",
)


@pytest.fixture
def web(browser, module_site, evidence, secrets) -> Iterator[BrowserWebDriver]:
    module_site.page("/orders", ORDERS)
    driver = BrowserWebDriver(browser, module_site.url, evidence, "anna-1", secrets, settings=FAST)
    yield driver
    driver.close()


def test_a_reader_with_a_placeholder_reads_this_customers_element(web):
    reading = web.visit(TP.filled({"order_number": "RS-2"}))
    assert reading.raw["order.total"] == "€ 20,00"


def test_visible_false_reads_an_element_in_a_closed_tab_the_default_does_not(web):
    reading = web.visit(TP.filled({"order_number": "RS-1"}))
    assert reading.raw["details"] == "Bezorgd bij de buren"
    assert reading.raw["details.shown"] is None
    assert reading.raw["note"] == "Onzichtbaar"


@pytest.mark.parametrize(
    ("field", "why"),
    [
        ("phone", "field 'phone': it is hidden (not displayed: inside a closed tab or section, or styled away)"),
        ("coupon", "field 'coupon': it is disabled"),
        ("customer", "field 'customer': it is read-only"),
        ("csrf", "field 'csrf': it is a hidden input (type=hidden), which the page fills itself"),
    ],
)
def test_a_field_that_cannot_be_filled_says_which_where_and_why(web, module_site, field, why):
    web.visit(TP.filled({"order_number": "RS-1"}))
    with pytest.raises(ChannelError) as info:
        web.fill({"name": "Anna", field: "x"})
    assert str(info.value) == (
        f"anna-1 at web.orders: cannot fill {why}, on {module_site.url}/orders."
        " The page has: name, phone, coupon, customer. Check the task (open what shows the field first) or the page."
    )


def test_after_goto_a_message_names_the_page_not_the_last_touchpoint(web, module_site):
    web.visit(TP.filled({"order_number": "RS-1"}))
    web.goto("/orders?tab=2")
    with pytest.raises(ChannelError, match=r"^anna-1 at the page /orders\?tab=2: cannot fill field 'coupon'"):
        web.fill({"coupon": "x"})


LOGIN = """
<form method="get" action="/agent/home">
  <input name="username" required><input type="password" name="password" required>
  <button type="submit" data-testid="login">Inloggen</button>
</form>
"""


def pages(site: Any) -> list[str]:
    """The pages the browser asked for, without the favicon it fetches on its own time."""
    return [path for path in (r["path"].split("?")[0] for r in site.requests) if path != "/favicon.ico"]


def test_an_agent_with_a_login_block_logs_in_before_her_first_page(
    browser, module_site, evidence, secrets, monkeypatch
):
    module_site.page("/desk/login", LOGIN)
    module_site.page("/agent/home", "<p>Welkom</p>")
    module_site.page("/desk/tickets", "<p data-testid='ticket'>HD-1</p>")
    credentials = {"user_env": "DESK_USER", "password_env": "DESK_PASSWORD", "login": {"url": "/desk/login"}}
    variables = {"DESK_USER": "desk", "DESK_PASSWORD": "desk-secret-7"}  # the run's, read where it started
    agent = BrowserAgentDriver(
        browser, module_site.url, evidence, "anna-1", secrets, settings=FAST, credentials=credentials, environ=variables
    )
    try:
        agent.goto("/desk/tickets")
        assert pages(module_site)[-3:] == ["/desk/login", "/agent/home", "/desk/tickets"]
        assert agent.logged_in
        agent.login()  # a task that logs in as well: once is enough
        assert pages(module_site)[-1] == "/desk/tickets"
        assert secrets.redact("desk-secret-7") != "desk-secret-7"
    finally:
        agent.close()
