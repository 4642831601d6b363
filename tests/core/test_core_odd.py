"""The odd one out: the reference value most touchpoints told (or the first told), and the dissenters."""

from __future__ import annotations

from core_helpers import at

from journeys.core import rules
from journeys.core.rules.odd import split
from journeys.core.rules.violation import Violation


def money(ledger, touchpoint, raw, line=None):
    return ledger.observe("order.total", raw, kind="money", where=at(touchpoint, line))


def test_three_against_one_makes_the_one_the_odd_one_out(ledger):
    for touchpoint in ("web.checkout", "web.order_confirmation"):
        money(ledger, touchpoint, "€ 329,00", 8)
    money(ledger, "email.order_confirmation", "€ 349,00", 9)
    money(ledger, "app.order", "329.00", 10)
    (violation,) = rules.agree(ledger, "order.total")
    parts = split(violation)
    assert parts.majority and parts.expected == "€ 329,00"
    assert [o.where.touchpoint for o in parts.odd] == ["email.order_confirmation"]
    assert [o.where.touchpoint for o in parts.reference] == ["web.checkout", "web.order_confirmation", "app.order"]
    assert [(a.where.touchpoint, b.where.touchpoint) for a, b in parts.pairs] == [
        ("web.checkout", "email.order_confirmation")
    ]
    assert parts.why() == "3 of 4 touchpoints said € 329,00"
    rows = violation.render().splitlines()
    assert rows[3].endswith("<- differs") and "email.order_confirmation" in rows[3]
    assert not any(row.endswith("<- differs") for row in rows[1:3] + rows[4:5])


def test_without_a_majority_the_first_told_is_the_reference(ledger):
    money(ledger, "web.checkout", "€ 329,00", 8)
    money(ledger, "email.order_confirmation", "€ 349,00", 9)
    money(ledger, "app.order", "€ 339,00", 10)
    parts = split(rules.agree(ledger, "order.total")[0])
    assert not parts.majority and parts.expected == "€ 329,00"
    assert [o.where.touchpoint for o in parts.odd] == ["email.order_confirmation", "app.order"]
    assert len(parts.pairs) == 2
    assert "first told" in parts.why()


def test_a_touchpoint_that_showed_nothing_is_the_odd_one_where_the_others_agree(ledger):
    money(ledger, "web.checkout", "€ 329,00", 8)
    money(ledger, "email.order_confirmation", None, 9)
    parts = split(rules.agree(ledger, "order.total")[0])
    assert parts.expected == "€ 329,00"
    assert [o.where.touchpoint for o in parts.odd] == ["email.order_confirmation"]


def test_a_violation_about_one_touchpoint_has_no_reference_but_what_was_expected(ledger):
    seen = money(ledger, "app.order", "€ 349,00", 10)
    violation = Violation("shows", "order.total", "not as expected", (seen,), "expected: € 329,00")
    parts = split(violation)
    assert parts.reference == () and parts.odd == (seen,)
    assert parts.expected == "€ 329,00" and parts.why() == ""
    assert split(Violation("shows", "order.total", "t", (seen,))).expected == ""
