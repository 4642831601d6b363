"""The agent console: a customer-service agent's browser, apart from the customer's.

An ``AgentDriver`` is a ``WebDriver`` in a browser context of its own, so
the agent's login never mixes with the customer's session. It logs in with
credentials named in the map (``credentials: agent: {user_env, password_env,
login: {url, user_field, password_field, submit}}``), before its first page
when the map has a ``login:`` block, or when a task calls ``login``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from journeys.channels.web import WebDriver
from journeys.errors import ConfigError
from journeys.system.touchpoint_map import Touchpoint


class AgentDriver(WebDriver):
    """The agent's console.

    Args:
        *args: as ``WebDriver``.
        credentials: the map's ``credentials.agent`` entry (environment variable names).
    """

    channel = "agent"

    def __init__(self, *args: Any, credentials: Mapping[str, Any] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.credentials = dict(credentials or {})
        self.logged_in = False

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
        """Log the agent in with the user and password held by two environment variables.

        Arguments left out come from the map's ``credentials.agent`` (and its
        ``login:`` block); the defaults are ``/agent/login``, fields ``username``
        and ``password`` and a button ``login``.

        Raises:
            ConfigError: a variable is not set.
        """
        form = dict(self.credentials.get("login") or {})
        user = _env(user_env or self.credentials.get("user_env"), "user_env")
        password = _env(password_env or self.credentials.get("password_env"), "password_env")
        self.secrets.add(password)
        self.goto(url or form.get("url", "/agent/login"))
        self.fill(
            {
                user_field or form.get("user_field", "username"): user,
                password_field or form.get("password_field", "password"): password,
            }
        )
        self.click(submit or form.get("submit", "login"))
        self.logged_in = True

    def visit(self, tp: Touchpoint, **params: Any) -> Any:
        if not self.logged_in and self.credentials.get("login"):
            self.login()
        return super().visit(tp, **params)


def _env(name: str | None, key: str) -> str:
    if not name:
        raise ConfigError(
            f"the agent has no {key}: add credentials.agent.{key} to the map.",
            key=f"credentials.agent.{key}",
        )
    value = os.environ.get(name)
    if not value:
        raise ConfigError(
            f"the environment variable {name} (credentials.agent.{key}) is not set: export it before the run.",
            key=f"credentials.agent.{key}",
        )
    return value
