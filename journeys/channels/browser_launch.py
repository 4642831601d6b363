"""Finding the browser the settings name and launching it, or connecting to a remote one.

Which browser: ``BrowserSettings.browser``. Chromium is Playwright's own when
``playwright install chromium`` has put it there, else the one named by
``JOURNEYS_CHROMIUM``, else the system's ``/usr/bin/chromium``. Firefox and
WebKit are Playwright's own builds only (a system Firefox is not the patched
build Playwright drives). ``JOURNEYS_BROWSER_WS`` (or ``ws_endpoint``)
connects to a remote Playwright browser server instead of launching one.
Each way it cannot start says what to do (install it, run under xvfb-run).
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from journeys.channels.browser_settings import BrowserSettings
from journeys.errors import BrowserMissing, ChannelError

__all__ = ["ARGS", "NO_DISPLAY", "SYSTEM_CHROMIUM", "find_chromium", "first_line", "has_display", "launch_browser"]

SYSTEM_CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NO_DISPLAY = "--headed needs a display: run under xvfb-run (xvfb-run journeys run --headed), or leave --headed out"
_NAMES = {"chromium": "Chromium", "firefox": "Firefox", "webkit": "WebKit"}

_HOW_TO_INSTALL = (
    "Install one: `playwright install chromium` (downloads Playwright's own), or"
    " `apt-get install chromium` (Debian/Ubuntu), or set JOURNEYS_CHROMIUM to the path of a"
    " Chromium or Chrome executable."
)


def find_chromium(playwright: Any | None = None, named: str | None = None) -> str:
    """The path of the Chromium that will be launched.

    Raises:
        BrowserMissing: none found; the message says how to install one.
    """
    own = _own_chromium(playwright)
    if own:
        return own
    if named:  # --chromium (JOURNEYS_CHROMIUM)
        if Path(named).is_file():
            return named
        raise BrowserMissing(f"--chromium {named} (JOURNEYS_CHROMIUM) does not exist. {_HOW_TO_INSTALL}")
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


def has_display() -> bool:
    """Whether a headed browser can open a window here (Linux needs X11 or Wayland; others have one)."""
    if not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def launch_browser(
    playwright: Any,
    settings: BrowserSettings | None = None,
    *,
    headless: bool | None = None,
    ws_endpoint: str | None = None,
) -> Any:
    """Launch the settings' browser (or connect to a remote browser server) with the harness's flags.

    Args:
        playwright: a started Playwright (``sync_playwright().start()``).
        settings: which browser, headed or not, slow motion (default: headless Chromium).
        headless: overrides ``settings.headless`` (kept for callers from before the settings).
        ws_endpoint: a Playwright browser server's ``ws://`` address; defaults
            to ``settings.ws_endpoint`` (``--browser-ws``, ``JOURNEYS_BROWSER_WS``).

    Raises:
        BrowserMissing: no such browser to launch; the message says how to get one.
        ChannelError: it would not start, ``--headed`` without a display, or the remote server does not answer.
    """
    from playwright.sync_api import Error as PlaywrightError

    settings = settings or BrowserSettings()
    if headless is not None:
        settings = replace(settings, headless=headless)
    engine = getattr(playwright, settings.browser)
    ws_endpoint = ws_endpoint or settings.ws_endpoint
    if ws_endpoint:
        try:
            return engine.connect(ws_endpoint, timeout=10_000, slow_mo=settings.slowmo)
        except PlaywrightError as exc:
            raise ChannelError(
                f"no Playwright browser server answers at {ws_endpoint}: {first_line(exc)}."
                " Start one (`playwright run-server`) or unset JOURNEYS_BROWSER_WS."
            ) from exc
    if not settings.headless and not has_display():
        raise ChannelError(NO_DISPLAY)  # before anything else: no browser would help
    executable: str | None = None
    path: str | None
    if settings.channel:  # a branded browser Playwright finds itself (Chrome, Edge), as pytest-playwright
        path, args = f"--browser-channel {settings.channel}", ARGS if settings.browser == "chromium" else []
    elif settings.browser == "chromium":
        own = _own_chromium(playwright)
        executable = None if own else find_chromium(playwright, settings.executable)
        path, args = own or executable, ARGS
    else:
        executable, path, args = None, _own_build(engine, settings.browser), []
    try:
        # handle_sigint=False: Ctrl-C is the harness's to handle (it finishes the step, then closes
        # the browser); Playwright would otherwise kill the browser under the running journey.
        return engine.launch(
            headless=settings.headless,
            executable_path=executable,
            args=args,
            slow_mo=settings.slowmo,
            handle_sigint=False,
            **({"channel": settings.channel} if settings.channel else {}),
        )
    except PlaywrightError as exc:
        message = first_line(exc)
        if settings.channel:
            raise BrowserMissing(
                f"--browser-channel {settings.channel}: {message}. Install it (`playwright install"
                f" {settings.channel}`, or the vendor's package), or leave --browser-channel out."
            ) from exc
        if not settings.headless and ("XServer" in str(exc) or "DISPLAY" in str(exc)):
            raise ChannelError(NO_DISPLAY) from exc  # a DISPLAY that names no running X server
        if settings.browser != "chromium":
            raise ChannelError(
                f"{_NAMES[settings.browser]} at {path} would not start: {message}."
                f" Run `playwright install --with-deps {settings.browser}`."
            ) from exc
        raise ChannelError(
            f"Chromium at {path} would not start: {message}. Run `journeys doctor`; {_HOW_TO_INSTALL}"
        ) from exc


def _own_build(engine: Any, browser: str) -> str:
    """Playwright's own Firefox or WebKit; there is no system build it can drive."""
    path = engine.executable_path
    if path and Path(path).is_file():
        return str(path)
    raise BrowserMissing(
        f"no {_NAMES[browser]} for Playwright to drive: run `playwright install {browser}`"
        " (Playwright drives its own build only), or leave --browser out for Chromium."
    )


def first_line(exc: BaseException) -> str:
    """The first line of an error's message (Playwright's run on with a call log)."""
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
