"""A journey's channels: the drivers of each system it meets, made on first use and typed.

``journey.web``, ``.agent``, ``.staff(role)``, ``.chat``, ``.mail`` and
``.api`` are the channels of the system being walked (``with journey.on(system)``,
or the one a task or touchpoint belongs to), each the Protocol of
``journeys.channels.drivers`` its channel's drivers satisfy. Mixed into ``Journey``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, cast

from journeys.channels.base import Driver
from journeys.systems.touchpoint_map import Touchpoint, TouchpointMap

if TYPE_CHECKING:
    from journeys.channels.browser_settings import BrowserSettings
    from journeys.channels.drivers import AgentDriver, ApiDriver, ChatDriver, MailDriver, PageReader, WebDriver
    from journeys.core.customer import Customer
    from journeys.core.evidence import EvidenceStore
    from journeys.core.stopwatch import Stopwatch
    from journeys.journey.session import SystemSession

__all__ = ["JourneyChannels"]


class JourneyChannels:
    """The channel drivers of a journey (mixed into ``Journey``, which makes ``_drivers`` and ``_on``)."""

    system: SystemSession
    stopwatch: Stopwatch
    customer: Customer
    evidence: EvidenceStore
    browser_settings: BrowserSettings | None  # hers, when not the system's (a run in several browsers)
    browserless: bool | None  # she walks without a browser (True) or in one (False); None: as the session says
    _drivers: dict[tuple[str | None, str, str | None], Driver]  # (system, channel, role)
    _on: list[str | None]  # the system whose task or touchpoint is being walked

    # The cache is keyed by channel, and the session's ``driver`` makes each channel's kind of driver.

    @property
    def web(self) -> WebDriver:
        """The customer's web pages (a browser context of her own, or a cookie jar without a browser)."""
        return cast("WebDriver", self._driver("web"))

    @property
    def agent(self) -> AgentDriver:
        """The customer-service agent's console, separate from the customer's (``staff`` for other roles)."""
        return cast("AgentDriver", self._driver("agent", role=self._default_role()))

    def staff(self, role: str) -> AgentDriver:
        """The console of the staff member ``role`` (a ``credentials:`` entry such as ``desk_agent``),
        logged in with that role's login."""
        return cast("AgentDriver", self._driver("agent", role=role))

    @property
    def chat(self) -> ChatDriver:
        """The chat widget (or chat API), in the customer's own browser session."""
        return cast("ChatDriver", self._driver("chat"))

    @property
    def api(self) -> ApiDriver:
        """The system's JSON API, as its app calls it."""
        return cast("ApiDriver", self._driver("api"))

    @property
    def mail(self) -> MailDriver:
        """Her mailbox."""
        return cast("MailDriver", self._driver("email"))

    def _driver(self, channel: str, *, role: str | None = None) -> Driver:
        system = self._on[-1] if self._on else None
        key = (system, channel, role if channel == "agent" and role != "agent" else None)
        if key not in self._drivers:
            with self.stopwatch.harness():  # making a driver (an HTTP client, say) is not the system's time
                if system is None and key[2] is None:
                    self._drivers[key] = self.system.driver(channel, self)
                else:
                    self._drivers[key] = self.system.driver(channel, self, system=system, role=key[2])
        return self._drivers[key]

    def _default_role(self) -> str:
        """``agent`` where the map has it (or no staff at all), else its only staff role."""
        roles = list(self._map(self._on[-1] if self._on else None).credentials)
        return roles[0] if len(roles) == 1 and "agent" not in roles else "agent"

    @contextmanager
    def on(self, system: str | None) -> Iterator[None]:
        """Walk the block on ``system``: ``journey.web``, ``.agent``, ``.mail``... are that system's."""
        main = self.system.map.system
        self._on.append(None if system in (None, "", main) else system)
        try:
            yield
        finally:
            self._on.pop()

    def _page_driver(self, tp: Touchpoint) -> PageReader:
        """The pages a page touchpoint is read on: the customer's, or a staff role's (``role:``)."""
        if tp.channel == "agent":
            return self.staff(tp.role or self._default_role())
        return cast("PageReader", self._driver(tp.channel))

    def _map(self, system: str | None) -> TouchpointMap:
        """The map of ``system`` (None: the main one)."""
        parts = getattr(self.system, "parts", None)
        return parts[system].map if parts and system in parts else self.system.map
