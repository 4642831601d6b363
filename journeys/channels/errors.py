"""Errors raised at the channel edge.

Drivers catch the tool's own errors (Playwright, smtplib, imaplib, httpx) and
raise these instead, with the customer, the touchpoint and the URL in the
message, so nothing above a driver has to know which tool was used. The
general ones (``SystemUnreachable``, ``MailNotReceived``, ``ConfigError``)
live in ``journeys.errors``; these two are the channels' own:

    JourneysError
     └── ChannelError       a channel could not do what was asked (navigate, click, fill, call)
          └── BrowserMissing    no Chromium to drive (the message says how to install one)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from journeys.errors import JourneysError


class ChannelError(JourneysError):
    """A channel could not do what was asked: navigate, click, fill, call."""


class BrowserMissing(ChannelError):
    """No Chromium found for Playwright to drive."""


def login_failed(role: str, url: str, password: str | Mapping[str, Any] | None) -> str:
    """The message for a login whose page still asks for the password after it was sent."""
    env = password.get("password_env") if isinstance(password, Mapping) else password
    held = f" (the password comes from {env})" if env else ""
    return (
        f"login for role {role} failed at {url} (wrong password?): the page still asks for a password after"
        f" logging in{held}. Check the user and password of credentials.{role}, or the map's login: form."
    )


__all__ = ["BrowserMissing", "ChannelError", "login_failed"]
