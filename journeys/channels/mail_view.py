"""The SMTP capture's mailbox view: its mail in a browser, and the part of Mailpit's HTTP API the
``mailpit`` mail driver uses, so people clicking through a system read what the journeys read.
"""

from __future__ import annotations

import html
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Protocol
from urllib.parse import parse_qs, urlparse

from journeys.channels.message import Message


class Held(Protocol):
    """What the view reads of the capture: its mail, all of it or one."""

    def messages(self, address: str | None = None) -> list[Message]: ...

    def message(self, id: str) -> Message | None: ...


__all__ = ["serve"]


def serve(capture: Held, host: str, port: int) -> ThreadingHTTPServer:
    """The view of ``capture`` on ``host:port`` (0: a free port), served from a thread of its own."""

    class Handler(_ViewHandler):
        store = capture

    server = ThreadingHTTPServer((host, port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True, name="mail-view").start()
    return server


class _ViewHandler(BaseHTTPRequestHandler):
    store: Held

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet by design
        pass

    def do_GET(self) -> None:  # noqa: N802
        url = urlparse(self.path)
        parts = [p for p in url.path.split("/") if p]
        if parts == []:
            return self._html(_list_page(self.store.messages()))
        if parts == ["api", "v1", "messages"]:
            return self._json(_mailpit_list(self.store.messages()))
        if parts == ["api", "v1", "search"]:
            query = parse_qs(url.query).get("query", [""])[0]
            return self._json(_mailpit_list(_search(self.store.messages(), query)))
        if len(parts) >= 2 and parts[0] == "message":
            message = self.store.message(parts[1])
            return self._html(_message_page(message)) if message else self._missing()
        if len(parts) >= 4 and parts[:3] == ["api", "v1", "message"]:
            message = self.store.message(parts[3])
            if message is None:
                return self._missing()
            if parts[4:] == ["raw"]:
                return self._send(200, "message/rfc822", message.raw)
            return self._json(_mailpit_message(message))
        return self._missing()

    def _missing(self) -> None:
        self._send(404, "text/plain; charset=utf-8", b"not found")

    def _html(self, body: str) -> None:
        self._send(200, "text/html; charset=utf-8", body.encode())

    def _json(self, body: Any) -> None:
        self._send(200, "application/json", json.dumps(body).encode())

    def _send(self, status: int, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def _search(messages: list[Message], query: str) -> list[Message]:
    """The ``to:<address>`` part of Mailpit's search syntax (all the mailpit driver uses)."""
    terms = query.split()
    to = [t[3:].strip('"').lower() for t in terms if t.lower().startswith("to:")]
    return [m for m in messages if all(m.is_for(address) for address in to)]


def _address(text: str) -> dict[str, str]:
    return {"Name": "", "Address": text}


def _summary(m: Message) -> dict[str, Any]:
    return {
        "ID": m.id,
        "MessageID": str(m.email.get("message-id", "")),
        "Read": False,
        "From": _address(m.sender),
        "To": [_address(r) for r in m.recipients],
        "Cc": [],
        "Bcc": [],
        "ReplyTo": [],
        "Subject": m.subject,
        "Created": m.received_at.isoformat(),
        "Tags": [],
        "Size": len(m.raw),
        "Attachments": 0,
        "Snippet": " ".join(m.text.split())[:250],
    }


def _mailpit_list(messages: list[Message]) -> dict[str, Any]:
    newest_first = list(reversed(messages))
    return {
        "total": len(messages),
        "unread": len(messages),
        "count": len(messages),
        "messages_count": len(messages),
        "start": 0,
        "tags": [],
        "messages": [_summary(m) for m in newest_first],
    }


def _mailpit_message(m: Message) -> dict[str, Any]:
    return {
        **_summary(m),
        "Date": (m.date or m.received_at).isoformat(),
        "Text": m.text,
        "HTML": m.html or "",
        "Attachments": [],
        "Inline": [],
    }


_STYLE = "<style>body{font-family:sans-serif;margin:2em}td{padding:.2em .8em}pre{white-space:pre-wrap}</style>"


def _list_page(messages: list[Message]) -> str:
    rows = "".join(
        f"<tr><td>{m.received_at.astimezone():%Y-%m-%d %H:%M:%S}</td>"
        f"<td>{html.escape(', '.join(m.recipients))}</td>"
        f"<td><a href='/message/{m.id}'>{html.escape(m.subject)}</a></td></tr>"
        for m in reversed(messages)
    )
    return (
        f"<!doctype html><meta charset=utf-8><title>Mailbox</title>{_STYLE}<h1>Mailbox</h1>"
        f"<p>{len(messages)} message(s), newest first.</p><table>{rows}</table>"
    )


def _message_page(m: Message) -> str:
    return (
        f"<!doctype html><meta charset=utf-8><title>{html.escape(m.subject)}</title>{_STYLE}"
        f"<p><a href='/'>&larr; all mail</a></p><h1>{html.escape(m.subject)}</h1>"
        f"<p>To {html.escape(', '.join(m.recipients))},"
        f" {m.received_at.astimezone():%Y-%m-%d %H:%M:%S}"
        f" &middot; <a href='/api/v1/message/{m.id}/raw'>raw</a></p>"
        + "".join(f"<h2>{part} part</h2><pre>{html.escape(text)}</pre>" for part, text in m.parts.items())
    )
