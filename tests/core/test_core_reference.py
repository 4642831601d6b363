"""Rule *matches*: the refund against the price she paid (one fact against another she was told first)."""

from __future__ import annotations

from core_helpers import at

from journeys.core import rules
from journeys.core.ledger import Ledger

FEATURE = "features/returns/return_refund.feature"


def told(ledger: Ledger, fact: str, touchpoint: str, raw: str | None, line: int):
    return ledger.observe(fact, raw, kind="money", where=at(touchpoint, line))


def test_a_refund_of_what_she_paid_everywhere_passes(ledger: Ledger):
    told(ledger, "order.total", "web.checkout", "€ 329,00", 8)
    told(ledger, "refund.amount", "returns.quote", "€ 329,00", 11)
    told(ledger, "refund.amount", "email.refund", "329.00 EUR", 17)
    assert rules.matches(ledger, "refund.amount", "order.total") == []


def test_a_refund_below_what_she_paid_names_where_she_paid_and_each_lower_refund(ledger: Ledger):
    told(ledger, "order.total", "web.checkout", "€ 329,00", 8)
    told(ledger, "order.total", "email.order_confirmation", "€ 349,00", 9)  # a later, different total is not hers
    told(ledger, "refund.amount", "returns.quote", "€ 309,00", 11)
    told(ledger, "refund.amount", "email.refund", "€ 309,00", 17)
    (violation,) = rules.matches(ledger, "refund.amount", "order.total")
    assert violation.name == "InconsistentFact"
    assert [o.where.touchpoint for o in violation.observations] == ["web.checkout", "returns.quote", "email.refund"]
    assert violation.title == "refund amount is not the order total she was told"
    assert "expected: € 329,00 (order.total at web.checkout)" in violation.render()


def test_an_unreadable_refund_is_named_beside_the_price(ledger: Ledger):
    told(ledger, "order.total", "web.checkout", "€ 329,00", 8)
    told(ledger, "refund.amount", "email.refund", None, 17)
    (violation,) = rules.matches(ledger, "refund.amount", "order.total")
    assert [o.where.touchpoint for o in violation.observations] == ["web.checkout", "email.refund"]


def test_no_price_told_is_nothing_to_compare_never_a_pass(ledger: Ledger):
    told(ledger, "refund.amount", "email.refund", "€ 329,00", 17)
    (no_price,) = rules.matches(ledger, "refund.amount", "order.total")
    assert no_price.name == "NothingToCompare"
    assert "no touchpoint showed order.total readably" in no_price.detail


def test_no_refund_shown_is_nothing_to_compare_never_a_pass(ledger: Ledger):
    told(ledger, "order.total", "web.checkout", "€ 329,00", 8)
    (no_refund,) = rules.matches(ledger, "refund.amount", "order.total")
    assert no_refund.name == "NothingToCompare"
    assert "no touchpoint showed refund.amount readably" in no_refund.detail


def test_a_list_that_holds_her_order_number_agrees_with_it(ledger: Ledger):
    where = "features/account/existing_account.feature"
    ledger.observe("order.number", "RS-10035", kind="order_ref", where=at("web.order_confirmation", 5))
    ledger.observe("order.number", "RS-10035, RS-10034", kind="order_ref", where=at("agent.customer", 6))
    assert rules.agree(ledger, "order.number") == []
    ledger.observe("order.number", "RS-20001, RS-20002", kind="order_ref", where=at("phone.order", 7))
    (violation,) = rules.agree(ledger, "order.number")
    assert [o.where.touchpoint for o in violation.observations][-1] == "phone.order", where
