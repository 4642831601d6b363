"""Tulp Helpdesk: a second, separate system for the tests (``python tests/systems/helpdesk/server.py``).

A company is several systems: this helpdesk has its own database (a dict),
its own staff login and its own mail, and knows nothing of the shop. A
customer files a complaint on a web form citing her order number; she gets a
ticket page and a mail (a text and an HTML part); the desk agent logs in to
the desk and opens the ticket.

Started with ``--port`` (0: free) and ``--smtp-port``, it prints one JSON
line with its URL when it is ready, like the reference shop. The desk's login
is read from ``HELPDESK_DESK_USER`` / ``HELPDESK_DESK_PASSWORD``. Faults, in
``HELPDESK_FAULT`` (comma-separated):

    order-number-typo   the desk shows the order number with its last digit changed
    html-answer-date    the mail's HTML part gives a later answer-by date than its text part
"""

from __future__ import annotations

import argparse
import html
import json
import os
import secrets
import signal
import smtplib
import sys
import threading
from datetime import date, datetime, timedelta
from email.message import EmailMessage
from http.cookies import SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse
from zoneinfo import ZoneInfo

ZONE = ZoneInfo("Europe/Amsterdam")
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"]  # fmt: skip


class Desk:
    """The helpdesk's state: tickets by reference, desk sessions, where its mail goes."""

    def __init__(self, smtp_port: int | None, faults: set[str]) -> None:
        self.smtp_port = smtp_port
        self.faults = faults
        self.tickets: dict[str, dict[str, str]] = {}
        self.sessions: set[str] = set()
        self.lock = threading.Lock()
        self.user = os.environ.get("HELPDESK_DESK_USER", "desk")
        self.password = os.environ.get("HELPDESK_DESK_PASSWORD") or secrets.token_urlsafe(12)

    def file(self, form: dict[str, str]) -> dict[str, str]:
        with self.lock:
            reference = f"HD-{1001 + len(self.tickets)}"
            answer_by = datetime.now(ZONE).date() + timedelta(days=2)
            ticket = {**form, "reference": reference, "answer_by": answer_by.isoformat(), "status": "open"}
            self.tickets[reference] = ticket
        self.mail(ticket)
        return ticket

    def mail(self, ticket: dict[str, str]) -> None:
        """The acknowledgement, with a text and an HTML part (the HTML part as most mail clients show it)."""
        answer_by = date.fromisoformat(ticket["answer_by"])
        html_answer_by = answer_by + timedelta(days=3) if "html-answer-date" in self.faults else answer_by
        message = EmailMessage()
        message["From"] = "Tulp Helpdesk <helpdesk@tulp.test>"
        message["To"] = ticket["email"]
        message["Subject"] = f"Je klacht is ontvangen ({ticket['reference']})"
        message.set_content(
            f"Beste {ticket['name']},\n\nWe hebben je klacht ontvangen.\n\n"
            f"Ticketnummer: {ticket['reference']}\nBestelnummer: {ticket['order_number']}\n"
            f"Antwoord uiterlijk: {_day(answer_by)}\n\nTulp Helpdesk\n"
        )
        message.add_alternative(
            f"<html><body><p>Beste {html.escape(ticket['name'])},</p><p>We hebben je klacht ontvangen.</p>"
            f"<table><tr><td>Ticketnummer:</td><td>{ticket['reference']}</td></tr>"
            f"<tr><td>Bestelnummer:</td><td>{html.escape(ticket['order_number'])}</td></tr>"
            f"<tr><td>Antwoord uiterlijk:</td><td>{_day(html_answer_by)}</td></tr></table>"
            "<p>Tulp&nbsp;Helpdesk</p></body></html>",
            subtype="html",
        )
        if self.smtp_port is None:
            return
        try:
            with smtplib.SMTP("127.0.0.1", self.smtp_port, timeout=5) as smtp:
                smtp.send_message(message)
        except OSError as exc:  # the helpdesk keeps working without its mail server, as real ones do
            print(f"helpdesk: mail to {ticket['email']} not sent: {exc}", file=sys.stderr, flush=True)

    def desk_order_number(self, ticket: dict[str, str]) -> str:
        number = ticket["order_number"]
        if "order-number-typo" in self.faults and number[-1:].isdigit():
            return number[:-1] + str((int(number[-1]) + 1) % 10)  # the desk system's own copy, mistyped
        return number


def _day(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _page(title: str, body: str) -> bytes:
    return (
        f"<!doctype html><html lang=nl><head><meta charset=utf-8><title>{html.escape(title)}</title></head>"
        f"<body><h1>{html.escape(title)}</h1>{body}</body></html>"
    ).encode()


class Handler(BaseHTTPRequestHandler):
    desk: Desk

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet
        pass

    def do_GET(self) -> None:  # noqa: N802
        url = urlparse(self.path)
        parts = [p for p in url.path.split("/") if p]
        if not parts:
            return self._send(200, _page("Tulp Helpdesk", "<p><a href='/complaint'>Een klacht indienen</a></p>"))
        if parts == ["complaint"]:
            return self._send(200, _page("Klacht indienen", _FORM))
        if len(parts) == 2 and parts[0] == "tickets":
            ticket = self.desk.tickets.get(parts[1])
            return self._ticket(ticket) if ticket else self._send(404, _page("Niet gevonden", ""))
        if parts == ["desk", "login"]:
            return self._send(200, _page("Inloggen helpdesk", _LOGIN))
        if parts[:1] == ["desk"]:
            if not self._logged_in():
                return self._redirect("/desk/login")
            if parts == ["desk", "tickets"]:
                query = parse_qs(url.query).get("q", [""])[0].lower()
                rows = "".join(
                    f"<li><a data-testid='desk-ticket-link' href='/desk/tickets/{t['reference']}'>{t['reference']}</a>"
                    f" {html.escape(t['email'])}</li>"
                    for t in self.desk.tickets.values()
                    if query in t["email"].lower()
                )
                return self._send(200, _page("Tickets", f"<ul>{rows}</ul>"))
            if len(parts) == 3 and parts[1] == "tickets" and parts[2] in self.desk.tickets:
                return self._desk_ticket(self.desk.tickets[parts[2]])
        return self._send(404, _page("Niet gevonden", ""))

    def do_POST(self) -> None:  # noqa: N802
        length = int(self.headers.get("Content-Length") or 0)
        form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
        path = urlparse(self.path).path
        if path == "/complaint":
            needed = ("name", "email", "order_number", "message")
            if not all(form.get(k, "").strip() for k in needed):
                return self._send(422, _page("Klacht indienen", "<p class=error>Vul alles in.</p>" + _FORM))
            ticket = self.desk.file({k: form[k].strip() for k in needed})
            return self._redirect(f"/tickets/{ticket['reference']}")
        if path == "/desk/login":
            if (form.get("username"), form.get("password")) != (self.desk.user, self.desk.password):
                return self._send(401, _page("Inloggen helpdesk", "<p class=error>Onjuist.</p>" + _LOGIN))
            token = secrets.token_urlsafe(16)
            self.desk.sessions.add(token)
            return self._redirect("/desk/tickets", cookie=token)
        return self._send(404, _page("Niet gevonden", ""))

    def _ticket(self, t: dict[str, str]) -> None:
        answer_by = date.fromisoformat(t["answer_by"])
        self._send(
            200,
            _page(
                f"Je klacht {t['reference']}",
                f"<p>Ticketnummer: <span data-testid='ticket-reference'>{t['reference']}</span></p>"
                f"<p>Bestelnummer: <span data-testid='ticket-order-number'>{html.escape(t['order_number'])}</span></p>"
                f"<p>Antwoord uiterlijk: <span data-testid='ticket-answer-by'>{_day(answer_by)}</span></p>"
                f"<p>Status: <span data-testid='ticket-status'>{t['status']}</span></p>",
            ),
        )

    def _desk_ticket(self, t: dict[str, str]) -> None:
        order = html.escape(self.desk.desk_order_number(t))
        self._send(
            200,
            _page(
                f"Ticket {t['reference']}",
                f"<p data-testid='desk-reference'>{t['reference']}</p>"
                f"<p>Klant: <span data-testid='desk-email'>{html.escape(t['email'])}</span></p>"
                f"<p>Bestelling: <span data-testid='desk-order-number'>{order}</span></p>"
                # The order's details sit in a closed tab: the page holds them, the agent opens the tab.
                f"<details><summary>Klacht</summary><p data-testid='desk-message'>{html.escape(t['message'])}</p>"
                "</details>",
            ),
        )

    def _logged_in(self) -> bool:
        cookie = SimpleCookie(self.headers.get("Cookie", ""))
        return "desk" in cookie and cookie["desk"].value in self.desk.sessions

    def _redirect(self, where: str, cookie: str | None = None) -> None:
        self.send_response(303)
        self.send_header("Location", where)
        if cookie:
            self.send_header("Set-Cookie", f"desk={cookie}; Path=/desk; HttpOnly; SameSite=Lax")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


_FORM = """
<form method=post action=/complaint>
  <label>Naam <input name=name required></label>
  <label>E-mailadres <input type=email name=email required></label>
  <label>Bestelnummer <input name=order_number required></label>
  <label>Je klacht <textarea name=message required></textarea></label>
  <input type=hidden name=channel value=web>
  <button type=submit data-testid=file-complaint>Klacht indienen</button>
</form>
"""
_LOGIN = """
<form method=post action=/desk/login>
  <label>Gebruiker <input name=username required></label>
  <label>Wachtwoord <input type=password name=password required></label>
  <button type=submit data-testid=login>Inloggen</button>
</form>
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--smtp-port", type=int, default=None)
    args = parser.parse_args(argv)
    faults = {f.strip() for f in os.environ.get("HELPDESK_FAULT", "").split(",") if f.strip()}
    Handler.desk = Desk(args.smtp_port, faults)
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    url = f"http://127.0.0.1:{server.server_address[1]}"
    print(json.dumps({"url": url, "faults": sorted(faults)}), flush=True)
    stop.wait()
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
