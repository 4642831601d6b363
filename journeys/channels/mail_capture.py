"""The SMTP capture: a mail server on loopback that keeps every mail in memory.

A run starts one (``mail: {driver: capture}``) on a free port, or on the port
the map (``mail.port``) or the command line (``--smtp-port``) chooses, so a
system journeys does not start can be told where to send its mail before it
starts. The embedded system is told the port itself. Journeys read the mail
back through ``CaptureMailbox``. For people clicking through a system,
``serve_view()`` shows the mail in a browser and answers the part of
Mailpit's HTTP API the ``mailpit`` mail driver uses;
``python -m journeys.channels.mail_capture --smtp-port 2525 --view-port 8025``
runs a capture with its view on its own, until Ctrl-C.
"""

from __future__ import annotations

import asyncio
import html
import json
import threading
import time
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

from journeys.channels.message import Message
from journeys.errors import ConfigError

HOST = "127.0.0.1"
_POLL = 0.05  # seconds between looks while waiting for mail


class MailCapture:
    """An SMTP server on 127.0.0.1 (a free port) that stores what it receives.

    Thread-safe: the SMTP server runs in its own thread; readers wait on a
    condition instead of polling.

    Args:
        host: where to listen (loopback only, by default).
        port: 0 picks a free port; read it back from ``port`` after ``start``.
    """

    def __init__(self, host: str = HOST, port: int = 0) -> None:
        self.host = host
        self.port = port
        self._messages: list[Message] = []
        self._changed = threading.Condition()
        self._controller: Any = None
        self._view: ThreadingHTTPServer | None = None
        self.delays: dict[str, float] = {}  # address -> seconds its mail takes: a slow server (a security step)

    def start(self) -> MailCapture:
        """Start listening; returns self (``port`` now holds the real port)."""
        from aiosmtpd.controller import Controller

        capture = self

        class _Handler:
            async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
                delay = max((capture.delays.get(str(to).lower(), 0.0) for to in envelope.rcpt_tos), default=0.0)
                if delay > 0:
                    await asyncio.sleep(delay)  # the sender waits for its "250", as on a busy server
                capture.deliver(bytes(envelope.original_content or envelope.content), tuple(envelope.rcpt_tos))
                return "250 Message accepted for delivery"

        class _Controller(Controller):
            # aiosmtpd 1.4.6 checks the server by connecting to ``self.port``: with port 0 that
            # would be port 0, so learn the port the socket really got before it does.
            def _trigger_server(self) -> None:
                if self.port == 0 and self.server is not None:
                    self.port = self.server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]
                super()._trigger_server()

        self._controller = _Controller(_Handler(), hostname=self.host, port=self.port)
        try:
            self._controller.start()
        except (OSError, RuntimeError) as exc:
            # A port the user chose (mail.port, --smtp-port) may be taken: say so, not a thread's traceback.
            self._controller = None
            raise ConfigError(
                f"the SMTP capture cannot listen on {self.host}:{self.port} ({exc}): is another capture or"
                " mail server running there? Choose another port (--smtp-port, or mail.port in the map)."
            ) from exc
        self.port = self._controller.port
        return self

    def stop(self) -> None:
        """Stop the SMTP server and the view, if running."""
        if self._controller is not None:
            self._controller.stop()
            self._controller = None
        if self._view is not None:
            self._view.shutdown()
            self._view.server_close()
            self._view = None

    def __enter__(self) -> MailCapture:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()

    # -- the store -------------------------------------------------------------

    def deliver(self, raw: bytes, recipients: tuple[str, ...]) -> Message:
        """Store a mail (the SMTP handler calls this; tests may too)."""
        with self._changed:
            message = Message.parse(str(len(self._messages) + 1), raw, datetime.now(UTC), recipients)
            self._messages.append(message)
            self._changed.notify_all()
        return message

    def messages(self, address: str | None = None) -> list[Message]:
        """Every mail received (to ``address`` only, when given), oldest first."""
        with self._changed:
            return [m for m in self._messages if address is None or m.is_for(address)]

    def message(self, id: str) -> Message | None:
        with self._changed:
            return next((m for m in self._messages if m.id == id), None)

    def wait_for_more(self, count: int, timeout: float) -> bool:
        """Wait until more than ``count`` mails (in total) have arrived; False on timeout.

        Short relative sleeps on the monotonic clock: a timed wait on a condition computes an
        absolute deadline, which never comes under libfaketime (its clock runs days ahead)."""
        deadline = time.monotonic() + timeout
        while True:
            with self._changed:
                if len(self._messages) > count:
                    return True
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            time.sleep(min(_POLL, remaining))

    def __len__(self) -> int:
        with self._changed:
            return len(self._messages)

    # -- the view ----------------------------------------------------------------

    def serve_view(self, port: int = 0) -> str:
        """Serve the mailbox over HTTP on loopback; returns its URL.

        ``/`` lists the mail, ``/message/<id>`` shows one; ``/api/v1/messages``,
        ``/api/v1/search?query=to:<address>``, ``/api/v1/message/<id>`` and
        ``/api/v1/message/<id>/raw`` answer like Mailpit's API.
        """
        if self._view is None:
            capture = self

            class Handler(_ViewHandler):
                store = capture

            self._view = ThreadingHTTPServer((self.host, port), Handler)
            threading.Thread(target=self._view.serve_forever, daemon=True, name="mail-view").start()
        return f"http://{self.host}:{self._view.server_address[1]}/"


class _ViewHandler(BaseHTTPRequestHandler):
    store: MailCapture

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


def main(argv: list[str] | None = None) -> int:
    """``python -m journeys.channels.mail_capture``: a capture and its mailbox view, until Ctrl-C."""
    import argparse
    import signal

    parser = argparse.ArgumentParser(
        prog="python -m journeys.channels.mail_capture",
        description="An SMTP server on 127.0.0.1 that keeps every mail, and a mailbox view of it.",
    )
    parser.add_argument("--smtp-port", type=int, default=2525, help="SMTP port (default 2525; 0: a free one)")
    parser.add_argument("--view-port", type=int, default=8025, help="mailbox view and Mailpit-style API (8025)")
    args = parser.parse_args(argv)
    try:
        capture = MailCapture(port=args.smtp_port).start()
    except ConfigError as exc:
        parser.exit(3, f"{exc}\n")
    try:
        view = capture.serve_view(args.view_port)
        print(f"SMTP     {capture.host}:{capture.port}\nmailbox  {view}\nPress Ctrl-C to stop.", flush=True)
        signal.signal(signal.SIGTERM, signal.default_int_handler)
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        capture.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
