"""The effort score of a journey, part by part."""

from __future__ import annotations

from core_helpers import MONDAY, at

from journeys.core.effort import WEIGHTS, Effort, effort
from journeys.core.promise_records import PromiseCheck


def test_an_empty_journey_costs_nothing(ledger):
    assert effort(ledger) == Effort(0, 0, 0, 0.0, 0, 0.0)


def test_every_part_counts_with_its_weight(ledger):
    for touchpoint, channel, waited in (
        ("web.product", "web", 1.5),
        ("web.checkout", "web", 2.0),
        ("email.order_confirmation", "email", 0.0),
        ("app.order", "api", 0.5),
        ("returns.portal", "web", 16.0),
    ):
        ledger.visited(touchpoint, channel, MONDAY, waited)
    ledger.gave("email", "anna@journeys.test", "web.checkout", at("web.checkout"))
    ledger.asked("email", "returns.portal", at("returns.portal"))
    ledger.asked("email", "chat.widget", at("chat.widget"))
    check = PromiseCheck("app.order", "delivery.date", "not_after")
    for status in ("broken", "kept", "pending"):
        promise = ledger.promise(
            "delivery.date", "morgen", kind="date", due=MONDAY, check=check, where=at("web.product")
        )
        promise.status = status
    result = effort(ledger)
    assert (
        result.touchpoints,
        result.channel_switches,
        result.repeated_questions,
        result.waiting_seconds,
        result.broken_promises,
    ) == (5, 3, 2, 20.0, 1)  # the guest's chat asked again too
    assert result.score == 5 * 1 + 3 * 3 + 2 * 5 + 2.0 + 1 * 8 == 34.0
    assert result.to_dict()["score"] == 34.0
    assert WEIGHTS["repeated_questions"] > WEIGHTS["channel_switches"] > WEIGHTS["touchpoints"]


def test_without_visits_the_touchpoints_that_showed_facts_count(ledger):
    ledger.observe("order.total", "€ 1,00", kind="money", where=at("web.checkout"))
    ledger.observe("order.number", "RS-10001", kind="order_ref", where=at("web.checkout"))
    ledger.observe("order.total", "€ 1,00", kind="money", where=at("email.order_confirmation"))
    ledger.observe("order.total", "€ 1,00", kind="money", where=at("app.order", channel="api"))
    result = effort(ledger)
    assert (result.touchpoints, result.channel_switches, result.score) == (3, 2, 9.0)


def test_the_example_in_docs_effort(ledger):
    for touchpoint, channel in (
        ("web.product", "web"),
        ("web.checkout", "web"),
        ("web.order_confirmation", "web"),
        ("email.order_confirmation", "email"),
        ("app.order", "api"),
    ):
        ledger.visited(touchpoint, channel, MONDAY, 0.0)
    ledger.gave("order.number", "RS-10001", "web.order_confirmation", at("web.order_confirmation"))
    calm = effort(ledger)
    ledger.visited("returns.portal", "web", MONDAY, 12.0)
    ledger.asked("order_number", "returns.portal", at("returns.portal"))
    assert effort(ledger).score == 21.2
    assert calm.score + 1 + 3 == 15.0  # the returns portal visit and its switch, without the rest


def test_a_page_read_right_after_the_click_that_led_there_is_one_touchpoint():
    from core_helpers import MONDAY

    from journeys.core.effort import effort
    from journeys.core.ledger import Ledger

    ledger = Ledger({"key": "anna"}, 1)
    ledger.visited("web.checkout", "web", MONDAY, 0.1)
    ledger.visited("web.order_confirmation", "web", MONDAY, 0.3)  # the click on "place order"
    ledger.visited("web.order_confirmation", "web", MONDAY, 0.05)  # the page it led to, read
    ledger.visited("email.order_confirmation", "email", MONDAY, 0.0)
    assert effort(ledger).touchpoints == 3
    ledger.visited("web.order_confirmation", "web", MONDAY, 0.3)  # back to the page later: a visit of its own
    assert effort(ledger).touchpoints == 4
