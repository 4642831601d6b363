"""What the security steps try doors with: her cookies copied, a form from another site, pages'
headers, a slow mail server; on tiny loopback pages and the SMTP capture, never the shop."""

from __future__ import annotations

import smtplib
import sys
import threading
import time
from collections.abc import Iterator
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace
from urllib.parse import parse_qs

import pytest

from journeys.channels import outsider
from journeys.channels.browser_settings import BrowserSettings
from journeys.channels.http_web import HttpWebDriver
from journeys.channels.mail_capture import MailCapture
from journeys.channels.web import BrowserWebDriver
from journeys.core.secrets import Secrets
from journeys.errors import ChannelError


@pytest.fixture
def her_browser(browser, site, evidence, secrets) -> Iterator[BrowserWebDriver]:
    site.page("/chat", "<h1>Chat</h1>")
    site.page("/product/tablet-10", "<h1>Tulp Tab 10</h1>")
    driver = BrowserWebDriver(browser, site.url, evidence, "anna-1", secrets)
    driver.page.context.add_cookies([{"name": "tulp_session", "value": "her-login-123", "url": site.url}])
    yield driver
    driver.close()


def test_a_form_from_another_site_goes_with_her_browsers_cookie_and_no_token_of_the_page(her_browser, site):
    outsider.post_from_elsewhere(her_browser, "/chat", {"kind": "question", "message": "Niet van mij"})

    [post] = [r for r in site.requests if r["method"] == "POST"]
    assert post["path"] == "/chat" and "tulp_session=her-login-123" in post["headers"]["Cookie"]
    assert parse_qs(post["body"].decode()) == {"kind": ["question"], "message": ["Niet van mij"]}
    origin = post["headers"]["Origin"]
    assert origin != site.url and origin.startswith("http://127.0.0.1:")  # another origin, the same site
    assert her_browser.current_url == site.url + "/chat"  # she is left on the system's answer


def test_her_cookies_are_copied_as_secrets(her_browser, secrets):
    copy = outsider.session_of(her_browser)
    assert ("tulp_session", "her-login-123") in [(name, value) for name, value, _, _ in copy]
    assert "her-login-123" in secrets


def test_only_the_systems_own_pages_are_kept_with_their_headers(her_browser, site):
    her_browser.goto("/product/tablet-10")
    outsider.post_from_elsewhere(her_browser, "/chat", {"message": "x"})

    pages = outsider.pages_of(her_browser, site.url)
    assert [(outsider.path_of(url), status) for url, status, _ in pages] == [
        ("/product/tablet-10", 200),
        ("/chat", 200),
    ]
    assert "content-type" in pages[0][2]
    assert len(her_browser.pages) == 3  # the other site's page too, which is not the system's


def test_without_a_browser_her_client_sends_the_form_and_someone_else_uses_her_copied_cookie(site, evidence, secrets):
    site.page("/chat", "<h1>Chat</h1>")
    site.page("/account", "<h1>Hallo Anna</h1>")
    her = HttpWebDriver(site.url, evidence, "anna-1", secrets)
    her._client.cookies.set("tulp_session", "her-login-456", domain="127.0.0.1", path="/")
    outsider.post_from_elsewhere(her, "/chat", {"message": "Niet van mij"})
    assert "tulp_session=her-login-456" in site.requests[-1]["headers"]["Cookie"]

    copy = outsider.session_of(her)
    other = outsider.someone_else(
        SimpleNamespace(
            map=SimpleNamespace(url_for=lambda *_: None, urls={}),
            base_url=site.url,
            secrets=secrets,
            browser_settings=BrowserSettings(),
        ),
        SimpleNamespace(evidence=evidence, customer=SimpleNamespace(key="anna-1")),
    )
    other.goto("/account")
    assert site.requests[-1]["headers"].get("Cookie") is None  # nothing of hers before the copy
    other.use_session(copy)
    other.goto("/account")
    assert "tulp_session=her-login-456" in site.requests[-1]["headers"]["Cookie"]
    assert [outsider.path_of(url) for url, _, _ in other.pages] == ["/account", "/account"]
    her.close()
    other.close()


def test_a_page_is_named_after_the_first_touchpoint_whose_url_it_is():
    touchpoints = [
        SimpleNamespace(name="web.product", url="/product/{sku}"),
        SimpleNamespace(name="web.order_confirmation", url="/orders/{order_number}/confirmation"),
        SimpleNamespace(name="agent.customer", url="/agent/?q={email}"),
    ]
    name = outsider.touchpoint_of
    assert name("http://shop/product/tablet-10?x=1", touchpoints) == "web.product"
    assert name("http://shop/orders/RS-1/confirmation", touchpoints) == "web.order_confirmation"
    assert name("http://shop/agent/?q=a@b", touchpoints) == "agent.customer"
    assert name("http://shop/product/tablet-10/reviews", touchpoints) == "web /product/tablet-10/reviews"
    assert name("http://shop/cart", []) == "web /cart"


def _send(port: int, to: str) -> float:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "shop@example.test", to, "Bevestiging"
    message.set_content("Bestelnummer: RS-1")
    started = time.perf_counter()
    with smtplib.SMTP("127.0.0.1", port, timeout=10) as smtp:
        smtp.send_message(message)
    return time.perf_counter() - started


def test_a_slow_mail_server_keeps_the_sender_waiting_until_her_mail_is_through():
    with MailCapture() as capture:
        took: list[float] = []
        started = time.perf_counter()
        with outsider.slow_mail(capture, 1.0, to="Anna@example.test", timeout=5):
            sender = threading.Thread(target=lambda: took.append(_send(capture.port, "anna@example.test")))
            sender.start()  # as the shop's mailer thread sends after the page has answered
            assert _send(capture.port, "bert@example.test") < 1.0  # a customer walking beside her: fast
        assert time.perf_counter() - started >= 1.0  # the block ended only once her mail had come through
        sender.join(5)
        assert took and took[0] >= 1.0  # and the sender waited that long for the server's answer
        assert capture.delays == {} and _send(capture.port, "anna@example.test") < 1.0
        assert len(capture.messages("anna@example.test")) == 2


def test_only_the_harnesss_capture_can_play_a_slow_mail_server():
    with pytest.raises(ChannelError, match="mail: {driver: capture}"):
        with outsider.slow_mail(None, 1.0, to="anna@example.test", timeout=1):
            pass


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="only Linux answers on all of 127.0.0.0/8")
def test_someone_else_comes_from_another_address_than_the_customers():
    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            seen.append(self.client_address[0])
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        session = SimpleNamespace(
            map=SimpleNamespace(url_for=lambda *_: None, urls={}),
            base_url=url,
            secrets=Secrets(),
            browser_settings=BrowserSettings(),
        )
        journey = SimpleNamespace(evidence=None, customer=SimpleNamespace(key="anna-1"))
        other = outsider.someone_else(session, journey)
        other.goto("/login")
        other.close()
    finally:
        server.shutdown()
        server.server_close()
    assert seen == [outsider.OTHER_ADDRESS]  # the system's throttle on its address spares her 127.0.0.1
