"""The channels' errors, ``ChannelError`` and ``BrowserMissing``: defined in ``journeys.errors``
(the one error tree), named here too for the drivers that import them from their own package."""

from __future__ import annotations

from journeys.errors import BrowserMissing, ChannelError

__all__ = ["BrowserMissing", "ChannelError"]
