"""The browser: one per process, a fresh context per customer.

Which browser is found and how it is launched (or connected to) is
:mod:`journeys.channels.browser_launch`; here it is started on first use,
checked before any journey, and shared by the process.

Playwright's sync API binds its objects to the thread that started it: use a
``BrowserSession`` from one thread (pytest-xdist gives each worker a process).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from journeys.channels.browser_launch import first_line, launch_browser
from journeys.channels.browser_settings import BrowserSettings
from journeys.errors import ChannelError, ConfigError

NO_FFMPEG = "--video {video} needs Playwright's ffmpeg: run `playwright install ffmpeg`, or leave --video out."


class BrowserSession:
    """One browser for the process, started on first use.

    Args:
        settings: which browser and how it runs (default: headless Chromium).
        headless: overrides ``settings.headless`` (``--headed`` from before the settings).
        ws_endpoint: connect to a remote browser server instead of launching.
        warm_up: called with the session right after launch (``journeys.channels.rehearsal``: a
            customer's page rehearsed on the system's address), so what a fresh browser, driver and
            system pay the first time is start-up, not the first customer's wait.
    """

    def __init__(
        self,
        settings: BrowserSettings | None = None,
        *,
        headless: bool | None = None,
        ws_endpoint: str | None = None,
        warm_up: Callable[[BrowserSession], None] | None = None,
    ) -> None:
        settings = settings or BrowserSettings()
        self.settings = settings if headless is None else replace(settings, headless=headless)
        self.ws_endpoint = ws_endpoint
        self.warm_up = warm_up
        self._playwright: Any = None
        self._browser: Any = None

    @property
    def headless(self) -> bool:
        """False when the browser is shown (``--headed``)."""
        return self.settings.headless

    @property
    def browser(self) -> Any:
        """The Playwright browser (drivers only)."""
        if self._browser is None:
            from playwright.sync_api import sync_playwright

            self._playwright = sync_playwright().start()
            try:
                self._browser = launch_browser(self._playwright, self.settings, ws_endpoint=self.ws_endpoint)
            except BaseException:
                self._playwright.stop()
                self._playwright = None
                raise
            if self.warm_up:
                self.warm_up(self)
        return self._browser

    def new_context(self, **options: Any) -> Any:
        """A fresh browser context: cookies, storage and session of one customer (drivers only);
        with ``--device``, that device's viewport, user agent, touch and scale come first."""
        return self.browser.new_context(**{**self.device_options(), **options})

    def device_options(self) -> dict[str, Any]:
        """``new_context`` options emulating the settings' device (none without one).

        Raises:
            ConfigError: Playwright knows no such device; the message names the closest.
        """
        if not self.settings.device:
            return {}
        devices = self._started().devices
        found = devices.get(self.settings.device)
        if found is None:
            import difflib

            close = difflib.get_close_matches(self.settings.device, list(devices), n=3, cutoff=0.5)
            hint = f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
            raise ConfigError(f"--device {self.settings.device!r}: Playwright knows no such device.{hint}")
        return {k: v for k, v in found.items() if k != "default_browser_type"}

    def check(self) -> None:
        """Start the browser and try what the run will ask of it, so a missing browser, codec or
        device is the run's error before any journey, not every journey's failure.

        Raises:
            BrowserMissing, ChannelError: no such browser, or it would not start.
            ConfigError: an unknown ``--device``.
            ChannelError: ``--video`` without Playwright's ffmpeg.
        """
        self.device_options()
        if self.settings.video == "off":
            self.browser  # noqa: B018 - launching it is the check
            return
        import tempfile

        from playwright.sync_api import Error as PlaywrightError

        with tempfile.TemporaryDirectory(prefix="journeys-video-check-") as folder:
            context = self.new_context(record_video_dir=folder)
            try:
                context.new_page()
            except PlaywrightError as exc:
                if "ffmpeg" in str(exc):
                    raise ChannelError(NO_FFMPEG.format(video=self.settings.video)) from exc
                raise ChannelError(f"the browser could not open a page: {first_line(exc)}") from exc
            finally:
                context.close()

    def _started(self) -> Any:
        self.browser  # noqa: B018 - starts Playwright with the browser
        return self._playwright

    def close(self) -> None:
        """Close the browser and Playwright; a later use starts them again."""
        if self._browser is not None:
            try:
                self._browser.close()
            finally:
                self._browser = None
        if self._playwright is not None:
            self._playwright.stop()
            self._playwright = None


_shared: BrowserSession | None = None


def shared_browser(settings: BrowserSettings | None = None, *, headless: bool | None = None) -> BrowserSession:
    """The process's browser session, made on first call (later calls' arguments are ignored)."""
    global _shared
    if _shared is None:
        _shared = BrowserSession(settings, headless=headless)
    return _shared


def close_shared_browser() -> None:
    """Close the process's browser session, if one was made."""
    global _shared
    if _shared is not None:
        _shared.close()
        _shared = None
