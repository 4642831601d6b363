"""A Dutch journey's findings in Dutch: the rules' words change, their touchpoints, values and lines do not."""

from __future__ import annotations

from datetime import timedelta

import pytest
from core_helpers import MONDAY, at

from journeys.core import rules
from journeys.core.ledger import Ledger
from journeys.core.promise_records import PromiseCheck
from journeys.core.rules.fact_kinds import say_facts, stop_saying
from journeys.core.rules.own_data import OTHER
from journeys.core.rules.protection import page_sent, protected, refused, tried
from journeys.errors import JourneyFailed
from journeys.journey.journey import declared_words
from journeys.messages import speak, stop_speaking
from journeys.values import Unreadable, read_value

FEATURE = "features/order/webbestelling.feature"
ENGLISH = "features/order/web_order.feature"


@pytest.fixture
def dutch():
    """What a Journey of a ``# language: nl`` feature sets: Dutch messages, Dutch fact words."""
    language, titles = speak("nl"), say_facts(declared_words([], "nl"))
    yield
    stop_saying(titles)
    stop_speaking(language)


def money(ledger, touchpoint, raw, line, **kw):
    return ledger.observe("order.total", raw, kind="money", where=at(touchpoint, line, **kw))


def test_a_contradiction_is_told_in_dutch_with_the_same_values_and_lines(ledger, dutch):
    money(ledger, "web.checkout", "€ 329,00", 12)
    money(ledger, "email.order_confirmation", "€ 349,00", 15, evidence=("reports/evidence/anna-3/email-1.eml",))
    (violation,) = rules.agree(ledger, "order.total")
    assert violation.language == "nl"
    assert violation.render() == (
        "InconsistentFact: het totaalbedrag verschilt tussen de contactpunten\n"
        f"  web.checkout              € 329,00   {ENGLISH}:12\n"
        f"  email.order_confirmation  € 349,00   {ENGLISH}:15\n"
        "  regel: agree(order.total)   bewijs: reports/evidence/anna-3/email-1.eml"
    )


def test_the_odd_one_out_and_the_raw_text_in_dutch(ledger, dutch):
    for touchpoint, line in (("web.checkout", 12), ("web.order_confirmation", 13), ("app.order", 14)):
        money(ledger, touchpoint, "€ 329,00", line)
    money(ledger, "email.order_confirmation", "€349", 15)
    text = rules.agree(ledger, "order.total")[0].render()
    assert "€ 349,00  letterlijk '€349'" in text
    assert "<- wijkt af" in text
    assert "3 van de 4 contactpunten zeiden € 329,00" in text


def test_a_violation_read_back_from_its_ledger_is_rendered_in_its_own_language(ledger, dutch):
    money(ledger, "web.checkout", "€ 329,00", 12)
    ledger.add(rules.agree(ledger, "order.total"))
    text = ledger.to_json()
    stop = speak("en")  # a report made later, in a process that speaks English
    try:
        (again,) = Ledger.from_json(text).violations
    finally:
        stop_speaking(stop)
    assert again.language == "nl"
    assert again.render().startswith("NothingToCompare: het totaalbedrag stond op maar één contactpunt")
    assert "bezoek eerst nog een contactpunt dat het totaalbedrag toont" in again.render()


def test_an_english_violation_stays_english_when_read_in_a_dutch_context(ledger):
    money(ledger, "web.checkout", "€ 329,00", 12)
    ledger.add(rules.agree(ledger, "order.total"))
    token = speak("nl")
    try:
        (again,) = Ledger.from_json(ledger.to_json()).violations
        assert again.render().startswith("NothingToCompare: order total was shown at only one touchpoint")
    finally:
        stop_speaking(token)


def test_what_a_touchpoint_did_not_show_or_showed_unreadably(ledger, dutch):
    ledger.observe("order.total", None, kind="money", where=at("email.order_confirmation", 15))
    ledger.observe("delivery.date", "Funday", kind="date", where=at("web.checkout", 12))
    assert ledger.observations[0].problem == "het totaalbedrag ontbreekt bij email.order_confirmation"
    assert ledger.observations[1].problem == "'Funday' bij web.checkout is geen leesbare datum"
    assert str(Unreadable("date", "Funday")) == "could not read a date from 'Funday'"  # the exception's own


def test_asked_twice_names_what_in_the_writers_words(ledger, dutch):
    ledger.gave("order_number", "RS-10001", "chat.widget", at("chat.widget", 22))
    ledger.logged_in("web.login", at("web.login", 25))
    ledger.asked("order_number", "returns.portal", at("returns.portal", 30))
    (violation,) = rules.not_asked_twice(ledger)
    text = violation.render()
    assert text.startswith("AskedTwice: bij returns.portal opnieuw gevraagd naar haar bestelnummer\n")
    assert "opnieuw gevraagd naar haar bestelnummer, terwijl ze ingelogd was" in text
    assert "de klant gaf het al eerder bij chat.widget" in text
    assert "RS-10001" in text and f"{ENGLISH}:22" in text and f"{ENGLISH}:30" in text


def test_a_broken_promise_in_dutch(ledger, dutch):
    check = PromiseCheck("app.order", "delivery.date", "not_after", {})
    promise = ledger.promise(
        "delivery.date",
        "morgen",
        kind="date",
        due=MONDAY + timedelta(days=1, hours=14),
        check=check,
        where=at("web.product", 8),
    )
    shown = ledger.observe("delivery.date", "woensdag 25 november 2026", kind="date", where=at("app.order", 20))
    (violation,) = rules.promise_kept(promise, shown, MONDAY + timedelta(days=3))
    text = violation.render()
    assert text.startswith("BrokenPromise: de bezorgdatum, beloofd bij web.product, is niet nagekomen\n")
    assert "beloofd bij web.product, uiterlijk 2026-11-25 00:00 (wo), nagekeken bij app.order (not_after)" in text
    assert "app.order toont 2026-11-25 (wo), later dan de beloofde 2026-11-24 (di)" in text  # Dutch days too
    assert promise.verdict == "gebroken: app.order toont 2026-11-25 (wo), later dan de beloofde 2026-11-24 (di)"


def test_a_privacy_breach_and_a_door_nobody_tried(ledger, dutch):
    (nobody,) = rules.kept_private(ledger)
    assert nobody.title == "niemand anders probeerde ook maar één contactpunt: niets om haar privacy mee te toetsen"
    assert "'een andere klant haar bestelling opzoekt in de app'" in nobody.detail
    ledger.observe("order.number", "RS-10001", kind="order_ref", where=at("app.order", 30), about=OTHER)
    (breach,) = rules.kept_private(ledger)
    assert breach.title == "een andere klant kreeg haar bestelnummer te zien bij app.order"


def test_a_mail_that_should_not_have_come(dutch):
    (violation,) = rules.not_sent("email.shipping_notice", "ze de bestelling annuleerde", ())
    assert violation.title == "email.shipping_notice kwam toch, terwijl ze de bestelling annuleerde"
    assert violation.detail == "deze mail had ze niet mogen krijgen, omdat ze de bestelling annuleerde"


def test_matches_shows_and_known_at_in_dutch(ledger, dutch):
    money(ledger, "web.checkout", "€ 329,00", 12)
    ledger.observe("refund.amount", "€ 300,00", kind="money", where=at("returns.confirmation", 40))
    (refund,) = rules.matches(ledger, "refund.amount", "order.total")
    assert refund.title == "het retourbedrag wijkt af van wat haar eerst als totaalbedrag werd genoemd"
    assert refund.detail == "verwacht: € 329,00 (het totaalbedrag bij web.checkout)"
    (shows,) = rules.shows(
        ledger, "web.checkout", "order.total", read_value("money", "€ 300,00", seen_at=MONDAY), "money"
    )
    assert shows.title == "het totaalbedrag bij web.checkout is niet € 300,00"
    assert shows.detail == "verwacht: € 300,00"
    ledger.gave("email", "anna@journeys.test", "web.checkout", at("web.checkout", 12))
    ledger.observe("email", "bob@journeys.test", kind="text", where=at("agent.customer", 50))
    (known,) = rules.known_at(ledger, "agent.customer", "email")
    assert known.title == "haar e-mailadres bij agent.customer wijkt af van wat het bedrijf weet"
    assert known.detail == "bekend: anna@journeys.test (van web.checkout)"


def test_a_slow_touchpoint_and_a_door_that_let_someone_through(ledger, dutch):
    ledger.visited("web.checkout", "web", MONDAY, 9.5)
    (slow,) = rules.answered_within(ledger, "web", 3)
    assert slow.title == "web liet de klant langer dan 3 s wachten"
    assert slow.detail == "web.checkout  antwoordde na 9.5 s  (ma 23 nov 10:00)"
    tried(ledger, "guessed.password", at("web.login", 60), "Welkom terug", refused=False)
    (through,) = refused(ledger, "guessed.password")
    assert through.title == "web.login weigerde het raden van haar wachtwoord niet"
    assert through.detail == "verwacht: geweigerd"
    page_sent(ledger, at("web.home", 61), {})
    (bare,) = protected(ledger)
    assert bare.title.startswith("web.home kwam zonder Content-Security-Policy, X-Frame-Options")


def test_the_journeys_verdict_counts_in_dutch(ledger, dutch):
    money(ledger, "web.checkout", "€ 329,00", 12)
    money(ledger, "app.order", "€ 349,00", 14)
    ledger.add(rules.agree(ledger, "order.total"))
    assert str(JourneyFailed(ledger.violations)).startswith("1 overtreding in deze klantreis:\n\nInconsistentFact: ")
    failed = JourneyFailed(ledger.violations * 2, cause=ValueError("kapot"))
    assert str(failed).startswith(
        "ValueError: kapot\n\nVóór die stap vonden de regels 2 overtredingen in deze klantreis:"
    )


def test_a_mails_parts_that_disagree_and_a_touchpoint_that_did_not_show_a_fact(dutch):
    from journeys.channels.base import describe_missing
    from journeys.journey.mail_parts import part_violations
    from journeys.systems.fact_reader import FactReader
    from journeys.systems.touchpoint_map import Touchpoint

    reader = FactReader("order.total", "money", regex=r"Totaal: (.+)", line=40)
    mail = Touchpoint("email.order_confirmation", "email", facts={"order.total": reader}, file="refshop.yaml")
    where = at("email.order_confirmation", 15)
    (violation,) = part_violations(mail, {"order.total": {"text": "€ 329,00", "html": None}}, where)
    assert violation.title == "het totaalbedrag verschilt tussen de delen van de mail bij email.order_confirmation"
    assert "uit allebei gelezen omdat refshop.yaml:40 geen `part:` noemt" in violation.detail
    rows = [(o.where.touchpoint, o.problem) for o in violation.observations]
    assert rows == [
        ("email.order_confirmation (tekstdeel)", None),
        ("email.order_confirmation (HTML-deel)", "niet in het HTML-deel"),
    ]
    missing = describe_missing(mail, reader, "mailto:anna@journeys.test", evidence="evidence/a/email-1.eml")
    assert missing == (
        "email.order_confirmation: order.total niet gevonden: niets past bij regex 'Totaal: (.+)' in de mail op"
        " mailto:anna@journeys.test (bewijs: evidence/a/email-1.eml). Het systeem toont het niet meer, of de"
        " lezer op refshop.yaml:40 is verouderd."
    )


def test_offers_on_a_login_page_say_in_dutch_what_the_page_showed_instead(ledger, dutch):
    from journeys.channels.base import describe_missing
    from journeys.systems.fact_reader import FactReader
    from journeys.systems.touchpoint_map import Touchpoint

    reader = FactReader("recommendations.segment", "text", css=".offer", many=True, line=60)
    account = Touchpoint("web.account", "web", facts={reader.fact: reader}, file="refshop.yaml")
    shot = "reports/evidence/a/web-3.png"
    problem = describe_missing(account, reader, "http://127.0.0.1:5000/login?next=%2Faccount", evidence=shot)
    ledger.observe(reader.fact, None, kind="text", where=at("web.account", 9), missing=problem)
    (violation,) = rules.suits(ledger, reader.fact, "student")
    assert violation.title == (
        "recommendations segment ontbreekt bij web.account: geen aanbiedingen om met een student te vergelijken"
    )
    assert violation.detail == (
        "web.account toonde in plaats daarvan: http://127.0.0.1:5000/login?next=%2Faccount"
        " (schermafbeelding: reports/evidence/a/web-3.png)"
    )
