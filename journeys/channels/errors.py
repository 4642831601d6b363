"""The channels' errors, ``ChannelError`` and ``BrowserMissing``: defined in ``journeys.errors``
(the one error tree), named here too for the drivers that import them from their own package."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from journeys.errors import BrowserMissing, ChannelError


def login_failed(role: str, url: str, password: str | Mapping[str, Any] | None) -> str:
    """The message for a login whose page still asks for the password after it was sent."""
    env = password.get("password_env") if isinstance(password, Mapping) else password
    held = f" (the password comes from {env})" if env else ""
    return (
        f"login for role {role} failed at {url} (wrong password?): the page still asks for a password after"
        f" logging in{held}. Check the user and password of credentials.{role}, or the map's login: form."
    )


__all__ = ["BrowserMissing", "ChannelError", "login_failed"]
