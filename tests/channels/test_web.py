"""The web driver in a real Chromium against local pages (one browser for the module)."""

from __future__ import annotations

import json
import os
import shutil
import struct
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import playwright
import pytest
from evidence_search import files_containing

from journeys.channels.base import describe_missing
from journeys.channels.browser import BrowserSession
from journeys.channels.browser_launch import SYSTEM_CHROMIUM
from journeys.channels.browser_settings import BrowserSettings
from journeys.channels.page_evidence import PageEvidence
from journeys.channels.web import BrowserWebDriver
from journeys.core.evidence import EvidenceStore
from journeys.core.secrets import Secrets
from journeys.errors import ChannelError, ConfigError, SystemUnreachable
from journeys.systems.fact_reader import FactReader
from journeys.systems.touchpoint_map import Touchpoint

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
FAST = BrowserSettings(
    element_timeout=2.0
)  # a missing element fails in two seconds, not five; one there is found on a loaded machine too

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


@pytest.fixture
def web(browser, module_site, evidence, secrets) -> Iterator[BrowserWebDriver]:
    module_site.page("/product/tablet-10", PRODUCT)
    module_site.page("/cart", "<p data-testid='cart-total'>€ 329,00</p>")
    driver = BrowserWebDriver(browser, module_site.url, evidence, "anna-1", secrets, settings=FAST)
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
    # Asked: the required fields; optional ones (password, gift) are offers, not questions, and so is
    # a field the page filled in already (quantity 1): she goes on without typing.
    assert reading.asked == ["colour"]
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
        " show [data-testid=never] within 2 s (screenshot: evidence/anna-1/"
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
    with pytest.raises(ChannelError) as info:
        web.click("checkout")
    assert str(info.value) == (
        f"anna-1 at web.product: nothing to click called 'checkout' on {module_site.url}/product/tablet-10"
        " (waited 2 s). The page offers buttons and links 'Download', 'In winkelwagen'; test ids product-name,"
        " price, delivery-promise, rec, label-link, add-to-cart. Check the task or the page."
    )


def test_a_system_that_is_down_is_unreachable_not_a_playwright_error(browser, evidence, secrets, closed_port):
    driver = BrowserWebDriver(browser, f"http://127.0.0.1:{closed_port}", evidence, "anna-1", secrets)
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
    driver = BrowserWebDriver(
        browser, module_site.url, evidence, "anna-1", secrets, settings=BrowserSettings(tracing="retain-on-failure")
    )
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
    driver = BrowserWebDriver(
        browser, module_site.url, evidence, "anna-1", secrets, settings=BrowserSettings(tracing="retain-on-failure")
    )
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
    anna = BrowserWebDriver(browser, module_site.url, evidence, "anna-1", secrets)
    bob = BrowserWebDriver(browser, module_site.url, evidence, "bob-2", secrets)
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
    from journeys.channels.agent import BrowserAgentDriver

    module_site.page("/agent/login", AGENT_LOGIN)
    module_site.page("/agent/", "<p data-testid='agent-name'>Ingelogd als agent</p>")
    credentials = {
        "user_env": "SHOP_AGENT_USER",
        "password_env": "SHOP_AGENT_PASSWORD",
        "login": {"url": "/agent/login"},
    }
    variables = {"SHOP_AGENT_USER": "agent", "SHOP_AGENT_PASSWORD": "Agent-Pw-77"}  # the run's
    agent = BrowserAgentDriver(
        browser, module_site.url, evidence, "anna-1", secrets, credentials=credentials, environ=variables
    )
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


def test_a_wrong_staff_password_says_the_login_failed_not_that_the_map_is_out_of_date(
    browser, module_site, evidence, secrets, monkeypatch
):
    from journeys.channels.agent import BrowserAgentDriver

    refused = AGENT_LOGIN.replace('action="/agent/"', 'action="/agent/refused"')
    module_site.page("/agent/refused", refused)  # the shop shows the login form again
    module_site.page("/agent/signin", refused)
    credentials = {
        "user_env": "SHOP_AGENT_USER",
        "password_env": "SHOP_AGENT_PASSWORD",
        "login": {"url": "/agent/signin"},
    }
    variables = {"SHOP_AGENT_USER": "agent", "SHOP_AGENT_PASSWORD": "wrong-Pw-1"}  # the run's
    agent = BrowserAgentDriver(
        browser, module_site.url, evidence, "anna-1", secrets, credentials=credentials, environ=variables
    )
    agent.role = "desk_agent"
    try:
        with pytest.raises(ChannelError) as info:
            agent.goto("/agent/")
    finally:
        agent.close()
    assert str(info.value).startswith(
        f"login for role desk_agent failed at {module_site.url}/agent/refused (wrong password?): the page still"
        " asks for a password after logging in (the password comes from SHOP_AGENT_PASSWORD)."
    )


def test_agent_credentials_that_are_not_set_say_which_variable(browser, module_site, evidence, secrets, monkeypatch):
    from journeys.channels.agent import BrowserAgentDriver

    monkeypatch.setenv("SHOP_AGENT_PASSWORD", "Agent-Pw-77")  # the process's environment: never read inside
    agent = BrowserAgentDriver(
        browser,
        module_site.url,
        evidence,
        "anna-1",
        secrets,
        credentials={"user_env": "SHOP_AGENT_USER", "password_env": "SHOP_AGENT_PASSWORD"},
        environ={"SHOP_AGENT_USER": "agent"},  # the run's variables
    )
    with pytest.raises(ConfigError, match=r"SHOP_AGENT_PASSWORD \(credentials.agent.password_env\) is not set"):
        agent.login()
    agent.close()


def test_click_by_link_text_with_accents_and_quotes(web, module_site):
    module_site.page("/people", "<a href='/cart'>Fabiënne \"Fab\" O'Meeres</a>")
    web.goto("/people")
    web.click('Fabiënne "Fab" O\'Meeres')
    assert web.current_url.startswith(module_site.url + "/cart")


# -- what --screenshot, --tracing and --video leave behind -------------------------------

GONE = Touchpoint(
    "web.product", "web", "/p", None, None, None, {"gone": FactReader("gone", "text", testid="gone", line=3)}, 2, "x"
)
NEVER_READY = Touchpoint("web.product", "web", "/product/{sku}", None, None, "[data-testid=never]", {}, 10, "x")


def product_driver(session: BrowserSession, site: Any, evidence: EvidenceStore, **settings: Any) -> BrowserWebDriver:
    site.page("/product/tablet-10", PRODUCT)
    chosen = BrowserSettings(element_timeout=2.0, **settings)
    return BrowserWebDriver(session, site.url, evidence, evidence.customer_key, Secrets(), settings=chosen)


def names_in(evidence: EvidenceStore) -> list[str]:
    """Every file and folder the customer left, hidden ones too."""
    return sorted(p.name for p in evidence.folder.iterdir()) if evidence.folder.exists() else []


def test_screenshot_off_takes_none_not_even_for_a_missing_fact(browser, module_site, evidence):
    driver = product_driver(browser, module_site, evidence, screenshot="off", tracing="retain-on-failure")
    try:
        assert driver.visit(PRODUCT_TP, sku="tablet-10").evidence == []
        reading = driver.read(GONE)  # the journey reads the page without one
        assert reading.missing() == ["gone"] and reading.evidence == []
        with pytest.raises(ChannelError, match=r"within 2 s \(no screenshot \(--screenshot off\)\)\. The page"):
            driver.visit(NEVER_READY, sku="tablet-10")
    finally:
        driver.close(keep_trace=True)
    assert names_in(evidence) == ["trace.zip"]


def test_only_on_failure_screenshots_are_taken_then_kept_only_for_a_failed_journey(browser, module_site, evidence):
    bob = EvidenceStore(evidence.reports_dir, "bob-2")
    passed = product_driver(browser, module_site, evidence, screenshot="only-on-failure", tracing="retain-on-failure")
    failed = product_driver(browser, module_site, bob, screenshot="only-on-failure", tracing="retain-on-failure")
    for driver in (passed, failed):
        reading = driver.visit(PRODUCT_TP, sku="tablet-10")
        assert reading.evidence == [f"evidence/{driver.customer_key}/web-01-web.product.png"]  # a message may cite it
        assert (evidence.reports_dir / reading.evidence[0]).is_file()
    passed.close(keep_trace=False)
    failed.close(keep_trace=True)
    assert names_in(evidence) == []
    assert names_in(bob) == ["trace.zip", "web-01-web.product.png"]


def test_an_explicit_screenshot_is_kept_whatever_the_setting(browser, module_site, evidence):
    driver = product_driver(browser, module_site, evidence, screenshot="only-on-failure", tracing="off")
    driver.goto("/product/tablet-10")
    assert driver.screenshot("basket") == "evidence/anna-1/web-01-basket.png"
    driver.close(keep_trace=False)
    assert names_in(evidence) == ["web-01-basket.png"]


def test_tracing_off_records_none_so_even_a_failed_journey_keeps_none(browser, module_site, evidence):
    driver = product_driver(browser, module_site, evidence, tracing="off")
    driver.visit(PRODUCT_TP, sku="tablet-10")
    tracing = driver.page.context.tracing
    tracing.start()  # Playwright refuses a second start: this passes only when the driver started none
    tracing.stop()
    driver.close(keep_trace=True)
    assert names_in(evidence) == ["web-01-web.product.png"]


def test_tracing_on_keeps_the_trace_of_a_passed_journey(browser, module_site, evidence):
    driver = product_driver(browser, module_site, evidence, tracing="on")
    driver.visit(PRODUCT_TP, sku="tablet-10")
    driver.close(keep_trace=False)
    assert names_in(evidence) == ["trace.zip", "web-01-web.product.png"]


def test_timeouts_come_from_the_settings(browser, module_site, evidence):
    driver = product_driver(browser, module_site, evidence, navigation_timeout=7.0)
    driver.goto("/product/tablet-10")
    try:
        assert (driver.element_timeout, driver.navigation_timeout) == (2.0, 7.0)
        with pytest.raises(ChannelError, match=r"nothing to click called 'nowhere' on .* \(waited 2 s\)"):
            driver.click("nowhere")
    finally:
        driver.close()


def test_a_screenshot_holds_the_whole_page_not_only_the_window(browser, module_site, evidence):
    module_site.page("/long", "<div style='height:3000px'>lang</div><p data-testid='end'>einde</p>")
    driver = BrowserWebDriver(browser, module_site.url, evidence, "anna-1", Secrets())
    try:
        driver.goto("/long")
        png = (evidence.reports_dir / driver.screenshot("long")).read_bytes()
    finally:
        driver.close()
    width, height = struct.unpack(">II", png[16:24])  # the PNG header's size, in CSS pixels
    assert width == 1280 and height > 3000


def test_firefox_and_webkit_screenshots_go_through_playwright(evidence):
    class Page:
        calls: list[dict[str, Any]] = []

        def screenshot(self, **options: Any) -> None:
            self.calls.append(options)
            Path(options["path"]).write_bytes(b"\x89PNG")

    shot = PageEvidence(evidence, "web", BrowserSettings(browser="firefox")).screenshot(Page(), "web.product")
    assert shot == "evidence/anna-1/web-01-web.product.png"
    [options] = Page.calls
    assert options["full_page"] and options["scale"] == "css"


def playwright_home_with_ffmpeg(home: Path) -> Path | None:
    """A Playwright browsers folder where video can be recorded, or None to use the default one.

    Video needs Playwright's own ffmpeg build (``playwright install ffmpeg``). Where it cannot be
    downloaded, the system's ffmpeg (Debian's 5.1 encodes the same VP9) is put where Playwright looks.
    """
    browsers = json.loads((Path(playwright.__file__).parent / "driver/package/browsers.json").read_text())
    revision = next(b["revision"] for b in browsers["browsers"] if b["name"] == "ffmpeg")
    own = Path.home() / ".cache/ms-playwright" / f"ffmpeg-{revision}" / "ffmpeg-linux"
    if own.is_file():
        return None
    system = shutil.which("ffmpeg")
    if not system or not sys.platform.startswith("linux"):
        pytest.skip("video needs Playwright's ffmpeg (`playwright install ffmpeg`) or, on Linux, the system's")
    target = home / f"ffmpeg-{revision}" / "ffmpeg-linux"
    target.parent.mkdir(parents=True)
    target.symlink_to(system)
    return home


def in_a_thread_of_its_own(run: Callable[[], None], home: Path | None, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run ``run`` with a Playwright that looks for its builds in ``home`` (None: the usual place).

    A thread of its own: one sync Playwright per thread, and this module's browser is running.
    """
    if not (os.environ.get("JOURNEYS_CHROMIUM") or Path(SYSTEM_CHROMIUM).is_file()):
        pytest.skip("needs a system Chromium: in another browsers folder Playwright's own is not there")
    if home is not None:
        monkeypatch.setenv("PLAYWRIGHT_BROWSERS_PATH", str(home))  # read when Playwright starts
    with ThreadPoolExecutor(1) as pool:
        pool.submit(run).result()


def test_video_retain_on_failure_keeps_only_the_failed_customers_video(module_site, evidence, tmp_path, monkeypatch):
    home = playwright_home_with_ffmpeg(tmp_path / "ms-playwright")
    bob = EvidenceStore(evidence.reports_dir, "bob-2")

    def two_customers() -> None:
        session = BrowserSession(BrowserSettings(video="retain-on-failure"))
        try:
            passed = product_driver(session, module_site, evidence, video="retain-on-failure", tracing="off")
            failed = product_driver(session, module_site, bob, video="retain-on-failure", tracing="off")
            for driver in (passed, failed):
                driver.visit(PRODUCT_TP, sku="tablet-10")
            passed.close(keep_trace=False)
            failed.close(keep_trace=True)
        finally:
            session.close()

    in_a_thread_of_its_own(two_customers, home, monkeypatch)
    assert names_in(evidence) == ["web-01-web.product.png"]  # no video, and no recording folder left
    assert names_in(bob) == ["web-01-web.product.png", "web-video.webm"]
    assert (bob.folder / "web-video.webm").read_bytes()[:4] == b"\x1a\x45\xdf\xa3"  # EBML: a WebM file


def test_video_without_playwrights_ffmpeg_says_how_to_get_it(module_site, evidence, tmp_path, monkeypatch):
    def one_customer() -> None:
        session = BrowserSession(BrowserSettings(video="on"))
        driver = product_driver(session, module_site, evidence, video="on")
        try:
            with pytest.raises(
                ChannelError, match=r"^--video on needs Playwright's ffmpeg: run `playwright install ffmpeg`, or"
            ):
                driver.visit(PRODUCT_TP, sku="tablet-10")
        finally:
            driver.close()
            session.close()

    in_a_thread_of_its_own(one_customer, tmp_path / "empty", monkeypatch)  # an empty folder: no ffmpeg
    assert names_in(evidence) == []
