"""The web channel without a browser: the server's HTML through a cookie-keeping HTTP client.

A population walks most customers this way (a browser customer costs far
more than an HTTP one): pages are fetched with httpx, forms are filled and
submitted as a browser without JavaScript would submit them, and facts are
read with the map's own CSS / test-id / regex readers from the HTML
(selectolax's Lexbor parser). What JavaScript would add to a page is not
there; a page that needs it fails with a message saying so. ``visible`` is
judged from the markup (``hidden``, inline ``display:none``), not from CSS.
"""

from __future__ import annotations

import os
import re
import ssl
from collections.abc import Collection, Mapping
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx
from selectolax.lexbor import LexborHTMLParser, LexborNode, SelectolaxError

from journeys.channels.base import Reading, offers, read_regex
from journeys.channels.chat import ChatDriver
from journeys.channels.errors import ChannelError
from journeys.channels.staff_login import StaffLogin
from journeys.errors import ConfigError, SystemUnreachable
from journeys.evidence import EvidenceStore
from journeys.secrets import Secrets
from journeys.system.templates import fill as fill_template
from journeys.system.touchpoint_map import Touchpoint

_BLOCK = frozenset("p div dl dt dd li ul ol tr table section article header footer main nav h1 h2 h3 h4 form".split())
_UNSEEN = frozenset(("script", "style", "template", "noscript", "head"))
_NOT_ASKED = frozenset(("hidden", "submit", "button", "image", "reset"))
_YES = ("1", "true", "yes", "ja", "on")
_NAMED = "input[name], select[name], textarea[name]"
TIMEOUT = httpx.Timeout(10.0, connect=5.0)


def inner_text(node: LexborNode) -> str:
    """The node's text as a browser's ``innerText`` roughly shows it: blocks on lines of their own."""
    parts: list[str] = []
    for child in node.iter(include_text=True):
        if child.tag == "-text":
            parts.append(child.text_content or "")
        elif child.tag == "br":
            parts.append("\n")
        elif child.is_element_node and child.tag not in _UNSEEN and shown(child, up=False):
            block = child.tag in _BLOCK
            parts += ["\n" if block else "", inner_text(child), "\n" if block else ""]
    return "".join(parts)


def shown(node: LexborNode, *, up: bool = True) -> bool:
    """Whether markup alone hides ``node`` (or, with ``up``, one of its ancestors)."""
    current: LexborNode | None = node
    while current is not None and current.is_element_node:
        attrs = current.attributes
        style = (attrs.get("style") or "").replace(" ", "").lower()
        if "hidden" in attrs or "display:none" in style or "visibility:hidden" in style or current.tag in _UNSEEN:
            return False
        if not up:
            return True
        current = current.parent
    return True


def _squash(text: str) -> str:
    return " ".join(text.split())


class HttpWebDriver:
    """One customer's cookie jar and current page on a system's web channel, without a browser.

    Args:
        base_url: the system's web address.
        evidence: where this customer's evidence goes (the HTML of a page that lacked a fact).
        customer_key: the customer, for error messages.
        secrets: values to mask in evidence and messages.
        transport: an httpx transport (tests); default: the network.
        element_timeout: kept for drivers built on this one (chat); HTML does not change by itself.
        hosts: the only ``host:port`` addresses it may send to (the system's); None: any.
        http_timeout: seconds a request may take (``--http-timeout``).
    """

    channel = "web"

    def __init__(
        self,
        base_url: str,
        evidence: EvidenceStore,
        customer_key: str,
        secrets: Secrets,
        *,
        transport: httpx.BaseTransport | None = None,
        element_timeout: float = 5.0,
        hosts: Collection[str] | None = None,
        http_timeout: float = TIMEOUT.read or 10.0,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.evidence = evidence
        self.customer_key = customer_key
        self.secrets = secrets
        self.element_timeout = element_timeout
        self.hosts = frozenset(hosts) if hosts is not None else None
        self.http_timeout = http_timeout
        timeout = httpx.Timeout(http_timeout, connect=TIMEOUT.connect)
        self._client = httpx.Client(timeout=timeout, transport=transport, follow_redirects=True, verify=_tls())
        self._tree: LexborHTMLParser | None = None
        self._url = ""
        self._status = 0
        self._filled: dict[str, str] = {}
        self._touchpoint = "-"
        self.pages: list[tuple[str, int, dict[str, str]]] = []  # each page she was sent: URL, status, headers

    @property
    def current_url(self) -> str:
        """The address of the page the customer is on (empty before the first page)."""
        return self._url

    @property
    def html(self) -> str:
        """The current page's HTML (empty before the first page)."""
        return self._tree.html or "" if self._tree is not None else ""

    def url_of(self, path: str) -> str:
        return path if re.match(r"^https?://", path) else f"{self.base_url}/{path.lstrip('/')}"

    # -- touchpoints ---------------------------------------------------------

    def visit(self, tp: Touchpoint, **params: Any) -> Reading:
        """Get ``tp``'s page (its ``url`` filled from ``params``) and read every fact on it."""
        if not tp.url:
            raise ConfigError(f"{tp.where}: touchpoint {tp.name} has no url: the web driver cannot visit it.")
        self._touchpoint = tp.name
        self._send("GET", self.url_of(fill_template(tp.url, params, touchpoint=tp, quote_values=True)))
        return self.read(tp)

    def read(self, tp: Touchpoint, *, screenshot: bool = False, **_: Any) -> Reading:
        """Read ``tp``'s facts from the current page; ``screenshot`` keeps its HTML as evidence."""
        self._touchpoint = tp.name
        tree = self._page()
        if tp.ready and not self._matches(tree, tp.ready):
            raise ChannelError(
                self.secrets.redact(
                    f"{self.customer_key} at {tp.name}: the page at {self._url} (HTTP {self._status}) does not"
                    f" show {tp.ready} (evidence: {self._keep(tp.name)}). Without a browser nothing appears"
                    f" later: the page changed, or `ready:` at {tp.where} is out of date."
                )
            )
        raw: dict[str, str | list[str] | None] = {}
        text: str | None = None
        for reader in tp.facts.values():
            if reader.selector is None:
                text = inner_text(tree.body) if text is None and tree.body is not None else text
                raw[reader.fact] = read_regex(reader, text or "")
                continue
            try:
                found = [n for n in tree.css(reader.selector) if shown(n)]
            except SelectolaxError as exc:
                raise ConfigError(
                    f"{tp.file}:{reader.line}: touchpoint {tp.name}: {reader.fact}: the selector"
                    f" {reader.selector} is not valid CSS ({exc}). Fix it in the map."
                ) from None
            values = [self._value(n, reader.attr) for n in found]
            raw[reader.fact] = [v for v in values if v is not None] if reader.many else next(iter(values), None)
        evidence = [self._keep(tp.name)] if screenshot or any(v is None for v in raw.values()) else []
        return Reading(
            tp.name, self.channel, self.secrets.redact(self._url), raw, evidence, self._asked(tree), datetime.now(UTC)
        )

    # -- what a customer does ------------------------------------------------

    def goto(self, path: str) -> None:
        """Open ``path`` (relative to the system's address) or a full URL."""
        self._send("GET", self.url_of(path))

    def fill(self, fields: Mapping[str, str]) -> None:
        """Fill form fields by ``name`` (or test id): text boxes, selects, radios, checkboxes ("yes"/"no").

        Raises:
            ChannelError: a field is not on the page; the message lists the fields that are.
        """
        tree = self._page()
        for name, value in fields.items():
            node = tree.css_first(f'[name="{name}"]') or tree.css_first(f'[data-testid="{name}"]')
            if node is None or not node.attributes.get("name"):
                named = [
                    n.attributes.get("name") or "" for n in tree.css(_NAMED) if n.attributes.get("type") != "hidden"
                ]
                raise ChannelError(
                    f"{self.customer_key} at {self._touchpoint}: no field {name} on {self._url}. The page has:"
                    f" {', '.join(n for n in dict.fromkeys(named) if n) or 'no named fields'}. Check the task or"
                    " the page."
                )
            if (node.attributes.get("type") or "").lower() == "password" or "password" in name.lower():
                self.secrets.add(str(value))
            self._filled[node.attributes["name"] or name] = str(value)

    def click(self, target: str) -> None:
        """Follow the link or press the submit button with test id ``target``, or else with that text."""
        tree = self._page()
        node = tree.css_first(f'[data-testid="{target}"]') or next(
            (n for n in tree.css("button, a, input[type=submit]") if self._label(n) == target), None
        )
        if node is None:
            raise ChannelError(
                f"{self.customer_key} at {self._touchpoint}: nothing to click called '{target}' on {self._url}."
                f" {self._offers()} Check the task or the page."
            )
        if node.tag == "a" and node.attributes.get("href"):
            self._send("GET", urljoin(self._url, node.attributes["href"] or ""))
            return
        form = _form_of(node)
        kind = (node.attributes.get("type") or "submit").lower()
        if form is None or kind != "submit":
            raise ChannelError(
                f"{self.customer_key} at {self._touchpoint}: '{target}' on {self._url} is not a link or a"
                " form's submit button: it needs JavaScript, which a customer without a browser has not."
            )
        self._submit(form, node)

    def submit(self, target: str | None = None) -> None:
        """Submit the form: press ``target`` (test id or button text), or the page's first submit button."""
        if target:
            self.click(target)
            return
        button = self._page().css_first("form [type=submit], form button:not([type])")
        if button is None or (form := _form_of(button)) is None:
            raise ChannelError(
                f"{self.customer_key} at {self._touchpoint}: no form to submit on {self._url}. {self._offers()}"
            )
        self._submit(form, button)

    def text_of(self, testid: str) -> str:
        """The text of the first shown element with test id ``testid``."""
        found = [n for n in self._page().css(f'[data-testid="{testid}"]') if shown(n)]
        if not found:
            raise ChannelError(
                f"{self.customer_key} at {self._touchpoint}: no '{testid}' on {self._url}. {self._offers()}"
            )
        return _squash(inner_text(found[0]))

    def screenshot(self, label: str | None = None) -> str:
        """Keep the current page's HTML (what a screenshot is to a browser); returns its evidence path."""
        return self._keep(label or self._touchpoint)

    def close(self, *, keep_trace: bool = False) -> None:
        """Close the customer's connections (there is no trace to keep)."""
        self._client.close()

    # -- inside ----------------------------------------------------------------

    def _page(self) -> LexborHTMLParser:
        if self._tree is None:
            raise ChannelError(f"{self.customer_key} at {self._touchpoint}: no page opened yet.")
        return self._tree

    def _send(self, method: str, url: str, data: list[tuple[str, str]] | None = None) -> None:
        if self.hosts is not None and urlsplit(url).netloc not in self.hosts:
            raise ChannelError(
                f"{self.customer_key} at {self._touchpoint}: {url} is not the system under test"
                f" ({', '.join(sorted(self.hosts))}): a population sends nothing anywhere else."
            )
        try:
            fields: dict[str, list[str]] = {}
            for name, value in data or []:
                fields.setdefault(name, []).append(value)  # a name given twice (checkboxes) is sent twice
            if method == "GET":
                response = self._client.get(url, params=fields or None)
            else:
                response = self._client.post(url, data=fields)
        except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
            raise SystemUnreachable(
                f"{self.customer_key} at {self._touchpoint}: {url} refused the connection: start the system"
                " or pass --base-url.",
                url=url,
            ) from exc
        except httpx.TimeoutException as exc:
            raise ChannelError(
                self.secrets.redact(
                    f"{self.customer_key} at {self._touchpoint}: {method} {url}: no answer within"
                    f" {self.http_timeout:g} s (--http-timeout)"
                )
            ) from exc
        except httpx.HTTPError as exc:
            raise ChannelError(
                self.secrets.redact(f"{self.customer_key} at {self._touchpoint}: {method} {url} failed: {exc}")
            ) from exc
        self._tree = LexborHTMLParser(response.text)
        self._url, self._status, self._filled = str(response.url), response.status_code, {}
        self.pages.append((self._url, self._status, dict(response.headers)))

    def _submit(self, form: LexborNode, button: LexborNode) -> None:
        """Send the form as a browser without JavaScript would: its controls, what was filled, the button."""
        data: list[tuple[str, str]] = []
        for control in form.css(_NAMED):
            name, attrs = control.attributes.get("name") or "", control.attributes
            kind = (attrs.get("type") or "").lower()
            if "disabled" in attrs or kind in ("submit", "button", "image", "reset"):
                continue
            filled = self._filled.get(name)
            if kind == "checkbox":
                on = filled.lower() in _YES if filled is not None else "checked" in attrs
                data += [(name, attrs.get("value") or "on")] if on else []
            elif kind == "radio":
                value = attrs.get("value") or "on"
                if (filled == value) if filled is not None else "checked" in attrs:
                    data.append((name, value))
            elif control.tag == "select":
                options = control.css("option")
                chosen = next((o for o in options if "selected" in o.attributes), options[0] if options else None)
                default = (chosen.attributes.get("value") or _squash(chosen.text())) if chosen else ""
                data.append((name, filled if filled is not None else default))
            else:
                default = control.text() if control.tag == "textarea" else attrs.get("value") or ""
                data.append((name, filled if filled is not None else default))
        if button.attributes.get("name"):
            data.append((button.attributes["name"] or "", button.attributes.get("value") or ""))
        method = (form.attributes.get("method") or "get").upper()
        action = urljoin(self._url, form.attributes.get("action") or self._url)
        self._send("POST" if method == "POST" else "GET", action, data)

    def _matches(self, tree: LexborHTMLParser, selector: str) -> bool:
        try:
            return any(shown(n) for n in tree.css(selector))
        except SelectolaxError:
            return True  # a Playwright-only `ready:` selector: the server's HTML is complete anyway

    def _asked(self, tree: LexborHTMLParser) -> list[str]:
        """The fields the page requires (hidden, optional and read-only ones are offers, not questions)."""
        asked: list[str] = []
        for el in tree.css("input, select, textarea"):
            attrs = el.attributes
            if (attrs.get("type") or "").lower() in _NOT_ASKED or "required" not in attrs:
                continue
            if "disabled" in attrs or "readonly" in attrs or not shown(el):
                continue
            kind = (attrs.get("type") or "").lower()
            filled = inner_text(el).strip() if el.tag == "textarea" else (attrs.get("value") or "")
            if el.tag != "select" and kind not in ("checkbox", "radio") and filled:
                continue  # the page filled it in already (what she gave before): it asks nothing
            name = attrs.get("name") or attrs.get("id")
            if name and name not in asked:
                asked.append(name)
        return asked

    @staticmethod
    def _value(node: LexborNode, attr: str | None) -> str | None:
        if attr:
            value = node.attributes.get(attr)
            return None if value is None and attr not in node.attributes else _squash(value or "")
        return _squash(inner_text(node))

    @staticmethod
    def _label(node: LexborNode) -> str:
        return _squash(node.attributes.get("value") or "" if node.tag == "input" else inner_text(node))

    def _offers(self) -> str:
        """What the page offers to click and read (as the browser driver lists it)."""
        tree = self._page()
        clicks = [self._label(n) for n in tree.css("button, a[href], input[type=submit]") if shown(n)]
        testids = [n.attributes.get("data-testid") or "" for n in tree.css("[data-testid]") if shown(n)]
        short = [text for text in dict.fromkeys(clicks) if text and len(text) <= 40]
        return offers(short[:30], list(dict.fromkeys(testids))[:30])

    def _keep(self, label: str) -> str:
        return self.evidence.save(self.channel, label, ".html", self.secrets.redact(self.html))


class HttpAgentDriver(StaffLogin, HttpWebDriver):
    """The agent console over HTTP, in a cookie jar of its own (the agent's login never mixes with hers).
    It logs in as ``AgentDriver`` does (``StaffLogin``): before its first page, ``goto`` or ``visit``.

    Args:
        *args: as ``HttpWebDriver``.
        credentials: the map's ``credentials.agent`` entry (environment variable names, ``login:`` form).
        environ: where those names are looked up (default: the process's environment).
    """

    channel = "agent"

    def __init__(
        self,
        *args: Any,
        credentials: Mapping[str, Any] | None = None,
        environ: Mapping[str, str] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.credentials = dict(credentials or {})
        self.environ = os.environ if environ is None else environ
        self.logged_in = False
        self.role = "agent"
        self._logging_in = False

    def is_asking_password(self) -> bool:
        """Whether the page shows a password field: after a login, the login did not take."""
        return any(shown(n) for n in self._page().css("input[type=password]"))


class HttpChatDriver(ChatDriver):
    """The chat widget as a plain form (the shop's chat works without JavaScript), or the chat API:
    routed as :class:`ChatDriver` routes, answered from the page the form brings back."""

    def say(
        self,
        text: str,
        *,
        field: str = "message",
        send: str = "send",
        answers: str = "chat-message",
        timeout: float | None = None,
    ) -> str:
        """Send ``text`` with the chat form and return the shop's answer on the page that comes back."""
        selector = f'[data-testid="{answers}"][data-from="shop"]'
        before = len(self.web._page().css(selector))
        self.web.fill({field: text})
        self.web.click(send)
        shop = self.web._page().css(selector)
        if len(shop) <= before:
            raise ChannelError(f"{self.web.customer_key} at chat: no answer to '{text}' on {self.web.current_url}.")
        return _squash(inner_text(shop[-1]))


@lru_cache(maxsize=1)
def _tls() -> ssl.SSLContext:
    """One TLS context per process: making one costs ~100 ms, and every customer has a client."""
    return ssl.create_default_context()


def _form_of(node: LexborNode) -> LexborNode | None:
    current = node.parent
    while current is not None and current.is_element_node:
        if current.tag == "form":
            return current
        current = current.parent
    return None


def browserless(session: Any, journey: Any) -> bool:
    """Whether this journey's web customer walks without a browser: the journey's choice, else the session's
    (``--browserless``, ``JOURNEYS_BROWSERLESS``)."""
    chosen = getattr(journey, "browserless", None)
    if chosen is None:
        chosen = getattr(session, "browserless", None)
    return bool(chosen)
