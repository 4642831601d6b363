"""A staff login (agent, desk agent...), one code path for the browser and for HTTP without one.

The agent console's drivers (``AgentDriver`` in a browser, ``HttpAgentDriver``
without one, as a population walks) log in the same way: with the user and
password held by the environment variables the map's credentials name, on
the form its ``login:`` block describes, before the first page they open
(``goto`` or ``visit``). Without a ``login:`` block, a task calls ``login``.
A walk-through and a crowd so see the same console: a step that is green in
one is not sent to the login page in the other.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from journeys.channels.errors import ChannelError, login_failed
from journeys.errors import ConfigError

__all__ = ["StaffLogin"]


class StaffLogin:
    """Mixed in before a page driver (``goto``, ``fill``, ``click``, ``visit``, ``secrets``)."""

    credentials: dict[str, Any]
    environ: Mapping[str, str]  # where the credentials' variables are looked up (SystemPart.environ first)
    role: str = "agent"  # the map's credentials entry, for messages
    logged_in: bool = False
    _logging_in: bool = False

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
        driver: Any = self
        driver.secrets.add(password)
        self._logging_in = True
        try:
            driver.goto(url or form.get("url", "/agent/login"))
            driver.fill(
                {
                    user_field or form.get("user_field", "username"): user,
                    password_field or form.get("password_field", "password"): password,
                }
            )
            driver.click(submit or form.get("submit", "login"))
            if driver.is_asking_password():
                raise ChannelError(login_failed(self.role, driver.current_url, password_env or self.credentials))
        finally:
            self._logging_in = False
        self.logged_in = True

    def goto(self, path: str) -> None:
        """Open ``path``; with the map's ``login:`` block, the agent logs in first (once)."""
        self._login_first()
        super().goto(path)  # type: ignore[misc]

    def visit(self, tp: Any, **params: Any) -> Any:
        self._login_first()
        return super().visit(tp, **params)  # type: ignore[misc]

    def _login_first(self) -> None:
        if not self.logged_in and not self._logging_in and self.credentials.get("login"):
            with self.evidence.stopwatch.harness():  # type: ignore[attr-defined]  # the staff's login is not her wait
                self.login()


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
