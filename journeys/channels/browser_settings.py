"""How the customer's browser is run: the choices pytest-playwright users know.

Filled by the pytest plugin from ``--browser``, ``--headed``, ``--slowmo``,
``--screenshot``, ``--tracing``, ``--video`` and the timeouts; a script or a
load-test user makes one directly. The drivers read it; nothing else does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Evidence = Literal["on", "off", "only-on-failure"]
Tracing = Literal["on", "off", "retain-on-failure"]
Video = Literal["on", "off", "retain-on-failure"]

BROWSERS = ("chromium", "firefox", "webkit")


@dataclass(frozen=True)
class BrowserSettings:
    """The browser and the evidence it leaves.

    Args:
        browser: ``chromium`` (tested here), ``firefox`` or ``webkit`` (Playwright's own builds).
        headless: False shows the browser (``--headed``).
        slowmo: milliseconds between Playwright actions, to watch a journey.
        screenshot: a screenshot per touchpoint ``on``, ``off`` or ``only-on-failure``
            (kept only for a journey that failed).
        tracing: Playwright trace ``on``, ``off`` or ``retain-on-failure``.
        video: a video per customer ``on``, ``off`` or ``retain-on-failure``.
        element_timeout: seconds to wait for an element on a page.
        navigation_timeout: seconds a page may take to load.
        mail_timeout: seconds to wait for a mail (a system without a test clock).
    """

    browser: str = "chromium"
    headless: bool = True
    slowmo: float = 0.0
    screenshot: Evidence = "on"
    tracing: Tracing = "retain-on-failure"
    video: Video = "off"
    element_timeout: float = 5.0
    navigation_timeout: float = 15.0
    mail_timeout: float = 30.0
