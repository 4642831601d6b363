"""A driver without a browser, mail server or network, for unit tests.

``FakeDriver`` answers every channel verb (``visit``, ``read``, ``receive``,
``call``) from a dict of raw texts per touchpoint, and records what the
customer did (``fill``, ``click``...) in ``actions``, so the layers above the
drivers can be tested fast and exactly.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from journeys.channels.base import Raw, Reading
from journeys.errors import MailNotReceived
from journeys.systems.templates import fill as fill_template
from journeys.systems.touchpoint_map import Touchpoint


class FakeDriver:
    """Readings from a dict: ``{touchpoint: {fact: raw}}``.

    Args:
        readings: raw text per fact per touchpoint; a fact of the touchpoint
            left out reads as None (not found), a touchpoint left out fails
            like a mail that never came (for email) or reads as all None.
        channel: the channel this driver stands in for.
        asked: form fields each touchpoint asks for.
        base_url: used to build the reading's URL from the touchpoint's template.
    """

    def __init__(
        self,
        readings: Mapping[str, Mapping[str, Raw]],
        *,
        channel: str = "web",
        asked: Mapping[str, list[str]] | None = None,
        base_url: str = "http://fake.test",
    ) -> None:
        self.readings = {k: dict(v) for k, v in readings.items()}
        self.channel = channel
        self.asked = dict(asked or {})
        self.base_url = base_url
        self.actions: list[tuple[str, Any]] = []
        self.closed: bool | None = None  # keep_trace of the close call, once closed
        self.current_url = ""

    def visit(self, tp: Touchpoint, **params: Any) -> Reading:
        url = self.base_url + fill_template(tp.url or (tp.request.path if tp.request else "/"), params, touchpoint=tp)
        self.current_url = url
        self.actions.append(("visit", tp.name))
        return self._reading(tp, url)

    def read(self, tp: Touchpoint, **_: Any) -> Reading:
        self.actions.append(("read", tp.name))
        return self._reading(tp, self.current_url)

    def call(self, tp: Touchpoint, **params: Any) -> Reading:
        return self.visit(tp, **params)

    def receive(
        self,
        tp: Touchpoint,
        address: str,
        *,
        timeout: float = 10,
        after: datetime | None = None,
        **params: Any,
    ) -> Reading:
        self.actions.append(("receive", tp.name))
        if tp.name not in self.readings:
            raise MailNotReceived(
                f"no mail to {address} for {tp.name} (fake mailbox)",
                address=address,
                touchpoint=tp.name,
            )
        return self._reading(tp, f"mailto:{address}")

    def request(self, method: str, path: str, **kwargs: Any) -> Any:
        self.actions.append(("request", (method, path, kwargs)))
        return self.readings.get(f"{method.upper()} {path}", {})

    def goto(self, path: str) -> None:
        self.current_url = self.base_url + path
        self.actions.append(("goto", path))

    def fill(self, fields: Mapping[str, str]) -> None:
        self.actions.append(("fill", dict(fields)))

    def click(self, target: str) -> None:
        self.actions.append(("click", target))

    def submit(self, target: str | None = None) -> None:
        self.actions.append(("submit", target))

    def text_of(self, testid: str) -> str:
        self.actions.append(("text_of", testid))
        return str(self.readings.get("text_of", {}).get(testid, ""))

    def close(self, *, keep_trace: bool = False) -> None:
        self.closed = keep_trace

    def _reading(self, tp: Touchpoint, url: str) -> Reading:
        given = self.readings.get(tp.name, {})
        raw = {fact: given.get(fact) for fact in tp.facts}
        return Reading(tp.name, tp.channel, url, raw, [], list(self.asked.get(tp.name, [])), datetime.now(UTC))
