"""The email channel: wait for a customer's mail and read facts from it.

``MailDriver.receive`` waits for a mail to the customer's address whose
subject matches the touchpoint's ``subject:``, reads its facts with the
map's regexes, and keeps the ``.eml`` as evidence. Where the mail comes from
is a ``Mailbox``:

    CaptureMailbox   the embedded SMTP capture (``mail: {driver: capture}``)
    ImapMailbox      a real mailbox over IMAP (``driver: imap``; stdlib imaplib)
    MailpitMailbox   a Mailpit server's HTTP API (``driver: mailpit``)
"""

from __future__ import annotations

import imaplib
import os
import re
import threading
import time
from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any, Protocol

from journeys.channels.base import Reading, read_regex
from journeys.channels.errors import ChannelError
from journeys.channels.mail_capture import MailCapture
from journeys.channels.message import Message
from journeys.errors import ConfigError, MailNotReceived, SystemUnreachable
from journeys.evidence import EvidenceStore
from journeys.secrets import Secrets
from journeys.system.templates import subject_pattern
from journeys.system.touchpoint_map import Touchpoint

__all__ = [
    "CaptureMailbox",
    "ImapMailbox",
    "MailCapture",
    "MailDriver",
    "Mailbox",
    "MailpitMailbox",
    "Message",
    "mailbox_for",
]

POLL_INTERVAL = 0.25  # for mailboxes that cannot tell us when mail arrives (IMAP, Mailpit)


class Mailbox(Protocol):
    """Where a driver finds mail. ``wait`` returns early when mail may have arrived."""

    description: str

    def messages(self, address: str) -> list[Message]:
        """Every mail to ``address``, oldest first."""
        ...

    def wait(self, timeout: float) -> None:
        """Block until new mail may be there, or ``timeout`` seconds pass."""
        ...


class CaptureMailbox:
    """The embedded SMTP capture as a mailbox; waits on its arrivals, no polling."""

    def __init__(self, capture: MailCapture) -> None:
        self.capture = capture
        self.description = f"the SMTP capture at {capture.host}:{capture.port}"
        self._seen = 0

    def messages(self, address: str) -> list[Message]:
        self._seen = len(self.capture)
        return self.capture.messages(address)

    def wait(self, timeout: float) -> None:
        self.capture.wait_for_more(self._seen, timeout)


class _Poller:
    """Waiting between polls without a bare sleep: an event nobody sets, with a timeout."""

    _pause = threading.Event()

    def wait(self, timeout: float) -> None:
        self._pause.wait(max(0.0, min(POLL_INTERVAL, timeout)))


class ImapMailbox(_Poller):
    """A real mailbox over IMAP (read-only: mail is not marked as read).

    Args:
        host, port: the IMAP server.
        user, password: the login (the map names their environment variables).
        ssl: IMAPS instead of plain IMAP.
        folder: the folder to look in.
    """

    def __init__(
        self,
        host: str,
        port: int,
        user: str,
        password: str,
        *,
        ssl: bool = False,
        folder: str = "INBOX",
        timeout: float = 10.0,
    ) -> None:
        self.host, self.port, self.user, self._password = host, port, user, password
        self.ssl, self.folder, self.timeout = ssl, folder, timeout
        self.description = f"IMAP {user}@{host}:{port}/{folder}"
        self._conn: imaplib.IMAP4 | None = None
        self._cache: dict[str, Message] = {}

    def _connect(self) -> imaplib.IMAP4:
        if self._conn is None:
            kind = imaplib.IMAP4_SSL if self.ssl else imaplib.IMAP4
            try:
                conn = kind(self.host, self.port, timeout=self.timeout)
            except OSError as exc:
                raise SystemUnreachable(
                    f"{self.description}: the IMAP server does not answer ({exc}):"
                    " check mail.host and mail.port in the map.",
                    url=f"imap://{self.host}:{self.port}",
                ) from exc
            try:
                conn.login(self.user, self._password)
                conn.select(_quoted(self.folder), readonly=True)
            except imaplib.IMAP4.error as exc:
                conn.shutdown()
                raise ConfigError(
                    f"{self.description}: login or folder refused ({exc}): check the"
                    " variables named by mail.user_env and mail.password_env, and mail.folder."
                ) from exc
            self._conn = conn
        return self._conn

    def messages(self, address: str) -> list[Message]:
        try:
            return self._messages(address)
        except (imaplib.IMAP4.abort, OSError):
            self.close()  # the server dropped us: one fresh connection, then give up
            return self._messages(address)

    def _messages(self, address: str) -> list[Message]:
        conn = self._connect()
        conn.noop()  # lets the server report mail delivered since the last look
        status, data = conn.uid("SEARCH", "TO", _quoted(address))
        if status != "OK":
            raise ChannelError(f"{self.description}: SEARCH TO {address} failed: {data!r}")
        found: list[Message] = []
        for uid in (data[0] or b"").split():
            key = uid.decode()
            if key not in self._cache:
                status, parts = conn.uid("FETCH", key, "(INTERNALDATE BODY.PEEK[])")
                raw, when = _fetched(parts)
                if status != "OK" or raw is None:
                    continue
                self._cache[key] = Message.parse(key, raw, when or datetime.now(UTC))
            found.append(self._cache[key])
        return [m for m in found if m.is_for(address)]  # SEARCH TO matches substrings

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.logout()
            except (imaplib.IMAP4.error, OSError):
                pass
            self._conn = None


class MailpitMailbox(_Poller):
    """A Mailpit server (or the capture's view) through its HTTP API.

    Args:
        url: Mailpit's address (``http://127.0.0.1:8025``).
        transport: an httpx transport, for tests.
    """

    def __init__(self, url: str, *, transport: Any = None) -> None:
        import httpx

        self.url = url.rstrip("/")
        self.description = f"Mailpit at {self.url}"
        self._client = httpx.Client(base_url=self.url, timeout=httpx.Timeout(10.0, connect=5.0), transport=transport)
        self._cache: dict[str, Message] = {}

    def messages(self, address: str) -> list[Message]:
        import httpx

        try:
            listing = self._client.get("/api/v1/search", params={"query": f'to:"{address}"'})
            listing.raise_for_status()
            found = []
            for item in reversed(listing.json().get("messages", [])):
                key = str(item["ID"])
                if key not in self._cache:
                    raw = self._client.get(f"/api/v1/message/{key}/raw")
                    raw.raise_for_status()
                    self._cache[key] = Message.parse(key, raw.content, _iso(item.get("Created")))
                found.append(self._cache[key])
        except httpx.ConnectError as exc:
            raise SystemUnreachable(
                f"{self.description} does not answer ({exc}): check mail.url in the map.",
                url=self.url,
            ) from exc
        except httpx.HTTPError as exc:
            raise ChannelError(f"{self.description}: reading mail for {address} failed: {exc}") from exc
        return found

    def close(self) -> None:
        self._client.close()


class MailDriver:
    """Receives one customer's mail through a ``Mailbox``.

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

    def _read(self, tp: Touchpoint, address: str, message: Message) -> Reading:
        text = message.text
        raw = {reader.fact: read_regex(reader, text) for reader in tp.facts.values()}
        name = self.evidence.name_for(self.channel, tp.name, ".eml")
        path = self.evidence.write_bytes(name, self.secrets.redact_bytes(message.raw))
        return Reading(tp.name, self.channel, f"mailto:{address}", raw, [path], [], message.received_at)

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
            what = f"What did arrive for {address}: {listing}."
        else:
            what = f"Nothing at all arrived for {address}."
        return self.secrets.redact(
            f"{self.customer_key} at {tp.name}: no mail to {address} with a subject matching"
            f" '{tp.subject}'"
            + (f" ({', '.join(filled)})" if filled else "")
            + f" within {timeout:g} s in {self.mailbox.description}. {what}"
            " If the subject changed, update"
            f" `subject:` at {tp.where}; if nothing came, check that the system sends mail there."
        )

    def close(self, *, keep_trace: bool = False) -> None:
        closer = getattr(self.mailbox, "close", None)
        if closer is not None and not isinstance(self.mailbox, CaptureMailbox):
            closer()


def mailbox_for(mail: Mapping[str, Any], capture: MailCapture | None = None) -> Mailbox:
    """The mailbox a map's ``mail:`` section describes (``capture`` for ``driver: capture``).

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
        user, password = _env(mail, "user_env"), _env(mail, "password_env")
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


def _env(mail: Mapping[str, Any], key: str) -> str:
    name = mail.get(key)
    value = os.environ.get(str(name)) if name else None
    if not value:
        raise ConfigError(
            f"the environment variable {name} (mail.{key}) is not set: export it before the run.",
            key=f"mail.{key}",
        )
    return value


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _fetched(parts: list[Any]) -> tuple[bytes | None, datetime | None]:
    for part in parts:
        if isinstance(part, tuple) and len(part) == 2:
            header, raw = part
            when = imaplib.Internaldate2tuple(header)
            moment = datetime.fromtimestamp(time.mktime(when), UTC) if when else None
            return bytes(raw), moment
    return None, None


def _iso(text: Any) -> datetime:
    if not text:
        return datetime.now(UTC)
    try:
        moment = datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    except ValueError:
        try:
            moment = parsedate_to_datetime(str(text))
        except (TypeError, ValueError):
            return datetime.now(UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
