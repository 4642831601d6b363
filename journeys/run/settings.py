"""A run's settings: declared once (journeys.run.run_options), read once, passed down.

``RunSettings`` is built once per run, in the process that starts it, and
passed down (the session, the drivers, the reports; xdist workers get it
serialized). Each value is the first of:

1. the command line (``journeys run`` or ``pytest``),
2. the environment, read here once: each option's ``env`` below
   (``JOURNEYS_SYSTEM``, ``JOURNEYS_BASE_URL``, ``JOURNEYS_SEED``, ``JOURNEYS_RUN_ID``,
   ``JOURNEYS_PROMISE_STORE``, ``JOURNEYS_TREND_DB``, ``JOURNEYS_REPORT_URL``,
   ``JOURNEYS_BROWSERLESS``, ``JOURNEYS_CHROMIUM``, ``JOURNEYS_BROWSER_WS``), and the few
   variables no option stands for (``ENVIRONMENT_ONLY``: ``CI``, ``JOURNEYS_ALLURE``, ``JOURNEYS_CACHE``),
   and the variables the touchpoint maps name (``variables``: ``${NAME}`` and ``*_env: NAME``),
3. the touchpoint map (``base_url``, applied by the session),
4. the default below.

``journeys simulate`` and ``journeys promises`` build theirs the same way, from
the options they share with a run. Nothing below this reads or writes an environment variable
(tests/test_architecture.py lists the few modules at the edge that read the environment).
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from journeys.channels.browser_settings import BrowserSettings
from journeys.reporting.report_settings import ReportSettings, new_run_id
from journeys.run.run_options import OPTIONS_BY_DEST, RUN_OPTIONS, RunOption, in_ci, value_of
from journeys.systems.map_files import map_variables

__all__ = ["RunSettings"]


@dataclass(frozen=True)
class RunSettings:
    """Everything a run was told, typed; one per run, the same in every worker process.

    Args:
        systems: the touchpoint maps (names or paths), the main one first.
        base_url: the main system's URL without a trailing ``/``; None: the map's, else embedded.
        smtp_port: the SMTP capture's port; None: each map's, else a free one.
        faults: faults to switch on in the embedded shop.
        tags: the Cucumber tag expression selecting journeys, when given.
        seed: the synthetic customers' seed.
        reports_dir: the reports folder; the run writes to ``<reports_dir>/runs/<run_id>/``.
        run_id: this run's id.
        gate: the release gate (thresholds hold).
        browsers: the browser engines; every journey runs in each.
        browser: the browser and the evidence it leaves (its engine is the first of ``browsers``).
        output: a folder to copy each customer's Playwright artifacts to, when given.
        browserless: web, agent and chat customers walk over HTTP, without a browser.
        promise_store: the project's promise store as given; None: ``<reports_dir>/promises.sqlite``.
        report: where the reports reach beyond the run folder (trend, published URL, Allure).
        ci: the run is a CI job (``CI`` set): no progress lines.
        variables: the environment's variables the maps may name (``${NAME}``, ``*_env: NAME``:
            addresses, accounts, passwords, tokens), read here once; the maps read them from here only.
    """

    systems: tuple[str, ...] = ("refshop",)
    base_url: str | None = None
    smtp_port: int | None = None
    faults: tuple[str, ...] = ()
    tags: str | None = None
    seed: int = 1
    reports_dir: Path = Path("reports")
    run_id: str = ""
    gate: bool = False
    browsers: tuple[str, ...] = ("chromium",)
    browser: BrowserSettings = field(default_factory=BrowserSettings)
    output: Path | None = None
    browserless: bool = False
    promise_store: str | None = None
    report: ReportSettings = field(default_factory=ReportSettings)
    ci: bool = False
    variables: Mapping[str, str] = field(default_factory=dict, repr=False, hash=False)  # secrets: never shown

    @property
    def folder(self) -> Path:
        """This run's folder: ``<reports_dir>/runs/<run_id>``."""
        return self.reports_dir / "runs" / self.run_id

    @property
    def system(self) -> str | list[str]:
        """The system as the session takes it: one name, or several."""
        return self.systems[0] if len(self.systems) == 1 else list(self.systems)

    @classmethod
    def build(
        cls,
        given: Mapping[str, Any],
        environ: Mapping[str, str],
        *,
        new_id: Callable[[], str] = new_run_id,
        taken: Iterable[RunOption] = RUN_OPTIONS,
    ) -> RunSettings:
        """The settings from the options ``given`` (by dest; None or empty: not given) and the environment.

        ``new_id`` makes the run's id when neither ``--run-id`` nor ``JOURNEYS_RUN_ID`` gives one.
        ``taken``: the options of the command (``SIMULATE_SHARED``...): only their variables are read.

        Raises:
            SettingError: a value from the environment that is not of its kind (``JOURNEYS_SEED=abc``).
        """
        read = {option.dest for option in taken}
        values = {
            dest: value_of(option, given.get(dest), environ if dest in read else {})
            for dest, option in OPTIONS_BY_DEST.items()
        }
        browsers = tuple(dict.fromkeys(values["browser"])) or ("chromium",)  # each once, in the order given
        base_url = values["base_url"]
        return cls(
            systems=tuple(values["system"]) or ("refshop",),
            base_url=base_url.rstrip("/") if base_url else None,
            smtp_port=values["smtp_port"],
            faults=tuple(values["fault"]),
            tags=values["tags"],
            seed=values["seed"] if values["seed"] is not None else random.randrange(1, 10**6),
            reports_dir=Path(values["reports_dir"]),
            run_id=values["run_id"] or new_id(),
            gate=bool(values["gate"]),
            browsers=browsers,
            browser=BrowserSettings(
                browser=browsers[0],
                channel=values["browser_channel"],
                device=values["device"],
                headless=not values["headed"],
                slowmo=float(values["slowmo"]),
                screenshot=values["screenshot"],
                full_page=bool(values["full_page_screenshot"]),
                tracing=values["tracing"],
                video=values["video"],
                element_timeout=float(values["element_timeout"]),
                mail_timeout=float(values["mail_timeout"]) if values["mail_timeout"] is not None else None,
                http_timeout=float(values["http_timeout"]),
                executable=values["chromium"],
                ws_endpoint=values["browser_ws"],
            ),
            output=Path(values["output"]) if values["output"] else None,
            browserless=bool(values["browserless"]),
            promise_store=values["promise_store"],
            report=ReportSettings.build(values["trend_db"], values["report_url"], environ),
            ci=in_ci(environ),
            variables=map_variables(values["system"] or ("refshop",), environ),
        )

    def for_browser(self, browser: str) -> RunSettings:
        """The same run in another of its browsers."""
        return dataclasses.replace(self, browser=dataclasses.replace(self.browser, browser=browser))

    def to_dict(self) -> dict[str, Any]:
        """Plain values (JSON), for worker processes: ``RunSettings.from_dict`` makes it again."""
        data = dataclasses.asdict(self)
        data["reports_dir"] = str(self.reports_dir)
        data["output"] = str(self.output) if self.output else None
        data["report"] = self.report.to_dict()
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RunSettings:
        values = dict(data)
        for name in ("systems", "faults", "browsers"):
            values[name] = tuple(values[name])
        values["reports_dir"] = Path(values["reports_dir"])
        values["output"] = Path(values["output"]) if values["output"] else None
        values["browser"] = BrowserSettings(**values["browser"])
        values["report"] = ReportSettings.from_dict(values["report"])
        values["variables"] = dict(values.get("variables", {}))
        return cls(**values)
