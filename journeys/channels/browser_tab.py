"""One driver's browser context and page: opened with what a journey needs, closed keeping its evidence.

The context gets the customer's locale and time zone, the run's timeouts,
the read script (``page_scripts.INSTALL``) in every document, a log of the
pages she was sent, the Playwright trace and the video when the settings
ask for them. At close the trace is masked and kept (or dropped) and the
screenshots and video are kept or deleted, as ``BrowserSettings`` says for a
journey that passed or failed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from journeys.channels.browser import NO_FFMPEG, BrowserSession
from journeys.channels.browser_settings import BrowserSettings, keeps
from journeys.channels.page_evidence import PageEvidence
from journeys.channels.page_scripts import INSTALL
from journeys.channels.trace_masking import mask_trace
from journeys.core.evidence import EvidenceStore
from journeys.core.secrets import Secrets
from journeys.errors import ChannelError

__all__ = ["BrowserTab", "first_line"]


class BrowserTab:
    """A browser context of one driver and its page, opened on first use.

    Args:
        browser_session: the process's browser.
        settings: screenshots, trace, video and timeouts.
        evidence: where the trace, screenshots and video go.
        channel: the driver's channel, the first part of its evidence files' names.
        secrets: masked in the trace before it is kept.
        trace_name: the trace's file name.
        on_page: called with each page she was sent (URL, status, headers), not styles or redirects.
        customer_key: the customer, for messages.
    """

    def __init__(
        self,
        browser_session: BrowserSession,
        settings: BrowserSettings,
        evidence: EvidenceStore,
        channel: str,
        secrets: Secrets,
        *,
        trace_name: str,
        on_page: Callable[[str, int, dict[str, str]], None],
        customer_key: str,
    ) -> None:
        self.browser_session = browser_session
        self.settings = settings
        self.evidence = PageEvidence(evidence, channel, settings)
        self.store = evidence
        self.secrets = secrets
        self.trace_name = trace_name
        self.trace = settings.tracing != "off"
        self._on_page = on_page
        self._customer_key = customer_key
        self._context: Any = None
        self.page: Any = None  # None until opened

    def open(self) -> Any:
        """The page, with its context opened first if need be."""
        if self.page is None:
            with self.store.stopwatch.harness():  # opening her browser is not the system's time
                self._start()
        return self.page

    def _start(self) -> None:
        self._context = self.browser_session.new_context(
            locale="nl-NL", timezone_id="Europe/Amsterdam", **self.evidence.context_options()
        )
        self._context.set_default_navigation_timeout(self.settings.navigation_timeout * 1000)
        self._context.set_default_timeout(self.settings.element_timeout * 1000)
        if self.trace:
            # DOM snapshots per action make the trace; its film strip would cost ~0.3 s a customer.
            self._context.tracing.start(screenshots=False, snapshots=True)
        self._context.add_init_script(INSTALL)
        self._context.on("response", self._note_page)
        self.page = self._new_page()

    def _note_page(self, response: Any) -> None:
        # Pages only, not their styles or redirects: a security step checks the headers each came with.
        if response.request.resource_type == "document" and not 300 <= response.status < 400:
            self._on_page(response.url, response.status, response.headers)

    def _new_page(self) -> Any:
        from playwright.sync_api import Error as PlaywrightError

        try:
            return self._context.new_page()
        except PlaywrightError as exc:
            if "ffmpeg" in str(exc):  # video needs Playwright's own ffmpeg build; the system's is not used
                raise ChannelError(NO_FFMPEG.format(video=self.settings.video)) from exc
            raise ChannelError(f"{self._customer_key}: could not open a page: {first_line(exc)}") from exc

    def close(self, *, failed: bool) -> None:
        """Close the context and keep or delete its evidence.

        Args:
            failed: the journey failed: keep what ``retain-on-failure`` and
                ``only-on-failure`` keep (the trace, the video, the screenshots).
        """
        if self._context is None:
            return
        context, page, self._context, self.page = self._context, self.page, None, None
        from playwright.sync_api import Error as PlaywrightError

        try:
            if self.trace:
                if keeps(self.settings.tracing, failed=failed):
                    path = self.store.path(self.trace_name)
                    context.tracing.stop(path=str(path))
                    mask_trace(path, self.secrets)
                else:
                    context.tracing.stop()
        except PlaywrightError:
            pass  # a trace is a nice-to-have; closing the context is not
        finally:
            try:
                context.close()
            except PlaywrightError:
                pass
            self.evidence.finish(page, failed=failed)


def first_line(exc: BaseException) -> str:
    """The first line of a Playwright error (the rest is its call log)."""
    lines = [line for line in str(exc).strip().splitlines() if line.strip()]
    return lines[0].strip() if lines else type(exc).__name__
