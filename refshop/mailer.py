"""Real SMTP mail from the shop to its customers."""

from __future__ import annotations

import smtplib
import sys
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

SENDER = "Tulp Electronics <klantenservice@tulp-electronics.example>"


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

    def __init__(self, host: str = "127.0.0.1", port: int | None = None) -> None:
        self.host = host
        self.port = port

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
        if self.port is None:
            return
        try:
            with smtplib.SMTP(self.host, self.port, timeout=10) as smtp:
                smtp.send_message(self.message(mail))
        except (OSError, smtplib.SMTPException) as exc:
            print(
                f"refshop: could not send '{mail.subject}' to {mail.to} via"
                f" {self.host}:{self.port}: {exc}; is the SMTP server running?",
                file=sys.stderr,
                flush=True,
            )
