"""The chat channel: the chat widget on the customer's page, or the chat API.

A chat touchpoint with ``url:`` is read on the page (in the customer's own
browser or cookie jar, so a logged-in customer chats as herself); one with
``request:`` is called on the API. ``say`` types a message into the widget
and waits for the answer: in a browser as the widget's script shows it,
without one from the page the chat form brings back (the shop's chat works
without JavaScript). Both classes satisfy ``drivers.ChatDriver``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from journeys.channels.base import Reading
from journeys.channels.html_page import inner_text, squash
from journeys.errors import ChannelError
from journeys.systems.touchpoint_map import Touchpoint

if TYPE_CHECKING:
    from journeys.channels.drivers import ApiDriver, WebDriver
    from journeys.channels.http_web import HttpWebDriver
    from journeys.channels.web import BrowserWebDriver

__all__ = ["BrowserChatDriver", "HttpChatDriver"]


class _ChatRoutes:
    """A chat touchpoint's road: its page through the customer's web driver, or its request through the API."""

    channel = "chat"
    web: WebDriver

    def __init__(self, api: ApiDriver) -> None:
        self.api = api

    def visit(self, tp: Touchpoint, **params: object) -> Reading:
        """Read a chat touchpoint: its page through the web driver, or its request through the API."""
        if tp.request is not None:
            return self.api.call(tp, **params)
        return self.web.visit(tp, **params)

    def read(self, tp: Touchpoint, **params: object) -> Reading:
        """Read the chat on the current page (or call the API for an API touchpoint)."""
        if tp.request is not None:
            return self.api.call(tp, **params)
        return self.web.read(tp)

    def close(self, *, keep_trace: bool = False) -> None:
        """Nothing of its own to close: the web and API drivers are the journey's."""


class BrowserChatDriver(_ChatRoutes):
    """Chat through the customer's browser (``web``) or the system's API (``api``)."""

    def __init__(self, web: BrowserWebDriver, api: ApiDriver) -> None:
        super().__init__(api)
        self.web: BrowserWebDriver = web

    def say(
        self,
        text: str,
        *,
        field: str = "message",
        send: str = "send",
        answers: str = "chat-message",
        timeout: float | None = None,
    ) -> str:
        """Type ``text`` in the widget, send it, and return the shop's answer.

        Args:
            field: name or test id of the message box.
            send: test id or text of the send button.
            answers: test id of the chat messages; the answer is one with ``data-from=shop``.
            timeout: seconds to wait for the answer (default: the element timeout, ``--element-timeout``).
        """
        timeout = self.web.element_timeout if timeout is None else timeout
        selector = f'[data-testid="{answers}"][data-from="shop"]'
        before = int(self.web.page.evaluate("(sel) => document.querySelectorAll(sel).length", selector))
        self.web.fill({field: text})
        self.web.click(send)
        page = self.web.page
        try:
            page.wait_for_function(
                "([sel, n]) => document.querySelectorAll(sel).length > n",
                arg=[selector, before],
                timeout=timeout * 1000,
            )
        except Exception as exc:  # Playwright's timeout, wrapped with where it happened
            raise ChannelError(
                f"{self.web.customer_key} at chat: no answer to '{text}' on {page.url} within {timeout:g} s."
            ) from exc
        last = page.evaluate(
            "(sel) => { const all = document.querySelectorAll(sel);"
            " return all.length ? all[all.length - 1].innerText : ''; }",
            selector,
        )
        return " ".join(str(last).split())


class HttpChatDriver(_ChatRoutes):
    """The chat widget as a plain form, or the chat API: routed as ``BrowserChatDriver`` routes,
    answered from the page the form brings back."""

    def __init__(self, web: HttpWebDriver, api: ApiDriver) -> None:
        super().__init__(api)
        self.web: HttpWebDriver = web

    def say(
        self,
        text: str,
        *,
        field: str = "message",
        send: str = "send",
        answers: str = "chat-message",
        timeout: float | None = None,
    ) -> str:
        """Send ``text`` with the chat form and return the shop's answer on the page that comes back."""
        selector = f'[data-testid="{answers}"][data-from="shop"]'
        before = len(self.web.tree.css(selector))
        self.web.fill({field: text})
        self.web.click(send)
        shop = self.web.tree.css(selector)
        if len(shop) <= before:
            raise ChannelError(f"{self.web.customer_key} at chat: no answer to '{text}' on {self.web.current_url}.")
        return squash(inner_text(shop[-1]))
