"""A system under test, running for the length of one test process.

One ``SystemSession`` per process: the touchpoint map and tasks, the embedded
system when no external one is given, the SMTP capture, one browser. Each
journey gets its own browser contexts and mailbox address from it.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from journeys import embedded
from journeys.channels.browser_settings import BrowserSettings
from journeys.clock import Clock, clock_for
from journeys.errors import ConfigError
from journeys.secrets import Secrets
from journeys.system.map_files import find_map
from journeys.system.probe import probe
from journeys.system.tasks import load_tasks
from journeys.system.touchpoint_map import Touchpoint


class SystemSession:
    """Everything a journey needs from the system under test.

    Args:
        system: a map name under ``fixtures/systems`` or a path to a map file.
        base_url: the system's URL; when None and the map names an embedded
            system, that system is started here and stopped by ``close``.
        faults: faults to switch on in the embedded system.
        reports_dir: where evidence and ledgers are written.
        browser: the browser and the evidence it leaves (default: headless Chromium).
    """

    def __init__(
        self,
        system: str = "refshop",
        *,
        base_url: str | None = None,
        faults: tuple[str, ...] = (),
        reports_dir: str | Path = "reports",
        seed: int = 1,
        headless: bool = True,
        systems_dir: str | Path = "fixtures/systems",
        browser: BrowserSettings | None = None,
    ) -> None:
        self.map = find_map(system, systems_dir)
        self.tasks = load_tasks(self.map)
        self.reports_dir = Path(reports_dir)
        self.browser_settings = browser or BrowserSettings(headless=headless)
        # Where every journey's clock starts (a test clock is set back to it), so a journey's
        # outcome does not depend on which journeys ran before it in this process.
        self.start_moment = datetime.now(ZoneInfo(self.map.timezone)).replace(second=0, microsecond=0)
        self.secrets = Secrets()
        self._embedded: embedded.EmbeddedSystem | None = None
        self._browser: Any = None
        self._promise_store: Any = None
        self.mail_capture: Any = None
        base_url = base_url or os.environ.get("JOURNEYS_BASE_URL") or self.map.base_url
        if self.map.mail.get("driver", "capture") == "capture":
            from journeys.channels.mail import MailCapture

            self.mail_capture = MailCapture()
            self.mail_capture.start()
        if not base_url:
            if not self.map.embedded:
                raise ConfigError(
                    "no base_url and no embedded system: pass --base-url or set base_url",
                    file=str(self.map.path),
                    key="base_url",
                )
            # Frozen at the start moment: the shop's clock then moves only when a journey moves it.
            self._embedded = embedded.start(
                self.map.embedded,
                smtp_port=self.mail_capture.port,
                faults=faults,
                seed=seed,
                clock=self.start_moment.isoformat(),
            )
            os.environ.update(self._embedded.env)
            base_url = self._embedded.url
        elif faults:
            raise ConfigError(f"--fault only switches faults on in an embedded system, not at {base_url}")
        else:
            probe(base_url)  # a system that is down: one clear error for the run, not a timeout per journey
        self.base_url = base_url.rstrip("/")
        self.secrets.add_env_names(self.map.secret_env_names())
        self.clock: Clock = clock_for(self.map, self.base_url, self.reports_dir, self.secrets)

    def promise_store(self) -> Any:
        """Where promises not yet due wait for a later run (systems without a test clock)."""
        if self._promise_store is None:
            from journeys.promise_store import PromiseStore

            url = os.environ.get("JOURNEYS_PROMISE_STORE") or f"sqlite:///{self.reports_dir / 'promises.sqlite'}"
            self._promise_store = PromiseStore(url)
        return self._promise_store

    def touchpoint(self, name: str) -> Touchpoint:
        return self.map.touchpoint(name)

    def driver(self, channel: str, journey: Any) -> Any:
        """A fresh driver of ``channel`` for one journey (a ``Journey``: the session does not know it)."""
        from journeys.channels import make_driver

        return make_driver(channel, self, journey)

    @property
    def browser(self) -> Any:
        if self._browser is None:
            from journeys.channels.browser import BrowserSession

            self._browser = BrowserSession(self.browser_settings)
        return self._browser

    def close(self) -> None:
        if self._browser is not None:
            self._browser.close()
        if self._embedded is not None:
            self._embedded.stop()
        if self.mail_capture is not None:
            self.mail_capture.stop()
