"""Rules answered within, suits, shown and shows, with fake touchpoints."""

from __future__ import annotations

from datetime import date

import pytest
from core_helpers import MONDAY, at

from journeys.core.customer import Customer
from journeys.core.ledger import Ledger
from journeys.core.rules import answered_within, shown, shows, suits
from journeys.errors import RuleConfigError


def test_a_slow_touchpoint_is_named_with_its_wait(ledger: Ledger):
    ledger.visited("returns.portal", "web", MONDAY, 0.4)
    ledger.visited("returns.quote", "web", MONDAY, 2.6)
    ledger.visited("web.checkout", "web", MONDAY, 9.0)  # not a returns page

    [violation] = answered_within(ledger, "returns", 2)

    assert violation.render() == (
        "SlowTouchpoint: returns kept the customer waiting longer than 2 s\n"
        "  returns.quote  answered after 2.6 s  (Mon 23 Nov 10:00)\n"
        "  rule: answered_within(returns)"
    )
    assert answered_within(ledger, "returns", 3) == []


def test_offers_meant_for_others_are_named(ledger: Ledger):
    ledger.observe("recommendations.segment", "student, , business", kind="text", where=at("web.account", 9))
    [violation] = suits(ledger, "recommendations.segment", "student")
    assert "IrrelevantOffer: offers at web.account are meant for others than a student" in violation.render()
    assert "meant for: business" in violation.render()

    ledger.observe("recommendations.segment", "student, ", kind="text", where=at("web.account", 11))
    assert suits(ledger, "recommendations.segment", "student") == []


def test_suits_without_an_observation_is_a_configuration_error(ledger: Ledger):
    with pytest.raises(RuleConfigError, match="suits.*recommendations.segment"):
        suits(ledger, "recommendations.segment", "student")


def test_a_fact_not_shown_says_what_happened_instead(ledger: Ledger):
    ledger.observe("apology", None, kind="text", where=at("email.replacement", 14))
    [violation] = shown(ledger, "email.replacement", "apology", why="no mail with that subject arrived")
    text = violation.render()
    assert text.startswith("Missing: apology not shown at email.replacement")
    assert "no mail with that subject arrived" in text

    ledger.observe("apology", "Sorry!", kind="text", where=at("email.replacement", 15))
    assert shown(ledger, "email.replacement", "apology") == []


def test_shows_compares_typed_values(ledger: Ledger):
    ledger.observe("delivery.date", "woensdag 25 november 2026", kind="date", where=at("web.order_confirmation", 8))
    assert shows(ledger, "web.order_confirmation", "delivery.date", date(2026, 11, 25), "date") == []
    [violation] = shows(ledger, "web.order_confirmation", "delivery.date", date(2026, 11, 26), "date")
    assert "UnexpectedFact: delivery date at web.order_confirmation is not 2026-11-26" in violation.render()


def test_a_customer_comes_back_from_a_ledger_without_her_password():
    customer = Customer.create(3, segment="student", index=2, run_id="r", worker="gw1")
    again = Customer.from_dict(customer.to_dict())
    assert again.to_dict() == customer.to_dict()
    assert again.password == ""


def test_a_channel_can_say_more_about_a_fact_not_shown(ledger: Ledger):
    plain = ledger.observe("order.total", None, kind="money", where=at("web.checkout", 8))
    told = ledger.observe(
        "order.total",
        None,
        kind="money",
        where=at("web.checkout", 9),
        missing="web.checkout: order.total not found: nothing matches [data-testid=total]",
    )
    assert plain.problem == "order total not shown at web.checkout"
    assert told.problem == "web.checkout: order.total not found: nothing matches [data-testid=total]"


def test_a_long_problem_does_not_push_the_other_rows_apart(ledger: Ledger):
    from journeys.core.rules import agree

    ledger.observe("order.total", "€ 329,00", kind="money", where=at("web.checkout", 8))
    ledger.observe("order.total", "€ 349,00", kind="money", where=at("email.order_confirmation", 9))
    ledger.observe("order.total", None, kind="money", where=at("app.order", 10), missing="x" * 200)
    [violation] = agree(ledger, "order.total")
    first_row = violation.render().splitlines()[1]
    assert first_row.endswith("features/order/web_order.feature:8")
    assert len(first_row) < 130
