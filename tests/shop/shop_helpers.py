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

from refshop.server import RunningShop

_ids = itertools.count(1)

MONDAY_10 = "2026-11-23T10:00:00+01:00"
CLOCK_TOKEN = "test-clock-token"
AGENT_PASSWORD = "agent-secret-1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Inbox:
    """Every mail the SMTP sink received, parsed."""

    messages: list[EmailMessage] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        msg = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self._lock:
            self.messages.append(msg)  # type: ignore[arg-type]
        return "250 OK"

    def to(self, address: str, subject_contains: str = "") -> list[EmailMessage]:
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


def client(running: RunningShop) -> httpx.Client:
    """A new customer (or agent): a cookie-keeping client, redirects not followed."""
    return httpx.Client(base_url=running.url, timeout=10, verify=_SSL)


@dataclass
class Person:
    name: str
    email: str
    street: str = "Dorpsstraat 12"
    postcode: str = "1234 AB"
    city: str = "Amsterdam"
    password: str = "geheim123"
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
    browser: httpx.Client | None = None,
    **extra: str,
) -> tuple[httpx.Client, str]:
    """Product page, add to cart, checkout; returns the logged-in client and the confirmation."""
    browser = browser or client(running)
    added = browser.post("/cart/add", data={"sku": sku, "quantity": quantity})
    assert added.status_code == 303, added.text
    placed = browser.post("/checkout", data=who.form(**extra))
    assert placed.status_code == 303, placed.text
    page = browser.get(placed.headers["location"])
    assert page.status_code == 200
    return browser, page.text


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


def app_order(running: RunningShop, ref: str, email: str) -> dict[str, Any]:
    r = HTTP.get(f"{running.url}/api/orders/{ref}", params={"email": email})
    assert r.status_code == 200, r.text
    return r.json()  # type: ignore[no-any-return]
