"""One system of a session, running: its map, tasks, address, mail capture, embedded process.

``start_part`` brings one system up: it finds its address (or starts its
embedded process), starts or shares the SMTP capture its mail goes to, and
checks that it answers. ``SystemView`` is the session as that system's
drivers see it, so the channel drivers need not know a run may hold several.
"""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING

from journeys.errors import ConfigError
from journeys.journey import embedded
from journeys.systems.probe import probe
from journeys.systems.tasks import Tasks
from journeys.systems.touchpoint_map import TouchpointMap

if TYPE_CHECKING:
    from journeys.channels.browser import BrowserSession
    from journeys.channels.browser_settings import BrowserSettings
    from journeys.channels.drivers import DriverSession
    from journeys.channels.mail_capture import MailCapture
    from journeys.core.secrets import Secrets

__all__ = ["SystemPart", "SystemView", "start_part"]


@dataclass
class SystemPart:
    """One running system of a session."""

    map: TouchpointMap
    tasks: Tasks
    base_url: str
    mail_capture: MailCapture | None = None  # the SMTP capture its mail goes to (map: ``driver: capture``)
    embedded: embedded.EmbeddedSystem | None = None
    # Where the map's ``*_env`` names are looked up: an embedded system's own variables (its
    # passwords and tokens, made for this run) before the run's (read where it started); passed
    # down, never exported, never read from the process's environment here.
    environ: Mapping[str, str] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.map.system

    def stop(self) -> None:
        if self.embedded is not None:
            self.embedded.stop()
            self.embedded = None


class SystemView:
    """The session as the drivers of one system (and one staff role) see it (a ``DriverSession``).

    ``map``, ``base_url``, ``mail_capture`` and ``environ`` are that system's; a role's
    credentials are handed to the agent driver as ``credentials.agent``, the
    entry it reads. The secrets, the browsers and their settings are the session's.
    """

    def __init__(self, session: DriverSession, part: SystemPart, role: str | None = None) -> None:
        self._session = session
        self.base_url = part.base_url
        self.mail_capture = part.mail_capture
        self.map = part.map
        self.environ = part.environ
        if role and role != "agent":
            if role not in part.map.credentials:
                known = ", ".join(part.map.credentials) or "none"
                raise ConfigError(
                    f"{part.map.path}: no credentials for staff role '{role}' (roles: {known}):"
                    f" add `credentials: {{{role}: {{user_env: ..., password_env: ...}}}}` to the map."
                )
            self.map = replace(part.map, credentials={**part.map.credentials, "agent": part.map.credentials[role]})

    @property
    def secrets(self) -> Secrets:
        return self._session.secrets

    @property
    def browser_settings(self) -> BrowserSettings:
        return self._session.browser_settings

    @property
    def browserless(self) -> bool:
        return self._session.browserless

    def browser_for(self, settings: BrowserSettings) -> BrowserSession:
        return self._session.browser_for(settings)


def start_part(
    system_map: TouchpointMap,
    tasks: Tasks,
    base_url: str | None,
    captures: dict[int, MailCapture],
    smtp_port: int | None,
    *,
    mail: bool = True,
    faults: tuple[str, ...],
    seed: int,
    start: datetime,
    environ: Mapping[str, str] | None = None,
    patience: float,
) -> SystemPart:
    """Bring one system up: its mail capture, its embedded process or a look at its address.

    Args:
        system_map: the system's map.
        tasks: its tasks.
        base_url: its address; None: start its embedded system.
        captures: the session's SMTP captures by port (0: a free one), shared between systems.
        smtp_port: ``--smtp-port``; None: the map's ``mail.port``, else a free port.
        mail: start its mail capture (False: nothing here reads its mail).
        faults: faults for an embedded system.
        seed: the run's seed, for an embedded system.
        start: the session's start moment (an embedded system's clock starts frozen there).
        patience: seconds a system at ``base_url`` gets to answer its first request (``--http-timeout``).
        environ: the run's variables (``RunSettings.variables``), where its map's ``*_env`` names are
            looked up (an attached process's: the owner's embedded system's too).

    Raises:
        ConfigError: no address and nothing to start, or a capture port that is taken.
        SystemUnreachable: the system does not answer, or its embedded process does not start.
    """
    capture = None
    if mail and system_map.mail.get("driver", "capture") == "capture":
        port = smtp_port if smtp_port is not None else int(system_map.mail.get("port") or 0)
        capture = captures.get(port)
        if capture is None:
            from journeys.channels.mail_capture import MailCapture

            capture = captures[port] = MailCapture(port=port).start()
    if base_url:
        probe(base_url, patience)  # a system that is down: one clear error for the run, not a timeout per journey
        return SystemPart(system_map, tasks, base_url.rstrip("/"), capture, environ=dict(environ or {}))
    if not system_map.embedded:
        raise ConfigError(
            f"no base_url and no embedded system for {system_map.system}: pass --base-url or set base_url"
            " (e.g. base_url: ${" + system_map.system.upper() + "_URL})",
            file=str(system_map.path),
            key="base_url",
        )
    if capture is None:
        raise ConfigError(
            f"the embedded system {system_map.embedded} sends its mail to the SMTP capture: use"
            " `mail: {driver: capture}`, or pass --base-url to a system you started yourself",
            file=str(system_map.path),
            key="mail",
        )
    # Frozen at the start moment: the shop's clock then moves only when a journey moves it.
    running = embedded.start(
        system_map.embedded,
        smtp_port=capture.port,
        faults=faults,
        seed=seed,
        clock=start.isoformat(),
        variables=environ,
    )
    environ = ChainMap(dict(running.env), dict(environ or {}))
    return SystemPart(system_map, tasks, running.url.rstrip("/"), capture, running, environ)
