"""Allure's extras: categories, environment, facts and violations as tables, history carried over."""

from __future__ import annotations

import csv
import io
import json
from email.message import EmailMessage
from pathlib import Path

from ledger_factory import journey_dict

from journeys.core.ledger import Ledger
from journeys.reporting.allure_attachments import facts_csv, mail_parts, violations_html
from journeys.reporting.allure_cli import carry_history
from journeys.reporting.allure_config import write_categories, write_environment


def test_categories_cover_the_kinds_of_finding(tmp_path: Path):
    path = write_categories(tmp_path)

    names = [c["name"] for c in json.loads(path.read_text(encoding="utf-8"))]
    assert names[:5] == ["Privacy leak", "Contradiction", "Broken promise", "Mail never came", "System slow or down"]
    assert names[-2:] == ["Configuration error", "Harness error"]


def test_environment_properties_are_java_properties(tmp_path: Path):
    path = write_environment(
        tmp_path, {"system": "refshop", "base URL": "http://127.0.0.1:5000", "faults": "email-total-stale", "x": "é\n"}
    )

    assert path.read_text(encoding="utf-8").splitlines() == [
        "system=refshop",
        "base.URL=http://127.0.0.1:5000",
        "faults=email-total-stale",
        "x=\\u00e9\\n",
    ]


def test_facts_are_a_table_of_fact_shown_value_problem():
    ledger = Ledger.from_dict(journey_dict(0, stale_total=True))

    rows = list(csv.reader(io.StringIO(facts_csv(ledger.observations[:2], "http://shop/order/1"))))

    assert rows[0] == ["fact", "shown", "read as", "problem"]
    assert rows[2] == ["order.total", "€ 329,00", "€ 329,00", ""]
    assert rows[-1] == ["at", "http://shop/order/1", "", ""]


def test_each_violation_is_a_side_by_side_table():
    ledger = Ledger.from_dict(journey_dict(0, stale_total=True))

    html = violations_html(ledger.violations)

    assert "<caption>InconsistentFact: order total disagrees across touchpoints" in html
    assert "<td>web.order_confirmation</td><td>€ 329,00</td>" in html
    assert "<td>email.order_confirmation</td><td>€ 349,00</td>" in html


def test_the_previous_reports_history_is_carried_into_the_new_results(tmp_path: Path):
    runs = tmp_path / "runs"
    (runs / "20261130-150000-aaaa" / "allure-report" / "history").mkdir(parents=True)
    (runs / "20261130-150000-aaaa" / "allure-report" / "history" / "history.json").write_text("{}", encoding="utf-8")
    (runs / "20261130-160000-bbbb").mkdir()
    current = runs / "20261130-170000-cccc"
    current.mkdir()

    target = carry_history(current)

    assert target == current / "allure-results" / "history"
    assert (target / "history.json").read_text(encoding="utf-8") == "{}"
    assert carry_history(runs / "20261130-150000-aaaa") is None


def test_a_mail_is_shown_decoded_with_its_headers_and_html_part(tmp_path: Path):
    mail = EmailMessage()
    mail["From"], mail["To"], mail["Subject"] = "Tulp <shop@tulp.example>", "anna@journeys.test", "Bestelling RS-1"
    mail.set_content("Totaal: € 349,00\n", cte="quoted-printable")
    mail.add_alternative("<p>Totaal: <b>€ 349,00</b></p>", subtype="html", cte="quoted-printable")
    path = tmp_path / "email-01-email.order_confirmation.eml"
    path.write_bytes(bytes(mail))
    assert b"=E2=82=AC" in path.read_bytes()  # as sent: unreadable to a person

    text, html = mail_parts(path)

    assert text == (
        "From: Tulp <shop@tulp.example>\nTo: anna@journeys.test\nSubject: Bestelling RS-1\n\nTotaal: € 349,00\n"
    )
    assert html == "<p>Totaal: <b>€ 349,00</b></p>\n"
