"""One received mail, whichever mailbox it came from."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import datetime
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import getaddresses, parsedate_to_datetime
from functools import cached_property


@dataclass(frozen=True)
class Message:
    """A mail as a mailbox holds it.

    Attributes:
        id: the mailbox's id for it (capture number, IMAP UID, Mailpit ID).
        recipients: addresses it was delivered to, lower case.
        subject: decoded subject.
        received_at: when the mailbox got it (timezone-aware).
        raw: the message as sent (RFC 5322 bytes), for the ``.eml`` evidence.
    """

    id: str
    recipients: tuple[str, ...]
    subject: str
    received_at: datetime
    raw: bytes = field(repr=False)

    @classmethod
    def parse(cls, id: str, raw: bytes, received_at: datetime, recipients: tuple[str, ...] = ()) -> Message:
        """A ``Message`` from raw bytes; recipients default to the To/Cc headers."""
        parsed = BytesParser(policy=policy.default).parsebytes(raw)
        if not recipients:
            headers = [str(v) for k in ("to", "cc") for v in parsed.get_all(k, [])]
            recipients = tuple(addr for _, addr in getaddresses(headers) if addr)
        return cls(
            id,
            tuple(r.lower() for r in recipients),
            str(parsed.get("subject", "")),
            received_at,
            raw,
        )

    def is_for(self, address: str) -> bool:
        return address.lower() in self.recipients

    @cached_property
    def email(self) -> EmailMessage:
        return BytesParser(policy=policy.default).parsebytes(self.raw)  # type: ignore[return-value]

    @cached_property
    def text(self) -> str:
        """The body as text: the text/plain part, else the HTML part without tags."""
        parts = self.parts
        return parts.get("text", parts.get("html", ""))

    @cached_property
    def html(self) -> str | None:
        part = self.email.get_body(preferencelist=("html",))
        return str(part.get_content()) if part is not None else None

    @cached_property
    def parts(self) -> dict[str, str]:
        """The readable text of each part present: ``text`` (text/plain), ``html`` (its visible text).

        HTML entities are decoded in both: a text part that prints ``&#x27;s-Gravendeel`` says
        ``'s-Gravendeel`` to the customer's eye, and the HTML part's words are what a mail client shows.
        """
        found: dict[str, str] = {}
        plain = self.email.get_body(preferencelist=("plain",))
        if plain is not None:
            found["text"] = html.unescape(str(plain.get_content()))
        if self.html is not None:
            found["html"] = html_to_text(self.html)
        return found

    @property
    def sender(self) -> str:
        return str(self.email.get("from", ""))

    @property
    def date(self) -> datetime | None:
        """The Date header, when it has one that parses."""
        try:
            return parsedate_to_datetime(str(self.email["date"])) if self.email["date"] else None
        except (TypeError, ValueError):
            return None


_BLOCK = re.compile(r"<\s*(br|/p|/div|/tr|/li|/h[1-6])\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_HIDDEN = re.compile(r"<(script|style|head)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def html_to_text(markup: str) -> str:
    """Visible text of an HTML mail body, one line per block, for regex readers."""
    text = _BLOCK.sub("\n", _HIDDEN.sub("", markup))
    text = html.unescape(_TAG.sub("", text))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)
