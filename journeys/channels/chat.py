"""The chat channel: the chat widget on the customer's page, or the chat API.

A chat touchpoint with ``url:`` is read on the page (in the customer's own
browser, so a logged-in customer chats as herself); one with ``request:`` is
called on the API. ``say`` types a message into the widget and waits for
the answer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from journeys.channels.base import Reading
from journeys.channels.errors import ChannelError
from journeys.system.touchpoint_map import Touchpoint

if TYPE_CHECKING:
    from journeys.channels.api import ApiDriver


class ChatDriver:
    """Chat through the customer's browser (``web``) or the system's API (``api``)."""

    channel = "chat"

    def __init__(self, web: Any, api: ApiDriver) -> None:
        self.web = web  # the customer's WebDriver (HttpWebDriver for HttpChatDriver)
        self.api = api

    def visit(self, tp: Touchpoint, **params: Any) -> Reading:
        """Read a chat touchpoint: its page through the browser, or its request through the API."""
        if tp.request is not None:
            return self.api.call(tp, **params)
        return self.web.visit(tp, **params)

    def read(self, tp: Touchpoint, **params: Any) -> Reading:
        """Read the chat on the current page (or call the API for an API touchpoint)."""
        if tp.request is not None:
            return self.api.call(tp, **params)
        return self.web.read(tp)

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
        before = self._count(answers)
        self.web.fill({field: text})
        self.web.click(send)
        page = self.web.page
        selector = f'[data-testid="{answers}"][data-from="shop"]'
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

    def _count(self, answers: str) -> int:
        selector = f'[data-testid="{answers}"][data-from="shop"]'
        return int(self.web.page.evaluate("(sel) => document.querySelectorAll(sel).length", selector))

    def close(self, *, keep_trace: bool = False) -> None:
        """Nothing of its own to close: the web and API drivers are the journey's."""
