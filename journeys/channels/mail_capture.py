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
import threading
import time
from datetime import UTC, datetime
from http.server import ThreadingHTTPServer
from typing import Any

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
            from journeys.channels.mail_view import serve

            self._view = serve(self, self.host, port)
        return f"http://{self.host}:{self._view.server_address[1]}/"


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
    # Ctrl-C and kill stop it whatever the parent left: a process started with SIGINT ignored (a test
    # runner's worker) inherits that, and would never stop on Ctrl-C.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        view = capture.serve_view(args.view_port)
        print(f"SMTP     {capture.host}:{capture.port}\nmailbox  {view}\nPress Ctrl-C to stop.", flush=True)
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        capture.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
