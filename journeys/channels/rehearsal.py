"""The first customer's page, rehearsed once when the browser starts.

A fresh process pays for much the first time it does it: Playwright's driver
compiles its code paths, Chromium starts its first renderer and paints its
first frame, Python's Playwright binds its first response and its first
evaluation, the system serves its first page and style sheet. Left alone,
all of that lands in the first customer's first touchpoint. A bare page
opened on the system's address covers the browser and the system; the
rehearsal walks the whole path once, right after the browser starts, as a
customer does (``bench/first_touchpoint.py`` holds the figure): a ``BrowserWebDriver``
with the run's settings (screenshots, trace, video) opens a context of its
own, visits the system's address, reads it, takes its screenshot and
closes. Its evidence goes into a temporary folder; nothing reaches a ledger.
The time is the harness's: it is spent inside the browser's start-up.
"""

from __future__ import annotations

import tempfile
from typing import TYPE_CHECKING

from journeys.channels.web import BrowserWebDriver
from journeys.core.evidence import EvidenceStore
from journeys.core.secrets import Secrets
from journeys.errors import ChannelError, SystemUnreachable
from journeys.systems.fact_reader import FactReader
from journeys.systems.touchpoint_map import Touchpoint

if TYPE_CHECKING:
    from journeys.channels.browser import BrowserSession

# The page at the system's address, its title read as a customer's touchpoint reads its facts.
HOME = Touchpoint("rehearsal", "web", url="/", facts={"title": FactReader("title", "text", css="title")})


def rehearse(base_url: str, browser_session: BrowserSession) -> None:
    """Visit ``base_url`` once in a throwaway context, the way a customer's first touchpoint does.

    A system that does not answer is not the rehearsal's to report: the first journey meets it
    and says so with her touchpoint.
    """
    with tempfile.TemporaryDirectory(prefix="journeys-rehearsal-") as folder:
        driver = BrowserWebDriver(browser_session, base_url, EvidenceStore(folder, "rehearsal"), "rehearsal", Secrets())
        try:
            driver.visit(HOME)
        except (ChannelError, SystemUnreachable):
            pass
        finally:
            driver.close()
