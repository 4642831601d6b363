"""The agent console: a customer-service agent's browser, apart from the customer's.

An ``AgentDriver`` is a ``WebDriver`` in a browser context of its own, so
the agent's login never mixes with the customer's session. It logs in with
credentials named in the map (``credentials: agent: {user_env, password_env,
login: {url, user_field, password_field, submit}}``): with a ``login:``
block, before its first page (the first ``goto`` or ``visit``); without one,
when a task calls ``login``. Several staff roles (``credentials: {agent: ...,
desk_agent: ...}``) each get a driver of their own (``journey.staff(role)``);
``role`` names the entry in messages. Logging in twice is once: a task may
call ``login()`` where the map's block already logged the agent in. The login itself is
``StaffLogin``'s, the same without a browser (``HttpAgentDriver``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from journeys.channels.staff_login import StaffLogin
from journeys.channels.web import WebDriver


class AgentDriver(StaffLogin, WebDriver):
    """The agent's console.

    Args:
        *args: as ``WebDriver``.
        credentials: the map's ``credentials.agent`` entry (environment variable names).
        environ: where those names are looked up (default: the process's environment).
    """

    channel = "agent"

    def __init__(
        self,
        *args: Any,
        credentials: Mapping[str, Any] | None = None,
        environ: Mapping[str, str] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.credentials = dict(credentials or {})
        self.environ = os.environ if environ is None else environ
        self.logged_in = False
        self.role = "agent"  # the map's credentials entry, for messages
        self._logging_in = False
