"""How the customer's browser is run: the choices pytest-playwright users know.

Filled from the run's settings (``--browser``, ``--browser-channel``,
``--device``, ``--headed``, ``--slowmo``, ``--screenshot``,
``--full-page-screenshot``, ``--tracing``, ``--video`` and the timeouts:
journeys.run.settings); a script or a load-test user makes one directly. The
drivers read it; nothing else does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from journeys.errors import ConfigError

Evidence = Literal["on", "off", "only-on-failure"]
Tracing = Literal["on", "off", "retain-on-failure"]
Video = Literal["on", "off", "retain-on-failure"]

BROWSERS = ("chromium", "firefox", "webkit")
_MODES = {
    "screenshot": ("on", "off", "only-on-failure"),
    "tracing": ("on", "off", "retain-on-failure"),
    "video": ("on", "off", "retain-on-failure"),
}


@dataclass(frozen=True)
class BrowserSettings:
    """The browser and the evidence it leaves.

    Args:
        browser: ``chromium`` (tested here), ``firefox`` or ``webkit`` (Playwright's own builds).
        channel: a branded browser instead of the engine's build (``chrome``, ``msedge``), as
            pytest-playwright's ``--browser-channel``.
        device: a device Playwright emulates (``iPhone 13``): its viewport, user agent, touch
            and scale, as pytest-playwright's ``--device``.
        headless: False shows the browser (``--headed``).
        slowmo: milliseconds between Playwright actions, to watch a journey.
        screenshot: a screenshot per touchpoint ``on``, ``off`` or ``only-on-failure``
            (kept only for a journey that failed).
        full_page: screenshots of the whole page (journeys' default), not only the window.
        tracing: Playwright trace ``on``, ``off`` or ``retain-on-failure``.
        video: a video per customer ``on``, ``off`` or ``retain-on-failure``.
        element_timeout: seconds to wait for an element on a page.
        navigation_timeout: seconds a page may take to load.
        mail_timeout: seconds to wait for a mail; None: 30, or 5 on a test clock (the mail is sent
            the moment it is due, so a long wait only delays a missing mail's verdict).
        http_timeout: seconds a request may take without a browser (pages over HTTP, the API).
        executable: the Chromium or Chrome to launch when Playwright has none of its own (``--chromium``).
        ws_endpoint: a Playwright browser server's ``ws://`` address to connect to instead (``--browser-ws``).

    Raises:
        ConfigError: an unknown browser or evidence mode (a script's typo, not a silent default).
    """

    browser: str = "chromium"
    channel: str | None = None
    device: str | None = None
    headless: bool = True
    slowmo: float = 0.0
    screenshot: Evidence = "on"
    full_page: bool = True
    tracing: Tracing = "off"  # as pytest-playwright: a DOM-snapshot trace costs ~0.1 s a journey
    video: Video = "off"
    element_timeout: float = 5.0
    navigation_timeout: float = 15.0
    mail_timeout: float | None = None
    http_timeout: float = 10.0
    executable: str | None = None
    ws_endpoint: str | None = None

    def __post_init__(self) -> None:
        if self.browser not in BROWSERS:
            raise ConfigError(f"unknown browser '{self.browser}': use {_either(BROWSERS)}.")
        for option, modes in _MODES.items():
            value = getattr(self, option)
            if value not in modes:
                raise ConfigError(f"unknown --{option} value '{value}': use {_either(modes)}.")


def keeps(mode: str, *, failed: bool) -> bool:
    """Whether evidence recorded under ``mode`` stays when the customer's journey ends.

    Args:
        mode: a ``screenshot``, ``tracing`` or ``video`` setting.
        failed: the journey failed (a driver's ``close(keep_trace=True)``).
    """
    return mode == "on" or (failed and mode in ("only-on-failure", "retain-on-failure"))


def _either(names: tuple[str, ...]) -> str:
    return ", ".join(names[:-1]) + " or " + names[-1]
