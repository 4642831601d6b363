"""The edge: drivers that turn pages, mails and JSON bodies into ``Reading`` objects.

Nothing above this package sees a Playwright, SMTP or HTTP object: a journey
and its tasks see the Protocols of ``journeys.channels.drivers``. Driver
modules import their tools lazily (through ``make_driver``), so importing
``journeys.channels`` is cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, overload
from urllib.parse import urlsplit

from journeys.channels.base import Driver, Reading, describe_missing
from journeys.channels.drivers import (
    AgentDriver,
    ApiDriver,
    ChatDriver,
    DriverJourney,
    DriverSession,
    MailDriver,
    WebDriver,
)
from journeys.errors import BrowserMissing, ChannelError

if TYPE_CHECKING:
    from journeys.channels.browser_settings import BrowserSettings

__all__ = ["BrowserMissing", "ChannelError", "Reading", "browserless", "describe_missing", "make_driver"]


@overload
def make_driver(
    channel: Literal["web"], session: DriverSession, journey: DriverJourney, *, system: str | None = ...
) -> WebDriver: ...
@overload
def make_driver(
    channel: Literal["agent"],
    session: DriverSession,
    journey: DriverJourney,
    *,
    system: str | None = ...,
    role: str = ...,
) -> AgentDriver: ...
@overload
def make_driver(
    channel: Literal["chat"], session: DriverSession, journey: DriverJourney, *, system: str | None = ...
) -> ChatDriver: ...
@overload
def make_driver(
    channel: Literal["email"], session: DriverSession, journey: DriverJourney, *, system: str | None = ...
) -> MailDriver: ...
@overload
def make_driver(
    channel: Literal["api", "store"], session: DriverSession, journey: DriverJourney, *, system: str | None = ...
) -> ApiDriver: ...
@overload
def make_driver(
    channel: str, session: DriverSession, journey: DriverJourney, *, system: str | None = ..., role: str = ...
) -> Driver: ...
def make_driver(
    channel: str, session: DriverSession, journey: DriverJourney, *, system: str | None = None, role: str = "agent"
) -> Driver:
    """A fresh driver of ``channel`` for one journey.

    Args:
        channel: ``web``, ``agent``, ``chat``, ``email``, ``api`` or ``store``.
        session: the system session, or the view of one of its systems (``SystemView``).
        journey: the journey it serves.
        system: the system it is of, when not the session's main one (its trace file says so).
        role: for ``agent``: the staff role whose ``credentials:`` it logs in with (for messages).

    Web, agent and chat go through a browser, unless the journey (``journey.browserless``) or else
    the session (``session.browserless``) says to walk without one: then through HTTP
    (``journeys.channels.http_web``), reading the same map selectors from the server's HTML.
    """
    from journeys.errors import ConfigError

    if channel in ("web", "agent", "chat") and browserless(session, journey):
        return _without_browser(channel, session, journey, role)
    if channel == "web":
        return _web(session, journey, system)
    if channel == "agent":
        return _agent(session, journey, system, role)
    if channel == "chat":
        return _chat(journey)
    if channel in ("api", "store"):
        return _api(channel, session, journey)
    if channel == "email":
        return _mail(session, journey)
    raise ConfigError(f"no driver for channel '{channel}': use web, agent, chat, email, api or store.")


# Each builder returns its channel's Protocol: mypy checks there that every class satisfies it.


def _web(session: DriverSession, journey: DriverJourney, system: str | None) -> WebDriver:
    from journeys.channels.web import BrowserWebDriver

    settings = _browser_settings(session, journey)
    trace = f"{system}-trace.zip" if system else None  # another system's beside the main one's
    return BrowserWebDriver(
        session.browser_for(settings),
        _url(session, "web"),
        journey.evidence,
        journey.customer.key,
        session.secrets,
        settings=settings,
        trace_name=trace,
    )


def _agent(session: DriverSession, journey: DriverJourney, system: str | None, role: str) -> AgentDriver:
    from journeys.channels.agent import BrowserAgentDriver

    settings = _browser_settings(session, journey)
    return BrowserAgentDriver(
        session.browser_for(settings),
        _url(session, "agent"),
        journey.evidence,
        journey.customer.key,
        session.secrets,
        settings=settings,
        trace_name=f"{system}-agent-trace.zip" if system else None,
        credentials=session.map.credentials.get("agent"),
        environ=session.environ,
        role=role,
    )


def _chat(journey: DriverJourney) -> ChatDriver:
    from journeys.channels.chat import BrowserChatDriver
    from journeys.channels.web import BrowserWebDriver

    web = journey.web
    if not isinstance(web, BrowserWebDriver):
        raise ChannelError(f"the chat in a browser reads her pages in one, not in a {type(web).__name__}.")
    return BrowserChatDriver(web, journey.api)


def _api(channel: str, session: DriverSession, journey: DriverJourney) -> ApiDriver:
    from journeys.channels.api import HttpApiDriver

    urls = {c: _url(session, c) for c in ("api", "store", "chat")}
    return HttpApiDriver(
        urls[channel],
        journey.evidence,
        journey.customer.key,
        session.secrets,
        channel_urls=urls,
        environ=session.environ,
        http_timeout=session.browser_settings.http_timeout,
    )


def _mail(session: DriverSession, journey: DriverJourney) -> MailDriver:
    from journeys.channels.mail import MailboxDriver, mailbox_for

    mailbox = mailbox_for(session.map.mail, session.mail_capture, session.environ)
    return MailboxDriver(mailbox, journey.evidence, journey.customer.key, session.secrets)


def _without_browser(channel: str, session: DriverSession, journey: DriverJourney, role: str) -> Driver:
    """The browserless driver of a page channel: ``web``, ``agent`` or ``chat``."""
    from journeys.channels.agent import HttpAgentDriver
    from journeys.channels.chat import HttpChatDriver
    from journeys.channels.http_web import HttpWebDriver

    if channel == "chat":
        web = journey.web
        if not isinstance(web, HttpWebDriver):
            raise ChannelError(
                f"the chat without a browser reads her pages without one, not in a {type(web).__name__}."
            )
        chat: ChatDriver = HttpChatDriver(web, journey.api)
        return chat
    settings = session.browser_settings
    # Only the system's own addresses: a population never sends a customer anywhere else.
    urls = [session.base_url, *session.map.urls.values()]
    hosts = {urlsplit(u).netloc for u in urls if u}
    args = (_url(session, channel), journey.evidence, journey.customer.key, session.secrets)
    timeout, limit = settings.element_timeout, settings.http_timeout
    if channel == "web":
        web_driver: WebDriver = HttpWebDriver(*args, hosts=hosts, element_timeout=timeout, http_timeout=limit)
        return web_driver
    agent: AgentDriver = HttpAgentDriver(
        *args,
        hosts=hosts,
        element_timeout=timeout,
        http_timeout=limit,
        credentials=session.map.credentials.get("agent"),
        environ=session.environ,
        role=role,
    )
    return agent


def _browser_settings(session: DriverSession, journey: DriverJourney) -> BrowserSettings:
    """Screenshots, trace, video and timeouts as the run's options say; a journey in another of the
    run's browsers (``--browser`` given twice) says which."""
    return journey.browser_settings or session.browser_settings


def _url(session: DriverSession, channel: str) -> str:
    """Where ``channel`` of the system is: the map's ``urls:`` entry, else the system's address."""
    return session.map.url_for(channel, session.base_url) or session.base_url


def browserless(session: DriverSession, journey: DriverJourney) -> bool:
    """Whether this journey's web customer walks without a browser: the journey's choice, else the session's."""
    return journey.browserless if journey.browserless is not None else session.browserless
