"""A promise belongs to the first touchpoint that made it; a later other date contradicts it."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from core_helpers import MONDAY, at

from journeys.core.ledger import Ledger
from journeys.core.promise_origin import contradiction, first_promised, map_source, subject_of
from journeys.core.promise_records import PromiseCheck


def test_the_first_touchpoint_that_promised_it_not_the_product_page_nor_the_last(ledger: Ledger):
    ledger.observe("delivery.date", "morgen", kind="date", where=at("web.product", 5), product="tablet-10")
    ledger.observe("delivery.date", None, kind="date", where=at("web.cart", 6))
    ledger.observe("delivery.date", "dinsdag 24 november", kind="date", where=at("web.order_confirmation", 7))
    ledger.observe("delivery.date", "woensdag 25 november", kind="date", where=at("app.order", 9))
    first = first_promised(ledger, "delivery.date")
    assert first is not None and first.where.touchpoint == "web.order_confirmation"
    made = ledger.promise(
        "delivery.date",
        first.raw,
        kind="date",
        due=MONDAY + timedelta(days=1),
        check=PromiseCheck("app.order", "order.status", "equals", {"value": "delivered"}),
        where=first.where,
    )
    said = contradiction(ledger, made)
    assert said.endswith("at app.order") and "25" in said
    assert first_promised(ledger, "order.total") is None
    assert first_promised(ledger, "delivery.date", touchpoint="web.cart").raw is None  # only an unreadable one


def test_what_she_would_quote_and_where_the_map_is_found_again(tmp_path: Path, monkeypatch):
    assert subject_of({"order_number": "RS-7", "case_number": "C-1"}) == "order RS-7"
    assert subject_of({"case_number": "C-1"}) == "case C-1" and subject_of({}) == ""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "systems").mkdir()
    assert map_source(Path("systems/shop.yaml")) == "systems/shop.yaml"
    assert map_source(Path("/elsewhere/shop.yaml")) == "/elsewhere/shop.yaml"
