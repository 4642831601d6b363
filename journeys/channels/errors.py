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

from journeys.errors import JourneysError


class ChannelError(JourneysError):
    """A channel could not do what was asked: navigate, click, fill, call."""


class BrowserMissing(ChannelError):
    """No Chromium found for Playwright to drive."""


__all__ = ["BrowserMissing", "ChannelError"]
