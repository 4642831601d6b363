"""The edge: drivers that turn pages, mails and JSON bodies into ``Reading`` objects.

Nothing above this package sees a Playwright, SMTP or HTTP object. Driver
modules import their tools lazily (through ``make_driver``), so importing
``journeys.channels`` is cheap.
"""

from __future__ import annotations

from typing import Any

from journeys.channels.base import Reading, describe_missing
from journeys.channels.errors import BrowserMissing, ChannelError

__all__ = ["BrowserMissing", "ChannelError", "Reading", "describe_missing", "make_driver"]


def make_driver(channel: str, session: Any, journey: Any) -> Any:
    """A fresh driver of ``channel`` for one journey.

    Args:
        channel: ``web``, ``agent``, ``chat``, ``email``, ``api`` or ``store``.
        session: the system session (``map``, ``base_url``, ``browser``, ``browser_settings``,
            ``secrets``, ``mail_capture``, ``environ``: where the map's ``*_env`` names are looked up).
        journey: the journey (``evidence``, ``customer.key``, ``web``, ``api``).

    Web, agent and chat go through a browser, unless the journey (``journey.browserless``) or else
    the session (``session.browserless``) says to walk without one: then through HTTP
    (``journeys.channels.http_web``), reading the same map selectors from the server's HTML.
    """
    from journeys.errors import ConfigError

    system_map = session.map
    key = journey.customer.key
    environ = getattr(session, "environ", None)  # where the map's *_env names are; None: the process's
    evidence, secrets = journey.evidence, session.secrets
    if channel in ("web", "agent", "chat"):
        from journeys.channels.http_web import browserless

        if browserless(session, journey):
            return _http_driver(channel, session, journey)
    if channel in ("web", "agent"):
        from journeys.channels.agent import AgentDriver
        from journeys.channels.web import WebDriver

        base = system_map.url_for(channel, session.base_url)
        # Screenshots, trace, video and timeouts as the run's options say (else the browser's own);
        # a journey in another of the run's browsers (``--browser`` given twice) says which.
        settings = getattr(journey, "browser_settings", None) or getattr(session, "browser_settings", None)
        browser = session.browser_for(settings) if settings and hasattr(session, "browser_for") else session.browser
        if channel == "web":
            return WebDriver(browser, base, evidence, key, secrets, settings=settings)
        return AgentDriver(
            browser,
            base,
            evidence,
            key,
            secrets,
            settings=settings,
            credentials=system_map.credentials.get("agent"),
            environ=environ,
        )
    if channel in ("api", "store"):
        from journeys.channels.api import ApiDriver

        urls = {c: system_map.url_for(c, session.base_url) for c in ("api", "store", "chat")}
        settings = getattr(session, "browser_settings", None)
        limit = settings.http_timeout if settings else 10.0
        return ApiDriver(urls[channel], evidence, key, secrets, channel_urls=urls, environ=environ, http_timeout=limit)
    if channel == "email":
        from journeys.channels.mail import MailDriver, mailbox_for

        mailbox = mailbox_for(system_map.mail, session.mail_capture, environ)
        return MailDriver(mailbox, evidence, key, secrets)
    if channel == "chat":
        from journeys.channels.chat import ChatDriver

        return ChatDriver(journey.web, journey.api)
    raise ConfigError(f"no driver for channel '{channel}': use web, agent, chat, email, api or store.")


def _http_driver(channel: str, session: Any, journey: Any) -> Any:
    """The browserless driver of a page channel: ``web``, ``agent`` or ``chat``."""
    from urllib.parse import urlsplit

    from journeys.channels.http_web import HttpAgentDriver, HttpChatDriver, HttpWebDriver

    if channel == "chat":
        return HttpChatDriver(journey.web, journey.api)
    base = session.map.url_for(channel, session.base_url)
    settings = getattr(session, "browser_settings", None)
    timeout = settings.element_timeout if settings else 5.0
    limit = settings.http_timeout if settings else 10.0
    # Only the system's own addresses: a population never sends a customer anywhere else.
    urls = [session.base_url, *session.map.urls.values()]
    hosts = {urlsplit(u).netloc for u in urls if u}
    args = (base, journey.evidence, journey.customer.key, session.secrets)
    if channel == "web":
        return HttpWebDriver(*args, element_timeout=timeout, hosts=hosts, http_timeout=limit)
    credentials = session.map.credentials.get("agent")
    return HttpAgentDriver(
        *args,
        element_timeout=timeout,
        hosts=hosts,
        credentials=credentials,
        environ=getattr(session, "environ", None),
        http_timeout=limit,
    )
