"""Every mapped fact a touchpoint did not show fails the journey at its end, unless optional."""

from __future__ import annotations

import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from core_helpers import MONDAY, at

from journeys.channels.fake import FakeDriver
from journeys.core import rules
from journeys.core.customer import Customer
from journeys.core.ledger import Ledger
from journeys.core.promise_records import PromiseCheck
from journeys.errors import JourneyFailed
from journeys.journey.journey import Journey
from journeys.systems.map_files import load_map

FEATURE = "features/order/web_order.feature"
NOT_FOUND = (
    "web.account_order: order.contacts not found: nothing matches testid 'order-contact' on the page at"
    " http://shop.test/account/orders/RS-1 (screenshot: e/web-9.png). Either the system no longer shows"
    " it, or the reader at refshop.yaml:180 is out of date."
)


# -- the rule, on a fake ledger --------------------------------------------------------------------


def test_every_missing_fact_is_listed_with_its_problem(ledger: Ledger):
    ledger.observe("order.total", "€ 1,00", kind="money", where=at("web.account_order", 20))
    ledger.observe("order.contacts", None, kind="text", where=at("web.account_order", 20), missing=NOT_FOUND)
    ledger.observe("callback.made", None, kind="text", where=at("web.account_order", 20))
    (violation,) = rules.all_shown(ledger)
    assert violation.render() == (
        "MissingFact: 2 mapped facts not shown: order contacts at web.account_order,"
        " callback made at web.account_order\n"
        f"  web.account_order  {NOT_FOUND}   {FEATURE}:20\n"
        f"  web.account_order  callback made not shown at web.account_order   {FEATURE}:20\n"
        "  every fact in the touchpoint map must be shown where the map says; a fact shown only in some"
        " states is marked `optional: true` in the map\n"
        "  rule: all_shown(order.contacts, callback.made)"
    )


def test_optional_facts_and_unreadable_ones_are_not_listed(ledger: Ledger):
    assert rules.all_shown(ledger) == []
    ledger.observe("order.contacts", None, kind="text", where=at("web.account_order"))
    ledger.observe("order.total", "€ drie", kind="money", where=at("web.account_order"))  # shown, unreadable
    assert rules.all_shown(ledger, optional={("web.account_order", "order.contacts")}) == []
    (violation,) = rules.all_shown(ledger, optional={("web.account_order", "callback.made")})
    assert violation.title == "order contacts not shown at web.account_order"


def test_a_missing_fact_another_rule_reported_is_not_listed_twice(ledger: Ledger):
    ledger.observe("order.total", "€ 1,00", kind="money", where=at("web.checkout"))
    ledger.observe("order.total", None, kind="money", where=at("email.order_confirmation"))
    ledger.add(rules.agree(ledger, "order.total"))
    assert rules.all_shown(ledger) == []
    ledger.observe("order.total", None, kind="money", where=at("app.order"))  # read by no rule
    (violation,) = rules.all_shown(ledger)
    assert violation.title == "order total not shown at app.order"


# -- the journey's end, with a fake system ---------------------------------------------------------

MAP = """\
system: shop
base_url: http://shop.test
touchpoints:
  web.account_order:
    channel: web
    url: /account/orders/{order_number}
    facts:
      order.total: {testid: order-total, kind: money}
      order.contacts: {testid: order-contact, kind: text, many: true}
      callback.made: {testid: callback, kind: text, optional: true}
  web.checkout:
    channel: web
    url: /checkout
    facts:
      order.total: {testid: checkout-total, kind: money}
  email.callback:
    channel: email
    subject: "We bellen je terug"
    facts:
      callback.due: {regex: "Uiterlijk:\\\\s*(.+)", kind: date}
"""


class _Clock:
    controllable = False

    def now(self) -> datetime:
        return datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def journey_on(tmp_path: Path, readings: dict[str, dict[str, Any]]) -> Journey:
    path = tmp_path / "shop.yaml"
    path.write_text(textwrap.dedent(MAP), encoding="utf-8")
    shop = load_map(path)
    system = SimpleNamespace(
        map=shop,
        reports_dir=tmp_path / "reports",
        clock=_Clock(),
        touchpoint=shop.touchpoint,
        driver=lambda channel, journey: FakeDriver(readings, channel=channel),
    )
    journey = Journey(system, Customer.create(5, run_id="end"), name="the end")  # type: ignore[arg-type]
    journey.memory["order_number"] = "RS-1"
    return journey


def test_a_journey_fails_at_its_end_for_a_mapped_fact_no_step_read(tmp_path: Path):
    journey = journey_on(tmp_path, {"web.account_order": {"order.total": "€ 1,00", "order.contacts": []}})
    seen = journey.visit("web.account_order")
    assert seen["order.contacts"].raw is None  # a many reader that matched nothing: not found
    with pytest.raises(JourneyFailed) as failed:
        journey.conclude()
    text = str(failed.value)
    assert text.startswith("1 violation in this journey:\n\nMissingFact: order contacts not shown at web.account_order")
    assert "nothing matches testid 'order-contact' on the page at http://fake.test/account/orders/RS-1" in text
    assert f"{tmp_path / 'shop.yaml'}:9 is out of date" in text
    assert "callback.made" not in text  # optional in the map
    with pytest.raises(JourneyFailed) as again:
        journey.conclude()
    assert len(again.value.violations) == 1  # concluding twice lists nothing twice


def test_a_journey_that_showed_every_mapped_fact_concludes_quietly(tmp_path: Path):
    shown = {"order.total": "€ 1,00", "order.contacts": ["order", "chat"]}
    journey = journey_on(tmp_path, {"web.account_order": shown, "web.checkout": {"order.total": "€ 1,00"}})
    journey.visit("web.checkout")
    journey.visit("web.account_order")
    journey.agree("order.total")
    journey.not_asked_twice("order_number")  # given by nobody, asked by nobody: nothing to compare
    with pytest.raises(JourneyFailed) as failed:
        journey.conclude()
    assert [v.name for v in failed.value.violations] == ["NothingToCompare"]
    journey.gave("order_number", "RS-1", "web.checkout")
    journey.ledger.violations.clear()
    journey.not_asked_twice("order number")
    journey.conclude()


def test_a_mail_that_never_came_breaks_the_promise_and_is_reported_once(tmp_path: Path):
    journey = journey_on(tmp_path, {"web.checkout": {"order.total": "€ 1,00"}})
    journey.visit("web.checkout")
    journey.promise(
        "order.total",
        due=journey.now() - timedelta(minutes=1),
        check=PromiseCheck("email.callback", "callback.due", "present"),
    )
    journey.keep_promises()
    with pytest.raises(JourneyFailed) as failed:
        journey.conclude()
    (broken,) = failed.value.violations
    assert broken.name == "BrokenPromise"
    assert "callback due not shown at email.callback: no mail to" in broken.render()
    assert journey.ledger.promises[0].status == "broken"


def test_missing_facts_are_kept_apart_from_a_clean_ledger_replay():
    ledger = Ledger({}, 1)
    ledger.observe("order.total", None, kind="money", where=at("web.checkout", seen_at=MONDAY))
    again = Ledger.from_json(ledger.to_json())
    assert [v.title for v in rules.all_shown(again)] == ["order total not shown at web.checkout"]


def test_a_mail_she_just_read_is_looked_at_again_not_read_twice(tmp_path: Path):
    mail = {"callback.due": "maandag 23 november 2026"}
    journey = journey_on(tmp_path, {"email.callback": mail, "web.checkout": {"order.total": "€ 1,00"}})
    journey.visit("email.callback")
    journey.expect_shown("email.callback", "callback.due")
    assert [v.touchpoint for v in journey.ledger.visits] == ["email.callback"]  # one box, one touchpoint
    assert journey.ledger.violations == []
    journey.visit("web.checkout")
    journey.expect_shown("email.callback", "callback.due")  # she went elsewhere: she opens the mail again
    assert [v.touchpoint for v in journey.ledger.visits] == ["email.callback", "web.checkout", "email.callback"]
