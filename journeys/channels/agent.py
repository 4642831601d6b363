"""The agent console: a customer-service agent's pages, apart from the customer's.

An agent driver is a web driver in a context of its own (a browser context,
or a cookie jar without a browser), so the agent's login never mixes with
the customer's session. It logs in with credentials named in the map
(``credentials: agent: {user_env, password_env, login: {url, user_field,
password_field, submit}}``): with a ``login:`` block, before its first page
(the first ``goto`` or ``visit``); without one, when a task calls ``login``.
Several staff roles (``credentials: {agent: ..., desk_agent: ...}``) each
get a driver of their own (``journey.staff(role)``); ``role`` names the
entry in messages. Logging in twice is once: a task may call ``login()``
where the map's block already logged the agent in. The login is
``StaffLogin``'s, one code path in a browser and without one (as a
population walks), so a walk-through and a crowd see the same console: a
step that is green in one is not sent to the login page in the other. Both
classes satisfy ``drivers.AgentDriver``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from journeys.channels.base import Reading
from journeys.channels.http_web import HttpWebDriver
from journeys.channels.page_driver import PageDriver
from journeys.channels.web import BrowserWebDriver
from journeys.errors import ChannelError, ConfigError
from journeys.systems.touchpoint_map import Touchpoint

__all__ = ["BrowserAgentDriver", "HttpAgentDriver", "StaffLogin"]


class StaffLogin(PageDriver):
    """Mixed in before a page driver's adapter: ``class BrowserAgentDriver(StaffLogin, BrowserWebDriver)``.

    Args:
        *args, **kwargs: as the adapter's.
        credentials: the map's entry of this role (environment variable names, ``login:`` form).
        environ: where those names are looked up (default: none set).
        role: the map's credentials entry, for messages (``agent``, ``desk_agent``...).
    """

    channel = "agent"

    def __init__(
        self,
        *args: Any,
        credentials: Mapping[str, Any] | None = None,
        environ: Mapping[str, str] | None = None,
        role: str = "agent",
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.credentials = dict(credentials or {})
        self.environ: Mapping[str, str] = {} if environ is None else environ  # SystemPart.environ
        self.role = role
        self.logged_in = False
        self._logging_in = False

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
        """Log in with the user and password held by two environment variables.

        Arguments left out come from the map's credentials of this role (and its
        ``login:`` block); the defaults are ``/agent/login``, fields ``username``
        and ``password`` and a button ``login``. Called again with no arguments
        once logged in, it does nothing.

        Raises:
            ConfigError: a variable is not set.
        """
        explicit = any(v is not None for v in (user_env, password_env, url, user_field, password_field, submit))
        if self.logged_in and not explicit:
            return
        form = dict(self.credentials.get("login") or {})
        user = _env(self.environ, user_env or self.credentials.get("user_env"), "user_env", self.role)
        password = _env(self.environ, password_env or self.credentials.get("password_env"), "password_env", self.role)
        self.secrets.add(password)
        self._logging_in = True
        try:
            self.goto(url or form.get("url", "/agent/login"))
            self.fill(
                {
                    user_field or form.get("user_field", "username"): user,
                    password_field or form.get("password_field", "password"): password,
                }
            )
            self.click(submit or form.get("submit", "login"))
            if self.is_asking_password():
                raise ChannelError(login_failed(self.role, self.current_url, password_env or self.credentials))
        finally:
            self._logging_in = False
        self.logged_in = True

    def goto(self, path: str) -> None:
        """Open ``path``; with the map's ``login:`` block, the agent logs in first (once)."""
        self._login_first()
        super().goto(path)

    def visit(self, tp: Touchpoint, **params: object) -> Reading:
        """Go to ``tp``; with the map's ``login:`` block, the agent logs in first (once)."""
        self._login_first()
        return super().visit(tp, **params)

    def _login_first(self) -> None:
        if not self.logged_in and not self._logging_in and self.credentials.get("login"):
            with self.evidence.stopwatch.harness():  # the staff's login is not her wait
                self.login()


class BrowserAgentDriver(StaffLogin, BrowserWebDriver):
    """The agent's console in a browser: ``BrowserWebDriver``'s arguments, and ``StaffLogin``'s
    (``credentials``, ``environ``, ``role``)."""


class HttpAgentDriver(StaffLogin, HttpWebDriver):
    """The agent's console over HTTP, in a cookie jar of its own: ``HttpWebDriver``'s arguments,
    and ``StaffLogin``'s (``credentials``, ``environ``, ``role``)."""


def _env(environ: Mapping[str, str], name: str | None, key: str, role: str = "agent") -> str:
    if not name:
        raise ConfigError(
            f"the {role} has no {key}: add credentials.{role}.{key} to the map.",
            key=f"credentials.{role}.{key}",
        )
    value = environ.get(name)
    if not value:
        raise ConfigError(
            f"the environment variable {name} (credentials.{role}.{key}) is not set: export it before the run.",
            key=f"credentials.{role}.{key}",
        )
    return value


def login_failed(role: str, url: str, password: str | Mapping[str, Any] | None) -> str:
    """The message for a login whose page still asks for the password after it was sent."""
    env = password.get("password_env") if isinstance(password, Mapping) else password
    held = f" (the password comes from {env})" if env else ""
    return (
        f"login for role {role} failed at {url} (wrong password?): the page still asks for a password after"
        f" logging in{held}. Check the user and password of credentials.{role}, or the map's login: form."
    )
