"""The ledger: recording with provenance, problems instead of exceptions, JSON round trip."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from core_helpers import MONDAY, at

from journeys.core import rules
from journeys.core.ledger import Ledger
from journeys.core.promise_records import PromiseCheck
from journeys.core.records import Observation
from journeys.values import Address, DateRange, Money, OrderRef, Status

VOCABULARY = {"Onderweg": "shipped"}


def test_observe_reads_the_raw_text_into_a_value(ledger):
    seen = ledger.observe("order.total", "€ 329,00", kind="money", where=at("web.checkout", 12))
    assert seen.value == Money(Decimal("329.00"))
    assert seen.readable and seen.problem is None and seen.touchpoint == "web.checkout"
    assert ledger.observations == [seen]


def test_relative_dates_are_read_against_the_clock_of_the_touchpoint(ledger):
    tuesday = MONDAY + timedelta(days=1)
    seen = ledger.observe("delivery.date", "morgen", kind="date", where=at("web.product", seen_at=tuesday))
    assert seen.value == date(2026, 11, 25)


def test_unreadable_text_is_a_problem_not_an_exception(ledger):
    seen = ledger.observe("delivery.date", "binnenkort", kind="date", where=at("web.checkout", 12))
    assert seen.value is None and not seen.readable
    assert seen.problem == "could not read a date from 'binnenkort' at web.checkout"


def test_a_fact_not_shown(ledger):
    seen = ledger.observe("order.total", None, kind="money", where=at("email.order_confirmation"))
    assert seen.problem == "order total not shown at email.order_confirmation"


def test_observations_of_a_fact_per_about_and_touchpoint(ledger):
    first = ledger.observe("order.total", "€ 10,00", kind="money", where=at("web.checkout"), about="RS-1")
    second = ledger.observe("order.total", "€ 20,00", kind="money", where=at("app.order"), about="RS-2")
    third = ledger.observe("order.total", "€ 10,00", kind="money", where=at("app.order"), about="RS-1")
    assert ledger.observations_of("order.total") == [first, second, third]
    assert ledger.observations_of("order.total", "RS-1") == [first, third]
    assert ledger.observations_of("order.total", touchpoint="app.order") == [second, third]
    assert ledger.latest("order.total") is third
    assert ledger.latest("order.total", "RS-2") is second
    assert ledger.latest("order.number") is None
    assert ledger.observations_of("nothing") == []


def test_everything_is_numbered_in_the_order_it_happened(ledger):
    where = at("web.checkout")
    ledger.asked("email", "web.checkout", where)
    ledger.gave("email", "anna@journeys.test", "web.checkout", where)
    ledger.visited("web.checkout", "web", MONDAY, 0.4)
    ledger.observe("order.total", "€ 1,00", kind="money", where=where)
    kinds = [type(event).__name__ for event in ledger.events]
    assert kinds == ["Question", "Input", "Visit", "Observation"]
    assert [event.seq for event in ledger.events] == [1, 2, 3, 4]


def test_a_violation_is_added_once(ledger):
    ledger.observe("order.total", "€ 329,00", kind="money", where=at("web.checkout", 12))
    ledger.observe("order.total", "€ 349,00", kind="money", where=at("email.order_confirmation", 15))
    ledger.add(rules.agree(ledger, "order.total"))
    ledger.add(rules.agree(ledger, "order.total"))
    assert len(ledger.violations) == 1


def test_a_promise_check_says_what_it_expects():
    with pytest.raises(ValueError, match="expects 'equals', 'not_after' or 'present', not 'soon'"):
        PromiseCheck("app.order", "delivery.date", "soon")  # type: ignore[arg-type]


def test_unreadable_promises_keep_their_problem(ledger):
    check = PromiseCheck("app.order", "delivery.date", "not_after")
    unreadable = ledger.promise("delivery.date", "ooit", kind="date", due=MONDAY, check=check, where=at("web.product"))
    missing = ledger.promise("delivery.date", None, kind="date", due=MONDAY, check=check, where=at("web.product"))
    assert unreadable.value is None and unreadable.verdict == "could not read a date from 'ooit' at web.product"
    assert missing.verdict == "delivery date not shown at web.product"
    assert (unreadable.id, missing.id) == ("p1", "p2")


def full_ledger() -> Ledger:
    ledger = Ledger({"name": "Anna", "birthdate": date(1990, 5, 1)}, 42, "refshop")
    evidence = ("evidence/anna-1/web-1.png",)
    ledger.visited("web.checkout", "web", MONDAY, 1.25)
    ledger.observe("order.total", "€ 329,00", kind="money", where=at("web.checkout", 12, evidence=evidence))
    ledger.observe("order.total", "€ 349,00", kind="money", where=at("email.order_confirmation", 15))
    ledger.observe("delivery.date", "morgen", kind="date", where=at("web.product", 8))
    ledger.observe("delivery.date", "binnen 2 werkdagen", kind="date", where=at("app.order", 20))
    ledger.observe("delivery.date", "nooit", kind="date", where=at("email.order_confirmation", 15))
    ledger.observe("order.number", "#rs 10001", kind="order_ref", where=at("web.order_confirmation"))
    ledger.observe("order.status", "Onderweg", kind="status", where=at("app.order"), vocabulary=VOCABULARY)
    ledger.observe(
        "delivery.address",
        "Kerkstraat 12, 1234 AB Amsterdam",
        kind="address",
        where=at("app.order"),
    )
    ledger.observe("order.lines", "2 items", kind="count", where=at("app.order"))
    ledger.observe("customer.name", "Anna", kind="name", where=at("agent.console"), about="case-7")
    ledger.observe("refund.amount", None, kind="money", where=at("email.refund"))
    ledger.gave("order.number", OrderRef("RS-10001"), "chat.widget", at("chat.widget"))
    ledger.gave(
        "address",
        {"street": "Kerkstraat 12", "since": date(2020, 1, 1)},
        "web.checkout",
        at("web.checkout"),
    )
    ledger.logged_in("returns.portal", at("returns.portal", 29))
    ledger.asked("order.number", "returns.portal", at("returns.portal", 30))
    check = PromiseCheck("app.order", "delivery.date", "not_after", {"status": "delivered"})
    promise = ledger.promise(
        "delivery.date",
        "morgen",
        kind="date",
        due=MONDAY + timedelta(days=1, hours=14),
        check=check,
        where=at("web.product", 8),
    )
    promise.status, promise.verdict = "broken", "broken: app.order shows later"
    ledger.add(rules.agree(ledger, "order.total"))
    ledger.add(rules.agree(ledger, "delivery.date"))
    return ledger


def test_the_whole_ledger_round_trips_through_json():
    ledger = full_ledger()
    text = ledger.to_json()
    back = Ledger.from_json(text)
    assert back.to_dict() == ledger.to_dict()
    assert json.loads(back.to_json()) == json.loads(text)
    values = {o.fact: o.value for o in back.observations}
    assert values["order.total"] == Money(Decimal("349.00"))
    assert isinstance(values["order.number"], OrderRef) and values["order.number"].text == "RS-10001"
    assert values["order.status"] == Status("shipped") and values["order.status"].raw == "Onderweg"
    assert isinstance(values["delivery.address"], Address)
    assert values["order.lines"] == 2
    assert back.observations_of("delivery.date")[1].value == DateRange(date(2026, 11, 23), date(2026, 11, 25))
    assert back.observations[0].where.seen_at == MONDAY and back.observations[0].where.seen_at.tzinfo is not None
    assert back.inputs[0].value == OrderRef("RS-10001")
    assert back.inputs[1].value["since"] == date(2020, 1, 1)
    assert back.customer["birthdate"] == date(1990, 5, 1)
    assert back.promises[0].due == MONDAY + timedelta(days=1, hours=14)
    assert back.promises[0].check.params == {"status": "delivered"}
    assert [v.render() for v in back.violations] == [v.render() for v in ledger.violations]
    assert back.visits[0].waited_seconds == 1.25
    assert back.questions[0].identified is True
    assert back.logins == ledger.logins and back.identified


def test_a_read_ledger_goes_on_numbering_and_indexing():
    back = Ledger.from_dict(full_ledger().to_dict())
    later = back.observe("order.total", "€ 329,00", kind="money", where=at("app.order"))
    assert later.seq == max(event.seq for event in back.events)
    assert back.latest("order.total") is later
    assert isinstance(back.observations[0], Observation)


def test_a_ledger_from_a_newer_journeys_is_refused():
    data = full_ledger().to_dict()
    data["version"] = 99
    with pytest.raises(ValueError, match="ledger format 99 is newer"):
        Ledger.from_dict(data)


def test_seen_at_without_timezone_round_trips(ledger):
    ledger.observe(
        "order.total",
        "€ 1,00",
        kind="money",
        where=at("web.checkout", seen_at=datetime(2026, 1, 1, 9)),
    )
    back = Ledger.from_dict(ledger.to_dict())
    assert back.observations[0].where.seen_at == datetime(2026, 1, 1, 9)


def test_an_amount_without_currency_takes_the_one_given(ledger):
    seen = ledger.observe("order.total", "12.50", kind="money", where=at("app.order"), currency="GBP")
    assert seen.value == Money(Decimal("12.50"), "GBP")
