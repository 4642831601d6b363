"""Real SMTP mail from the shop to its customers, sent by a thread of its own.

``send`` only queues: one worker thread hands the mails to the SMTP server
in the order they were queued, each with a timeout. So a request that
queues a mail answers at once, whatever the mail server does: a slow server
used to hold a checkout for 10 s.
``deliver`` sends at once, in the caller's thread (the worker's own step,
and the ``mail-blocks-checkout`` fault).
"""

from __future__ import annotations

import queue
import smtplib
import sys
import threading
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

SENDER = "Tulp Electronics <klantenservice@tulp-electronics.example>"
SMTP_TIMEOUT = 10.0  # seconds per connection step; a dead server costs the worker, never a customer


@dataclass(frozen=True)
class Mail:
    """One plain-text mail, dated by the shop clock."""

    to: str
    subject: str
    body: str
    at: datetime


class Mailer:
    """Sends mail over SMTP to ``host:port``; with no port, mail is only kept in the outbox.

    A mail server that is down never breaks an order: the failure is written to
    stderr (what, to whom, which server) and the shop carries on.
    """

    def __init__(self, host: str = "127.0.0.1", port: int | None = None, timeout: float = SMTP_TIMEOUT) -> None:
        self.host = host
        self.port = port
        self.timeout = timeout
        self._queue: queue.Queue[Mail | None] = queue.Queue()
        self._worker: threading.Thread | None = None
        self._lock = threading.Lock()

    def message(self, mail: Mail) -> EmailMessage:
        msg = EmailMessage()
        msg["From"] = SENDER
        msg["To"] = mail.to
        msg["Subject"] = mail.subject
        msg["Date"] = format_datetime(mail.at)
        msg["Message-ID"] = make_msgid(domain="tulp-electronics.example")
        msg.set_content(mail.body, charset="utf-8")
        return msg

    def send(self, mail: Mail) -> None:
        """Queue ``mail``; the worker sends it after the current request has answered."""
        if self.port is None:
            return
        with self._lock:
            if self._worker is None:
                self._worker = threading.Thread(target=self._work, name="refshop-mail", daemon=True)
                self._worker.start()
        self._queue.put(mail)

    def deliver(self, mail: Mail) -> None:
        """Send ``mail`` now, in this thread; a failure is reported on stderr, never raised."""
        if self.port is None:
            return
        try:
            with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as smtp:
                smtp.send_message(self.message(mail))
        except (OSError, smtplib.SMTPException) as exc:
            print(
                f"refshop: could not send '{mail.subject}' to {mail.to} via"
                f" {self.host}:{self.port}: {exc}; is the SMTP server running?",
                file=sys.stderr,
                flush=True,
            )

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Wait until every queued mail has been handed over (or given up); False on timeout."""
        done = threading.Event()

        def watch() -> None:
            self._queue.join()  # Queue.join has no timeout: a helper thread waits instead
            done.set()

        threading.Thread(target=watch, daemon=True).start()
        return done.wait(timeout)

    def close(self, timeout: float = 5.0) -> None:
        """Send what is queued (for at most ``timeout`` seconds), then stop the worker."""
        with self._lock:
            worker, self._worker = self._worker, None
        if worker is None:
            return
        self._queue.put(None)
        worker.join(timeout)

    def _work(self) -> None:
        while True:
            mail = self._queue.get()
            try:
                if mail is None:
                    return
                self.deliver(mail)
            finally:
                self._queue.task_done()
