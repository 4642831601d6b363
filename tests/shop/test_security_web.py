"""Issue 15, the web findings: login throttling, logout, passwords, headers, CSRF and slow mail.

Each test makes the request that showed the finding, now refused; with the
finding's fault on, the same request goes through again.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from aiosmtpd.controller import Controller
from shop_helpers import AGENT_PASSWORD, HTTP, agent_login, client, free_port, login, one, person, web_order

from refshop import passwords
from refshop.server import RunningShop, serve
from refshop.throttle import ACCOUNT_LIMIT, CLIENT_LIMIT

WRONG = "Verkeerd-Wachtwoord-1"


@pytest.mark.parametrize("faulty", [False, True], ids=["clean", "no-login-throttle"])
def test_guessing_the_agents_password_is_throttled(start_shop: Callable[..., RunningShop], faulty: bool) -> None:
    shop = start_shop(*(["no-login-throttle"] if faulty else []))
    for _ in range(ACCOUNT_LIMIT + 2):  # the finding: 30 wrong passwords in 0.4 s, then the right one
        agent_login(shop, WRONG)
    right = agent_login(shop, AGENT_PASSWORD)
    if faulty:
        assert right.status_code == 303
    else:
        assert right.status_code == 429 and int(right.headers["Retry-After"]) > 60
        assert "Te veel mislukte inlogpogingen" in one(right.text, "error")


@pytest.mark.parametrize("faulty", [False, True], ids=["clean", "no-login-throttle"])
def test_guessing_a_customers_password_is_throttled_per_account(
    start_shop: Callable[..., RunningShop], faulty: bool
) -> None:
    shop = start_shop(*(["no-login-throttle"] if faulty else []))
    anna = person()
    web_order(shop, anna)
    answers = [login(shop, anna.email, WRONG).status_code for _ in range(ACCOUNT_LIMIT + 1)]
    right = login(shop, anna.email, anna.password)
    if faulty:
        assert set(answers) == {401} and right.status_code == 303
    else:
        assert answers == [401] * ACCOUNT_LIMIT + [429] and right.status_code == 429 and right.headers["Retry-After"]


def test_guessing_at_checkout_counts_as_a_login(shop: RunningShop) -> None:
    anna = person()
    web_order(shop, anna)
    for _ in range(ACCOUNT_LIMIT):
        wrong = client(shop)
        wrong.post("/cart/add", data={"sku": "game-quest", "quantity": "1"})
        assert wrong.post("/checkout", data=anna.form(password=WRONG)).status_code == 409
    assert login(shop, anna.email, anna.password).status_code == 429


def test_one_client_guessing_many_accounts_is_throttled(shop: RunningShop) -> None:
    for i in range(CLIENT_LIMIT):
        assert login(shop, f"iemand{i}@example.test", WRONG).status_code == 401
    anna = person()
    web_order(shop, anna)
    refused = login(shop, anna.email, anna.password)  # the same address (loopback): over its limit
    assert refused.status_code == 429 and refused.headers["Retry-After"]


@pytest.mark.parametrize("faulty", [False, True], ids=["clean", "session-survives-logout"])
def test_after_logout_the_old_cookie_opens_nothing(start_shop: Callable[..., RunningShop], faulty: bool) -> None:
    shop = start_shop(*(["session-survives-logout"] if faulty else []))
    agent = client(shop)
    assert agent_login(shop, browser=agent).status_code == 303
    anna = person()
    customer, _ = web_order(shop, anna)
    copies = {"agent": dict(agent.cookies), "customer": dict(customer.cookies)}
    assert agent.post("/agent/logout", data={}).status_code == 303
    assert customer.post("/logout", data={}).status_code == 303
    # The finding: the cookie kept from before the logout still opens the agent console.
    agent_again = httpx.Client(base_url=shop.url, cookies=copies["agent"])
    customer_again = httpx.Client(base_url=shop.url, cookies=copies["customer"])
    console, account = agent_again.get("/agent/"), customer_again.get("/account")
    if faulty:
        assert console.status_code == account.status_code == 200
    else:
        assert console.status_code == account.status_code == 303
        assert agent.get("/agent/").status_code == customer.get("/account").status_code == 303


def test_logout_is_a_form_post(shop: RunningShop) -> None:
    anna = person()
    customer, _ = web_order(shop, anna)
    assert customer.get("/logout").status_code == 200  # a page with the form: a link logs nobody out
    assert customer.get("/account").status_code == 200
    assert customer.post("/logout", data={}, csrf=False).status_code == 403  # another site's form
    assert customer.get("/account").status_code == 200


@pytest.mark.parametrize(
    ("password", "why"),
    [("123456", "minstens 12 tekens"), ("password1234", "elke lijst"), ("WachtWoord1234", "elke lijst")],
)
def test_short_and_common_passwords_are_refused(shop: RunningShop, password: str, why: str) -> None:
    browser = client(shop)
    browser.post("/cart/add", data={"sku": "game-quest", "quantity": "1"})
    r = browser.post("/checkout", data=person().form(password=password))
    assert r.status_code == 400 and why in one(r.text, "error")


def test_with_the_fault_a_six_character_password_is_kept_as_a_fast_hash(
    start_shop: Callable[..., RunningShop],
) -> None:
    clean, weak = start_shop(), start_shop("weak-passwords")
    for shop, password, method in (
        (clean, "Lange-Zin-Van-Tulpen", "scrypt:"),
        (weak, "123456", "pbkdf2:sha256:20000$"),
    ):
        anna = person()
        anna.password = password
        web_order(shop, anna)
        assert stored_hash(shop, anna.email).startswith(method)


def test_an_old_hash_is_upgraded_at_login(shop: RunningShop) -> None:
    anna = person()
    web_order(shop, anna)
    set_hash(shop, anna.email, passwords.make_hash(anna.password, weak=True))
    assert login(shop, anna.email, anna.password).status_code == 303
    assert stored_hash(shop, anna.email).startswith("scrypt:") and not passwords.outdated(stored_hash(shop, anna.email))


@pytest.mark.parametrize("faulty", [False, True], ids=["clean", "no-security-headers"])
def test_security_headers(start_shop: Callable[..., RunningShop], faulty: bool) -> None:
    shop = start_shop(*(["no-security-headers"] if faulty else []))
    headers = HTTP.get(f"{shop.url}/product/tablet-10").headers
    wanted = {"content-security-policy", "x-frame-options", "x-content-type-options", "referrer-policy"}
    if faulty:
        assert not wanted & set(headers)
    else:
        assert wanted <= set(headers)
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert (headers["x-frame-options"], headers["x-content-type-options"]) == ("DENY", "nosniff")
        assert headers["referrer-policy"] == "no-referrer" and headers["cache-control"] == "no-store"
        assert "<script>" not in HTTP.get(f"{shop.url}/chat").text  # the widget is a file: no inline script


@pytest.mark.parametrize("faulty", [False, True], ids=["clean", "no-csrf"])
def test_a_form_post_without_the_pages_token_is_refused(start_shop: Callable[..., RunningShop], faulty: bool) -> None:
    shop = start_shop(*(["no-csrf"] if faulty else []))
    anna = person()
    browser, _ = web_order(shop, anna)
    # The finding: another site's page posts the chat form in her name (her cookie rides along).
    forged = browser.post("/chat", data={"kind": "complaint", "message": "Gestuurd door een andere site"}, csrf=False)
    assert forged.status_code == (303 if faulty else 403)
    assert ("Gestuurd door een andere site" in browser.get("/chat").text) == faulty
    if not faulty:
        assert "verlopen of komt niet van onze site" in one(forged.text, "error")
        assert browser.post("/chat", data={"kind": "question", "message": "Echt ik"}).status_code == 303


def test_json_apis_take_only_json(shop: RunningShop) -> None:
    form = {"email": "a@example.test", "message": "hoi"}
    assert HTTP.post(f"{shop.url}/api/chat", data=form).status_code == 415
    plain = HTTP.post(
        f"{shop.url}/api/chat", content=b'{"email": "a@example.test"}', headers={"Content-Type": "text/plain"}
    )
    assert plain.status_code == 415  # what a form on another site can send without a CORS preflight


def test_the_chat_widget_sends_the_token_with_a_logged_in_session(shop: RunningShop) -> None:
    anna = person()
    browser, _ = web_order(shop, anna)
    body = {"message": "Wanneer komt het?"}
    assert browser.post("/api/chat", json=body).status_code == 403  # her cookie, no token: refused
    assert browser.post("/api/chat", json=body, headers={"X-CSRF-Token": browser.csrf_token()}).status_code == 200


class HeldServer:
    """An SMTP server that holds every mail until the test lets it through: "slow" without a clock."""

    def __init__(self) -> None:
        self.receiving = threading.Event()  # a mail's data has come in and is being held
        self.release = threading.Event()
        self.received: list[str] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        self.receiving.set()
        await asyncio.get_running_loop().run_in_executor(None, self.release.wait, 120)
        self.received.append(str(envelope.rcpt_tos[0]))
        return "250 OK"


@pytest.fixture
def held_smtp() -> Iterator[tuple[HeldServer, int]]:
    server, port = HeldServer(), free_port()
    controller = Controller(server, hostname="127.0.0.1", port=port)
    controller.start()
    yield server, port
    server.release.set()
    controller.stop()


@pytest.mark.parametrize("faulty", [False, True], ids=["clean", "mail-blocks-checkout"])
def test_a_slow_mail_server_does_not_hold_up_the_checkout(held_smtp: tuple[HeldServer, int], faulty: bool) -> None:
    # Judged by order, not by a stopwatch: while the mail server holds her mail, the checkout has answered
    # (clean) or is still waiting for it (faulty). The bounds only end a hung test; no load reaches them.
    server, port = held_smtp
    shop = serve(smtp_port=port, faults=["mail-blocks-checkout"] if faulty else [], clock="2026-11-23T10:00:00+01:00")
    try:
        anna = person()
        checkout = threading.Thread(target=web_order, args=(shop, anna), daemon=True)
        checkout.start()
        assert server.receiving.wait(60), "the shop never sent the confirmation mail"
        checkout.join(timeout=0 if faulty else 60)
        assert checkout.is_alive() is faulty, "the checkout waited for the mail server" if not faulty else ""
        assert server.received == []  # the mail is still held
        server.release.set()
        checkout.join(timeout=1800)
        assert not checkout.is_alive()
        assert shop.shop.mailer.wait_idle(60)
        assert server.received == [anna.email]  # the mail did go out
    finally:
        server.release.set()
        shop.stop()


def stored_hash(shop: RunningShop, email: str) -> str:
    conn = shop.shop.storage.connect()
    try:
        return str(conn.execute("SELECT password_hash FROM customers WHERE email = ?", (email,)).fetchone()[0])
    finally:
        conn.close()


def set_hash(shop: RunningShop, email: str, value: str) -> None:
    conn = shop.shop.storage.connect()
    try:
        conn.execute("UPDATE customers SET password_hash = ? WHERE email = ?", (value, email))
    finally:
        conn.close()
