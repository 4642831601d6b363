"""The edge as someone who is not the customer meets it: what the security steps try doors with.

- ``someone_else``: a client of the system's web address with a cookie jar (and,
  on this machine, an address) of its own and no browser, as passwords are
  guessed and stolen cookies replayed: by a script.
- ``session_of`` / ``SomeoneElse.use_session``: a copy of her browser's cookies
  (a shared computer, a leaked log), used by someone else.
- ``post_from_elsewhere``: a page of another site sends one of the system's
  forms with her own browser, as a forged form does.
- ``pages_of``: the system's pages her browser was sent, with their headers.
- ``slow_mail``: the SMTP capture taking its time over her mail, as a busy mail server does.
"""

from __future__ import annotations

import html
import re
import sys
import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit

import httpx

from journeys.channels.drivers import DriverJourney, DriverSession, WebDriver
from journeys.channels.http_web import HttpWebDriver
from journeys.errors import ChannelError

Cookie = tuple[str, str, str, str]  # name, value, domain, path
OTHER_ADDRESS = "127.0.0.2"  # where someone else comes from, to a system on this machine (Linux)


class SomeoneElse(HttpWebDriver):
    """Someone who is not the customer, at the system's web address (their evidence files say so)."""

    channel = "someone-else"

    def use_session(self, cookies: list[Cookie]) -> None:
        """Send her copied cookies from now on, as if they were one's own."""
        for name, value, domain, path in cookies:
            self._client.cookies.set(name, value, domain=domain, path=path)


def someone_else(session: DriverSession, journey: DriverJourney) -> SomeoneElse:
    """A client of the system's web address that shares nothing with her: no browser, no cookie."""
    base = session.map.url_for("web", session.base_url) or session.base_url
    hosts = {urlsplit(url).netloc for url in (session.base_url, *session.map.urls.values()) if url}
    return SomeoneElse(
        base,
        journey.evidence,
        f"someone other than {journey.customer.key}",
        session.secrets,
        transport=_another_address(base),
        element_timeout=session.browser_settings.element_timeout,
        hosts=hosts,
    )


def _another_address(base: str) -> httpx.HTTPTransport | None:
    """On Linux every 127.x.x.x is this machine: someone else comes from 127.0.0.2 to a system on
    127.0.0.1, so what the system does to their address (throttled logins) never falls on the
    customers walking from 127.0.0.1. Elsewhere they share the address."""
    if sys.platform.startswith("linux") and urlsplit(base).hostname == "127.0.0.1":
        return httpx.HTTPTransport(local_address=OTHER_ADDRESS)
    return None


def session_of(web: Any) -> list[Cookie]:
    """A copy of the cookies of her browser (or of her browser-less client); their values become secrets."""
    if _browserless(web):
        cookies = [(c.name, c.value or "", c.domain, c.path) for c in web._client.cookies.jar]
    else:
        cookies = [(c["name"], c["value"], c["domain"], c["path"]) for c in web.page.context.cookies()]
    for cookie in cookies:
        web.secrets.add(cookie[1])  # a session cookie opens her account: never in evidence or messages
    return cookies


def post_from_elsewhere(web: Any, path: str, fields: Mapping[str, str]) -> None:
    """Her browser on a page of another site, whose form sends ``fields`` to the system's ``path``.

    The other site is the system's host on another port: another origin, so it
    has none of the system's pages or their form tokens, but the same site, so
    her cookies go along (SameSite=Lax stops only other domains: a sibling
    site of the same domain is the attack it leaves open). Her browser ends on
    the system's answer. Without a browser her client sends the post with her
    cookies itself.
    """
    target = web.url_of(path)
    if _browserless(web):
        web._send("POST", target, list(fields.items()))
        return
    split = urlsplit(target)
    other = f"{split.scheme}://{split.hostname}:{9 if split.port != 9 else 10}"
    hidden = '<input type="hidden" name="{}" value="{}">'
    inputs = "".join(hidden.format(html.escape(k), html.escape(v)) for k, v in fields.items())
    page = f'<form method="post" action="{html.escape(target)}">{inputs}<button id="send">Win!</button></form>'
    tab = web.page
    tab.route(f"{other}/**", lambda route: route.fulfill(status=200, content_type="text/html", body=page))
    try:
        with web._wrapped("send a form from another site", f"{other}/", at="another site"):
            tab.goto(f"{other}/")
            with tab.expect_navigation():
                tab.click("#send")
    finally:
        tab.unroute(f"{other}/**")


def path_of(url: str) -> str:
    """The page ``url`` is, without the address or the query (where tokens travel): ``/login``."""
    return urlsplit(url).path or "/"


def touchpoint_of(url: str, touchpoints: Iterable[Any]) -> str:
    """The first of ``touchpoints`` whose ``url:`` ``url`` is a page of; else ``web <path>``."""
    path = path_of(url)
    for tp in touchpoints:
        template = (tp.url or "").split("?")[0]
        pattern = "".join("[^/]+" if part.startswith("{") else re.escape(part) for part in _PARTS.split(template))
        if template and re.fullmatch(pattern, path):
            return str(tp.name)
    return f"web {path}"


_PARTS = re.compile(r"(\{\w+\})")


def pages_of(web: WebDriver, base_url: str) -> list[tuple[str, int, dict[str, str]]]:
    """The pages of the system at ``base_url`` her browser was sent so far: URL, status, headers."""
    host = urlsplit(base_url).netloc
    return [page for page in web.pages if urlsplit(page[0]).netloc == host]


@contextmanager
def slow_mail(capture: Any, seconds: float, *, to: str, timeout: float) -> Iterator[None]:
    """The SMTP capture takes ``seconds`` over each mail to ``to`` while the block runs, and after it
    until such a mail has come through (at most ``timeout`` seconds). Only her mail: customers walking
    at the same time (a population) keep a fast server.

    Raises:
        ChannelError: the system's mail does not go to the harness's capture, which alone can be slowed.
    """
    if capture is None or not hasattr(capture, "delays"):
        raise ChannelError(
            "a slow mail server is played by the harness's SMTP capture: give the system"
            " `mail: {driver: capture}` in its map"
        )
    before = len(capture.messages(to))
    capture.delays[to.lower()] = seconds
    try:
        yield
        deadline = time.monotonic() + timeout
        while len(capture.messages(to)) <= before and time.monotonic() < deadline:
            capture.wait_for_more(len(capture.messages()), deadline - time.monotonic())
    finally:
        capture.delays.pop(to.lower(), None)


def _browserless(web: Any) -> bool:
    """Whether ``web`` is a browser-less client: by what it has, so a second import of its class (a test
    that reloads modules) cannot send it down the browser's path."""
    return hasattr(web, "_client") and not hasattr(web, "page")
