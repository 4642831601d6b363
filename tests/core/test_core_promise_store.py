"""Promises kept between runs in SQLite."""

from __future__ import annotations

from datetime import UTC, timedelta

import pytest
from core_helpers import MONDAY, at

from journeys.errors import ConfigError
from journeys.ledger import Ledger, PromiseCheck
from journeys.promise_store import PromiseStore
from journeys.values import DateRange


def promise(ledger: Ledger, raw: str, hours: int):
    check = PromiseCheck("app.order", "delivery.date", "not_after", {"status": "delivered"})
    return ledger.promise(
        "delivery.date",
        raw,
        kind="date",
        due=MONDAY + timedelta(hours=hours),
        check=check,
        where=at("web.product", 8, evidence=("evidence/a/web-1.png",)),
    )


def test_save_due_settle_report_round_trip(tmp_path, ledger):
    store = PromiseStore(tmp_path / "promises.sqlite")
    soon = promise(ledger, "morgen", 24)
    later = promise(ledger, "binnen 5 werkdagen", 24 * 7)
    customer = {"name": "Anna", "email": "anna-1a2b3c@journeys.test"}
    first = store.save("order/web_order::anna", soon, system="refshop", customer=customer)
    second = store.save("order/web_order::anna", later, system="refshop", customer=customer)
    assert first != second

    reopened = PromiseStore(f"sqlite:///{tmp_path / 'promises.sqlite'}")
    assert reopened.due(MONDAY) == []
    (due,) = reopened.due(MONDAY + timedelta(days=2))
    assert (due.id, due.system, due.journey_id, due.customer, due.status) == (
        first,
        "refshop",
        "order/web_order::anna",
        customer,
        "pending",
    )
    assert due.promise.to_dict() == soon.to_dict()
    assert due.promise.check.params == {"status": "delivered"}
    assert reopened.due(MONDAY + timedelta(days=8), system="other") == []
    assert len(reopened.due((MONDAY + timedelta(days=8)).astimezone(UTC))) == 2

    reopened.settle(first, "broken", "broken: app.order shows later")
    report = reopened.report()
    assert [p.id for p in report["broken"]] == [first]
    assert report["broken"][0].promise.status == "broken"
    assert report["broken"][0].verdict == "broken: app.order shows later"
    assert [p.id for p in report["pending"]] == [second] and report["kept"] == []
    assert report["pending"][0].promise.value == DateRange(MONDAY.date(), (MONDAY + timedelta(days=7)).date())
    assert report["pending"][0].to_dict()["promise"]["id"] == later.id
    assert [p.id for p in reopened.due(MONDAY + timedelta(days=8))] == [second]


def test_settle_refuses_what_it_cannot_do(tmp_path, ledger):
    store = PromiseStore(str(tmp_path / "deep" / "folder" / "promises.sqlite"))
    saved = store.save("j", promise(ledger, "morgen", 24))
    with pytest.raises(ValueError, match="settled as 'kept' or 'broken', not 'pending'"):
        store.settle(saved, "pending", None)
    with pytest.raises(KeyError, match="no promise 999"):
        store.settle(999, "kept", None)


@pytest.mark.parametrize("url", ["postgresql://db/promises", "mysql://x", "sqlite:///"])
def test_other_databases_are_refused_clearly(url):
    with pytest.raises(ConfigError) as caught:
        PromiseStore(url)
    assert "use a file path or sqlite:///path/to/promises.sqlite (only SQLite is built in)" in str(caught.value)
    assert str(caught.value).startswith("promise_store: ")
