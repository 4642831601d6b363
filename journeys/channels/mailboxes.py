"""Mailboxes that are polled: a real one over IMAP, and a Mailpit server's HTTP API.

``MailboxDriver`` (``journeys.channels.mail``) reads them like the SMTP capture;
neither can say when mail arrives, so both are looked at every
``POLL_INTERVAL`` seconds. Both only read: nothing is marked read or deleted.
"""

from __future__ import annotations

import imaplib
import time
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from journeys.channels.message import Message
from journeys.errors import ChannelError, ConfigError, SystemUnreachable

__all__ = ["POLL_INTERVAL", "ImapMailbox", "MailpitMailbox"]

POLL_INTERVAL = 0.25  # for mailboxes that cannot tell us when mail arrives (IMAP, Mailpit)


class _Poller:
    """Waiting between polls: a relative sleep (a timed wait on an event hangs under libfaketime)."""

    def wait(self, timeout: float) -> None:
        time.sleep(max(0.0, min(POLL_INTERVAL, timeout)))


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

    def open(self) -> None:
        """Connect, log in and select the folder (once; a dropped connection is opened again by ``messages``)."""
        self._connect()

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

    def open(self) -> None:
        """Nothing to log in to: the HTTP API answers each look on its own."""

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
