"""The email channel: wait for a customer's mail and read facts from it.

``MailboxDriver.receive`` waits for a mail to the customer's address whose
subject matches the touchpoint's ``subject:``, reads its facts with the
map's regexes, and keeps the ``.eml`` as evidence. Where the mail comes from
is a ``Mailbox``:

    CaptureMailbox   the embedded SMTP capture (``mail: {driver: capture}``)
    ImapMailbox      a real mailbox over IMAP (``driver: imap``; stdlib imaplib)
    MailpitMailbox   a Mailpit server's HTTP API (``driver: mailpit``)

Both parts of a mail are read (``MailReading.parts``): a fact without
``part:`` is read from the text and the HTML part alike, and the journey
checks that they agree.
"""

from __future__ import annotations

import re
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from journeys.channels.base import Raw, Reading, read_regex
from journeys.channels.drivers import Mailbox
from journeys.channels.mail_capture import MailCapture
from journeys.channels.mailboxes import POLL_INTERVAL, ImapMailbox, MailpitMailbox
from journeys.channels.message import Message
from journeys.core.evidence import EvidenceStore
from journeys.core.secrets import Secrets
from journeys.errors import ConfigError, MailNotReceived
from journeys.messages import say
from journeys.systems.templates import subject_pattern
from journeys.systems.touchpoint_map import Touchpoint

__all__ = [
    "CaptureMailbox",
    "ImapMailbox",
    "MailCapture",
    "MailboxDriver",
    "MailReading",
    "Mailbox",
    "MailpitMailbox",
    "Message",
    "POLL_INTERVAL",
    "mailbox_for",
]


class CaptureMailbox:
    """The embedded SMTP capture as a mailbox; waits on its arrivals, no polling."""

    def __init__(self, capture: MailCapture) -> None:
        self.capture = capture
        self._seen = 0

    @property
    def description(self) -> str:
        """Said in the journey's language (the capture outlives journeys of both)."""
        return say("mail.capture", host=self.capture.host, port=self.capture.port)

    def open(self) -> None:
        """Nothing to open: the capture is in this process."""

    def messages(self, address: str) -> list[Message]:
        self._seen = len(self.capture)
        return self.capture.messages(address)

    def wait(self, timeout: float) -> None:
        self.capture.wait_for_more(self._seen, timeout)


@dataclass
class MailReading(Reading):
    """A mail's reading, with what each of its parts showed.

    Attributes:
        parts: per fact, the raw text per part it was read from (``{"order.total": {"text": "€ 329,00",
            "html": "€ 349,00"}}``); ``raw`` holds the text part's (else the HTML part's) value.
    """

    parts: dict[str, dict[str, Raw]] = field(default_factory=dict)


class MailboxDriver:
    """Receives one customer's mail through a ``Mailbox`` (satisfies ``drivers.MailDriver``).

    Args:
        mailbox: where the mail is.
        evidence: where the ``.eml`` files go.
        customer_key: the customer, for messages.
        secrets: values to mask in evidence and messages.
    """

    channel = "email"

    def __init__(self, mailbox: Mailbox, evidence: EvidenceStore, customer_key: str, secrets: Secrets) -> None:
        self.mailbox = mailbox
        self.evidence = evidence
        self.customer_key = customer_key
        self.secrets = secrets

    def receive(
        self,
        tp: Touchpoint,
        address: str,
        *,
        timeout: float = 10,
        after: datetime | None = None,
        **params: Any,
    ) -> Reading:
        """Wait for the mail of touchpoint ``tp`` to ``address`` and read its facts.

        Args:
            tp: an email touchpoint; its ``subject:`` regex picks the mail, with
                ``{placeholders}`` filled from ``params`` (unknown ones match anything).
            address: the customer's address.
            timeout: seconds to wait.
            after: only mail received at or after this moment counts.

        Raises:
            MailNotReceived: no such mail in time; says what did arrive for ``address``.
        """
        if not tp.subject:
            raise ConfigError(f"{tp.where}: touchpoint {tp.name} has no subject: it is not an email touchpoint.")
        pattern = re.compile(subject_pattern(tp.subject, params))
        with self.evidence.stopwatch.harness():  # logging in to her mailbox is not the system's time
            self.mailbox.open()
        deadline = time.monotonic() + timeout
        while True:
            arrived = [m for m in self.mailbox.messages(address) if after is None or m.received_at >= after]
            matching = [m for m in arrived if pattern.search(m.subject)]
            if matching:
                return self._read(tp, address, matching[-1])
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise MailNotReceived(
                    self._not_received(tp, address, params, timeout, arrived),
                    address=address,
                    touchpoint=tp.name,
                )
            self.mailbox.wait(remaining)

    def arrived(self, tp: Touchpoint, address: str, **params: Any) -> bool:
        """Whether the mail of touchpoint ``tp`` to ``address`` is there, without waiting for it."""
        pattern = re.compile(subject_pattern(tp.subject or "", params))
        return any(pattern.search(m.subject) for m in self.mailbox.messages(address))

    def _read(self, tp: Touchpoint, address: str, message: Message) -> MailReading:
        texts = message.parts or {"text": ""}
        raw: dict[str, Raw] = {}
        parts: dict[str, dict[str, Raw]] = {}
        for reader in tp.facts.values():
            # A fact's own part, else every part present: the journey checks that they agree.
            names = [reader.part] if reader.part else list(texts)
            seen = {part: read_regex(reader, texts.get(part, "")) for part in names}
            parts[reader.fact] = seen
            raw[reader.fact] = next((value for value in seen.values() if value), next(iter(seen.values())))
        name = self.evidence.name_for(self.channel, tp.name, ".eml")
        path = self.evidence.write_bytes(name, self.secrets.redact_bytes(message.raw))
        return MailReading(tp.name, self.channel, f"mailto:{address}", raw, [path], [], message.received_at, parts)

    def _not_received(
        self,
        tp: Touchpoint,
        address: str,
        params: Mapping[str, Any],
        timeout: float,
        arrived: list[Message],
    ) -> str:
        filled = [f"{name}={params[name]}" for name in tp.placeholders() if params.get(name) is not None]
        if arrived:
            listing = "; ".join(f"{m.received_at.astimezone():%H:%M:%S} '{m.subject}'" for m in arrived[-10:])
            what = say("mail.arrived", address=address, listing=listing)
        else:
            what = say("mail.nothing_arrived", address=address)
        return self.secrets.redact(
            say(
                "mail.not_received",
                customer=self.customer_key,
                touchpoint=tp.name,
                address=address,
                subject=tp.subject,
                filled=f" ({', '.join(filled)})" if filled else "",
                timeout=f"{timeout:g}",
                mailbox=self.mailbox.description,
                what=what,
                where=tp.where,
            )
        )

    def close(self, *, keep_trace: bool = False) -> None:
        closer = getattr(self.mailbox, "close", None)
        if closer is not None and not isinstance(self.mailbox, CaptureMailbox):
            closer()


def mailbox_for(
    mail: Mapping[str, Any], capture: MailCapture | None = None, environ: Mapping[str, str] | None = None
) -> Mailbox:
    """The mailbox a map's ``mail:`` section describes (``capture`` for ``driver: capture``;
    ``environ``: where its ``*_env`` names are looked up, the run's variables; default none set).

    Raises:
        ConfigError: the driver needs a variable that is not set, or a capture that is not running.
    """
    driver = mail.get("driver", "capture")
    if driver == "capture":
        if capture is None:
            raise ConfigError(
                "mail: driver capture needs the SMTP capture running (the session starts it).",
                key="mail.driver",
            )
        return CaptureMailbox(capture)
    if driver == "imap":
        environ = {} if environ is None else environ  # the run's variables: none given, none set
        user, password = _env(environ, mail, "user_env"), _env(environ, mail, "password_env")
        return ImapMailbox(
            str(mail["host"]),
            int(mail.get("port", 143)),
            user,
            password,
            ssl=bool(mail.get("ssl")),
            folder=str(mail.get("folder", "INBOX")),
        )
    if driver == "mailpit":
        return MailpitMailbox(str(mail["url"]))
    raise ConfigError(f"unknown mail driver '{driver}': use capture, imap or mailpit.", key="mail.driver")


def _env(environ: Mapping[str, str], mail: Mapping[str, Any], key: str) -> str:
    name = mail.get(key)
    value = environ.get(str(name)) if name else None
    if not value:
        raise ConfigError(
            f"the environment variable {name} (mail.{key}) is not set: export it before the run.",
            key=f"mail.{key}",
        )
    return value
