"""The web channel without a browser: the server's HTML through a cookie-keeping HTTP client.

The adapter of ``PageDriver`` a population walks most customers with (a
browser customer costs far more than an HTTP one): pages are fetched with
httpx, forms are filled and submitted as a browser without JavaScript would
submit them, and facts are read with the map's own CSS / test-id / regex
readers from the HTML (``html_page``). What JavaScript would add to a page
is not there; a page that needs it fails with a message saying so.
"""

from __future__ import annotations

import ssl
from collections.abc import Collection, Mapping
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

import httpx
from selectolax.lexbor import LexborHTMLParser, LexborNode, SelectolaxError

from journeys.channels.html_page import (
    asked_by,
    form_of,
    inner_text,
    label_of,
    matches,
    offered,
    shown,
    squash,
    value_of,
)
from journeys.channels.page_driver import PageDriver, PageRead, bad_selector
from journeys.core.evidence import EvidenceStore
from journeys.core.secrets import Secrets
from journeys.errors import SystemUnreachable
from journeys.systems.touchpoint_map import Touchpoint

__all__ = ["HttpWebDriver"]

_YES = ("1", "true", "yes", "ja", "on")
_NAMED = "input[name], select[name], textarea[name]"
TIMEOUT = httpx.Timeout(10.0, connect=5.0)


class HttpWebDriver(PageDriver):
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

    keeps_every_page = False  # the HTML of a page that lacked a fact, or when a step asks for it

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
        super().__init__(base_url, evidence, customer_key, secrets, element_timeout=element_timeout)
        self.hosts = frozenset(hosts) if hosts is not None else None
        self.http_timeout = http_timeout
        timeout = httpx.Timeout(http_timeout, connect=TIMEOUT.connect)
        self._client = httpx.Client(timeout=timeout, transport=transport, follow_redirects=True, verify=_tls())
        self._tree: LexborHTMLParser | None = None
        self._url = ""
        self._status = 0
        self._filled: dict[str, str] = {}

    @property
    def current_url(self) -> str:
        return self._url

    @property
    def html(self) -> str:
        """The current page's HTML (empty before the first page)."""
        return self._tree.html or "" if self._tree is not None else ""

    @property
    def tree(self) -> LexborHTMLParser:
        """The current page, parsed (``ChannelError`` before the first page)."""
        if self._tree is None:
            raise self._failure("no page opened yet.")
        return self._tree

    # -- the adapter ---------------------------------------------------------

    def _open(self, url: str) -> None:
        self._send("GET", url)

    def _read_page(self, tp: Touchpoint) -> PageRead:
        tree = self.tree
        if tp.ready and not matches(tree, tp.ready):
            raise self._failure(
                f"the page at {self._url} (HTTP {self._status}) does not show {tp.ready}"
                f" (evidence: {self._keep(tp.name)}). Without a browser nothing appears later:"
                f" the page changed, or `ready:` at {tp.where} is out of date."
            )
        found: dict[str, str | list[str] | None] = {}
        for reader in tp.facts.values():
            if reader.selector is None:
                continue
            try:
                nodes = [n for n in tree.css(reader.selector) if shown(n)]
            except SelectolaxError as exc:
                raise bad_selector(tp, reader, exc) from None
            values = [value_of(n, reader.attr) for n in nodes]
            found[reader.fact] = [v for v in values if v is not None] if reader.many else next(iter(values), None)
        regex = any(reader.selector is None for reader in tp.facts.values())
        text = inner_text(tree.body) if regex and tree.body is not None else None
        return PageRead(self._url, found, asked_by(tree), text)

    def _keep(self, label: str, *, asked: bool = False) -> str:
        return self.evidence.save(self.channel, label, ".html", self.secrets.redact(self.html))

    # -- what a customer does ------------------------------------------------

    def fill(self, fields: Mapping[str, str]) -> None:
        """Fill form fields by ``name`` (or test id): text boxes, selects, radios, checkboxes ("yes"/"no").

        Raises:
            ChannelError: a field is not on the page; the message lists the fields that are.
        """
        tree = self.tree
        nodes = {
            name: tree.css_first(f'[name="{name}"]') or tree.css_first(f'[data-testid="{name}"]') for name in fields
        }
        found = {name: node for name, node in nodes.items() if node is not None and node.attributes.get("name")}
        typed = [name for name, node in found.items() if (node.attributes.get("type") or "").lower() == "password"]
        self._keep_passwords(fields, typed)
        missing = [name for name in fields if name not in found]
        if missing:
            named = [n.attributes.get("name") or "" for n in tree.css(_NAMED) if n.attributes.get("type") != "hidden"]
            raise self._no_field(missing, named)
        for name, value in fields.items():
            self._filled[found[name].attributes["name"] or name] = str(value)

    def click(self, target: str) -> None:
        """Follow the link or press the submit button with test id ``target``, or else with that text."""
        tree = self.tree
        node = tree.css_first(f'[data-testid="{target}"]') or next(
            (n for n in tree.css("button, a, input[type=submit]") if label_of(n) == target), None
        )
        if node is None:
            raise self._not_there(f"nothing to click called '{target}'", *offered(tree))
        if node.tag == "a" and node.attributes.get("href"):
            self._send("GET", urljoin(self._url, node.attributes["href"] or ""))
            return
        form = form_of(node)
        kind = (node.attributes.get("type") or "submit").lower()
        if form is None or kind != "submit":
            raise self._failure(
                f"'{target}' on {self._url} is not a link or a form's submit button: it needs JavaScript,"
                " which a customer without a browser has not."
            )
        self._submit(form, node)

    def submit(self, target: str | None = None) -> None:
        """Submit the form: press ``target`` (test id or button text), or the page's first submit button."""
        if target:
            self.click(target)
            return
        button = self.tree.css_first("form [type=submit], form button:not([type])")
        if button is None or (form := form_of(button)) is None:
            raise self._not_there("no form to submit", *offered(self.tree))
        self._submit(form, button)

    def text_of(self, testid: str) -> str:
        """The text of the first shown element with test id ``testid``."""
        found = [n for n in self.tree.css(f'[data-testid="{testid}"]') if shown(n)]
        if not found:
            raise self._not_there(f"no '{testid}'", *offered(self.tree))
        return squash(inner_text(found[0]))

    def is_asking_password(self) -> bool:
        """Whether the page shows a password field: after a login, the login did not take."""
        return any(shown(n) for n in self.tree.css("input[type=password]"))

    def close(self, *, keep_trace: bool = False) -> None:
        """Close the customer's connections (there is no trace to keep)."""
        self._client.close()

    # -- inside ----------------------------------------------------------------

    def _send(self, method: str, url: str, data: list[tuple[str, str]] | None = None) -> None:
        if self.hosts is not None and urlsplit(url).netloc not in self.hosts:
            raise self._failure(
                f"{url} is not the system under test ({', '.join(sorted(self.hosts))}):"
                " a population sends nothing anywhere else."
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
            raise self._failure(f"{method} {url}: no answer within {self.http_timeout:g} s (--http-timeout)") from exc
        except httpx.HTTPError as exc:
            raise self._failure(f"{method} {url} failed: {exc}") from exc
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
                default = (chosen.attributes.get("value") or squash(chosen.text())) if chosen else ""
                data.append((name, filled if filled is not None else default))
            else:
                default = control.text() if control.tag == "textarea" else attrs.get("value") or ""
                data.append((name, filled if filled is not None else default))
        if button.attributes.get("name"):
            data.append((button.attributes["name"] or "", button.attributes.get("value") or ""))
        method = (form.attributes.get("method") or "get").upper()
        action = urljoin(self._url, form.attributes.get("action") or self._url)
        self._send("POST" if method == "POST" else "GET", action, data)


@lru_cache(maxsize=1)
def _tls() -> ssl.SSLContext:
    """One TLS context per process: making one costs ~100 ms, and every customer has a client."""
    return ssl.create_default_context()
