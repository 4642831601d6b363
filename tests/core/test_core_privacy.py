"""Rule *kept private*: nothing of hers is shown to another customer; no attempt proves nothing."""

from __future__ import annotations

from core_helpers import at

from journeys.core.ledger import Ledger
from journeys.core.rules.own_data import OTHER, kept_private, refused


def ledger() -> Ledger:
    return Ledger({"name": "Anna"}, 1, "shop")


def test_no_attempt_by_anyone_else_is_nothing_to_compare():
    [found] = kept_private(ledger())
    assert found.name == "NothingToCompare" and "nothing to check her privacy with" in found.title


def test_a_refused_attempt_keeps_her_private():
    journey = ledger()
    refused(journey, at("app.order", 7), "404 not found")
    assert kept_private(journey) == []
    assert kept_private(journey, "app.order") == []


def test_her_order_shown_to_another_customer_is_a_breach_naming_fact_and_touchpoint():
    journey = ledger()
    journey.observe("order.total", "€ 329,00", kind="money", where=at("app.order", 7), about=OTHER)
    journey.observe("order.total", "€ 329,00", kind="money", where=at("web.order_confirmation", 5))
    [breach] = kept_private(journey)
    assert breach.name == "PrivacyBreach"
    assert breach.title == "another customer was shown her order total at app.order"
    assert [o.where.touchpoint for o in breach.observations] == ["app.order"]


def test_an_attempt_at_another_touchpoint_does_not_count_for_this_one():
    journey = ledger()
    refused(journey, at("app.order", 7), "404")
    [found] = kept_private(journey, "store.order")
    assert found.name == "NothingToCompare"
