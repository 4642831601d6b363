"""Rules *refused* and *protected*: a door someone else got through, a page without its headers."""

from __future__ import annotations

from core_helpers import at

from journeys.core.ledger import Ledger
from journeys.core.rules.protection import PAGE_HEADERS, SECURITY_HEADERS, page_sent, protected, refused, tried

ALL_HEADERS = {
    "Content-Security-Policy": "default-src 'self'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def test_a_refused_try_passes(ledger: Ledger):
    tried(ledger, "guessed.password", at("web.login", 9), "Te veel mislukte inlogpogingen.", refused=True)
    assert refused(ledger, "guessed.password") == []


def test_a_try_let_through_names_touchpoint_answer_and_the_refusal_expected(ledger: Ledger):
    tried(ledger, "guessed.password", at("web.login", 9), "went on to /account", refused=False)
    [found] = refused(ledger, "guessed.password")
    assert found.name == "NotRefused"
    assert found.title == "web.login did not refuse guessed password"
    text = found.render()
    assert "web.login  let through: went on to /account   features/order/web_order.feature:9" in text
    assert "expected: refused" in text and "rule: refused(guessed.password)" in text


def test_one_try_let_through_among_refused_ones_fails_and_only_it_is_listed(ledger: Ledger):
    tried(ledger, "form.from_another_site", at("chat.conversation", 3), "403 komt niet van onze site", refused=True)
    tried(ledger, "form.from_another_site", at("returns.portal", 4), "went on to /returns", refused=False)
    [found] = refused(ledger, "form.from_another_site")
    assert [o.where.touchpoint for o in found.observations] == ["returns.portal"]


def test_an_answer_that_merely_mentions_a_refusal_is_not_one(ledger: Ledger):
    tried(ledger, "chosen.password", at("web.checkout", 5), "refused: nothing, order placed", refused=False)
    assert refused(ledger, "chosen.password")[0].name == "NotRefused"


def test_no_try_at_all_is_nothing_to_compare(ledger: Ledger):
    tried(ledger, "old.session", at("web.account", 7), "sent to /login", refused=True)
    [found] = refused(ledger, "guessed.password")
    assert found.name == "NothingToCompare" and "nobody tried guessed password" in found.title


def test_a_page_with_every_header_is_protected(ledger: Ledger):
    page_sent(ledger, at("web.product", 11), {name.lower(): value for name, value in ALL_HEADERS.items()})
    assert ledger.latest(PAGE_HEADERS).raw == ", ".join(SECURITY_HEADERS)
    assert protected(ledger) == []


def test_pages_without_headers_are_named_with_what_they_lacked(ledger: Ledger):
    page_sent(ledger, at("web.product", 11), ALL_HEADERS)
    page_sent(ledger, at("web.checkout", 11), {"Content-Type": "text/html"})
    page_sent(ledger, at("web.account", 11), {**ALL_HEADERS, "Referrer-Policy": ""})
    [found] = protected(ledger)
    assert found.name == "UnprotectedPage"
    assert [o.where.touchpoint for o in found.observations] == ["web.checkout", "web.account"]
    assert found.title == (
        "web.checkout, web.account came without Content-Security-Policy, X-Frame-Options,"
        " X-Content-Type-Options, Referrer-Policy"
    )
    text = found.render()
    assert "web.checkout  none" in text
    assert "expected: Content-Security-Policy, X-Frame-Options, X-Content-Type-Options, Referrer-Policy" in text


def test_a_header_with_a_value_browsers_ignore_does_not_protect(ledger: Ledger):
    page_sent(ledger, at("web.product", 11), {**ALL_HEADERS, "X-Content-Type-Options": "sniff-away"})
    [found] = protected(ledger)
    assert found.title == "web.product came without X-Content-Type-Options"


def test_no_page_recorded_is_nothing_to_compare(ledger: Ledger):
    [found] = protected(ledger)
    assert found.name == "NothingToCompare"
