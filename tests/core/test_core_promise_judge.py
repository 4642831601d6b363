"""A stored promise judged without a browser: at the map's direct touchpoint, by the deadline the system
says it was kept, and pending when nothing could be read."""

from __future__ import annotations

import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from core_helpers import MONDAY, at

from journeys.channels.fake import FakeDriver
from journeys.core.customer import Customer
from journeys.core.ledger import Ledger
from journeys.core.promise_records import PromiseCheck
from journeys.core.promise_store import StoredPromise
from journeys.journey.journey import Journey
from journeys.messages import Language
from journeys.promises.judge import judge
from journeys.systems.map_files import load_map

MAP = """\
system: tulp
timezone: Europe/Amsterdam
vocabulary:
  status: {delivered: delivered, picked: picked}
facts:
  delivery.date:
    en: delivery date
    nl: de bezorgdatum
    kind: date
    promise:
      touchpoint: web.order_tab
      fact: order.status
      equals: delivered
      verify_at: api.order_status
      changed_at: order.delivered_at
touchpoints:
  web.order_tab:
    channel: web
    url: /orders/{order_number}
    facts:
      order.status: {testid: order-status, kind: status}
  api.order_status:
    channel: api
    request: {method: GET, path: "/api/orders/{order_number}"}
    facts:
      order.status: {jsonpath: $.status, kind: status}
      order.delivered_at: {jsonpath: $.delivered_at, kind: text, optional: true}
"""
DUE = MONDAY.replace(hour=23, minute=59)


def judged(tmp_path: Path, readings: dict[str, dict[str, Any]], language: Language = "en") -> tuple[Journey, Any]:
    path = tmp_path / "tulp.yaml"
    path.write_text(textwrap.dedent(MAP), encoding="utf-8")
    shop = load_map(path)
    moment = DUE + timedelta(days=2)
    system = SimpleNamespace(
        map=shop,
        reports_dir=tmp_path / "reports",
        clock=SimpleNamespace(controllable=False, now=lambda: moment),
        touchpoint=shop.touchpoint,
        driver=lambda channel, journey: FakeDriver(readings, channel=channel),
    )
    ledger = Ledger({"name": "Anna de Vries"}, 1, "tulp")
    check = PromiseCheck("web.order_tab", "order.status", "equals", {"value": "delivered", "order_number": "RS-7"})
    made = ledger.promise(
        "delivery.date", "maandag 23 november", kind="date", due=DUE, check=check, where=at("web.confirmation", 8)
    )
    customer = Customer.create(5, run_id="judge")
    stored = StoredPromise(1, "tulp", "order", customer.to_dict(), made, "pending", None, datetime.now(UTC))
    journey = Journey(system, customer, name="checked", language=language)  # type: ignore[arg-type]
    try:
        return journey, judge(journey, stored, moment)
    finally:
        journey.close(outcome="passed")


def test_the_direct_touchpoint_is_opened_and_kept_by_the_deadline_is_said(tmp_path):
    readings = {"api.order_status": {"order.status": "delivered", "order.delivered_at": "2026-11-23T14:00:00+01:00"}}
    journey, found = judged(tmp_path, readings)
    assert (found.status, found.checked_at) == ("kept", "api.order_status")
    assert found.verdict == "kept by the deadline: api.order_status shows delivered since 2026-11-23 14:00"
    (promise,) = journey.ledger.promises
    assert promise.status == "kept" and journey.ledger.violations == []
    assert [v.touchpoint for v in journey.ledger.visits] == ["api.order_status"]


def test_delivered_after_the_deadline_is_a_broken_promise(tmp_path):
    readings = {"api.order_status": {"order.status": "delivered", "order.delivered_at": "2026-11-24T09:30:00+01:00"}}
    journey, found = judged(tmp_path, readings)
    assert found.status == "broken"
    assert found.verdict.startswith("broken: kept late: api.order_status shows delivered since 2026-11-24 09:30")
    assert [v.title for v in journey.ledger.violations] == ["delivery date promised at web.confirmation was kept late"]


def test_not_yet_delivered_is_broken_and_nothing_read_is_unverifiable(tmp_path):
    _, found = judged(tmp_path, {"api.order_status": {"order.status": "picked"}})
    assert (found.status, found.verdict) == ("broken", "broken: api.order_status shows picked, not delivered")
    journey, found = judged(tmp_path, {})  # the status page showed nothing: nothing is known
    assert found.status == "unverifiable" and found.verdict.startswith("api.order_status: order.status not found")
    assert journey.ledger.promises[0].status == "pending"


def test_a_direct_touchpoint_the_map_lacks_or_that_cannot_show_the_fact_is_refused_where_it_is_written(tmp_path):
    import pytest

    from journeys.errors import ConfigError

    refused = (("api.nowhere", "api.nowhere: no such touchpoint"), ("web.plain", "does not read order.status"))
    for target, said in refused:
        text = MAP.replace("verify_at: api.order_status", f"verify_at: {target}")
        text += "  web.plain:\n    channel: web\n    url: /\n    facts: {}\n"
        path = tmp_path / "tulp.yaml"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(ConfigError) as caught:
            load_map(path)
        assert "facts/delivery.date/promise/verify_at" in str(caught.value) and said in str(caught.value)


def test_a_dutch_journeys_promise_is_judged_in_dutch(tmp_path):
    """A promise made by a Dutch journey: its verdicts read as a Dutch writer would say them."""
    late = {"api.order_status": {"order.status": "delivered", "order.delivered_at": "2026-11-24T09:30:00+01:00"}}
    journey, found = judged(tmp_path, late, "nl")
    assert found.verdict == (
        "gebroken: te laat nagekomen: api.order_status toont delivered sinds 2026-11-24 09:30,"
        " later dan de beloofde 2026-11-23 23:59"
    )
    assert [v.title for v in journey.ledger.violations] == [
        "de bezorgdatum, beloofd bij web.confirmation, is te laat nagekomen"
    ]
    _, found = judged(tmp_path, {"api.order_status": {"order.status": "delivered"}}, "nl")
    assert found.verdict == (
        "nagekomen, tijdstip onbekend: api.order_status toont delivered (de kaart leest daar geen order.delivered_at)"
    )
    _, found = judged(tmp_path, {"api.order_status": {"order.status": "picked"}}, "nl")
    assert found.verdict == "gebroken: api.order_status toont picked, niet delivered"
