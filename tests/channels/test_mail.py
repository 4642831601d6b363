"""Mail: the SMTP capture, the mail driver, and its IMAP and Mailpit mailboxes."""

from __future__ import annotations

import imaplib
import json
import smtplib
import threading
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage

import pytest
from dovecot import running_dovecot

from journeys.channels.mail import (
    CaptureMailbox,
    ImapMailbox,
    MailboxDriver,
    MailCapture,
    MailpitMailbox,
    MailReading,
    Message,
    mailbox_for,
)
from journeys.errors import ConfigError, MailNotReceived
from journeys.systems.fact_reader import FactReader
from journeys.systems.touchpoint_map import Touchpoint

CONFIRMATION = Touchpoint(
    "email.order_confirmation",
    "email",
    None,
    None,
    "Bevestiging van je bestelling {order_number}",
    None,
    {
        "order.number": FactReader("order.number", "order_ref", regex=r"Bestelnummer:\s*(\S+)", line=8),
        "order.total": FactReader("order.total", "money", regex=r"Totaal:\s*(.+)", line=9),
        "lines": FactReader("lines", "text", regex=r"^- (.+)$", many=True, line=10),
        "refund": FactReader("refund", "money", regex=r"Terugbetaling:\s*(.+)", line=11),
    },
    7,
    "shop.yaml",
)

BODY = "Hallo Anna,\n\nBestelnummer: RS-1001\nTotaal: € 329,00\n- Tulp Tab 10\n- Hoes\n"


def mail(to: str, subject: str, body: str = BODY, html: str | None = None) -> EmailMessage:
    message = EmailMessage()
    message["From"] = "Tulp Electronics <shop@tulp.test>"
    message["To"] = to
    message["Subject"] = subject
    message.set_content(body)
    if html:
        message.add_alternative(html, subtype="html")
    return message


@pytest.fixture
def capture() -> Iterator[MailCapture]:
    with MailCapture() as running:
        yield running


def send(capture: MailCapture, message: EmailMessage) -> None:
    with smtplib.SMTP(capture.host, capture.port, timeout=5) as smtp:
        smtp.send_message(message)


def test_the_capture_listens_on_a_free_port_and_keeps_what_smtp_delivers(capture):
    assert capture.host == "127.0.0.1" and capture.port > 0
    send(capture, mail("anna@example.test", "Welkom"))
    send(capture, mail("bob@example.test", "Welkom"))
    (message,) = capture.messages("ANNA@example.test")
    assert message.subject == "Welkom"
    assert message.recipients == ("anna@example.test",)
    assert "Bestelnummer: RS-1001" in message.text
    assert message.received_at.tzinfo is not None
    assert len(capture.messages()) == 2


def test_receive_reads_facts_with_regexes_and_keeps_the_eml(capture, evidence, secrets):
    send(capture, mail("anna@example.test", "Bevestiging van je bestelling RS-1001"))
    driver = MailboxDriver(CaptureMailbox(capture), evidence, "anna-1", secrets)
    reading = driver.receive(CONFIRMATION, "anna@example.test", order_number="RS-1001", email="x")
    assert reading.raw == {
        "order.number": "RS-1001",
        "order.total": "€ 329,00",
        "lines": ["Tulp Tab 10", "Hoes"],
        "refund": None,
    }
    assert reading.missing() == ["refund"]
    assert (reading.channel, reading.url) == ("email", "mailto:anna@example.test")
    assert reading.evidence == ["evidence/anna-1/email-01-email.order_confirmation.eml"]
    assert (
        b"Subject: Bevestiging van je bestelling RS-1001" in (evidence.reports_dir / reading.evidence[0]).read_bytes()
    )


def test_receive_waits_for_mail_that_is_still_on_its_way(capture, evidence, secrets):
    later = threading.Timer(0.3, send, (capture, mail("anna@example.test", "Bevestiging van je bestelling RS-7")))
    later.start()
    driver = MailboxDriver(CaptureMailbox(capture), evidence, "anna-1", secrets)
    try:
        reading = driver.receive(CONFIRMATION, "anna@example.test", timeout=5)
    finally:
        later.join()
    assert reading.raw["order.total"] == "€ 329,00"


def test_a_known_placeholder_must_match_exactly_and_the_newest_mail_wins(capture, evidence, secrets):
    send(capture, mail("anna@example.test", "Bevestiging van je bestelling RS-1001", BODY))
    send(
        capture,
        mail(
            "anna@example.test",
            "Bevestiging van je bestelling RS-1002",
            BODY.replace("1001", "1002"),
        ),
    )
    driver = MailboxDriver(CaptureMailbox(capture), evidence, "anna-1", secrets)
    assert driver.receive(CONFIRMATION, "anna@example.test", order_number="RS-1001").raw["order.number"] == "RS-1001"
    assert driver.receive(CONFIRMATION, "anna@example.test").raw["order.number"] == "RS-1002"
    with pytest.raises(MailNotReceived):
        driver.receive(CONFIRMATION, "anna@example.test", order_number="RS-10", timeout=0.2)


def test_mail_from_before_after_does_not_count(capture, evidence, secrets):
    send(capture, mail("anna@example.test", "Bevestiging van je bestelling RS-1"))
    driver = MailboxDriver(CaptureMailbox(capture), evidence, "anna-1", secrets)
    with pytest.raises(MailNotReceived):
        driver.receive(
            CONFIRMATION,
            "anna@example.test",
            timeout=0.2,
            after=datetime.now(UTC) + timedelta(seconds=1),
        )


def test_mail_not_received_lists_what_did_arrive_for_that_address(capture, evidence, secrets):
    send(capture, mail("anna@example.test", "Welkom bij Tulp"))
    send(capture, mail("bob@example.test", "Bevestiging van je bestelling RS-9"))
    driver = MailboxDriver(CaptureMailbox(capture), evidence, "anna-1", secrets)
    with pytest.raises(MailNotReceived) as info:
        driver.receive(CONFIRMATION, "anna@example.test", order_number="RS-9", timeout=0.3)
    message = str(info.value)
    assert message.startswith(
        "anna-1 at email.order_confirmation: no mail to anna@example.test with a subject"
        " matching 'Bevestiging van je bestelling {order_number}' (order_number=RS-9) within"
        " 0.3 s in the SMTP"
        f" capture at 127.0.0.1:{capture.port}. What did arrive for anna@example.test: "
    )
    assert "'Welkom bij Tulp'" in message
    assert "RS-9'" not in message.split("What did arrive")[1]  # bob's mail is not anna's
    assert "`subject:` at shop.yaml:7" in message
    assert (info.value.address, info.value.touchpoint) == (
        "anna@example.test",
        "email.order_confirmation",
    )


def test_nothing_at_all_says_so(capture, evidence, secrets):
    driver = MailboxDriver(CaptureMailbox(capture), evidence, "anna-1", secrets)
    with pytest.raises(MailNotReceived, match="Nothing at all arrived for anna@example.test."):
        driver.receive(CONFIRMATION, "anna@example.test", timeout=0.1)


def test_html_only_mail_is_read_as_text(capture, evidence, secrets):
    message = EmailMessage()
    message["To"], message["Subject"] = "anna@example.test", "Bevestiging van je bestelling RS-5"
    message.set_content(
        "<html><body><p>Bestelnummer: RS-5</p><p>Totaal: <b>&euro; 12,00</b></p></body></html>",
        subtype="html",
    )
    send(capture, message)
    reading = MailboxDriver(CaptureMailbox(capture), evidence, "anna-1", secrets).receive(
        CONFIRMATION, "anna@example.test"
    )
    assert reading.raw["order.number"] == "RS-5"
    assert reading.raw["order.total"] == "€ 12,00"


def test_secrets_are_masked_in_the_eml(capture, evidence, secrets):
    secrets.add("Welkom123!")
    send(
        capture,
        mail(
            "anna@example.test",
            "Bevestiging van je bestelling RS-3",
            BODY + "Wachtwoord: Welkom123!\n",
        ),
    )
    reading = MailboxDriver(CaptureMailbox(capture), evidence, "anna-1", secrets).receive(
        CONFIRMATION, "anna@example.test"
    )
    saved = (evidence.reports_dir / reading.evidence[0]).read_bytes()
    assert b"Welkom123!" not in saved
    assert "Wachtwoord: •••".encode() in saved


def test_the_view_lists_and_shows_mail_and_answers_like_mailpit(capture):
    send(capture, mail("anna@example.test", "Welkom <Anna>"))
    url = capture.serve_view()
    page = urllib.request.urlopen(url, timeout=5).read().decode()
    assert "Welkom &lt;Anna&gt;" in page and "anna@example.test" in page
    listing = json.loads(urllib.request.urlopen(url + "api/v1/messages", timeout=5).read())
    assert listing["total"] == 1
    summary = listing["messages"][0]
    assert summary["Subject"] == "Welkom <Anna>"
    assert summary["To"] == [{"Name": "", "Address": "anna@example.test"}]
    one = json.loads(urllib.request.urlopen(url + f"api/v1/message/{summary['ID']}", timeout=5).read())
    assert "Bestelnummer: RS-1001" in one["Text"]
    raw = urllib.request.urlopen(url + f"api/v1/message/{summary['ID']}/raw", timeout=5).read()
    assert raw.startswith(b"From: Tulp Electronics")
    shown = urllib.request.urlopen(url + f"message/{summary['ID']}", timeout=5).read().decode()
    assert "Totaal: € 329,00" in shown


def test_the_mailpit_mailbox_reads_through_the_http_api(capture, evidence, secrets):
    send(capture, mail("bob@example.test", "Bevestiging van je bestelling RS-2"))
    send(capture, mail("anna@example.test", "Bevestiging van je bestelling RS-1001"))
    mailbox = MailpitMailbox(capture.serve_view())
    try:
        assert [m.recipients for m in mailbox.messages("anna@example.test")] == [("anna@example.test",)]
        reading = MailboxDriver(mailbox, evidence, "anna-1", secrets).receive(CONFIRMATION, "anna@example.test")
    finally:
        mailbox.close()
    assert reading.raw["order.number"] == "RS-1001"
    assert "Mailpit at http://127.0.0.1:" in mailbox.description


def test_the_map_picks_the_mailbox(capture, monkeypatch):
    assert isinstance(mailbox_for({"driver": "capture"}, capture), CaptureMailbox)
    assert isinstance(mailbox_for({"driver": "mailpit", "url": "http://127.0.0.1:1"}), MailpitMailbox)
    monkeypatch.setenv("SHOP_IMAP_PASSWORD", "pw")  # the process's environment: never read inside
    with pytest.raises(ConfigError, match="SHOP_IMAP_PASSWORD .mail.password_env. is not set"):
        mailbox_for(
            {
                "driver": "imap",
                "host": "h",
                "user_env": "SHOP_IMAP_USER",
                "password_env": "SHOP_IMAP_PASSWORD",
            },
            environ={"SHOP_IMAP_USER": "qa"},  # the run's variables
        )
    with pytest.raises(ConfigError, match="needs the SMTP capture running"):
        mailbox_for({"driver": "capture"}, None)


# -- IMAP, against a real dovecot ------------------------------------------------


@pytest.fixture(scope="module")
def imap_server():
    with running_dovecot() as server:
        yield server


def append(server, message: EmailMessage) -> None:
    conn = imaplib.IMAP4(server.host, server.port, timeout=5)
    try:
        conn.login(server.user, server.password)
        conn.append("INBOX", None, None, message.as_bytes())
    finally:
        conn.logout()


def test_the_imap_mailbox_reads_a_real_mailbox(imap_server, evidence, secrets):
    append(imap_server, mail("qa+bob@example.test", "Bevestiging van je bestelling RS-2"))
    append(imap_server, mail("qa+anna@example.test", "Bevestiging van je bestelling RS-1001"))
    mailbox = mailbox_for(
        {
            "driver": "imap",
            "host": imap_server.host,
            "port": imap_server.port,
            "user_env": "SHOP_IMAP_USER",
            "password_env": "SHOP_IMAP_PASSWORD",
        },
        environ={"SHOP_IMAP_USER": imap_server.user, "SHOP_IMAP_PASSWORD": imap_server.password},
    )
    assert isinstance(mailbox, ImapMailbox)
    try:
        driver = MailboxDriver(mailbox, evidence, "anna-1", secrets)
        reading = driver.receive(CONFIRMATION, "qa+anna@example.test", timeout=5)
        assert reading.raw["order.total"] == "€ 329,00"
        assert reading.raw["order.number"] == "RS-1001"
        assert reading.seen_at is not None and reading.seen_at.tzinfo is not None
        # Mail delivered while the driver waits is found on a later poll.
        later = threading.Timer(
            0.3,
            append,
            (
                imap_server,
                mail("qa+anna@example.test", "Je pakket is onderweg", "Track & trace: 3STULP123\n"),
            ),
        )
        later.start()
        shipped = Touchpoint(
            "email.shipped",
            "email",
            None,
            None,
            "pakket is onderweg",
            None,
            {"tt": FactReader("tt", "text", regex=r"Track & trace:\s*(\S+)")},
            1,
            "shop.yaml",
        )
        try:
            assert driver.receive(shipped, "qa+anna@example.test", timeout=5).raw["tt"] == "3STULP123"
        finally:
            later.join()
    finally:
        mailbox.close()


def test_imap_mail_not_received_lists_what_arrived(imap_server, evidence, secrets):
    append(imap_server, mail("qa+carol@example.test", "Welkom bij Tulp"))
    mailbox = ImapMailbox(imap_server.host, imap_server.port, imap_server.user, imap_server.password)
    try:
        with pytest.raises(
            MailNotReceived,
            match=r"IMAP qa@127.0.0.1:\d+/INBOX. What did arrive for"
            r" qa\+carol@example.test: \d\d:\d\d:\d\d 'Welkom bij Tulp'",
        ):
            MailboxDriver(mailbox, evidence, "carol-3", secrets).receive(
                CONFIRMATION, "qa+carol@example.test", timeout=0.4
            )
    finally:
        mailbox.close()


def test_a_wrong_imap_password_is_a_config_error(imap_server):
    mailbox = ImapMailbox(imap_server.host, imap_server.port, imap_server.user, "wrong-password")
    with pytest.raises(ConfigError, match="login or folder refused"):
        mailbox.messages("anna@example.test")


# -- both parts of a mail, and a capture on a port of the user's choosing ------------------------------------------

BOTH_PARTS = Touchpoint(
    "email.order_confirmation",
    "email",
    None,
    None,
    "Bevestiging",
    None,
    {
        "order.total": FactReader("order.total", "money", regex=r"Totaal:\s*(.+)", line=8),
        "city": FactReader("city", "text", regex=r"Plaats:\s*(.+)", line=9),
        "total.html": FactReader("total.html", "money", regex=r"Totaal:\s*(.+)", line=10, part="html"),
    },
    7,
    "shop.yaml",
)
TEXT_PART = "Totaal: € 329,00\nPlaats: &#x27;s-Gravendeel\n"
HTML_PART = "<table><tr><td>Totaal:</td><td>&euro;&nbsp;349,00</td></tr><tr><td>Plaats:</td><td>'s-Gravendeel</td></tr>"


def test_a_message_has_each_part_as_text_with_html_entities_decoded():
    message = Message.parse("1", bytes(mail("a@x.test", "Hoi", TEXT_PART, HTML_PART)), datetime.now(UTC))
    assert message.parts["text"] == "Totaal: € 329,00\nPlaats: 's-Gravendeel\n"
    assert message.parts["html"] == "Totaal:€ 349,00\nPlaats:'s-Gravendeel"
    assert message.text == message.parts["text"]  # the text part, as before


def test_each_fact_is_read_from_every_part_unless_the_map_names_one(capture, evidence, secrets):
    send(capture, mail("anna@example.test", "Bevestiging", TEXT_PART, HTML_PART))
    reading = MailboxDriver(CaptureMailbox(capture), evidence, "anna-1", secrets).receive(
        BOTH_PARTS, "anna@example.test"
    )
    assert isinstance(reading, MailReading)
    assert reading.parts["order.total"] == {"text": "€ 329,00", "html": "€ 349,00"}
    assert reading.parts["city"] == {"text": "'s-Gravendeel", "html": "'s-Gravendeel"}
    assert reading.parts["total.html"] == {"html": "€ 349,00"}
    assert reading.raw["order.total"] == "€ 329,00"  # the text part's, on the ledger
    assert reading.raw["total.html"] == "€ 349,00"


def test_a_fact_found_in_the_html_part_only_is_still_read(capture, evidence, secrets):
    send(capture, mail("anna@example.test", "Bevestiging", "Bedankt!\n", HTML_PART))
    reading = MailboxDriver(CaptureMailbox(capture), evidence, "anna-1", secrets).receive(
        BOTH_PARTS, "anna@example.test"
    )
    assert reading.raw["order.total"] == "€ 349,00"
    assert reading.parts["order.total"] == {"text": None, "html": "€ 349,00"}


def test_the_capture_listens_on_the_port_it_is_given(closed_port):
    with MailCapture(port=closed_port) as running:
        assert running.port == closed_port
        send(running, mail("anna@example.test", "Welkom"))
        assert len(running.messages("anna@example.test")) == 1


def test_a_capture_port_that_is_taken_is_a_config_error_saying_what_to_do(capture):
    with pytest.raises(ConfigError, match=rf"cannot listen on 127.0.0.1:{capture.port} .*--smtp-port"):
        MailCapture(port=capture.port).start()


def test_the_mailbox_view_shows_both_parts(capture):
    send(capture, mail("anna@example.test", "Bevestiging", TEXT_PART, HTML_PART))
    page = urllib.request.urlopen(capture.serve_view() + "message/1", timeout=5).read().decode()
    assert "<h2>text part</h2>" in page and "<h2>html part</h2>" in page and "349,00" in page


def test_the_capture_runs_on_its_own_with_its_mailbox_view():
    import re
    import signal
    import subprocess
    import sys

    process = subprocess.Popen(
        [sys.executable, "-m", "journeys.channels.mail_capture", "--smtp-port", "0", "--view-port", "0"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        smtp_line, view_line = process.stdout.readline(), process.stdout.readline()
        port = int(re.search(r"127\.0\.0\.1:(\d+)", smtp_line).group(1))  # type: ignore[union-attr]
        view = view_line.split()[-1]
        with smtplib.SMTP("127.0.0.1", port, timeout=5) as smtp:
            smtp.send_message(mail("anna@example.test", "Bevestiging van je bestelling RS-9"))
        listing = json.loads(urllib.request.urlopen(view + "api/v1/messages", timeout=5).read())
        assert [m["Subject"] for m in listing["messages"]] == ["Bevestiging van je bestelling RS-9"]
    finally:
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=120) == 0  # it stops when told; a loaded machine takes its time
