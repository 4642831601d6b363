"""Every rule, on fake observations: a violating case and a clean one, asserted on the message."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from core_helpers import MONDAY, at

from journeys.core import rules
from journeys.core.promise_records import PromiseCheck
from journeys.errors import JourneyFailed, RuleConfigError

FEATURE = "features/order/web_order.feature"


def money(ledger, touchpoint, raw, line=None, **kw):
    return ledger.observe("order.total", raw, kind="money", where=at(touchpoint, line, **kw.pop("where", {})), **kw)


def day(
    ledger,
    touchpoint,
    raw,
    line=None,
    *,
    channel=None,
    evidence=(),
    seen_at=MONDAY,
    fact="delivery.date",
):
    return ledger.observe(
        fact,
        raw,
        kind="date",
        where=at(touchpoint, line, channel=channel, evidence=evidence, seen_at=seen_at),
    )


# -- agree -----------------------------------------------------------------------------------------


def test_agree_renders_the_house_style(ledger):
    money(ledger, "web.checkout", "€ 329,00", 12)
    money(
        ledger,
        "email.order_confirmation",
        "€ 349,00",
        15,
        where={"evidence": ("reports/evidence/anna-3/email-1.eml",)},
    )
    found = rules.agree(ledger, "order.total")
    assert [v.render() for v in found] == [
        "InconsistentFact: order total disagrees across touchpoints\n"
        f"  web.checkout              € 329,00   {FEATURE}:12\n"
        f"  email.order_confirmation  € 349,00   {FEATURE}:15\n"
        "  rule: agree(order.total)   evidence: reports/evidence/anna-3/email-1.eml"
    ]


def test_agree_is_quiet_when_every_touchpoint_agrees(ledger):
    money(ledger, "web.checkout", "€ 329,00", 12)
    money(ledger, "email.order_confirmation", "EUR 329.00", 15)
    money(ledger, "app.order", "329.00", 20)
    assert rules.agree(ledger, "order.total") == []


def test_agree_shows_raw_text_and_unreadable_observations_and_every_evidence(ledger):
    day(
        ledger,
        "web.product",
        "morgen",
        8,
        evidence=("evidence/a/web-1.png", "evidence/a/web-1.html"),
    )
    day(ledger, "app.order", "woensdag 25 november 2026", 20, evidence=("evidence/a/app-1.json",))
    day(ledger, "email.order_confirmation", "ooit", 15, evidence=("evidence/a/mail-1.eml",))
    (violation,) = rules.agree(ledger, "delivery.date")
    assert violation.render() == (
        "InconsistentFact: delivery date disagrees across touchpoints\n"
        f"  web.product               2026-11-24 (Tue)  raw 'morgen'                                  {FEATURE}:8\n"  # noqa: E501
        f"  app.order                 2026-11-25 (Wed)  raw 'woensdag 25 november 2026'               {FEATURE}:20   <- differs\n"  # noqa: E501
        f"  email.order_confirmation  could not read a date from 'ooit' at email.order_confirmation   {FEATURE}:15   <- differs\n"  # noqa: E501
        "  no majority: the first told, 2026-11-24 (Tue) at web.product, is the reference\n"
        "  rule: agree(delivery.date)   evidence: evidence/a/web-1.png\n"
        "                                         evidence/a/app-1.json\n"
        "                                         evidence/a/mail-1.eml"
    )


def test_a_date_agrees_with_a_range_that_holds_it(ledger):
    day(ledger, "web.product", "morgen", 8)
    day(ledger, "email.order_confirmation", "binnen 2 werkdagen", 15)
    assert rules.agree(ledger, "delivery.date") == []


def test_an_unreadable_observation_is_reported_even_when_the_others_agree(ledger):
    money(ledger, "web.checkout", "€ 329,00", 12)
    money(ledger, "app.order", "329.00")
    money(ledger, "email.order_confirmation", "€ drie", 15)
    (violation,) = rules.agree(ledger, "order.total")
    assert violation.render() == (
        "UnreadableFact: order total could not be read at email.order_confirmation\n"
        f"  web.checkout              € 329,00                                                                      {FEATURE}:12\n"  # noqa: E501
        "  app.order                 € 329,00  raw '329.00'\n"
        f"  email.order_confirmation  could not read an amount of money from '€ drie' at email.order_confirmation   {FEATURE}:15   <- differs\n"  # noqa: E501
        "  2 of 3 touchpoints said € 329,00\n"
        "  rule: agree(order.total)"
    )


def test_one_observation_is_nothing_to_compare_and_a_missing_one_is_missing(ledger):
    money(ledger, "web.checkout", "€ 329,00", 12)
    (alone,) = rules.agree(ledger, "order.total")
    assert alone.render().splitlines()[0] == (
        "NothingToCompare: order total was shown at only one touchpoint: nothing to compare"
    )
    money(ledger, "email.order_confirmation", None, 15)
    (violation,) = rules.agree(ledger, "order.total")
    assert violation.render().splitlines()[0] == "MissingFact: order total not shown at email.order_confirmation"
    assert "order total not shown at email.order_confirmation" in violation.render()
    (never,) = rules.agree(ledger, "order.number")
    assert never.title == "order number was shown at no touchpoint: nothing to compare"
    assert "shown at: none" in never.render()


def test_agree_checks_each_about_on_its_own(ledger):
    money(ledger, "web.checkout", "€ 10,00", about="RS-10001")
    money(ledger, "app.order", "€ 10,00", about="RS-10001")
    money(ledger, "web.checkout", "€ 20,00", about="RS-10002")
    money(ledger, "app.order", "€ 25,00", about="RS-10002")
    found = rules.agree(ledger, "order.total")
    assert [v.title for v in found] == ["order total (RS-10002) disagrees across touchpoints"]
    assert rules.agree(ledger, "order.total", about="RS-10001") == []
    one_each = rules.agree(ledger, "order.total", touchpoints={"web.checkout"})
    assert [v.title for v in one_each] == [
        "order total (RS-10001) was shown at only one touchpoint: nothing to compare",
        "order total (RS-10002) was shown at only one touchpoint: nothing to compare",
    ]


def test_agree_with_a_tolerance(ledger):
    money(ledger, "web.checkout", "€ 329,00")
    money(ledger, "app.order", "€ 329,01")
    assert len(rules.agree(ledger, "order.total")) == 1
    assert rules.agree(ledger, "order.total", tolerance=Decimal("0.01")) == []
    money(ledger, "email.order_confirmation", "£ 329,00")
    assert len(rules.agree(ledger, "order.total", tolerance=Decimal("1"))) == 1


def test_equality_kinds_and_names(ledger):
    for touchpoint, raw in (
        ("web.order_confirmation", "RS-10001"),
        ("email.order_confirmation", "rs 10001"),
    ):
        ledger.observe("order.number", raw, kind="order_ref", where=at(touchpoint))
    for touchpoint, raw in (("web.account", "Anna de Vries"), ("agent.console", "ANNA  DE VRIES")):
        ledger.observe("customer.name", raw, kind="name", where=at(touchpoint))
    assert rules.agree(ledger, "order.number") == rules.agree(ledger, "customer.name") == []
    ledger.observe("order.number", "RS-10002", kind="order_ref", where=at("app.order"))
    assert rules.agree(ledger, "order.number")[0].title == "order number disagrees across touchpoints"


# -- configuration mistakes raise ------------------------------------------------------------------


def test_a_fact_read_as_two_kinds_is_a_configuration_mistake(ledger):
    money(ledger, "web.checkout", "€ 329,00")
    ledger.observe("order.total", "€ 329,00", kind="text", where=at("app.order"))
    with pytest.raises(RuleConfigError) as caught:
        rules.agree(ledger, "order.total")
    assert str(caught.value) == (
        "agree(order.total): the fact is read as different kinds (money at web.checkout,"
        " text at app.order): give it one kind in the touchpoint map"
    )
    assert (caught.value.rule, caught.value.fact) == ("agree", "order.total")


def test_a_tolerance_on_a_kind_without_one(ledger):
    ledger.observe("delivery.promise", "morgen in huis", kind="text", where=at("web.product"))
    ledger.observe("delivery.promise", "morgen in huis", kind="text", where=at("store.pos", channel="store"))
    with pytest.raises(
        RuleConfigError,
        match=r"^channel_parity\(delivery.promise\): a tolerance applies to money"
        r" and count facts and delivery.promise is text: drop the tolerance$",
    ):
        rules.channel_parity(ledger, "delivery.promise", ("web", "store"), tolerance=Decimal("1"))
    with pytest.raises(RuleConfigError, match=r"^agree\(delivery.promise\): a tolerance"):
        rules.agree(ledger, "delivery.promise", tolerance=1)


# -- channel parity --------------------------------------------------------------------------------


def test_channel_parity_names_both_channels(ledger):
    day(ledger, "web.product", "morgen", 8, evidence=("evidence/a/web-1.png",))
    day(ledger, "store.pos", "over 2 weken", 40, channel="store")
    (violation,) = rules.channel_parity(ledger, "delivery.date", ("web", "store"))
    assert violation.render() == (
        "ChannelMismatch: delivery date differs between web and store\n"
        f"  web.product  2026-11-24 (Tue)  raw 'morgen'         {FEATURE}:8\n"
        f"  store.pos    2026-12-07 (Mon)  raw 'over 2 weken'   {FEATURE}:40\n"
        "  rule: channel_parity(delivery.date)   evidence: evidence/a/web-1.png"
    )


def test_channel_parity_clean_by_channel_or_touchpoint(ledger):
    day(ledger, "web.product", "morgen", 8)
    day(ledger, "store.pos", "dinsdag 24 november", 40, channel="store")
    day(ledger, "app.order", "morgen", 41)
    assert rules.channel_parity(ledger, "delivery.date", ("web", "store")) == []
    assert rules.channel_parity(ledger, "delivery.date", ("app.order", "store.pos")) == []


def test_channel_parity_within_a_side_and_unreadable(ledger):
    day(ledger, "web.product", "morgen")
    day(ledger, "web.checkout", "overmorgen")
    day(ledger, "store.pos", "morgen", channel="store")
    (violation,) = rules.channel_parity(ledger, "delivery.date", ("web", "store"))
    assert violation.title == "delivery date differs between web and store (and within a side)"
    day(ledger, "store.pos", "ooit", channel="store", fact="pickup.date")
    day(ledger, "web.product", "morgen", fact="pickup.date")
    (violation,) = rules.channel_parity(ledger, "pickup.date", ("web", "store"))
    assert violation.render().splitlines()[0] == (
        "UnreadableFact: pickup date could not be compared between web and store: nothing readable at store.pos"
    )


def test_channel_parity_without_one_side_is_a_test_mistake(ledger):
    day(ledger, "web.product", "morgen")
    with pytest.raises(RuleConfigError, match=r"no observation of delivery.date via 'store': visit a store"):
        rules.channel_parity(ledger, "delivery.date", ("web", "store"))


# -- not asked twice -------------------------------------------------------------------------------


def test_asked_again_while_logged_in(ledger):
    ledger.gave(
        "order.number",
        "RS-10001",
        "chat.widget",
        at("chat.widget", 22, evidence=("evidence/a/chat.png",)),
    )
    ledger.logged_in("returns.portal", at("returns.portal", 29))
    ledger.asked("order_number", "returns.portal", at("returns.portal", 30))
    (violation,) = rules.not_asked_twice(ledger)
    assert violation.render() == (
        "AskedTwice: order number asked again at returns.portal\n"
        f"  chat.widget     RS-10001                                       {FEATURE}:22\n"
        f"  returns.portal  asked again for order number while logged in   {FEATURE}:30\n"
        "  the customer gave it before at chat.widget\n"
        "  rule: not_asked_twice(order_number)   evidence: evidence/a/chat.png"
    )


def test_fair_questions(ledger):
    ledger.asked("email", "web.checkout", at("web.checkout"))
    ledger.gave("email", "anna@journeys.test", "web.checkout", at("web.checkout"))
    ledger.asked("order.number", "returns.portal", at("returns.portal"))  # never given
    assert rules.not_asked_twice(ledger) == []


def test_a_guest_asked_again_for_what_she_gave_is_asked_twice(ledger):
    # Not logged in anywhere: she typed her e-mail address at the checkout, the chat asks for it again.
    ledger.gave("email", "anna@journeys.test", "web.checkout", at("web.checkout", 12))
    ledger.asked("email", "chat.conversation", at("chat.conversation", 20, channel="chat"))
    (violation,) = rules.not_asked_twice(ledger)
    assert violation.title == "email asked again at chat.conversation"
    assert violation.observations[-1].problem == "asked again for email"


def test_not_asked_twice_within_a_scope(ledger):
    ledger.gave("email", "anna@journeys.test", "store.pos", at("store.pos", channel="store"))
    ledger.asked("email", "returns.portal", at("returns.portal"))
    assert len(rules.not_asked_twice(ledger)) == 1
    assert rules.not_asked_twice(ledger, scope={"web", "returns.portal"}) == []
    assert len(rules.not_asked_twice(ledger, scope={"store", "returns.portal"})) == 1


# -- known at --------------------------------------------------------------------------------------


def test_known_at_the_agent_console(ledger):
    ledger.observe("order.number", "RS-10001", kind="order_ref", where=at("web.order_confirmation", 13))
    ledger.observe(
        "order.number",
        "RS-10002, RS-10003",
        kind="order_ref",
        where=at("agent.console", 50, channel="agent", evidence=("evidence/a/agent-1.png",)),
    )
    (violation,) = rules.known_at(ledger, "agent.console", "order.number")
    assert violation.render() == (
        "NotKnown: order number not known at agent.console\n"
        f"  web.order_confirmation  RS-10001                                                                       {FEATURE}:13\n"  # noqa: E501
        f"  agent.console           could not read an order reference from 'RS-10002, RS-10003' at agent.console   {FEATURE}:50\n"  # noqa: E501
        "  known: RS-10001 (from web.order_confirmation)\n"
        "  rule: known_at(order.number)   evidence: evidence/a/agent-1.png"
    )


def test_known_at_finds_the_order_in_a_list(ledger):
    ledger.gave("order.number", "rs 10001", "chat.widget", at("chat.widget"))
    ledger.observe(
        "order.number",
        "RS-10002, (geannuleerd), RS-10001",
        kind="order_ref",
        where=at("agent.console"),
    )
    assert rules.known_at(ledger, "agent.console", "order.number") == []


def test_known_at_a_different_value(ledger):
    ledger.observe("complaint.case", "Zaak 17", kind="text", where=at("chat.widget", 22))
    ledger.observe("complaint.case", "Zaak 18", kind="text", where=at("agent.console", 50))
    (violation,) = rules.known_at(ledger, "agent.console", "complaint.case")
    assert violation.title == "complaint case at agent.console differs from what the company knows"
    assert violation.detail == "known: Zaak 17 (from chat.widget)"


def test_known_at_with_nothing_known_or_known_later_is_nothing_to_compare(ledger):
    ledger.observe("order.number", None, kind="order_ref", where=at("agent.console"))
    ledger.observe("order.number", "RS-10001", kind="order_ref", where=at("web.order_confirmation"))
    (violation,) = rules.known_at(ledger, "agent.console", "order.number")
    assert violation.render().splitlines()[0] == (
        "NothingToCompare: nothing was known of order number before agent.console showed it: nothing to compare"
    )


def test_known_at_a_touchpoint_never_visited_is_a_test_mistake(ledger):
    with pytest.raises(
        RuleConfigError,
        match=r"^known_at\(order.number\): no observation of order.number at"
        r" agent.console: visit agent.console first",
    ):
        rules.known_at(ledger, "agent.console", "order.number")


def test_known_at_skips_what_the_customer_typed_that_is_no_value(ledger):
    ledger.gave("order.number", "ik weet het niet", "chat.widget", at("chat.widget"))
    ledger.observe("order.number", "RS-10001", kind="order_ref", where=at("agent.console"))
    (violation,) = rules.known_at(ledger, "agent.console", "order.number")
    assert violation.name == "NothingToCompare"


# -- promise kept ----------------------------------------------------------------------------------


def promised(
    ledger,
    raw="morgen",
    expect="not_after",
    *,
    kind="date",
    fact="delivery.date",
    params=None,
    check_fact=None,
):
    check = PromiseCheck("app.order", check_fact or fact, expect, params or {})
    return ledger.promise(
        fact,
        raw,
        kind=kind,
        due=MONDAY + timedelta(days=1, hours=14),
        check=check,
        where=at("web.product", 8),
    )


LATER = MONDAY + timedelta(days=3)


def test_a_broken_delivery_promise(ledger):
    promise = promised(ledger)
    shown = day(ledger, "app.order", "woensdag 25 november 2026", 20, evidence=("evidence/a/app-2.json",))
    assert rules.due_promises(ledger, LATER) == [promise]
    (violation,) = rules.promise_kept(promise, shown, LATER)
    assert (
        str(violation)
        == violation.render()
        == (
            "BrokenPromise: delivery date promised at web.product was not kept\n"
            f"  web.product  2026-11-24 (Tue)  raw 'morgen'                      {FEATURE}:8\n"
            f"  app.order    2026-11-25 (Wed)  raw 'woensdag 25 november 2026'   {FEATURE}:20\n"
            "  promised at web.product, due 2026-11-25 00:00 (Wed), checked at app.order (not_after)\n"  # noqa: E501
            "  app.order shows 2026-11-25 (Wed), after the promised 2026-11-24 (Tue)\n"
            "  rule: promise_kept(delivery.date)   evidence: evidence/a/app-2.json"
        )
    )
    assert promise.status == "broken"
    assert promise.verdict == "broken: app.order shows 2026-11-25 (Wed), after the promised 2026-11-24 (Tue)"
    assert rules.due_promises(ledger, LATER) == []
    assert rules.promise_kept(promise, shown, LATER) == []  # settled once


def test_a_kept_delivery_promise_and_one_not_yet_due(ledger):
    promise = promised(ledger)
    shown = day(ledger, "app.order", "dinsdag 24 november", 20)
    assert rules.due_promises(ledger, MONDAY) == []
    assert rules.promise_kept(promise, shown, MONDAY) == [] and promise.status == "pending"
    assert rules.promise_kept(promise, shown, LATER) == []
    assert (promise.status, promise.verdict) == (
        "kept",
        "kept: app.order shows 2026-11-24 (Tue), not after 2026-11-24 (Tue)",
    )


def test_a_promised_range_is_kept_up_to_its_last_day(ledger):
    promise = promised(ledger, "binnen 2 werkdagen")
    assert rules.promise_kept(promise, day(ledger, "app.order", "25-11-2026"), LATER) == []
    late = promised(ledger, "binnen 2 werkdagen")
    assert len(rules.promise_kept(late, day(ledger, "app.order", "tussen 25 en 27 november"), LATER)) == 1


def test_a_promise_checked_where_nothing_is_shown(ledger):
    promise = promised(ledger)
    (violation,) = rules.promise_kept(promise, None, LATER)
    assert violation.render().splitlines()[2] == "  app.order    delivery date not shown at app.order"
    other = promised(ledger)
    (violation,) = rules.promise_kept(other, day(ledger, "app.order", None), LATER)
    assert other.verdict == "broken: delivery date not shown at app.order"


def test_an_unreadable_promise_is_broken(ledger):
    promise = promised(ledger, "snel")
    (violation,) = rules.promise_kept(promise, day(ledger, "app.order", "morgen"), LATER)
    assert (
        violation.render().splitlines()[1].startswith("  web.product  could not read a date from 'snel' at web.product")
    )
    assert promise.verdict == "broken: the promise could not be read: could not read a date from 'snel' at web.product"


def test_equals_and_present_promises(ledger):
    refund = promised(ledger, "€ 89,00", "equals", kind="money", fact="refund.amount")
    shown = ledger.observe("refund.amount", "€ 79,00", kind="money", where=at("app.order"))
    (violation,) = rules.promise_kept(refund, shown, LATER)
    assert refund.verdict == "broken: app.order shows € 79,00, not € 89,00"
    close = promised(ledger, "€ 89,00", "equals", kind="money", fact="refund.amount", params={"tolerance": "10"})
    assert rules.promise_kept(close, shown, LATER) == [] and close.status == "kept"
    code = promised(
        ledger,
        "je track-and-tracecode volgt",
        "present",
        kind="text",
        fact="shipment.track_and_trace",
    )
    shown_code = ledger.observe("shipment.track_and_trace", "3STULP123", kind="text", where=at("app.order"))
    assert rules.promise_kept(code, shown_code, LATER) == [] and code.verdict == "kept: app.order shows 3STULP123"


def test_a_promise_checked_by_a_status(ledger):
    promise = promised(ledger, "morgen", "present", check_fact="order.status", params={"value": "delivered"})
    shown = ledger.observe(
        "order.status",
        "Onderweg",
        kind="status",
        where=at("app.order"),
        vocabulary={"Onderweg": "shipped", "Bezorgd": "delivered"},
    )
    (violation,) = rules.promise_kept(promise, shown, LATER)
    assert promise.verdict == "broken: app.order shows shipped, not delivered"
    again = promised(ledger, "morgen", "equals", check_fact="order.status", params={"value": "delivered"})
    shown = ledger.observe(
        "order.status",
        "Bezorgd",
        kind="status",
        where=at("app.order"),
        vocabulary={"Onderweg": "shipped", "Bezorgd": "delivered"},
    )
    assert rules.promise_kept(again, shown, LATER) == [] and again.status == "kept"


def test_promise_checks_that_cannot_work_are_test_mistakes(ledger):
    refund = promised(ledger, "€ 89,00", "not_after", kind="money", fact="refund.amount")
    with pytest.raises(RuleConfigError, match=r"^promise_kept\(refund.amount\): not_after compares dates"):
        rules.promise_kept(refund, None, LATER)
    mismatch = promised(ledger, "morgen", "equals", check_fact="order.status")
    status = ledger.observe("order.status", "Bezorgd", kind="status", where=at("app.order"))
    with pytest.raises(RuleConfigError, match=r"cannot compare a date promise with order.status, a status fact"):
        rules.promise_kept(mismatch, status, LATER)
    bad_value = promised(ledger, "morgen", "equals", check_fact="order.status", params={"value": " "})
    with pytest.raises(RuleConfigError, match=r"the check's value: could not read a status from ' '"):
        rules.promise_kept(bad_value, status, LATER)


def test_a_naive_clock_against_an_aware_deadline(ledger):
    promise = promised(ledger)
    assert rules.due_promises(ledger, LATER.replace(tzinfo=None)) == [promise]


# -- the journey fails with all of them ------------------------------------------------------------


def test_journey_failed_carries_every_violation(ledger):
    money(ledger, "web.checkout", "€ 329,00", 12)
    money(ledger, "email.order_confirmation", "€ 349,00", 15)
    ledger.gave("email", "anna@journeys.test", "web.checkout", at("web.checkout"))
    ledger.asked("email", "returns.portal", at("returns.portal"))
    ledger.add(rules.agree(ledger, "order.total"))
    ledger.add(rules.not_asked_twice(ledger))
    failure = JourneyFailed(ledger.violations)
    assert isinstance(failure, AssertionError)
    assert len(failure.violations) == 2
    text = str(failure)
    assert text.startswith("2 violations in this journey:\n\nInconsistentFact: order total disagrees")
    assert "\n\nAskedTwice: email asked again at returns.portal\n" in text
    assert str(JourneyFailed(ledger.violations[:1])).startswith("1 violation in this journey:\n\n")
    assert str(JourneyFailed([])) == "0 violations in this journey"


def test_known_at_when_the_console_shows_what_the_customer_was_told(ledger):
    ledger.observe("order.number", "RS-10001", kind="order_ref", where=at("web.order_confirmation"))
    ledger.observe("order.number", "Bestelnummer: rs-10001", kind="order_ref", where=at("agent.console"))
    assert rules.known_at(ledger, "agent.console", "order.number") == []
