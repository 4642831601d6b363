"""What a customer's page driver does alike in a browser and without one.

``PageDriver`` is the web channel's behaviour, once: it visits a touchpoint
(its ``url:`` filled in), reads its facts into a ``Reading`` (DOM readers from
the page, regex readers from the page's text), keeps evidence when asked or
when a fact is missing, passes on the fields the page asked for, keeps
passwords secret and words every failure the same way (customer, touchpoint,
URL, what the page offers instead). Its two adapters only touch the page:
``BrowserWebDriver`` (Playwright, ``web.py``) and ``HttpWebDriver`` (the
server's HTML over httpx, ``http_web.py``). Both satisfy ``drivers.WebDriver``.

What a page asks for: the fields it requires (``required``) that are shown,
enabled and writable and, for a text field, still empty; a field the page
filled in already (what she gave before) asks nothing, and optional ones are
offers, not questions. Both adapters judge so.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from journeys.channels.base import Raw, Reading, offers, read_regex
from journeys.core.evidence import EvidenceStore
from journeys.core.secrets import Secrets
from journeys.errors import ChannelError, ConfigError
from journeys.systems.fact_reader import FactReader
from journeys.systems.templates import fill as fill_template
from journeys.systems.touchpoint_map import Touchpoint

__all__ = ["PageDriver", "PageRead", "bad_selector"]


@dataclass(frozen=True)
class PageRead:
    """What an adapter found on its page for one touchpoint.

    Attributes:
        url: the page's address.
        found: raw text per fact of each reader with a selector.
        asked: the fields the page asks for (names, else ids).
        text: the page's visible text, for regex readers (None: no reader needs it).
    """

    url: str
    found: dict[str, Raw]
    asked: list[str]
    text: str | None = None


class PageDriver(ABC):
    """One customer's pages on a system's web channel; the adapter says how a page is opened and read.

    Args:
        base_url: the system's web address (``http://127.0.0.1:5000``).
        evidence: where this customer's evidence goes.
        customer_key: the customer, for messages.
        secrets: values to mask in evidence and messages.
        element_timeout: seconds an element may take to show.
    """

    channel = "web"
    keeps_every_page = True  # read() keeps evidence of every page, not only of one that lacks a fact

    def __init__(
        self, base_url: str, evidence: EvidenceStore, customer_key: str, secrets: Secrets, *, element_timeout: float
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.evidence = evidence
        self.customer_key = customer_key
        self.secrets = secrets
        self.element_timeout = element_timeout
        self.pages: list[tuple[str, int, dict[str, str]]] = []  # each page she was sent: URL, status, headers
        self._touchpoint = "-"  # what messages say she is at

    # -- what the adapter does ----------------------------------------------------

    @property
    @abstractmethod
    def current_url(self) -> str:
        """The address of the page the customer is on (empty before the first page)."""

    @abstractmethod
    def _open(self, url: str) -> None:
        """Open ``url`` (raising ``ChannelError``/``SystemUnreachable`` with ``self._touchpoint``)."""

    @abstractmethod
    def _read_page(self, tp: Touchpoint) -> PageRead:
        """Read the current page for ``tp``: its ready element, its readers, the fields it asks for."""

    @abstractmethod
    def _keep(self, label: str, *, asked: bool = False) -> str | None:
        """Keep the current page as evidence (``asked``: whatever the settings say); its path, or None."""

    @abstractmethod
    def fill(self, fields: Mapping[str, str]) -> None: ...

    @abstractmethod
    def click(self, target: str) -> None: ...

    @abstractmethod
    def submit(self, target: str | None = None) -> None: ...

    @abstractmethod
    def text_of(self, testid: str) -> str: ...

    @abstractmethod
    def is_asking_password(self) -> bool: ...

    @abstractmethod
    def close(self, *, keep_trace: bool = False) -> None: ...

    # -- touchpoints ------------------------------------------------------------------

    def url_of(self, path: str) -> str:
        """``path`` on the system's web address (a full URL stays as it is)."""
        return path if re.match(r"^https?://", path) else f"{self.base_url}/{path.lstrip('/')}"

    def visit(self, tp: Touchpoint, **params: object) -> Reading:
        """Go to ``tp``'s page (its ``url`` filled from ``params``) and read every fact on it."""
        if not tp.url:
            raise ConfigError(f"{tp.where}: touchpoint {tp.name} has no url: the web driver cannot visit it.")
        url = self.url_of(fill_template(tp.url, params, touchpoint=tp, quote_values=True))
        self._touchpoint = tp.name
        self._open(url)
        return self.read(tp)

    def read(self, tp: Touchpoint, *, screenshot: bool | None = None) -> Reading:
        """Read ``tp``'s facts from the page the customer is on, without navigating.

        Args:
            tp: the touchpoint the current page is.
            screenshot: keep the page as evidence (always kept when a fact is missing);
                None: as the driver does (a browser keeps every page, HTTP only one that lacks a fact).
        """
        self._touchpoint = tp.name
        page = self._read_page(tp)
        raw: dict[str, Raw] = {
            r.fact: page.found.get(r.fact) if r.selector else read_regex(r, page.text or "") for r in tp.facts.values()
        }
        keep = self.keeps_every_page if screenshot is None else screenshot
        kept = self._keep(tp.name) if keep or any(value is None for value in raw.values()) else None
        url = self.secrets.redact(page.url)
        return Reading(tp.name, self.channel, url, raw, [kept] if kept else [], list(page.asked), datetime.now(UTC))

    # -- what a customer does ------------------------------------------------------

    def goto(self, path: str) -> None:
        """Open ``path`` (relative to the system's address) or a full URL."""
        self._open(self.url_of(path))
        self._touchpoint = f"the page {path}"  # no touchpoint read on it yet: messages name the page

    def screenshot(self, label: str | None = None) -> str:
        """Keep the current page as evidence, whatever ``--screenshot`` says; returns its evidence path."""
        return self._keep(label or self._touchpoint, asked=True) or ""

    # -- for the adapters: passwords and messages --------------------------------------

    def _keep_passwords(self, fields: Mapping[str, str], password_fields: Collection[str]) -> None:
        """A password typed in a field never reaches evidence or a message."""
        for name, value in fields.items():
            if "password" in name.lower() or name in password_fields:
                self.secrets.add(str(value))

    def _where(self) -> str:
        return self._touchpoint if self._touchpoint != "-" else "its first page"

    def _failure(self, what: str, *, at: str | None = None) -> ChannelError:
        """``what`` went wrong, said with the customer and where she is (``at``), secrets masked."""
        return ChannelError(self.secrets.redact(f"{self.customer_key} at {at or self._where()}: {what}"))

    def _no_field(self, missing: Iterable[str], named: Iterable[str]) -> ChannelError:
        """Fields a task fills that are not on the page, listing those that are."""
        return self._failure(
            f"no field {', '.join(missing)} on {self.current_url}. {_listing(named)} Check the task or the page."
        )

    def _cannot_fill(self, reasons: Mapping[str, str], named: Iterable[str]) -> ChannelError:
        """Fields on the page that cannot be filled (``reasons``: ': it is disabled', ...)."""
        said = "; ".join(f"field '{name}'{why}" for name, why in reasons.items())
        return self._failure(
            f"cannot fill {said}, on {self.current_url}. {_listing(named)}"
            " Check the task (open what shows the field first) or the page."
        )

    def _not_there(
        self, nothing: str, clicks: Iterable[str], testids: Iterable[str], *, waited: float | None = None
    ) -> ChannelError:
        """A target that is not on the page ('nothing to click called ...'), with what the page offers."""
        wait = f" (waited {waited:g} s)" if waited is not None else ""
        clicks, testids = list(dict.fromkeys(clicks)), list(dict.fromkeys(testids))
        return self._failure(
            f"{nothing} on {self.current_url}{wait}. {offers(clicks, testids)} Check the task or the page."
        )


def _listing(named: Iterable[str]) -> str:
    return f"The page has: {', '.join(dict.fromkeys(n for n in named if n)) or 'no named fields'}."


def bad_selector(tp: Touchpoint, reader: FactReader, error: object) -> ConfigError:
    """A reader whose selector is no CSS: the map's line says where to fix it."""
    return ConfigError(
        f"{tp.file}:{reader.line}: touchpoint {tp.name}: {reader.fact}: the selector"
        f" {reader.selector} is not valid CSS ({error}). Fix it in the map."
    )
