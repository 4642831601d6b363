"""The browser: one Chromium per process, a fresh context per customer.

Which Chromium: Playwright's own when ``playwright install chromium`` has put
it there, else the one named by ``JOURNEYS_CHROMIUM``, else the system's
``/usr/bin/chromium``. ``JOURNEYS_BROWSER_WS`` (or ``ws_endpoint``) connects
to a remote Playwright browser server instead of launching one.

Playwright's sync API binds its objects to the thread that started it: use a
``BrowserSession`` from one thread (pytest-xdist gives each worker a process).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from journeys.channels.errors import BrowserMissing, ChannelError

SYSTEM_CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

_HOW_TO_INSTALL = (
    "Install one: `playwright install chromium` (downloads Playwright's own), or"
    " `apt-get install chromium` (Debian/Ubuntu), or set JOURNEYS_CHROMIUM to the path of a"
    " Chromium or Chrome executable."
)


def find_chromium(playwright: Any | None = None) -> str:
    """The path of the Chromium that will be launched.

    Raises:
        BrowserMissing: none found; the message says how to install one.
    """
    own = _own_chromium(playwright)
    if own:
        return own
    named = os.environ.get("JOURNEYS_CHROMIUM")
    if named:
        if Path(named).is_file():
            return named
        raise BrowserMissing(f"JOURNEYS_CHROMIUM={named} does not exist. {_HOW_TO_INSTALL}")
    if Path(SYSTEM_CHROMIUM).is_file():
        return SYSTEM_CHROMIUM
    raise BrowserMissing(f"no Chromium found for Playwright to drive. {_HOW_TO_INSTALL}")


def _own_chromium(playwright: Any | None) -> str | None:
    if playwright is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as started:
            return _own_chromium(started)
    path = playwright.chromium.executable_path
    return str(path) if path and Path(path).is_file() else None


def launch_browser(playwright: Any, *, headless: bool = True, ws_endpoint: str | None = None) -> Any:
    """Launch Chromium (or connect to a remote browser server) with the harness's flags.

    Args:
        playwright: a started Playwright (``sync_playwright().start()``).
        headless: False shows the browser.
        ws_endpoint: a Playwright browser server's ``ws://`` address; defaults
            to ``JOURNEYS_BROWSER_WS``.

    Raises:
        BrowserMissing: no Chromium to launch.
        ChannelError: it would not start, or the remote server does not answer.
    """
    from playwright.sync_api import Error as PlaywrightError

    ws_endpoint = ws_endpoint or os.environ.get("JOURNEYS_BROWSER_WS")
    if ws_endpoint:
        try:
            return playwright.chromium.connect(ws_endpoint, timeout=10_000)
        except PlaywrightError as exc:
            raise ChannelError(
                f"no Playwright browser server answers at {ws_endpoint}: {_first_line(exc)}."
                " Start one (`playwright run-server`) or unset JOURNEYS_BROWSER_WS."
            ) from exc
    own = _own_chromium(playwright)
    executable = None if own else find_chromium(playwright)
    try:
        # handle_sigint=False: Ctrl-C is the harness's to handle (it finishes the step, then closes
        # the browser); Playwright would otherwise kill the browser under the running journey.
        return playwright.chromium.launch(
            headless=headless, executable_path=executable, args=ARGS, handle_sigint=False
        )
    except PlaywrightError as exc:
        raise ChannelError(
            f"Chromium at {own or executable} would not start: {_first_line(exc)}."
            f" Run `journeys doctor`; {_HOW_TO_INSTALL}"
        ) from exc


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


class BrowserSession:
    """One browser for the process, started on first use.

    Args:
        headless: False shows the browser (``--headed``).
        ws_endpoint: connect to a remote browser server instead of launching.
    """

    def __init__(self, *, headless: bool = True, ws_endpoint: str | None = None) -> None:
        self.headless = headless
        self.ws_endpoint = ws_endpoint
        self._playwright: Any = None
        self._browser: Any = None

    @property
    def browser(self) -> Any:
        """The Playwright browser (drivers only)."""
        if self._browser is None:
            from playwright.sync_api import sync_playwright

            self._playwright = sync_playwright().start()
            try:
                self._browser = launch_browser(self._playwright, headless=self.headless, ws_endpoint=self.ws_endpoint)
            except BaseException:
                self._playwright.stop()
                self._playwright = None
                raise
        return self._browser

    def new_context(self, **options: Any) -> Any:
        """A fresh browser context: cookies, storage and session of one customer (drivers only)."""
        return self.browser.new_context(**options)

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


def shared_browser(*, headless: bool = True) -> BrowserSession:
    """The process's browser session, made on first call."""
    global _shared
    if _shared is None:
        _shared = BrowserSession(headless=headless)
    return _shared


def close_shared_browser() -> None:
    """Close the process's browser session, if one was made."""
    global _shared
    if _shared is not None:
        _shared.close()
        _shared = None
