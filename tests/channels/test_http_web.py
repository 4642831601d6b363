"""The browserless web driver: forms and map selectors over HTTP, the same facts as a browser reads.

The first tests walk the real embedded shop (HTTP customers, and one browser
customer for the comparison); the rest use tiny loopback pages.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import parse_qs

import pytest

from journeys.channels import make_driver
from journeys.channels.agent import HttpAgentDriver
from journeys.channels.browser_settings import BrowserSettings
from journeys.channels.chat import HttpChatDriver
from journeys.channels.http_web import HttpWebDriver
from journeys.channels.web import BrowserWebDriver
from journeys.core.customer import Customer
from journeys.errors import ChannelError, ConfigError, SystemUnreachable
from journeys.journey.journey import Journey
from journeys.journey.runner import run_scenario
from journeys.journey.session import SystemSession
from journeys.systems.fact_reader import FactReader
from journeys.systems.touchpoint_map import Touchpoint
from journeys.vocabulary.catalogue import load_steps
from journeys.vocabulary.feature import read_feature

ROOT = Path(__file__).resolve().parents[2]
ORDER_FEATURE = ROOT / "features" / "order" / "web_order.feature"
WEB_PAGES = ("web.product", "web.checkout", "web.order_confirmation")


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SystemSession]:
    session = SystemSession("refshop", reports_dir=tmp_path_factory.mktemp("reports"), seed=5)
    yield session
    session.close()


def walk(session: SystemSession, index: int, *, browserless: bool) -> tuple[Journey, Any, dict[str, str]]:
    """The first order scenario for customer ``index``; returns the journey, result and each web page's HTML."""
    load_steps(ROOT)
    scenario = read_feature(ORDER_FEATURE)[0]
    journey = Journey(session, Customer.create(5, index=index, run_id="http-web"), name=scenario.name)
    journey.browserless = browserless  # type: ignore[attr-defined]  # the per-journey choice make_driver reads
    pages: dict[str, str] = {}

    def keep(name: str, reading: Any, seen: Any) -> None:
        if browserless and name in WEB_PAGES:
            pages[name] = journey.web.html

    journey.on_touchpoint(keep)
    result = run_scenario(scenario, journey)
    journey.close()
    return journey, result, pages


def facts(journey: Journey) -> dict[tuple[str, str], str | None]:
    return {(o.where.touchpoint, o.fact): o.raw for o in journey.ledger.observations}


def test_the_order_journey_passes_without_a_browser_and_reads_what_a_browser_reads(shop, site):
    http_journey, http_result, pages = walk(shop, 1, browserless=True)
    assert http_result.passed, http_result.error
    browser_journey, browser_result, _ = walk(shop, 2, browserless=False)
    assert browser_result.passed, browser_result.error
    seen_http, seen_browser = facts(http_journey), facts(browser_journey)
    assert seen_http.keys() == seen_browser.keys()
    personal = {"order.number", "delivery.address"}  # two customers: each her own order and address
    assert {k: v for k, v in seen_http.items() if k[1] not in personal} == {
        k: v for k, v in seen_browser.items() if k[1] not in personal
    }
    # The very same HTML, read by both drivers: exactly the same raw facts and questions.
    assert set(pages) == set(WEB_PAGES)
    # One Playwright per thread: the session's browser, started by the browser customer.
    web = BrowserWebDriver(
        shop.browser, site.url, http_journey.evidence, "anna", shop.secrets, settings=BrowserSettings()
    )
    http = HttpWebDriver(site.url, http_journey.evidence, "anna", shop.secrets)
    try:
        for name, html in pages.items():
            site.routes["/copy"] = (200, "text/html; charset=utf-8", html.encode())
            tp = shop.touchpoint(name)
            web.goto("/copy")
            http.goto("/copy")
            expected, got = web.read(tp, screenshot=False), http.read(tp)
            assert (got.raw, got.asked) == (expected.raw, expected.asked), name
    finally:
        web.close()
        http.close()


def test_make_driver_walks_without_a_browser_when_the_session_or_the_journey_says_so(shop, evidence):
    journey = SimpleNamespace(
        customer=SimpleNamespace(key="anna-9"), evidence=evidence, browserless=None, browser_settings=None
    )
    browser = object()
    session = SimpleNamespace(
        map=shop.map,
        base_url=shop.base_url,
        secrets=shop.secrets,
        browserless=True,
        browser_for=lambda settings: browser,
        browser_settings=BrowserSettings(),
        environ={},
    )
    journey.web = make_driver("web", session, journey)
    journey.api = make_driver("api", session, journey)
    assert isinstance(journey.web, HttpWebDriver)
    assert isinstance(make_driver("agent", session, journey), HttpAgentDriver)
    assert isinstance(make_driver("chat", session, journey), HttpChatDriver)
    journey.browserless = False  # the journey's own choice wins over the session's
    assert not isinstance(make_driver("web", session, journey), HttpWebDriver)


FORM = """
<h1 data-testid="title">Form</h1>
<p>Prijs: <span data-testid="price">€ 12,50</span></p>
<span data-testid="secret" style="display: none">verborgen</span>
<div hidden><span data-testid="secret">ook verborgen</span></div>
<ul><li data-testid="rec" data-sku="a">Hoes</li><li data-testid="rec" data-sku="b">Pen</li></ul>
<a data-testid="next" href="/next">Verder</a>
<button type="button" data-testid="js-only">Alleen met JavaScript</button>
<form method="post" action="/send">
  <input type="hidden" name="token" value="t1">
  <input name="quantity" value="1" required>
  <input name="note" value="">
  <input type="password" name="password" required>
  <select name="colour" required>
    <option value="grey">grijs</option><option value="blue" selected>blauw</option></select>
  <input type="checkbox" name="gift" value="1">
  <input type="checkbox" name="news" value="yes" checked>
  <input type="radio" name="kind" value="question" checked><input type="radio" name="kind" value="complaint">
  <textarea name="message">hallo</textarea>
  <input name="off" value="x" disabled>
  <button type="submit" name="place" value="now" data-testid="place">Plaatsen</button>
</form>
"""
TP = Touchpoint(
    "web.form",
    "web",
    "/form",
    None,
    None,
    "[data-testid=title]",
    {
        "price": FactReader("price", "money", testid="price", line=3),
        "price.text": FactReader("price.text", "money", regex=r"Prijs:\s*(.+)", line=4),
        "recs": FactReader("recs", "text", testid="rec", many=True, line=5),
        "skus": FactReader("skus", "text", testid="rec", attr="data-sku", many=True, line=6),
        "secret": FactReader("secret", "text", testid="secret", line=7),
    },
    2,
    "shop.yaml",
)


@pytest.fixture
def http(site, evidence, secrets) -> Iterator[HttpWebDriver]:
    site.page("/form", FORM)
    site.page("/send", "<h1 data-testid='title'>Verstuurd</h1>")
    site.page("/next", "<h1 data-testid='title'>Volgende</h1>")
    driver = HttpWebDriver(site.url, evidence, "anna-1", secrets)
    yield driver
    driver.close()


def test_facts_are_read_with_the_maps_readers_and_hidden_elements_are_not_shown(http, evidence):
    reading = http.visit(TP)
    assert reading.raw == {
        "price": "€ 12,50",
        "price.text": "€ 12,50",
        "recs": ["Hoes", "Pen"],
        "skus": ["a", "b"],
        "secret": None,
    }
    assert reading.asked == ["password", "colour"]  # quantity is filled in already: it asks nothing
    assert reading.missing() == ["secret"]
    kept = evidence.reports_dir / reading.evidence[0]  # the page that lacked a fact is kept
    assert kept.suffix == ".html" and "verborgen" in kept.read_text(encoding="utf-8")


def test_a_form_is_sent_as_a_browser_without_javascript_sends_it(http, site, secrets):
    http.visit(TP)
    http.fill({"quantity": "2", "password": "geheim-123", "gift": "yes", "news": "no", "kind": "complaint"})
    http.click("place")
    sent = site.requests[-1]
    assert (sent["method"], sent["path"]) == ("POST", "/send")
    assert parse_qs(sent["body"].decode()) == {
        "token": ["t1"],
        "quantity": ["2"],
        "password": ["geheim-123"],
        "colour": ["blue"],
        "gift": ["1"],
        "kind": ["complaint"],
        "message": ["hallo"],
        "place": ["now"],
    }
    assert "geheim-123" not in secrets.redact("geheim-123")
    assert http.text_of("title") == "Verstuurd"


def test_links_are_followed_and_javascript_buttons_and_missing_fields_are_told(http):
    http.visit(TP)
    with pytest.raises(ChannelError, match="needs JavaScript"):
        http.click("js-only")
    with pytest.raises(
        ChannelError,
        match=r"no field email on .*The page has: quantity, note, password, colour, gift, news, kind, message, off\.",
    ):
        http.fill({"email": "anna@example.test"})
    http.click("Verder")
    assert http.current_url.endswith("/next") and http.text_of("title") == "Volgende"


def test_a_page_without_its_ready_element_or_with_a_bad_selector_fails_clearly(http, site):
    site.page("/empty", "<p>Niets</p>", status=500)
    http.goto("/empty")
    with pytest.raises(ChannelError, match=r"HTTP 500\) does not show \[data-testid=title\].*shop.yaml:2"):
        http.read(TP)
    bad = Touchpoint("web.bad", "web", "/form", facts={"x": FactReader("x", "text", css="[[", line=9)}, file="m.yaml")
    with pytest.raises(ConfigError, match="m.yaml:9: touchpoint web.bad: x: the selector"):
        http.visit(bad)


def test_a_system_that_is_down_is_unreachable(evidence, secrets, closed_port):
    driver = HttpWebDriver(f"http://127.0.0.1:{closed_port}", evidence, "anna-1", secrets)
    with pytest.raises(SystemUnreachable, match="refused the connection"):
        driver.visit(TP)


def test_a_driver_bound_to_the_system_sends_nothing_anywhere_else(site, evidence, secrets):
    site.page("/form", FORM)
    driver = HttpWebDriver(site.url, evidence, "anna-1", secrets, hosts={"127.0.0.1:1"})
    with pytest.raises(ChannelError, match=r"is not the system under test \(127.0.0.1:1\)"):
        driver.visit(TP)
    assert site.requests == []


def test_the_agent_logs_in_before_its_first_page_without_a_browser_as_with_one(site, evidence, secrets, monkeypatch):
    """The map's `login:` happens before a `goto` too (a dashboard step), as BrowserAgentDriver does in a browser."""
    site.page(
        "/staff/login",
        "<form method='post' action='/staff/in'><input name='user'><input name='pw'>"
        "<button type='submit'>Sign in</button></form>",
    )
    site.page("/staff/in", "<h1>Welcome</h1>")
    site.page("/dashboard/orders", "<h1 data-testid='title'>Orders</h1>")
    login = {"url": "/staff/login", "user_field": "user", "password_field": "pw", "submit": "Sign in"}
    credentials = {"user_env": "STAFF_USER", "password_env": "STAFF_PW", "login": login}
    variables = {"STAFF_USER": "sam", "STAFF_PW": "s3cret-pw"}  # the run's, read where it started
    agent = HttpAgentDriver(site.url, evidence, "anna-1", secrets, credentials=credentials, environ=variables)
    agent.goto("/dashboard/orders")
    assert [r["path"] for r in site.requests] == ["/staff/login", "/staff/in", "/dashboard/orders"]
    assert parse_qs(site.requests[1]["body"].decode()) == {"user": ["sam"], "pw": ["s3cret-pw"]}
    agent.goto("/dashboard/orders")  # once logged in, not again
    assert len(site.requests) == 4
    monkeypatch.setenv("STAFF_PW", "s3cret-pw")  # in the process's environment only: never read inside
    other = HttpAgentDriver(
        site.url, evidence, "anna-1", secrets, credentials=credentials, environ={"STAFF_USER": "sam"}
    )
    with pytest.raises(ConfigError, match=r"STAFF_PW \(credentials.agent.password_env\) is not set"):
        other.goto("/dashboard/orders")
    agent.close()
    other.close()


def test_clicking_what_is_not_there_lists_what_the_page_offers(http, site):
    http.visit(TP)
    with pytest.raises(ChannelError) as info:
        http.click("Afrekenen")
    assert str(info.value) == (
        f"anna-1 at web.form: nothing to click called 'Afrekenen' on {site.url}/form. The page offers buttons"
        " and links 'Verder', 'Alleen met JavaScript', 'Plaatsen'; test ids title, price, rec, next, js-only,"
        " place. Check the task or the page."
    )
