"""The web driver in a real Chromium against local pages (one browser for the module)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import files_containing

from journeys.channels.base import describe_missing
from journeys.channels.browser import BrowserSession
from journeys.channels.errors import ChannelError
from journeys.channels.web import WebDriver
from journeys.errors import ConfigError, SystemUnreachable
from journeys.system.touchpoint_map import FactReader, Touchpoint

PRODUCT = """
<h1 data-testid="product-name">Tulp Tab 10</h1>
<p>Prijs: <span data-testid="price">€ 349,00</span></p>
<p data-testid="delivery-promise">Voor 18:00 besteld,
   morgen in huis</p>
<span data-testid="stock" style="display:none">op voorraad</span>
<ul><li data-testid="rec">Hoes</li><li data-testid="rec">Pen</li></ul>
<a data-testid="label-link" href="/label/7.pdf">Download</a>
<form action="/cart" method="get">
  <input name="quantity" value="1" required><input type="hidden" name="csrf" value="x">
  <input type="password" name="password">
  <select name="colour" required><option>grijs</option><option>blauw</option></select>
  <input type="checkbox" name="gift">
  <button type="submit" data-testid="add-to-cart">In winkelwagen</button>
</form>
"""

FACTS = {
    "product.price": FactReader("product.price", "money", testid="price", line=11),
    "delivery.promise": FactReader("delivery.promise", "text", testid="delivery-promise", line=12),
    "recommendations": FactReader("recommendations", "text", testid="rec", many=True, line=13),
    "label": FactReader("label", "text", testid="label-link", attr="href", line=14),
    "price.text": FactReader("price.text", "money", regex=r"Prijs:\s*(.+)", line=15),
}
PRODUCT_TP = Touchpoint(
    "web.product",
    "web",
    "/product/{sku}",
    None,
    None,
    "[data-testid=product-name]",
    FACTS,
    10,
    "shop.yaml",
)


@pytest.fixture(scope="module")
def browser() -> Iterator[BrowserSession]:
    session = BrowserSession()
    yield session
    session.close()


@pytest.fixture
def web(browser, module_site, evidence, secrets) -> Iterator[WebDriver]:
    module_site.page("/product/tablet-10", PRODUCT)
    module_site.page("/cart", "<p data-testid='cart-total'>€ 329,00</p>")
    driver = WebDriver(browser, module_site.url, evidence, "anna-1", secrets, element_timeout=0.5)
    yield driver
    driver.close()


def test_visit_reads_every_fact_the_form_fields_asked_for_and_keeps_a_screenshot(web, module_site, evidence):
    reading = web.visit(PRODUCT_TP, sku="tablet-10", email="anna@example.test")
    assert reading.url == module_site.url + "/product/tablet-10"
    assert reading.raw == {
        "product.price": "€ 349,00",
        "delivery.promise": "Voor 18:00 besteld, morgen in huis",
        "recommendations": ["Hoes", "Pen"],
        "label": "/label/7.pdf",
        "price.text": "€ 349,00",
    }
    # Asked: the required fields; optional ones (password, gift) are offers, not questions.
    assert reading.asked == ["quantity", "colour"]
    assert reading.missing() == []
    assert reading.evidence == ["evidence/anna-1/web-01-web.product.png"]
    assert (evidence.reports_dir / reading.evidence[0]).read_bytes()[:4] == b"\x89PNG"


def test_all_facts_are_read_in_one_round_trip(web, monkeypatch):
    web.visit(PRODUCT_TP, sku="tablet-10")
    page = web.page
    calls: list[str] = []
    original = page.evaluate

    def counted(*args, **kwargs):
        calls.append("evaluate")
        return original(*args, **kwargs)

    def forbidden(*args, **kwargs):
        raise AssertionError("a per-element call: facts must be read in one evaluate")

    monkeypatch.setattr(page, "evaluate", counted)
    for name in (
        "locator",
        "query_selector",
        "query_selector_all",
        "inner_text",
        "text_content",
        "get_by_test_id",
    ):
        monkeypatch.setattr(page, name, forbidden)
    no_ready = Touchpoint("web.product", "web", "/product/{sku}", None, None, None, FACTS, 10, "shop.yaml")
    reading = web.read(no_ready, screenshot=False)
    assert calls == ["evaluate"]
    assert reading.raw["product.price"] == "€ 349,00"


def test_a_missing_element_reads_as_none_and_the_message_says_where(web, module_site):
    facts = {
        **FACTS,
        "stock": FactReader("stock", "text", testid="stock", line=16),
        "discount": FactReader("discount", "money", css="#discount", line=17),
    }
    tp = Touchpoint("web.product", "web", "/product/{sku}", None, None, None, facts, 10, "shop.yaml")
    reading = web.visit(tp, sku="tablet-10")
    assert reading.missing() == [
        "stock",
        "discount",
    ]  # a hidden element was not shown to the customer
    message = describe_missing(tp, facts["discount"], reading.url, evidence=reading.evidence[0])
    assert message == (
        f"web.product: discount not found: nothing matches css '#discount' on the page at"
        f" {module_site.url}/product/tablet-10 (screenshot:"
        " evidence/anna-1/web-01-web.product.png)."
        " Either the system no longer shows it, or the reader at shop.yaml:17 is out of date."
    )


def test_read_without_screenshot_still_keeps_one_when_a_fact_is_missing(web):
    web.visit(PRODUCT_TP, sku="tablet-10")
    tp = Touchpoint(
        "web.product",
        "web",
        "/p",
        None,
        None,
        None,
        {"gone": FactReader("gone", "text", testid="gone", line=3)},
        2,
        "shop.yaml",
    )
    assert web.read(tp, screenshot=False).evidence == ["evidence/anna-1/web-02-web.product.png"]


def test_a_page_that_never_gets_ready_fails_naming_customer_touchpoint_and_url(web, module_site):
    tp = Touchpoint(
        "web.product",
        "web",
        "/product/{sku}",
        None,
        None,
        "[data-testid=never]",
        {},
        10,
        "shop.yaml",
    )
    with pytest.raises(ChannelError) as info:
        web.visit(tp, sku="tablet-10")
    message = str(info.value)
    assert message.startswith(
        f"anna-1 at web.product: the page at {module_site.url}/product/tablet-10 did not"
        " show [data-testid=never] within 0.5 s (screenshot: evidence/anna-1/"
    )
    assert "`ready:` at shop.yaml:10" in message


def test_a_placeholder_the_journey_does_not_know_is_a_config_error(web):
    with pytest.raises(ConfigError, match=r"shop.yaml:10: touchpoint web.product needs \{sku\}"):
        web.visit(PRODUCT_TP, email="anna@example.test")


def test_fill_click_and_follow_the_form(web, module_site):
    web.visit(PRODUCT_TP, sku="tablet-10")
    web.fill({"quantity": "2", "colour": "blauw", "gift": "yes"})
    web.click("add-to-cart")
    assert web.current_url.startswith(module_site.url + "/cart?quantity=2&csrf=x&password=&colour=blauw&gift=on")
    assert web.text_of("cart-total") == "€ 329,00"


def test_click_by_button_text(web, module_site):
    web.visit(PRODUCT_TP, sku="tablet-10")
    web.click("In winkelwagen")
    assert web.current_url.startswith(module_site.url + "/cart")


def test_filling_a_field_the_page_does_not_have_lists_the_fields_it_has(web, module_site):
    web.visit(PRODUCT_TP, sku="tablet-10")
    with pytest.raises(ChannelError) as info:
        web.fill({"quantity": "1", "birthdate": "2001-02-03"})
    assert str(info.value) == (
        f"anna-1 at web.product: no field birthdate on {module_site.url}/product/tablet-10."
        " The page has: quantity, password, colour, gift. Check the task or the page."
    )


def test_clicking_what_is_not_there_fails_with_touchpoint_and_url(web, module_site):
    web.visit(PRODUCT_TP, sku="tablet-10")
    with pytest.raises(
        ChannelError,
        match=rf"anna-1 at web.product: could not click 'checkout' at"
        rf" {module_site.url}/product/tablet-10 within 0.5 s",
    ):
        web.click("checkout")


def test_a_system_that_is_down_is_unreachable_not_a_playwright_error(browser, evidence, secrets, closed_port):
    driver = WebDriver(browser, f"http://127.0.0.1:{closed_port}", evidence, "anna-1", secrets)
    try:
        with pytest.raises(
            SystemUnreachable,
            match=rf"anna-1 at web.product: http://127.0.0.1:{closed_port}/product/x"
            " refused the connection",
        ):
            driver.visit(PRODUCT_TP, sku="x")
    finally:
        driver.close()


def test_passwords_never_reach_the_evidence_or_the_kept_trace(browser, module_site, evidence, secrets):
    module_site.page("/product/tablet-10", PRODUCT)
    module_site.page("/cart", "<p data-testid='cart-total'>€ 329,00</p>")
    driver = WebDriver(browser, module_site.url, evidence, "anna-1", secrets)
    driver.visit(PRODUCT_TP, sku="tablet-10")
    driver.fill({"quantity": "1", "password": "Sup3r-Geheim!"})
    driver.click("add-to-cart")  # the password travels in the URL of the next page
    driver.read(Touchpoint("web.cart", "web", "/cart", None, None, None, {}, 1, "shop.yaml"))
    driver.close(keep_trace=True)
    folder = evidence.folder
    assert (folder / "trace.zip").is_file()
    assert "Sup3r-Geheim!" in secrets
    assert files_containing(folder, "Sup3r-Geheim!") == []
    assert files_containing(folder, "Sup3r-Geheim%21") == []
    assert files_containing(folder, "•••")  # it was there, masked


def test_a_trace_is_kept_only_when_asked(browser, module_site, evidence, secrets):
    module_site.page("/product/tablet-10", PRODUCT)
    driver = WebDriver(browser, module_site.url, evidence, "anna-1", secrets)
    driver.visit(PRODUCT_TP, sku="tablet-10")
    driver.close(keep_trace=False)
    assert not (evidence.folder / "trace.zip").exists()


def test_an_invalid_css_selector_is_a_config_error_with_the_map_line(web):
    tp = Touchpoint(
        "web.product",
        "web",
        "/product/{sku}",
        None,
        None,
        None,
        {"x": FactReader("x", "text", css="div[", line=42)},
        10,
        "shop.yaml",
    )
    with pytest.raises(ConfigError, match=r"shop.yaml:42: touchpoint web.product: x: the selector div\[ is not"):
        web.visit(tp, sku="tablet-10")


def test_each_customer_gets_a_fresh_context(browser, module_site, evidence, secrets, tmp_path: Path):
    module_site.page("/set", "<script>document.cookie='who=anna; path=/'</script><p data-testid='ok'>ok</p>")
    module_site.page(
        "/get",
        "<p data-testid='cookie'></p><script>document.querySelector('p').innerText ="
        " document.cookie || 'none'</script>",
    )
    tp = Touchpoint(
        "web.cookie",
        "web",
        "/get",
        None,
        None,
        None,
        {"cookie": FactReader("cookie", "text", testid="cookie")},
        1,
        "shop.yaml",
    )
    anna = WebDriver(browser, module_site.url, evidence, "anna-1", secrets)
    bob = WebDriver(browser, module_site.url, evidence, "bob-2", secrets)
    try:
        anna.goto("/set")
        assert anna.visit(tp).raw["cookie"] == "who=anna"
        assert bob.visit(tp).raw["cookie"] == "none"
    finally:
        anna.close()
        bob.close()


AGENT_LOGIN = """
<form action="/agent/" method="post">
  <input name="username"><input type="password" name="password">
  <button data-testid="login">Inloggen</button>
</form>
"""


def test_the_agent_logs_in_in_a_context_of_its_own(browser, module_site, evidence, secrets, monkeypatch):
    from journeys.channels.agent import AgentDriver

    module_site.page("/agent/login", AGENT_LOGIN)
    module_site.page("/agent/", "<p data-testid='agent-name'>Ingelogd als agent</p>")
    monkeypatch.setenv("SHOP_AGENT_USER", "agent")
    monkeypatch.setenv("SHOP_AGENT_PASSWORD", "Agent-Pw-77")
    credentials = {
        "user_env": "SHOP_AGENT_USER",
        "password_env": "SHOP_AGENT_PASSWORD",
        "login": {"url": "/agent/login"},
    }
    agent = AgentDriver(browser, module_site.url, evidence, "anna-1", secrets, credentials=credentials)
    tp = Touchpoint(
        "agent.home",
        "agent",
        "/agent/",
        None,
        None,
        None,
        {"who": FactReader("who", "text", testid="agent-name")},
        1,
        "shop.yaml",
    )
    try:
        reading = agent.visit(tp)
    finally:
        agent.close()
    assert reading.raw == {"who": "Ingelogd als agent"}
    assert reading.channel == "agent" and reading.evidence == ["evidence/anna-1/agent-01-agent.home.png"]
    assert "Agent-Pw-77" in secrets
    posted = [r for r in module_site.requests if r["method"] == "POST"][-1]
    assert posted["body"] == b"username=agent&password=Agent-Pw-77"


def test_agent_credentials_that_are_not_set_say_which_variable(browser, module_site, evidence, secrets, monkeypatch):
    from journeys.channels.agent import AgentDriver

    monkeypatch.delenv("SHOP_AGENT_PASSWORD", raising=False)
    monkeypatch.setenv("SHOP_AGENT_USER", "agent")
    agent = AgentDriver(
        browser,
        module_site.url,
        evidence,
        "anna-1",
        secrets,
        credentials={"user_env": "SHOP_AGENT_USER", "password_env": "SHOP_AGENT_PASSWORD"},
    )
    with pytest.raises(ConfigError, match=r"SHOP_AGENT_PASSWORD \(credentials.agent.password_env\) is not set"):
        agent.login()
    agent.close()


def test_click_by_link_text_with_accents_and_quotes(web, module_site):
    module_site.page("/people", "<a href='/cart'>Fabiënne \"Fab\" O'Meeres</a>")
    web.goto("/people")
    web.click('Fabiënne "Fab" O\'Meeres')
    assert web.current_url.startswith(module_site.url + "/cart")
