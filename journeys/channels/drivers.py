"""The seam between a journey (and a project's tasks) and the channels: what each driver offers.

A task sees ``journey.web``, ``journey.agent`` (``journey.staff(role)``),
``journey.chat``, ``journey.mail`` and ``journey.api`` as these Protocols,
never as the class behind them: the web channel is a browser
(``BrowserWebDriver``) in a walk-through and plain HTTP (``HttpWebDriver``) for
most of a population's customers, and a task written against ``WebDriver``
works with both. ``DriverSession`` and ``DriverJourney`` are what
``make_driver`` reads from the session and the journey to build a driver.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from journeys.channels.base import Driver, Reading
from journeys.channels.message import Message
from journeys.core.secrets import Secrets
from journeys.systems.touchpoint_map import Touchpoint, TouchpointMap

if TYPE_CHECKING:
    from journeys.channels.browser import BrowserSession
    from journeys.channels.browser_settings import BrowserSettings
    from journeys.channels.mail_capture import MailCapture
    from journeys.core.customer import Customer
    from journeys.core.evidence import EvidenceStore

__all__ = [
    "AgentDriver",
    "ApiDriver",
    "ChatDriver",
    "Driver",
    "DriverJourney",
    "DriverSession",
    "MailDriver",
    "Mailbox",
    "PageReader",
    "WebDriver",
]


class PageReader(Driver, Protocol):
    """A page channel as the journey reads touchpoints on it (web, agent, chat)."""

    def visit(self, tp: Touchpoint, **params: object) -> Reading:
        """Go to ``tp`` (its ``url:`` filled from ``params``) and read every fact it shows."""
        ...

    def read(self, tp: Touchpoint) -> Reading:
        """Read ``tp``'s facts from the page the customer is on, without going anywhere."""
        ...


class WebDriver(PageReader, Protocol):
    """The customer's web pages, in a browser or without one: what a task does on them.

    Fields are named by ``name`` (or test id), buttons and links by test id or their text.
    Every failure is a ``ChannelError`` naming the customer, the touchpoint, the URL and what
    the page offers instead.
    """

    channel: str
    base_url: str
    customer_key: str
    secrets: Secrets
    element_timeout: float
    pages: list[tuple[str, int, dict[str, str]]]  # each page she was sent: URL, status, headers

    @property
    def current_url(self) -> str:
        """The address of the page she is on (empty before the first page)."""
        ...

    def url_of(self, path: str) -> str:
        """``path`` on the system's web address (a full URL stays as it is)."""
        ...

    def read(self, tp: Touchpoint, *, screenshot: bool | None = None) -> Reading:
        """Read ``tp`` from the current page; ``screenshot`` keeps its evidence (None: the driver's habit)."""
        ...

    def goto(self, path: str) -> None:
        """Open ``path`` (relative to the system's address) or a full URL."""
        ...

    def fill(self, fields: Mapping[str, str]) -> None:
        """Fill form fields: text boxes, selects, radios, checkboxes ("yes"/"no"); passwords become secrets."""
        ...

    def click(self, target: str) -> None:
        """Click the element with test id ``target``, or else the button or link with that text."""
        ...

    def submit(self, target: str | None = None) -> None:
        """Submit the form: press ``target`` (test id or button text), or its submit button."""
        ...

    def text_of(self, testid: str) -> str:
        """The text of the first shown element with test id ``testid``."""
        ...

    def screenshot(self, label: str | None = None) -> str:
        """Keep the current page as evidence (a screenshot; its HTML without a browser); its path."""
        ...

    def is_asking_password(self) -> bool:
        """Whether the page shows a password field (a login form still waiting for one)."""
        ...


class AgentDriver(WebDriver, Protocol):
    """A staff member's console (``journey.agent``, ``journey.staff(role)``), logged in with the map's
    ``credentials:`` of its role."""

    role: str
    credentials: dict[str, Any]  # the map's entry: user_env, password_env, login: {url, ...}
    logged_in: bool

    def login(
        self,
        user_env: str | None = None,
        password_env: str | None = None,
        *,
        url: str | None = None,
        user_field: str | None = None,
        password_field: str | None = None,
        submit: str | None = None,
    ) -> None:
        """Log in with the user and password two environment variables hold (once: again does nothing)."""
        ...


class ChatDriver(PageReader, Protocol):
    """The chat widget on her page (or the chat API, for a touchpoint with ``request:``)."""

    def say(
        self,
        text: str,
        *,
        field: str = "message",
        send: str = "send",
        answers: str = "chat-message",
        timeout: float | None = None,
    ) -> str:
        """Send ``text`` and return the system's answer."""
        ...


class Mailbox(Protocol):
    """Where a mail driver finds mail. ``wait`` returns early when mail may have arrived."""

    @property
    def description(self) -> str:
        """Where the mail is looked for, as a message names it (in the journey's language)."""
        ...

    def open(self) -> None:
        """Connect and log in, if the mailbox needs to, before the first look (the harness's time)."""
        ...

    def messages(self, address: str) -> list[Message]:
        """Every mail to ``address``, oldest first."""
        ...

    def wait(self, timeout: float) -> None:
        """Block until new mail may be there, or ``timeout`` seconds pass."""
        ...


class MailDriver(Driver, Protocol):
    """Her mailbox: mail of a touchpoint waited for and read."""

    mailbox: Mailbox

    def receive(
        self,
        tp: Touchpoint,
        address: str,
        *,
        timeout: float = 10,
        after: datetime | None = None,
        **params: object,
    ) -> Reading:
        """Wait for ``tp``'s mail to ``address`` and read its facts (``MailNotReceived`` when none comes)."""
        ...

    def arrived(self, tp: Touchpoint, address: str, **params: object) -> bool:
        """Whether ``tp``'s mail to ``address`` is there, without waiting."""
        ...


class ApiDriver(Driver, Protocol):
    """The system's JSON API, as its app (or point of sale) calls it."""

    base_url: str

    def call(self, tp: Touchpoint, **params: object) -> Reading:
        """Make ``tp``'s request and read every fact from the JSON answer."""
        ...

    def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Any:
        """Make a request for a task; returns the JSON answer (None for an empty body)."""
        ...


class DriverSession(Protocol):
    """The session as one system's drivers see it (``SystemSession``, or its ``SystemView``)."""

    @property
    def map(self) -> TouchpointMap: ...

    @property
    def base_url(self) -> str: ...

    @property
    def secrets(self) -> Secrets: ...

    @property
    def mail_capture(self) -> MailCapture | None: ...

    @property
    def environ(self) -> Mapping[str, str]:
        """Where the map's ``*_env`` names are looked up."""
        ...

    @property
    def browser_settings(self) -> BrowserSettings: ...

    @property
    def browserless(self) -> bool:
        """Web, agent and chat customers walk without a browser (a population)."""
        ...

    def browser_for(self, settings: BrowserSettings) -> BrowserSession:
        """The process's browser of ``settings``' engine."""
        ...


class DriverJourney(Protocol):
    """The journey as a driver being made sees it."""

    @property
    def customer(self) -> Customer: ...

    @property
    def evidence(self) -> EvidenceStore: ...

    @property
    def browser_settings(self) -> BrowserSettings | None:
        """Her own browser (a run in several browsers); None: the session's."""
        ...

    @property
    def browserless(self) -> bool | None:
        """She walks without a browser (True) or in one (False); None: as the session says."""
        ...

    @property
    def web(self) -> WebDriver: ...

    @property
    def api(self) -> ApiDriver: ...
