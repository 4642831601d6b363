"""Green means checked: a rule with nothing to compare fails, saying so and what to do."""

from __future__ import annotations

from datetime import date, timedelta

from core_helpers import MONDAY, at

from journeys.core import rules
from journeys.core.effort import effort
from journeys.core.ledger import Ledger
from journeys.core.promise_records import PromiseCheck

FEATURE = "features/order/web_order.feature"
LOGIN_PAGE = (
    "web.account: recommendations.segment not found: nothing matches testid 'recommendation' on the page at"
    " http://127.0.0.1:5000/login?next=%2Faccount (screenshot: reports/evidence/a/web-3.png). Either the"
    " system no longer shows it, or the reader at journeys/maps/refshop.yaml:171 is out of date."
)


def money(ledger: Ledger, touchpoint: str, raw: str | None, line: int | None = None, **kw):
    return ledger.observe("order.total", raw, kind="money", where=at(touchpoint, line), **kw)


# -- agree -----------------------------------------------------------------------------------------


def test_agree_with_one_touchpoint_names_it_and_says_what_to_do(ledger: Ledger):
    money(ledger, "web.checkout", "€ 329,00", 12)
    money(ledger, "web.checkout", "€ 329,00", 13)  # the same touchpoint twice is still one
    (violation,) = rules.agree(ledger, "order.total")
    assert violation.render() == (
        "NothingToCompare: order total was shown at only one touchpoint: nothing to compare\n"
        f"  web.checkout  € 329,00   {FEATURE}:12\n"
        f"  web.checkout  € 329,00   {FEATURE}:13\n"
        "  shown at: web.checkout\n"
        "  visit a second touchpoint that shows order.total before checking that they agree\n"
        "  rule: agree(order.total)"
    )


def test_agree_without_any_observation_says_none(ledger: Ledger):
    (violation,) = rules.agree(ledger, "order.total", about="RS-10001")
    assert violation.render() == (
        "NothingToCompare: order total (RS-10001) was shown at no touchpoint: nothing to compare\n"
        "  shown at: none\n"
        "  visit a second touchpoint that shows order.total before checking that they agree\n"
        "  rule: agree(order.total)"
    )


def test_agree_per_about_group(ledger: Ledger):
    money(ledger, "web.checkout", "€ 10,00", about="RS-10001")
    money(ledger, "app.order", "€ 10,00", about="RS-10001")
    money(ledger, "web.checkout", "€ 20,00", about="RS-10002")
    (violation,) = rules.agree(ledger, "order.total")
    assert violation.title == "order total (RS-10002) was shown at only one touchpoint: nothing to compare"


# -- known at --------------------------------------------------------------------------------------


def test_known_at_with_nothing_known(ledger: Ledger):
    ledger.observe("case.number", "Z-17", kind="text", where=at("agent.customer", 40))
    (violation,) = rules.known_at(ledger, "agent.customer", "case.number")
    assert violation.render() == (
        "NothingToCompare: nothing was known of case number before agent.customer showed it: nothing to compare\n"
        f"  agent.customer  Z-17   {FEATURE}:40\n"
        "  give case.number or read it at another touchpoint before agent.customer, then check what it knows\n"
        "  rule: known_at(case.number)"
    )


def test_known_at_a_touchpoint_that_told_her_first_holds_it_to_what_it_told_her(ledger: Ledger):
    """An agent placed her order and read her the number; she phones again: the desk must know the same."""
    ledger.observe("order.number", "RS-10017", kind="order_ref", where=at("phone.order", 5))
    ledger.observe("order.number", "RS-10017", kind="order_ref", where=at("phone.order", 7))
    assert rules.known_at(ledger, "phone.order", "order.number") == []
    ledger.observe("order.number", "RS-10018", kind="order_ref", where=at("phone.order", 9))
    (violation,) = rules.known_at(ledger, "phone.order", "order.number")
    assert violation.title == "order number at phone.order differs from what the company knows"


# -- suits -----------------------------------------------------------------------------------------


def test_suits_on_a_login_page_says_not_shown_and_what_the_page_showed(ledger: Ledger):
    ledger.observe(
        "recommendations.segment",
        None,
        kind="text",
        where=at("web.account", 9, evidence=("reports/evidence/a/web-3.png",)),
        missing=LOGIN_PAGE,
    )
    (violation,) = rules.suits(ledger, "recommendations.segment", "student")
    lines = violation.render().splitlines()
    assert lines[0] == (
        "MissingFact: recommendations segment not shown at web.account: no offers to compare with a student"
    )
    assert lines[1] == f"  web.account  {LOGIN_PAGE}   {FEATURE}:9"
    assert lines[2] == (
        "  web.account showed instead: http://127.0.0.1:5000/login?next=%2Faccount"
        " (screenshot: reports/evidence/a/web-3.png)"
    )


def test_suits_with_an_unreadable_or_plain_missing_fact(ledger: Ledger):
    ledger.observe("recommendations.segment", "", kind="text", where=at("web.account", 9))
    (violation,) = rules.suits(ledger, "recommendations.segment", "senior")
    assert violation.title == (
        "recommendations segment could not be read at web.account: no offers to compare with a senior"
    )
    ledger.observe("recommendations.segment", None, kind="text", where=at("web.account", 10))
    (violation,) = rules.suits(ledger, "recommendations.segment", "senior")
    assert violation.detail == ""  # the plain problem does not say what was shown instead
    assert violation.name == "MissingFact"


# -- not asked twice -------------------------------------------------------------------------------


def test_not_asked_twice_over_nothing_given_or_asked(ledger: Ledger):
    (violation,) = rules.not_asked_twice(ledger, "order_number")
    assert violation.render() == (
        "NothingToCompare: the customer neither gave nor was asked for order number: nothing to compare\n"
        "  let the journey give order_number at one touchpoint and go where it could be asked again\n"
        "  rule: not_asked_twice(order_number)"
    )
    (everything,) = rules.not_asked_twice(ledger)
    assert everything.title == "the customer neither gave nor was asked for anything: nothing to compare"
    ledger.gave("email", "anna@journeys.test", "store.pos", at("store.pos", channel="store"))
    (scoped,) = rules.not_asked_twice(ledger, "email", scope={"web"})
    assert scoped.title == "the customer neither gave nor was asked for email at web: nothing to compare"


def test_given_but_not_asked_again_or_asked_but_never_given_is_checked(ledger: Ledger):
    ledger.gave("order.number", "RS-10001", "web.order_confirmation", at("web.order_confirmation"))
    assert rules.not_asked_twice(ledger, "Order number") == []
    ledger.asked("email", "returns.portal", at("returns.portal"))
    assert rules.not_asked_twice(ledger, "email") == []
    (address,) = rules.not_asked_twice(ledger, "address")  # neither given nor asked: not checked
    assert address.name == "NothingToCompare"


def test_nothing_to_compare_is_not_a_repeated_question_in_the_effort_score(ledger: Ledger):
    assert effort(ledger).repeated_questions == 0


# -- answered within -------------------------------------------------------------------------------


def test_answered_within_without_a_visit(ledger: Ledger):
    ledger.visited("web.checkout", "web", MONDAY, 9.0)  # not a returns page
    (violation,) = rules.answered_within(ledger, "returns", 2)
    assert violation.render() == (
        "NothingToCompare: no visit to returns was measured: nothing to compare with 2 s\n"
        "  visit returns (or a touchpoint named returns.<page>) before checking how fast it answers\n"
        "  rule: answered_within(returns)"
    )
    ledger.visited("returns", "web", MONDAY, 1.0)
    assert rules.answered_within(ledger, "returns", 2) == []


# -- shown and shows -------------------------------------------------------------------------------


def test_shown_a_fact_never_read(ledger: Ledger):
    (violation,) = rules.shown(ledger, "email.replacement", "apology")
    assert violation.render() == (
        "Missing: apology not shown at email.replacement\n"
        "  the journey never read email.replacement: visit it before checking what it shows\n"
        "  rule: shown(apology)"
    )


def test_shows_a_fact_never_read_not_shown_or_unreadable(ledger: Ledger):
    expected = date(2026, 11, 25)
    (never,) = rules.shows(ledger, "web.order_confirmation", "delivery.date", expected, "date")
    assert never.render() == (
        "NothingToCompare: delivery date was never read at web.order_confirmation:"
        " nothing to compare with 2026-11-25 (Wed)\n"
        "  expected: 2026-11-25 (Wed)\n"
        "  visit web.order_confirmation before checking what it shows\n"
        "  rule: shows(delivery.date)"
    )
    ledger.observe("delivery.date", None, kind="date", where=at("web.order_confirmation", 8))
    (missing,) = rules.shows(ledger, "web.order_confirmation", "delivery.date", expected, "date")
    assert missing.render().splitlines()[:2] == [
        "MissingFact: delivery date not shown at web.order_confirmation: nothing to compare with 2026-11-25 (Wed)",
        f"  web.order_confirmation  delivery date not shown at web.order_confirmation   {FEATURE}:8",
    ]
    ledger.observe("delivery.date", "ooit", kind="date", where=at("web.order_confirmation", 9))
    (unreadable,) = rules.shows(ledger, "web.order_confirmation", "delivery.date", expected, "date")
    assert unreadable.name == "UnreadableFact"
    assert unreadable.title.startswith("delivery date could not be read at web.order_confirmation")


# -- channel parity --------------------------------------------------------------------------------


def test_channel_parity_with_a_side_that_showed_nothing(ledger: Ledger):
    ledger.observe("delivery.date", "morgen", kind="date", where=at("web.product", 8))
    ledger.observe("delivery.date", None, kind="date", where=at("store.lead_time", 9, channel="store"))
    (violation,) = rules.channel_parity(ledger, "delivery.date", ("web", "store"))
    assert violation.render() == (
        "MissingFact: delivery date could not be compared between web and store: nothing readable at store.lead_time\n"
        f"  web.product      2026-11-24 (Tue)  raw 'morgen'               {FEATURE}:8\n"
        f"  store.lead_time  delivery date not shown at store.lead_time   {FEATURE}:9\n"
        "  nothing to compare via store: every observation there is missing or unreadable\n"
        "  rule: channel_parity(delivery.date)"
    )


def test_channel_parity_compared_but_something_unreadable(ledger: Ledger):
    ledger.observe("delivery.date", "morgen", kind="date", where=at("web.product"))
    ledger.observe("delivery.date", "ooit", kind="date", where=at("web.checkout"))
    ledger.observe("delivery.date", "morgen", kind="date", where=at("store.lead_time", channel="store"))
    (violation,) = rules.channel_parity(ledger, "delivery.date", ("web", "store"))
    assert (violation.name, violation.title) == ("UnreadableFact", "delivery date could not be read at web.checkout")


# -- promises that could not be checked are broken -------------------------------------------------


def test_a_promise_checked_where_the_fact_is_unreadable_is_broken_never_kept(ledger: Ledger):
    check = PromiseCheck("app.order", "shipment.track_and_trace", "present")
    promise = ledger.promise(
        "shipment.track_and_trace",
        "volgt",
        kind="text",
        due=MONDAY,
        check=check,
        where=at("web.product"),
    )
    shown = ledger.observe("shipment.track_and_trace", " ", kind="text", where=at("app.order"))
    (violation,) = rules.promise_kept(promise, shown, MONDAY + timedelta(hours=1))
    assert promise.status == "broken"
    assert promise.verdict == "broken: could not read a text from ' ' at app.order"
    assert violation.name == "BrokenPromise"
