"""A Dutch journey is told of in Dutch, on the real shop: in the terminal, junit.xml, summary.md, the map, Allure."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

pytestmark = pytest.mark.e2e

DUTCH_FAULTS = """\
# language: nl
Functionaliteit: Wat er misgaat, in het Nederlands verteld

  Scenario: Het totaalbedrag verschilt, en daarna een bedrag dat nergens stond
    Gegeven een klant
    Als ze een "tablet-10" bestelt in de webwinkel
    En ze de orderbevestiging in haar mail leest
    Dan is elk contactpunt het eens over het totaalbedrag
    En kreeg ze te horen dat het retourbedrag € 329,00 is

  Scenario: De verzendbevestiging komt nooit
    Gegeven een klant
    En het is maandag 10:00
    Als ze een "laptop-pro" bestelt in de webwinkel
    En er 1 dag verstrijkt
    En ze de verzendbevestiging leest
"""

CONTRADICTION = "InconsistentFact: het totaalbedrag verschilt tussen de contactpunten"
NEVER_SHOWN = "nog geen enkel contactpunt toonde het retourbedrag: bezoek er eerst een"


def test_a_dutch_journeys_violations_and_step_errors_are_dutch_everywhere(run_journeys, tmp_path):
    feature = tmp_path / "fouten.feature"
    feature.write_text(DUTCH_FAULTS, encoding="utf-8")

    run = run_journeys(str(feature), faults=("email-total-stale", "no-track-trace-email"))

    assert run.exit_code == 1, run.output
    # The terminal: the step error first, in Dutch, at its feature line; the contradiction with both totals.
    assert "fouten.feature:9 (En kreeg ze te horen dat het retourbedrag € 329,00 is):" in run.output
    assert NEVER_SHOWN in run.output and CONTRADICTION in run.output
    assert "Vóór die stap vonden de regels 1 overtreding in deze klantreis" in run.output
    assert "disagrees" not in run.output and "violation in this journey" not in run.output

    cases = {c.get("name"): c for c in ET.parse(run.reports / "junit.xml").getroot().iter("testcase")}
    [contradiction] = [c for name, c in cases.items() if "totaalbedrag" in (name or "")]
    failure = contradiction.find("failure")
    assert failure is not None
    text = failure.text or ""
    assert CONTRADICTION in text and "€ 329,00" in text and "€ 349,00" in text
    assert "regel: agree(order.total)" in text and NEVER_SHOWN in text
    [mail] = [c for name, c in cases.items() if "verzendbevestiging" in (name or "")]
    mail_text = (mail.find("failure") if mail.find("failure") is not None else mail.find("error")).text or ""
    assert "MailNotReceived" in mail_text and "geen mail aan" in mail_text and "email.shipping_notice" in mail_text
    assert "no mail to" not in mail_text

    # summary.md: a row per contradiction, the reference and the odd one out, each with where ("bij").
    summary = (run.reports / "summary.md").read_text(encoding="utf-8")
    assert "`€ 329,00` bij web.checkout" in summary and "`€ 349,00` bij email.order_confirmation" in summary
    assert "| **MailNotReceived** | een mail bij email.shipping_notice | binnen 5 s kwam er geen |" in summary
    assert "no mail to" not in summary and "SMTP capture" not in summary

    page = (run.reports / "journey-map.html").read_text(encoding="utf-8")
    assert "het totaalbedrag verschilt tussen de contactpunten" in page
    assert '"missing":true' in page  # the shipping notice that never came: a missing box in the mail lane

    allure = [json.loads(p.read_text()) for p in (run.reports / "allure-results").glob("*-result.json")]
    messages = " ".join(r.get("statusDetails", {}).get("message", "") for r in allure)
    assert CONTRADICTION in messages and "geen mail aan" in messages
