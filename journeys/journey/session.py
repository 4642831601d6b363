"""The systems under test, running for the length of one test process.

One ``SystemSession`` per process: the touchpoint maps and tasks of one or
more systems (a company is several: a shop, a helpdesk...), each with its
own address, credentials and mail; the embedded system when no external one
is given; the SMTP capture; one browser. Each journey gets its own browser
contexts and mailbox address from it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, overload
from zoneinfo import ZoneInfo

from journeys.channels.browser_settings import BrowserSettings
from journeys.core.promise_file import project_name, store_location
from journeys.core.secrets import Secrets
from journeys.errors import ConfigError
from journeys.journey.parts import SystemPart, SystemView, start_part
from journeys.journey.system_clock import Clock, clock_for
from journeys.systems.company import CompanyTasks, load_maps
from journeys.systems.touchpoint_map import Touchpoint, TouchpointMap

if TYPE_CHECKING:
    from journeys.channels.base import Driver
    from journeys.channels.browser import BrowserSession
    from journeys.channels.drivers import AgentDriver, ApiDriver, ChatDriver, DriverJourney, MailDriver, WebDriver
    from journeys.channels.mail_capture import MailCapture


class SystemSession:
    """Everything a journey needs from the systems under test.

    Args:
        system: a map name under ``fixtures/systems`` or a path to a map file;
            or several, for a journey across systems (the first is the main one:
            its clock is the journey's, ``base_url`` and ``faults`` are its).
        base_url: the first system's URL; when None and its map names an embedded
            system, that system is started here and stopped by ``close``.
            The other systems take theirs from their maps (``base_url: ${HELPDESK_URL}``).
        faults: faults to switch on in the embedded system.
        reports_dir: where evidence and ledgers are written.
        browser: the browser and the evidence it leaves (default: headless Chromium).
        browserless: web, agent and chat customers walk without a browser (a population).
        smtp_port: the SMTP capture's port for every system whose mail is captured
            (``--smtp-port``); None: each map's ``mail.port``, else a free port.
        promise_store: the project's promise store (``promise_file.store_location``);
            None: ``promises.sqlite`` in the reports folder ``reports_dir`` is in.
        mail: start the SMTP captures (False: no touchpoint read here is a mail).
        environ: the run's variables, read from the environment where it started
            (``RunSettings.variables``): the maps' ``${NAME}`` and ``*_env`` names (addresses,
            passwords, tokens) are read from them and nowhere else; an embedded system's own
            come first (``SystemPart.environ``). None: none is set.
    """

    def __init__(
        self,
        system: str | Path | Sequence[str | Path] = "refshop",
        *,
        base_url: str | None = None,
        faults: tuple[str, ...] = (),
        reports_dir: str | Path = "reports",
        seed: int = 1,
        headless: bool = True,
        systems_dir: str | Path = "fixtures/systems",
        browser: BrowserSettings | None = None,
        smtp_port: int | None = None,
        browserless: bool = False,
        promise_store: str | Path | None = None,
        mail: bool = True,
        environ: Mapping[str, str] | None = None,
    ) -> None:
        names = [system] if isinstance(system, (str, Path)) else list(system)
        self.variables: dict[str, str] = dict(environ or {})
        self.maps: list[TouchpointMap] = load_maps(names, systems_dir, self.variables)
        _refuse_unset_variables(self.maps, base_url_given=bool(base_url))
        self.map = self.maps[0]
        self.tasks = CompanyTasks.of(self.maps)
        self.reports_dir = Path(reports_dir)
        self.browser_settings = browser or BrowserSettings(headless=headless)
        self.browserless = browserless  # web customers read the server's HTML over HTTP, no browser
        _refuse_headed_without_display(self.browser_settings)
        # Where every journey's clock starts (a test clock is set back to it), so a journey's
        # outcome does not depend on which journeys ran before it in this process.
        self.start_moment = datetime.now(ZoneInfo(self.map.timezone)).replace(second=0, microsecond=0)
        self.secrets = Secrets()
        self._browsers: dict[str, BrowserSession] = {}  # one per engine the journeys use
        self._promise_store: Any = None
        self.promise_store_url = str(promise_store or store_location(reports_dir))
        self._captures: dict[int, MailCapture] = {}
        self.parts: dict[str, SystemPart] = {}
        first_url = base_url or self.map.base_url  # JOURNEYS_BASE_URL is read once, by journeys.run.settings
        urls = [first_url, *(each.base_url for each in self.maps[1:])]
        if faults and all(url or not each.embedded for url, each in zip(urls, self.maps, strict=True)):
            raise ConfigError(f"--fault only switches faults on in an embedded system, not at {first_url}")
        try:
            for url, each in zip(urls, self.maps, strict=True):
                self.parts[each.system] = start_part(
                    each,
                    self.tasks.by_system[each.system],
                    url,
                    self._captures,
                    smtp_port,
                    mail=mail,
                    faults=faults,
                    seed=seed,
                    start=self.start_moment,
                    environ=self.variables,
                    patience=self.browser_settings.http_timeout,
                )
        except BaseException:
            self.close()
            raise
        main = self.parts[self.map.system]
        self.base_url = main.base_url
        self.mail_capture = main.mail_capture
        self.environ = main.environ  # where the map's *_env names are looked up (SystemPart.environ)
        for each in self.maps:
            self.secrets.add_env_names(each.secret_env_names(), self.parts[each.system].environ)
        self.clock: Clock = clock_for(self.map, self.base_url, self.reports_dir, self.secrets, self.environ)

    # -- what the journeys look up -------------------------------------------------

    @property
    def systems(self) -> list[str]:
        """The systems' names, the main one first."""
        return [each.system for each in self.maps]

    @property
    def segments(self) -> dict[str, str]:
        """Every system's customer segments (segment -> persona)."""
        return {name: persona for each in reversed(self.maps) for name, persona in each.segments.items()}

    def fact_words(self) -> dict[str, str]:
        """The systems' own words for their facts (words -> fact)."""
        return {words: fact for each in reversed(self.maps) for words, fact in each.fact_words().items()}

    def touchpoint(self, name: str) -> Touchpoint:
        """The touchpoint ``name``, in whichever system's map it is."""
        for each in self.maps:
            if name in each.touchpoints:
                return each.touchpoints[name]
        if len(self.maps) == 1:
            return self.map.touchpoint(name)  # its error names the closest touchpoint
        known = sorted(tp for each in self.maps for tp in each.touchpoints)
        raise ConfigError(
            f"no touchpoint '{name}' in the maps of {', '.join(self.systems)}. Known: {', '.join(known)}."
        )

    def touchpoints(self) -> list[Touchpoint]:
        """Every system's touchpoints."""
        return [tp for each in self.maps for tp in each.touchpoints.values()]

    def part(self, system: str | None = None) -> SystemPart:
        """One running system (default: the main one)."""
        return self.parts[system or self.map.system]

    def promise_store(self) -> Any:
        """Where promises not yet due wait for a later run (systems without a test clock)."""
        if self._promise_store is None:
            from journeys.core.promise_store import PromiseStore

            self._promise_store = PromiseStore(self.promise_store_url, project=project_name(Path.cwd()))
        return self._promise_store

    @overload
    def driver(
        self, channel: Literal["web"], journey: DriverJourney, *, system: str | None = ..., role: str | None = ...
    ) -> WebDriver: ...
    @overload
    def driver(
        self, channel: Literal["agent"], journey: DriverJourney, *, system: str | None = ..., role: str | None = ...
    ) -> AgentDriver: ...
    @overload
    def driver(
        self, channel: Literal["chat"], journey: DriverJourney, *, system: str | None = ..., role: str | None = ...
    ) -> ChatDriver: ...
    @overload
    def driver(
        self, channel: Literal["email"], journey: DriverJourney, *, system: str | None = ..., role: str | None = ...
    ) -> MailDriver: ...
    @overload
    def driver(
        self,
        channel: Literal["api", "store"],
        journey: DriverJourney,
        *,
        system: str | None = ...,
        role: str | None = ...,
    ) -> ApiDriver: ...
    @overload
    def driver(
        self, channel: str, journey: DriverJourney, *, system: str | None = ..., role: str | None = ...
    ) -> Driver: ...
    def driver(
        self, channel: str, journey: DriverJourney, *, system: str | None = None, role: str | None = None
    ) -> Driver:
        """A fresh driver of ``channel`` for one journey.

        Args:
            channel: the channel.
            journey: the journey it serves.
            system: which system's (default: the main one): its address, mail and credentials.
            role: for ``agent``: which staff login (a ``credentials:`` entry; default ``agent``).
        """
        from journeys.channels import make_driver

        if system in (None, self.map.system) and role in (None, "agent"):
            return make_driver(channel, self, journey)
        other = system if system not in (None, self.map.system) else None
        view = SystemView(self, self.part(system), role)
        return make_driver(channel, view, journey, system=other, role=role or "agent")

    @property
    def browser(self) -> BrowserSession:
        """The browser of the session's settings (``--browser``, the first when several)."""
        return self.browser_for(self.browser_settings)

    def browser_for(self, settings: BrowserSettings) -> BrowserSession:
        """The process's browser of ``settings.browser``'s engine, started on first use (one per engine)."""
        if settings.browser not in self._browsers:
            from journeys.channels.browser import BrowserSession
            from journeys.channels.rehearsal import rehearse

            url = self.map.url_for("web", self.base_url)
            self._browsers[settings.browser] = BrowserSession(settings, warm_up=partial(rehearse, url) if url else None)
        return self._browsers[settings.browser]

    def uses_a_browser(self) -> bool:
        """Whether a journey may open a page in a browser (a map with web, agent or chat touchpoints)."""
        return not self.browserless and any(tp.channel in ("web", "agent", "chat") for tp in self.touchpoints())

    def check_browsers(self, engines: Sequence[str] = ()) -> None:
        """Start each browser the journeys will use (default: the settings' one) and try what they
        will ask of it, so that a missing browser, codec or device is told once, before any journey.

        Raises:
            BrowserMissing, ChannelError, ConfigError: as ``BrowserSession.check`` says.
        """
        for engine in engines or (self.browser_settings.browser,):
            self.browser_for(replace(self.browser_settings, browser=engine)).check()

    def close(self) -> None:
        for browser in self._browsers.values():
            browser.close()
        self._browsers.clear()
        for part in self.parts.values():
            part.stop()
        for capture in self._captures.values():
            capture.stop()
        self._captures.clear()


def _refuse_unset_variables(maps: Sequence[TouchpointMap], *, base_url_given: bool) -> None:
    """Every ``${NAME}`` a map needs and the run's variables do not set: one error naming each, before anything
    starts (the main system's ``base_url`` is not needed when ``--base-url`` gives it)."""
    problems = [p for i, each in enumerate(maps) for p in each.unset_problems(base_url_given=base_url_given and i == 0)]
    if problems:
        raise ConfigError("\n".join(problems))  # each names its map file and line


def _refuse_headed_without_display(settings: BrowserSettings) -> None:
    """``--headed`` with no display fails the run once, before the first journey, not each journey."""
    from journeys.channels.browser_launch import NO_DISPLAY, has_display

    if not settings.headless and not has_display():
        raise ConfigError(NO_DISPLAY)
