"""Small journeys through the shop's HTTP interface, shared by the tests."""

from __future__ import annotations

import email
import email.policy
import html
import itertools
import re
import socket
import ssl
import threading
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Any

import httpx

from refshop.mailer import Mailer
from refshop.server import RunningShop

_ids = itertools.count(1)

MONDAY_10 = "2026-11-23T10:00:00+01:00"
CLOCK_TOKEN = "test-clock-token"
AGENT_PASSWORD = "agent-secret-1"
STORE_KEY = "test-store-key-utrecht"
#: What a till sends with every order it books.
TILL = {"X-Store-Key": STORE_KEY}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Inbox:
    """Every mail the SMTP sink received, parsed.

    The shops send mail from a thread of their own, after answering; reading
    the inbox first waits until every shop started by the test has handed
    over what it queued (``mailers``), so "no such mail" means none was sent.
    """

    messages: list[EmailMessage] = field(default_factory=list)
    mailers: list[Mailer] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def settle(self) -> None:
        for mailer in list(self.mailers):
            assert mailer.wait_idle(15), "the shop's mail queue did not empty within 15 s"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        msg = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self._lock:
            self.messages.append(msg)  # type: ignore[arg-type]
        return "250 OK"

    def to(self, address: str, subject_contains: str = "") -> list[EmailMessage]:
        self.settle()
        with self._lock:
            return [m for m in self.messages if m["To"] == address and subject_contains in str(m["Subject"])]

    def one(self, address: str, subject_contains: str) -> str:
        found = self.to(address, subject_contains)
        assert len(found) == 1, (
            f"expected one mail '{subject_contains}' to {address}, got {[str(m['Subject']) for m in self.to(address)]}"
        )
        return str(found[0].get_content())


#: Building an SSL context costs ~30 ms per httpx client; the shop is plain HTTP on
#: loopback, so every client shares one.
_SSL = ssl.create_default_context()
#: One connection pool for one-off calls.
HTTP = httpx.Client(timeout=10, verify=_SSL)


CSRF_META = re.compile(r'<meta name="csrf-token" content="([^"]+)">')


class Browser(httpx.Client):
    """A customer's (or agent's) browser: keeps cookies, follows no redirects, and sends the
    page's CSRF token with every form post, as a browser submitting the shop's own form does.

    ``post(..., csrf=False)`` posts without the token (what another site's page would send).
    """

    def __init__(self, running: RunningShop) -> None:
        super().__init__(base_url=running.url, timeout=10, verify=_SSL)
        self._csrf: tuple[str | None, str] | None = None

    def post(self, url: Any, *, data: Any = None, csrf: bool = True, **kwargs: Any) -> httpx.Response:  # type: ignore[override]
        if csrf and isinstance(data, dict) and "csrf_token" not in data:
            data = {**data, "csrf_token": self.csrf_token()}
        return super().post(url, data=data, **kwargs)

    def csrf_token(self) -> str:
        """This browser session's token, read from a page (again whenever the session changed)."""
        cookie = self.cookies.get("tulp_session")
        if self._csrf is None or self._csrf[0] != cookie:
            page = self.get("/cart")
            found = CSRF_META.search(page.text)
            assert found, f"no CSRF token on {page.url}: {page.text[:200]}"
            self._csrf = (self.cookies.get("tulp_session"), found.group(1))
        return self._csrf[1]


def client(running: RunningShop) -> Browser:
    """A new customer (or agent): a cookie-keeping client, redirects not followed."""
    return Browser(running)


@dataclass
class Person:
    name: str
    email: str
    street: str = "Dorpsstraat 12"
    postcode: str = "1234 AB"
    city: str = "Amsterdam"
    password: str = "Tulpenbol-Lente-42"
    birthdate: str = ""

    def form(self, **extra: str) -> dict[str, str]:
        data = {
            "name": self.name,
            "email": self.email,
            "street": self.street,
            "postcode": self.postcode,
            "city": self.city,
            "password": self.password,
            "birthdate": self.birthdate,
        }
        data.update(extra)
        return data


def person(birthdate: str = "", name: str = "Anna de Vries") -> Person:
    return Person(name, f"klant{next(_ids)}@example.test", birthdate=birthdate)


def by_testid(page: str, name: str) -> list[str]:
    """The text inside every element carrying ``data-testid=name`` (no nested markup)."""
    found = re.findall(rf'data-testid="{re.escape(name)}"[^>]*>([^<]*)<', page)
    return [html.unescape(x) for x in found]


def one(page: str, name: str) -> str:
    found = by_testid(page, name)
    assert len(found) == 1, f"expected one data-testid={name}, found {found}"
    return found[0]


def web_order(
    running: RunningShop,
    who: Person,
    sku: str = "tablet-10",
    quantity: str = "1",
    browser: Browser | None = None,
    **extra: str,
) -> tuple[Browser, str]:
    """Product page, add to cart, checkout; returns the logged-in client and the confirmation."""
    browser = browser or client(running)
    added = browser.post("/cart/add", data={"sku": sku, "quantity": quantity})
    assert added.status_code == 303, added.text
    placed = browser.post("/checkout", data=who.form(**extra))
    assert placed.status_code == 303, placed.text
    page = browser.get(placed.headers["location"])
    assert page.status_code == 200
    return browser, page.text


def login(running: RunningShop, email: str, password: str, browser: Browser | None = None) -> httpx.Response:
    """A customer's login through the login form (a new browser unless one is given)."""
    return (browser or client(running)).post("/login", data={"email": email, "password": password})


def agent_login(running: RunningShop, password: str = AGENT_PASSWORD, browser: Browser | None = None) -> httpx.Response:
    """The agent's login through the console's form."""
    return (browser or client(running)).post("/agent/login", data={"username": "agent", "password": password})


def set_clock(running: RunningShop, moment: str, token: str = "test-clock-token") -> Any:
    r = HTTP.post(f"{running.url}/__clock", json={"set": moment}, headers={"X-Clock-Token": token})
    assert r.status_code == 200, r.text
    return r.json()


def advance(running: RunningShop, seconds: float) -> Any:
    r = HTTP.post(
        f"{running.url}/__clock",
        json={"advance_seconds": seconds},
        headers={"X-Clock-Token": "test-clock-token"},
    )
    assert r.status_code == 200, r.text
    return r.json()


def order_token(running: RunningShop, ref: str) -> str:
    """The order's token, as its confirmation page and mail carry it (read from the database)."""
    conn = running.shop.storage.connect()
    try:
        row = conn.execute("SELECT access_token FROM orders WHERE ref = ?", (ref,)).fetchone()
    finally:
        conn.close()
    assert row is not None, f"no order {ref}"
    return str(row["access_token"])


def app_order(running: RunningShop, ref: str, email: str | None = None) -> dict[str, Any]:
    """The app's view of an order, as the app of its customer asks for it (with the order's token)."""
    params = {"email": email} if email else {}
    r = HTTP.get(f"{running.url}/api/orders/{ref}", params=params, headers={"X-Order-Token": order_token(running, ref)})
    assert r.status_code == 200, r.text
    return r.json()  # type: ignore[no-any-return]
