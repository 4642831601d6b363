"""The web channel in a browser: one customer's tab on the system's pages (Playwright).

The adapter of ``PageDriver`` for a real browser: it opens her browser
context and page, reads a touchpoint in one ``page.evaluate`` round trip
(``page_scripts``), and leaves the evidence ``BrowserSettings`` asks for:
screenshots and video (``page_evidence``), the Playwright trace (here, to be
masked before it is kept), timeouts. Playwright stays inside this module:
callers get ``Reading`` objects and ``ChannelError``/``SystemUnreachable``
with the customer, touchpoint and URL.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from journeys.channels import page_scripts as scripts
from journeys.channels.browser import BrowserSession
from journeys.channels.browser_settings import BrowserSettings
from journeys.channels.browser_tab import BrowserTab, first_line
from journeys.channels.page_driver import PageDriver, PageRead, bad_selector
from journeys.channels.page_evidence import NO_SCREENSHOT
from journeys.core.evidence import EvidenceStore
from journeys.core.secrets import Secrets
from journeys.errors import ChannelError, SystemUnreachable
from journeys.systems.touchpoint_map import Touchpoint

__all__ = ["BrowserWebDriver"]


class BrowserWebDriver(PageDriver):
    """One customer's browser context and page on a system's web channel.

    Args:
        browser_session: the process's browser.
        base_url: the system's web address (``http://127.0.0.1:5000``).
        evidence: where this customer's evidence goes.
        customer_key: the customer, for error messages.
        secrets: values to mask in evidence and messages.
        settings: screenshots, trace, video, and the timeouts: ``navigation_timeout`` for a page
            to load, ``element_timeout`` for an element (``ready``, a button to click).
            Default: the browser session's.
        trace_name: the trace's file name (a journey across systems: ``helpdesk-trace.zip``).
    """

    def __init__(
        self,
        browser_session: BrowserSession,
        base_url: str,
        evidence: EvidenceStore,
        customer_key: str,
        secrets: Secrets,
        *,
        settings: BrowserSettings | None = None,
        trace_name: str | None = None,
    ) -> None:
        self.settings = settings or getattr(browser_session, "settings", None) or BrowserSettings()
        super().__init__(base_url, evidence, customer_key, secrets, element_timeout=self.settings.element_timeout)
        self.browser_session = browser_session
        self.navigation_timeout = self.settings.navigation_timeout
        # One trace file each: the agent's beside hers, another system's beside this one's.
        default = "trace.zip" if self.channel == "web" else f"{self.channel}-trace.zip"
        self._tab = BrowserTab(
            browser_session,
            self.settings,
            evidence,
            self.channel,
            secrets,
            trace_name=trace_name or default,
            on_page=lambda url, status, headers: self.pages.append((url, status, headers)),
            customer_key=customer_key,
        )

    # -- the page ----------------------------------------------------------

    @property
    def page(self) -> Any:
        """Her Playwright page, opened on first use."""
        return self._tab.open()

    @property
    def current_url(self) -> str:
        return self._tab.page.url if self._tab.page is not None else ""

    def _open(self, url: str) -> None:
        page = self.page
        with self._wrapped("open", url):
            page.goto(url)

    def _read_page(self, tp: Touchpoint) -> PageRead:
        page = self.page
        with self._wrapped("read the page"):
            readers = list(tp.facts.values())
            dom = [r for r in readers if r.selector]
            # A few strings, not a list of dicts: Playwright validates arguments value by value.
            spec = [
                scripts.SEP.join(r.selector or "" for r in dom),
                "".join("1" if r.many else "0" for r in dom),
                scripts.SEP.join(r.attr or "" for r in dom) if any(r.attr for r in dom) else "",
                any(r.regex for r in readers),
                "".join("1" if r.visible else "0" for r in dom),
                tp.ready or "",
            ]
            values, errors, asked, url, text = self._evaluate_read(page, tp, spec)
        if errors:
            index, error = errors[0]
            raise bad_selector(tp, dom[index], error)
        return PageRead(url, dict(zip((r.fact for r in dom), values, strict=True)), list(asked), text)

    def _keep(self, label: str, *, asked: bool = False) -> str | None:
        with self.evidence.stopwatch.harness():  # evidence is the harness's time, not the system's
            return self._tab.evidence.screenshot(self.page, label, asked=asked)

    # -- what a customer does ------------------------------------------------

    def fill(self, fields: Mapping[str, str]) -> None:
        """Fill form fields by ``name`` (or test id): text boxes, selects, checkboxes ("yes"/"no").

        Password fields' values are added to the secrets, so they never reach evidence.

        Raises:
            ChannelError: a field cannot be filled: it names the field, the touchpoint, the URL and
                why (not on the page, hidden, disabled, read-only), and lists the fields the page has.
        """
        page = self.page
        with self._wrapped("fill the form"):
            found = page.evaluate(scripts.FIELDS, list(fields))
        self._keep_passwords(fields, [name for name in fields if (found.get(name) or {}).get("type") == "password"])
        missing = [name for name in fields if not found.get(name)]
        if missing:
            raise self._no_field(missing, found["__all__"])
        refused = {name: why for name in fields if (why := scripts.unfillable(found[name]))}
        if refused:
            raise self._cannot_fill(refused, found["__all__"])
        for name, value in fields.items():
            info = found[name]
            attribute = "name" if info["by"] == "name" else "data-testid"
            with self._wrapped(f"fill field '{name}'"):
                target = page.locator(f'[{attribute}="{name}"]').filter(visible=True).first
                if info["tag"] == "select":
                    target.select_option(str(value))
                elif info["type"] == "radio":
                    page.locator(f'[name="{name}"][value="{value}"]').check()
                elif info["type"] == "checkbox":
                    target.set_checked(str(value).lower() in ("1", "true", "yes", "ja", "on"))
                else:
                    target.fill(str(value))

    def click(self, target: str) -> None:
        """Click the element with test id ``target``, or else the button or link with that text."""
        page = self.page
        # Test id first; else a button or link by its exact text. Text selectors, not roles:
        # role queries walk the accessibility tree and cost a third of a click.
        quoted = json.dumps(target, ensure_ascii=False)  # a CSS string, not \u escapes
        found = page.locator(f"[data-testid={quoted}]").or_(
            page.locator(f"button:text-is({quoted}), a:text-is({quoted}), input[type=submit][value={quoted}]")
        )
        with self._offering(found, f"nothing to click called '{target}'"):
            with self._wrapped(f"click '{target}'"):
                found.first.wait_for(state="attached")
        self._press(found.first, f"click '{target}'")

    def submit(self, target: str | None = None) -> None:
        """Submit the form: click ``target`` (test id or button text), or its submit button."""
        if target:
            self.click(target)
            return
        page = self.page
        found = page.locator("form [type=submit], form button:not([type])")
        with self._offering(found, "no form to submit"):
            with self._wrapped("submit the form"):
                found.first.wait_for(state="attached")
        self._press(found.first, "submit the form")

    def _press(self, element: Any, doing: str) -> None:
        """Click what is there, and wait for the page it opens as for any page: the system's answer to
        a click (an order placed while its mail server is slow) has the navigation timeout, not the
        element timeout that finding it has."""
        with self._wrapped(doing, limit=self.navigation_timeout):
            element.click(timeout=self.navigation_timeout * 1000)
            self.page.wait_for_load_state("load")

    def text_of(self, testid: str) -> str:
        """The visible text of the first element with test id ``testid`` (waits up to the element timeout)."""
        found = self.page.get_by_test_id(testid)
        with self._offering(found, f"no '{testid}'"):
            with self._wrapped(f"read '{testid}'"):
                return " ".join(found.first.inner_text().split())

    def is_asking_password(self) -> bool:
        """Whether the page shows a password field (a login form still waiting for one)."""
        return bool(self.page.evaluate(scripts.ASKS_PASSWORD))

    # -- the end -------------------------------------------------------------

    def close(self, *, keep_trace: bool = False) -> None:
        """Close her browser context; ``keep_trace``: the journey failed, keep what the settings keep then."""
        self._tab.close(failed=keep_trace)

    # -- inside ----------------------------------------------------------------

    def _evaluate_read(self, page: Any, tp: Touchpoint, spec: list[Any]) -> Any:
        """The read script's answer, once the page has loaded and shows ``tp.ready``."""
        result = page.evaluate(scripts.CALL, spec)
        if result == "loading":
            page.wait_for_load_state("load")
            result = page.evaluate(scripts.CALL, spec)
        if result is None:  # a document our init script did not reach
            result = page.evaluate(scripts.READ, spec)
        if result == "waiting":  # not shown yet (often still the page before a click): Playwright waits
            self._wait_ready(tp)
            return self._evaluate_read(page, tp, [*spec[:-1], ""])
        return result

    def _wait_ready(self, tp: Touchpoint) -> None:
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        try:
            self.page.wait_for_selector(tp.ready, state="visible")
        except PlaywrightTimeout as exc:
            shot = self._tab.evidence.screenshot(self.page, tp.name)
            seen = f"screenshot: {shot}" if shot else NO_SCREENSHOT
            raise self._failure(
                f"the page at {self.page.url} did not show {tp.ready} within {self.element_timeout:g} s"
                f" ({seen}). The page changed, or `ready:` at {tp.where} is out of date."
            ) from exc

    @contextmanager
    def _offering(self, target: Any, nothing: str) -> Iterator[None]:
        """An action that failed because ``target`` (a locator) is not on the page says so and lists
        what the page offers instead, as ``fill`` lists its fields."""
        try:
            yield
        except ChannelError as exc:
            from playwright.sync_api import Error as PlaywrightError

            try:
                if target.count():
                    raise
                clicks, testids = self.page.evaluate(scripts.OFFERS)
            except PlaywrightError:
                raise exc from None
            raise self._not_there(nothing, clicks, testids, waited=self.element_timeout) from exc

    @contextmanager
    def _wrapped(
        self, doing: str, url: str | None = None, *, at: str | None = None, limit: float | None = None
    ) -> Iterator[None]:
        """Turn Playwright's errors into ours, naming customer, touchpoint (or ``at``) and URL."""
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        try:
            yield
        except PlaywrightTimeout as exc:
            where = url or self.current_url
            waited = limit or (self.navigation_timeout if url else self.element_timeout)
            raise self._failure(f"could not {doing} at {where} within {waited:g} s: {first_line(exc)}", at=at) from exc
        except PlaywrightError as exc:
            where = url or self.current_url
            message = first_line(exc)
            if "ERR_CONNECTION_REFUSED" in message or "ERR_CONNECTION_RESET" in message:
                raise SystemUnreachable(
                    f"{self.customer_key} at {at or self._touchpoint}: {where} refused the connection:"
                    " start the system or pass --base-url.",
                    url=where,
                ) from exc
            raise self._failure(f"could not {doing} at {where}: {message}", at=at) from exc
