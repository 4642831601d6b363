"""The web channel: one customer's browser tab on the system's pages.

Reads every fact of a touchpoint in one ``page.evaluate`` round trip (three
separate locator calls cost eight times as much), notes which form fields
the page asked for, and leaves the evidence ``BrowserSettings`` asks for:
screenshots and video (``page_evidence``), the Playwright trace (here, to be
masked before it is kept), timeouts.
Playwright stays inside this module: callers get ``Reading`` objects and
``ChannelError``/``SystemUnreachable`` with the customer, touchpoint and URL.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from journeys.channels.base import Reading, offers, read_regex
from journeys.channels.browser import NO_FFMPEG, BrowserSession
from journeys.channels.browser_settings import BrowserSettings, keeps
from journeys.channels.errors import ChannelError
from journeys.channels.page_evidence import NO_SCREENSHOT, PageEvidence
from journeys.channels.trace_masking import mask_trace
from journeys.errors import ConfigError, SystemUnreachable
from journeys.evidence import EvidenceStore
from journeys.secrets import Secrets
from journeys.system.templates import fill as fill_template
from journeys.system.touchpoint_map import Touchpoint

_SEP = "\x1f"  # unit separator: joins selectors into one string argument

# One round trip: every DOM fact, the page text (for regex readers), the form fields asked for.
# 'waiting' when the touchpoint's ready element is not shown yet (Playwright's wait costs 30-60 ms
# even for an element already there; this check costs nothing).
_READ = """
([joined, many, attrs, pageText, shown, ready]) => {
  const selectors = joined ? joined.split('\\u001f') : [], attr_of = attrs ? attrs.split('\\u001f') : [];
  const visible = (el) => el.checkVisibility ? el.checkVisibility({visibilityProperty: true})
    : el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  if (ready) {
    let first = null;
    try { first = document.querySelector(ready); } catch (e) { return 'waiting'; }  // a Playwright-only selector
    if (!first || !visible(first)) return 'waiting';
  }
  const text = (el, attr) => {
    // A hidden element has no rendered text: its text content is what the page holds.
    const value = attr ? el.getAttribute(attr) : (visible(el) ? el.innerText : el.textContent);
    return value === null ? null : value.replace(/\\s+/g, ' ').trim();
  };
  const values = [], errors = [];
  selectors.forEach((selector, i) => {
    let found = [];
    // 'visible: false' in the map: hidden elements count too (a closed tab, a collapsed section).
    const any = shown && shown[i] === '0';
    try { found = Array.from(document.querySelectorAll(selector)).filter((el) => any || visible(el)); }
    catch (e) { errors.push([i, String(e.message || e)]); }
    const attr = attr_of[i] || null;
    values.push(many[i] === '1' ? found.map((el) => text(el, attr)) : (found.length ? text(found[0], attr) : null));
  });
  const asked = [];
  for (const el of document.querySelectorAll('input, select, textarea')) {
    const type = (el.getAttribute('type') || '').toLowerCase();
    // A page asks for what it requires; optional and read-only fields are offers, not questions,
    // and a text field the page filled in already (what she gave before) asks nothing.
    if (['hidden', 'submit', 'button', 'image', 'reset'].includes(type) || el.disabled || el.readOnly
        || !el.required || !visible(el)) continue;
    if (!['checkbox', 'radio'].includes(type) && el.tagName !== 'SELECT' && el.value) continue;
    const name = el.name || el.id;
    if (name && !asked.includes(name)) asked.push(name);
  }
  return [values, errors, asked, location.href, pageText && document.body ? document.body.innerText : null];
}
"""

# Installed in every document of the customer's context, so a read sends a one-line call, not the script.
_INSTALL = "Object.defineProperty(window, '__journeysRead', {value: " + _READ.strip() + ", enumerable: false});"
# 'loading' asks the driver to wait for the page's load event first (saves a round trip when loaded).
_CALL = (
    "(spec) => document.readyState !== 'complete' ? 'loading'"
    " : window.__journeysRead ? window.__journeysRead(spec) : null"
)

# One round trip to learn what each field to fill is, so a field that cannot be filled fails saying
# why (not on the page, hidden, disabled, read-only) and listing the fields the page has.
_FIELDS = """
(names) => {
  const out = {};
  const shown = (el) => el.checkVisibility ? el.checkVisibility({visibilityProperty: true})
    : el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  for (const name of names) {
    const all = [...document.querySelectorAll(`[name="${CSS.escape(name)}"]`)];
    const el = all.find(shown) || all[0] || document.querySelector(`[data-testid="${CSS.escape(name)}"]`);
    const type = el ? (el.getAttribute('type') || '').toLowerCase() : '';
    out[name] = el ? {tag: el.tagName.toLowerCase(), type: type,
                      by: el.getAttribute('name') === name ? 'name' : 'testid',
                      hidden: type === 'hidden' || !shown(el),
                      disabled: !!el.disabled || !!el.closest('fieldset:disabled'), readonly: !!el.readOnly} : null;
  }
  out['__all__'] = Array.from(document.querySelectorAll('input[name], select[name], textarea[name]'))
    .filter((el) => el.type !== 'hidden').map((el) => el.name);
  return out;
}
"""


class WebDriver:
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
    """

    channel = "web"

    def __init__(
        self,
        browser_session: BrowserSession,
        base_url: str,
        evidence: EvidenceStore,
        customer_key: str,
        secrets: Secrets,
        *,
        settings: BrowserSettings | None = None,
    ) -> None:
        self.browser_session = browser_session
        self.base_url = base_url.rstrip("/")
        self.evidence = evidence
        self.customer_key = customer_key
        self.secrets = secrets
        self.settings = settings or getattr(browser_session, "settings", None) or BrowserSettings()
        self.trace = self.settings.tracing != "off"
        self.navigation_timeout = self.settings.navigation_timeout
        self.element_timeout = self.settings.element_timeout
        self._evidence = PageEvidence(evidence, self.channel, self.settings)
        self._context: Any = None
        self._page: Any = None
        self._touchpoint = "-"
        self.pages: list[tuple[str, int, dict[str, str]]] = []  # each page she was sent: URL, status, headers
        # A journey across systems renames the others' (``helpdesk-trace.zip``): one file each.
        self.trace_name = "trace.zip" if self.channel == "web" else f"{self.channel}-trace.zip"

    # -- the page ----------------------------------------------------------

    @property
    def page(self) -> Any:
        if self._page is None:
            with self.evidence.stopwatch.harness():  # opening her browser is not the system's time
                self._open()
        return self._page

    def _open(self) -> None:
        """The customer's browser context and its page, with trace, read script and page log."""
        self._context = self.browser_session.new_context(
            locale="nl-NL", timezone_id="Europe/Amsterdam", **self._evidence.context_options()
        )
        self._context.set_default_navigation_timeout(self.navigation_timeout * 1000)
        self._context.set_default_timeout(self.element_timeout * 1000)
        if self.trace:
            # DOM snapshots per action make the trace; its film strip would cost ~0.3 s a customer.
            self._context.tracing.start(screenshots=False, snapshots=True)
        self._context.add_init_script(_INSTALL)
        self._context.on("response", self._note_page)
        self._page = self._new_page()

    @property
    def current_url(self) -> str:
        """The address of the page the customer is on (empty before the first page)."""
        return self._page.url if self._page is not None else ""

    def url_of(self, path: str) -> str:
        return path if re.match(r"^https?://", path) else f"{self.base_url}/{path.lstrip('/')}"

    # -- touchpoints ---------------------------------------------------------

    def visit(self, tp: Touchpoint, **params: Any) -> Reading:
        """Go to ``tp``'s page (its ``url`` filled from ``params``) and read every fact on it."""
        if not tp.url:
            raise ConfigError(f"{tp.where}: touchpoint {tp.name} has no url: the web driver cannot visit it.")
        url = self.url_of(fill_template(tp.url, params, touchpoint=tp, quote_values=True))
        self._touchpoint = tp.name
        self._goto(url, tp.name)
        return self.read(tp, screenshot=True)

    def read(self, tp: Touchpoint, *, screenshot: bool = True, **_: Any) -> Reading:
        """Read ``tp``'s facts from the page the customer is on, without navigating.

        Args:
            tp: the touchpoint the current page is.
            screenshot: keep a screenshot as evidence (always taken when a fact is missing),
                unless ``--screenshot off``.
        """
        self._touchpoint = tp.name
        page = self.page
        with self._wrapped(tp.name, "read the page"):
            readers = list(tp.facts.values())
            dom = [r for r in readers if r.selector]
            # A few strings, not a list of dicts: Playwright validates arguments value by value.
            spec = [
                _SEP.join(r.selector or "" for r in dom),
                "".join("1" if r.many else "0" for r in dom),
                _SEP.join(r.attr or "" for r in dom) if any(r.attr for r in dom) else "",
                any(r.regex for r in readers),
                "".join("1" if r.visible else "0" for r in dom),
                tp.ready or "",
            ]
            result = self._evaluate_read(page, tp, spec)
        values, errors, asked, url, text = result
        if errors:
            index, error = errors[0]
            reader = dom[index]
            raise ConfigError(
                f"{tp.file}:{reader.line}: touchpoint {tp.name}: {reader.fact}: the selector"
                f" {reader.selector} is not valid CSS ({error}). Fix it in the map."
            )
        found = dict(zip((r.fact for r in dom), values, strict=True))
        raw: dict[str, str | list[str] | None] = {
            r.fact: found[r.fact] if r.selector else read_regex(r, text or "") for r in readers
        }
        shot = None
        if screenshot or any(value is None for value in raw.values()):
            with self.evidence.stopwatch.harness():
                shot = self._evidence.screenshot(page, tp.name)
        return Reading(
            tp.name,
            self.channel,
            self.secrets.redact(url),
            raw,
            [shot] if shot else [],
            list(asked),
            datetime.now(UTC),
        )

    # -- what a customer does ------------------------------------------------

    def goto(self, path: str) -> None:
        """Open ``path`` (relative to the system's address) or a full URL."""
        self._goto(self.url_of(path), self._touchpoint)
        self._touchpoint = f"the page {path}"  # no touchpoint read on it yet: messages name the page

    def fill(self, fields: Mapping[str, str]) -> None:
        """Fill form fields by ``name`` (or test id): text boxes, selects, checkboxes ("yes"/"no").

        Password fields' values are added to the secrets, so they never reach evidence.

        Raises:
            ChannelError: a field cannot be filled: it names the field, the touchpoint, the URL and
                why (not on the page, hidden, disabled, read-only), and lists the fields the page has.
        """
        page = self.page
        with self._wrapped(self._touchpoint, "fill the form"):
            found = page.evaluate(_FIELDS, list(fields))
        for name, value in fields.items():
            if "password" in name.lower() or (found.get(name) or {}).get("type") == "password":
                self.secrets.add(str(value))
        where = self._touchpoint if self._touchpoint != "-" else "its first page"
        listing = f"The page has: {', '.join(found['__all__']) or 'no named fields'}."
        missing = [name for name in fields if not found.get(name)]
        if missing:
            raise ChannelError(
                f"{self.customer_key} at {where}: no field {', '.join(missing)} on {page.url}. {listing}"
                " Check the task or the page."
            )
        refused = {name: why for name in fields if (why := _unfillable(found[name]))}
        if refused:
            reasons = "; ".join(f"field '{name}'{why}" for name, why in refused.items())
            raise ChannelError(
                self.secrets.redact(
                    f"{self.customer_key} at {where}: cannot fill {reasons}, on {page.url}. {listing}"
                    " Check the task (open what shows the field first) or the page."
                )
            )
        for name, value in fields.items():
            info = found[name]
            attribute = "name" if info["by"] == "name" else "data-testid"
            with self._wrapped(self._touchpoint, f"fill field '{name}'"):
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
            with self._wrapped(self._touchpoint, f"click '{target}'"):
                found.first.click()
                page.wait_for_load_state("load")

    def submit(self, target: str | None = None) -> None:
        """Submit the form: click ``target`` (test id or button text), or its submit button."""
        if target:
            self.click(target)
            return
        page = self.page
        found = page.locator("form [type=submit], form button:not([type])")
        with self._offering(found, "no form to submit"):
            with self._wrapped(self._touchpoint, "submit the form"):
                found.first.click()
                page.wait_for_load_state("load")

    def text_of(self, testid: str) -> str:
        """The visible text of the first element with test id ``testid`` (waits up to 5 s)."""
        page = self.page
        found = page.get_by_test_id(testid)
        with self._offering(found, f"no '{testid}'"):
            with self._wrapped(self._touchpoint, f"read '{testid}'"):
                return " ".join(found.first.inner_text().split())

    def screenshot(self, label: str | None = None) -> str:
        """Keep a screenshot of the current page, whatever ``--screenshot`` says; returns its evidence path."""
        return self._evidence.screenshot(self.page, label or self._touchpoint, asked=True) or ""

    # -- the end -------------------------------------------------------------

    def close(self, *, keep_trace: bool = False) -> None:
        """Close the customer's browser context and keep or delete its evidence.

        Args:
            keep_trace: the journey failed: keep what ``retain-on-failure`` and
                ``only-on-failure`` keep (``trace.zip``, the video, the screenshots).
        """
        if self._context is None:
            return
        context, page, self._context, self._page = self._context, self._page, None, None
        from playwright.sync_api import Error as PlaywrightError

        try:
            if self.trace:
                if keeps(self.settings.tracing, failed=keep_trace):
                    path = self.evidence.path(self.trace_name)
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
            self._evidence.finish(page, failed=keep_trace)

    # -- inside ----------------------------------------------------------------

    def _note_page(self, response: Any) -> None:
        # Pages only, not their styles or redirects: a security step checks the headers each came with.
        if response.request.resource_type == "document" and not 300 <= response.status < 400:
            self.pages.append((response.url, response.status, response.headers))

    def _new_page(self) -> Any:
        from playwright.sync_api import Error as PlaywrightError

        try:
            return self._context.new_page()
        except PlaywrightError as exc:
            if "ffmpeg" in str(exc):  # video needs Playwright's own ffmpeg build; the system's is not used
                raise ChannelError(NO_FFMPEG.format(video=self.settings.video)) from exc
            raise ChannelError(f"{self.customer_key}: could not open a page: {_first_line(exc)}") from exc

    def _evaluate_read(self, page: Any, tp: Touchpoint, spec: list[Any]) -> Any:
        """The read script's answer, once the page has loaded and shows ``tp.ready``."""
        result = page.evaluate(_CALL, spec)
        if result == "loading":
            page.wait_for_load_state("load")
            result = page.evaluate(_CALL, spec)
        if result is None:  # a document our init script did not reach
            result = page.evaluate(_READ, spec)
        if result == "waiting":  # not shown yet (often still the page before a click): Playwright waits
            self._wait_ready(tp)
            return self._evaluate_read(page, tp, [*spec[:-1], ""])
        return result

    def _goto(self, url: str, touchpoint: str) -> None:
        page = self.page
        with self._wrapped(touchpoint, "open", url):
            page.goto(url)

    def _wait_ready(self, tp: Touchpoint) -> None:
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        try:
            self._page.wait_for_selector(tp.ready, state="visible")
        except PlaywrightTimeout as exc:
            shot = self._evidence.screenshot(self._page, tp.name)
            seen = f"screenshot: {shot}" if shot else NO_SCREENSHOT
            raise ChannelError(
                self.secrets.redact(
                    f"{self.customer_key} at {tp.name}: the page at {self._page.url} did not"
                    f" show {tp.ready}"
                    f" within {self.element_timeout:g} s ({seen}). The page"
                    " changed, or `ready:` at"
                    f" {tp.where} is out of date."
                )
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
                clicks, testids = self._page.evaluate(_OFFERS)
            except PlaywrightError:
                raise exc from None
            where = self._touchpoint if self._touchpoint != "-" else "its first page"
            raise ChannelError(
                self.secrets.redact(
                    f"{self.customer_key} at {where}: {nothing} on {self._page.url}"
                    f" (waited {self.element_timeout:g} s). {offers(clicks, testids)}"
                    " Check the task or the page."
                )
            ) from exc

    def is_asking_password(self) -> bool:
        """Whether the page shows a password field (a login form still waiting for one)."""
        return bool(self.page.evaluate(_ASKS_PASSWORD))

    @contextmanager
    def _wrapped(self, touchpoint: str, doing: str, url: str | None = None) -> Iterator[None]:
        """Turn Playwright's errors into ours, naming customer, touchpoint and URL."""
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        try:
            yield
        except PlaywrightTimeout as exc:
            where = url or self.current_url
            limit = self.navigation_timeout if url else self.element_timeout
            raise ChannelError(
                self.secrets.redact(
                    f"{self.customer_key} at {touchpoint}: could not {doing} at {where} within"
                    f" {limit:g} s:"
                    f" {_first_line(exc)}"
                )
            ) from exc
        except PlaywrightError as exc:
            where = url or self.current_url
            message = _first_line(exc)
            if "ERR_CONNECTION_REFUSED" in message or "ERR_CONNECTION_RESET" in message:
                raise SystemUnreachable(
                    f"{self.customer_key} at {touchpoint}: {where} refused the connection:"
                    " start the system"
                    " or pass --base-url.",
                    url=where,
                ) from exc
            raise ChannelError(
                self.secrets.redact(f"{self.customer_key} at {touchpoint}: could not {doing} at {where}: {message}")
            ) from exc


# What a customer could click or read on the page, for the message when a target is not there.
_OFFERS = """
() => {
  const shown = (el) => el.checkVisibility ? el.checkVisibility({visibilityProperty: true})
    : el.getClientRects().length > 0;
  const label = (el) => (el.tagName === 'INPUT' ? el.value : el.innerText || '').replace(/\\s+/g, ' ').trim();
  const clicks = [], ids = [];
  for (const el of document.querySelectorAll('button, a[href], input[type=submit], [data-testid]')) {
    if (!shown(el)) continue;
    const id = el.getAttribute('data-testid');
    if (id && !ids.includes(id)) ids.push(id);
    if (el.matches('button, a[href], input[type=submit]')) {
      const text = label(el);
      if (text && text.length <= 40 && !clicks.includes(text)) clicks.push(text);
    }
  }
  return [clicks.slice(0, 30), ids.slice(0, 30)];
}
"""


_ASKS_PASSWORD = """
() => [...document.querySelectorAll('input[type=password]')].some((el) =>
  el.checkVisibility ? el.checkVisibility({visibilityProperty: true}) : el.getClientRects().length > 0)
"""


def _unfillable(info: dict[str, Any]) -> str | None:
    """Why a field on the page (as ``_FIELDS`` saw it) cannot be filled, or None."""
    if info.get("type") == "hidden":
        return ": it is a hidden input (type=hidden), which the page fills itself"
    if info.get("hidden"):
        return ": it is hidden (not displayed: inside a closed tab or section, or styled away)"
    if info.get("disabled"):
        return ": it is disabled"
    if info.get("readonly") and info.get("tag") != "select":
        return ": it is read-only"
    return None


def _first_line(exc: BaseException) -> str:
    lines = [line for line in str(exc).strip().splitlines() if line.strip()]
    return lines[0].strip() if lines else type(exc).__name__
