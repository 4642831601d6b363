"""What a customer's browser leaves behind: screenshots and a video, kept as the settings say.

``--screenshot on`` keeps one per touchpoint; ``off`` takes none (the
journey reads the page without them); ``only-on-failure`` takes them (a
missing fact's message points at one) and deletes them when the journey
passed. ``--video`` records the context's page into a hidden folder beside
the evidence; at close the video becomes ``<channel>-video.webm`` or is
deleted. The trace stays with the driver: it is masked before it is kept.

In Chromium a screenshot is one ``Page.captureScreenshot`` through a CDP
session: Playwright's ``page.screenshot`` sends the same call wrapped in
four script evaluations (prepare every frame, wait for fonts, measure,
restore), 15-40 ms more a touchpoint right after a page loads. Firefox
and WebKit, or a CDP session refused, get ``page.screenshot``.
"""

from __future__ import annotations

import base64
import shutil
import tempfile
from pathlib import Path
from typing import Any

from journeys.channels.browser_settings import BrowserSettings, keeps
from journeys.core.evidence import EvidenceStore

NO_SCREENSHOT = "no screenshot (--screenshot off)"


class PageEvidence:
    """Screenshots and video of one driver's browser context.

    Args:
        evidence: where this customer's evidence goes.
        channel: the driver's channel (``web``, ``agent``), the first part of each file name.
        settings: ``screenshot`` and ``video`` say what is taken and what is kept.
    """

    def __init__(self, evidence: EvidenceStore, channel: str, settings: BrowserSettings) -> None:
        self.evidence = evidence
        self.channel = channel
        self.settings = settings
        self._provisional: list[str] = []  # screenshot names deleted when the journey passes
        self._video_dir: Path | None = None
        self._cdp: Any = None  # the page's CDP session (Chromium), made on the first screenshot
        self._cdp_page: Any = None

    @property
    def screenshots(self) -> bool:
        """Whether touchpoint screenshots are taken at all."""
        return self.settings.screenshot != "off"

    def context_options(self) -> dict[str, Any]:
        """Options for ``new_context``: where Playwright records the video, when there is one."""
        if self.settings.video == "off":
            return {}
        self.evidence.folder.mkdir(parents=True, exist_ok=True)
        # A folder of its own: Playwright names videos itself, and a popup's page records one too.
        self._video_dir = Path(tempfile.mkdtemp(prefix=f".{self.channel}-video-", dir=self.evidence.folder))
        return {"record_video_dir": str(self._video_dir)}

    def screenshot(self, page: Any, label: str, *, asked: bool = False) -> str | None:
        """Take a screenshot (the whole page unless ``full_page`` is off); its evidence path, or None
        under ``--screenshot off``.

        Args:
            page: the Playwright page.
            label: the touchpoint (or the caller's label) in the file name.
            asked: a task asked for this one: taken and kept whatever ``--screenshot`` says.
        """
        if not (asked or self.screenshots):
            return None
        name = self.evidence.name_for(self.channel, label, ".png")
        if not asked and self.settings.screenshot == "only-on-failure":
            self._provisional.append(name)
        path = self.evidence.path(name)
        try:
            if not self._capture(page, path):
                # CSS scale, no animations: a third cheaper than the defaults, the same picture.
                full = self.settings.full_page
                page.screenshot(path=str(path), full_page=full, scale="css", animations="disabled", caret="initial")
        except Exception:  # evidence must never hide the real problem
            pass
        return self.evidence.relative(name)

    def _capture(self, page: Any, path: Path) -> bool:
        """The whole page as PNG through Chromium's CDP; False where there is no CDP session."""
        if self.settings.browser != "chromium" or not self.settings.full_page:
            return False
        if self._cdp_page is not page:
            self._cdp_page = page
            try:
                self._cdp = page.context.new_cdp_session(page)
            except Exception:  # a browser server that refuses CDP: Playwright's screenshot then
                self._cdp = None
        if self._cdp is None:
            return False
        size = self._cdp.send("Page.getLayoutMetrics")["cssContentSize"]
        clip = {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}
        # optimizeForSpeed: a faster PNG encoding (about 9 ms a shot), files some 60 % larger.
        options = {"format": "png", "clip": clip, "captureBeyondViewport": True, "optimizeForSpeed": True}
        shot = self._cdp.send("Page.captureScreenshot", options)
        path.write_bytes(base64.b64decode(shot["data"]))
        return True

    def finish(self, page: Any, *, failed: bool) -> None:
        """After the context closed: keep or delete the video and the provisional screenshots.

        Args:
            page: the context's page (None when it never opened).
            failed: the journey failed.
        """
        if not keeps(self.settings.screenshot, failed=failed):
            for name in self._provisional:
                self.evidence.path(name).unlink(missing_ok=True)
        self._provisional.clear()
        self._cdp = self._cdp_page = None  # closed with the context
        if self._video_dir is None:
            return
        folder, self._video_dir = self._video_dir, None
        video = page.video if page is not None else None
        try:
            if video is not None and keeps(self.settings.video, failed=failed):
                # save_as, not a rename: it also fetches the file from a remote browser server.
                video.save_as(str(self.evidence.path(f"{self.channel}-video.webm")))
        except Exception:  # a video is a nice-to-have; the verdict is not
            pass
        finally:
            shutil.rmtree(folder, ignore_errors=True)
