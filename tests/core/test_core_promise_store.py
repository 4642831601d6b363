"""Promises kept between runs in SQLite."""

from __future__ import annotations

from datetime import UTC, timedelta

import pytest
from core_helpers import MONDAY, at

from journeys.core.ledger import Ledger
from journeys.core.promise_records import PromiseCheck
from journeys.core.promise_store import PromiseStore
from journeys.errors import ConfigError
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


def test_a_promise_carries_where_it_was_made_and_is_kept_once_per_run(tmp_path, ledger):
    from journeys.core.promise_store import Origin

    store = PromiseStore(tmp_path / "promises.sqlite", project="shop-qa")
    made = promise(ledger, "morgen", 24)
    origin = Origin("tulp", "20261207-010203-ab12", "systems/tulp.yaml", "http://shop", "order 100234", "9 Dec at app")
    customer = {"name": "Anna de Vries", "key": "anna-1"}
    first = store.save("order::anna", made, customer=customer, origin=origin)
    assert store.save("order::anna", made, customer=customer, origin=origin) == first  # the same promise, once
    (stored,) = store.made_in("20261207-010203-ab12")
    assert (stored.system, stored.map_source, stored.base_url, stored.subject) == (
        "tulp",
        "systems/tulp.yaml",
        "http://shop",
        "order 100234",
    )
    assert stored.label() == "Anna de Vries, order 100234: delivery.date morgen"
    assert stored.to_dict()["contradiction"] == "9 Dec at app"
    assert store.systems() == ["tulp"]

    store.unverified(first, "agent.order could not be read: login refused")
    (still,) = store.pending()
    assert (still.status, still.problem) == ("pending", "agent.order could not be read: login refused")
    assert store.outstanding(MONDAY) == [] and [p.id for p in store.outstanding(MONDAY + timedelta(days=2))] == [first]
    store.settle(first, "broken", "broken: agent.order shows picked", run_id="20261209-010203-cd34")
    (settled,) = store.outstanding(MONDAY + timedelta(days=2))
    assert (settled.status, settled.problem, settled.settled_run) == ("broken", "", "20261209-010203-cd34")
    assert settled.settled_at is not None


def test_files_that_are_not_this_projects_store_are_refused(tmp_path, ledger):
    import sqlite3

    text = tmp_path / "notes.txt"
    text.write_text("not a database at all, just some words " * 20)
    trend = tmp_path / "trend.sqlite"
    with sqlite3.connect(trend) as db:
        db.execute("CREATE TABLE runs (run_id TEXT)")
    PromiseStore(tmp_path / "ours.sqlite", project="shop-qa")
    for path, said in (
        (text, "is not a SQLite file"),
        (trend, "is not a promise store (it holds runs)"),
        (tmp_path / "ours.sqlite", "keeps the promises of project 'shop-qa', not of 'other'"),
        (tmp_path / "missing.sqlite", "no promise store at"),
        (tmp_path, "is a folder"),
    ):
        with pytest.raises(ConfigError, match="promise_store") as caught:
            PromiseStore(path, create=False, project="other")
        assert said in str(caught.value)
    with sqlite3.connect(trend) as db:
        assert [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")] == ["runs"]


def test_a_store_of_the_first_format_is_taken_over(tmp_path, ledger):
    import json
    import sqlite3

    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as db:
        db.execute(
            "CREATE TABLE promises (id INTEGER PRIMARY KEY AUTOINCREMENT, system TEXT NOT NULL, journey_id TEXT NOT"
            " NULL, customer TEXT NOT NULL, promise TEXT NOT NULL, check_params TEXT NOT NULL, due_utc TEXT NOT NULL,"
            " status TEXT NOT NULL DEFAULT 'pending', verdict TEXT, saved_at TEXT NOT NULL)"
        )
        made = promise(ledger, "morgen", 24)
        db.execute(
            "INSERT INTO promises (system, journey_id, customer, promise, check_params, due_utc, saved_at)"
            " VALUES ('refshop', 'j', '{}', ?, '{}', '2026-11-24T00:00:00', '2026-11-23T10:00:00')",
            (json.dumps(made.to_dict()),),
        )
    (old,) = PromiseStore(path, create=False).pending()
    assert (old.system, old.subject, old.map_source, old.who) == ("refshop", "", "", "a customer")


def test_the_store_is_the_projects_whichever_folder_names_it(tmp_path):
    from journeys.core.promise_file import project_name, store_location

    assert store_location("reports") == "reports/promises.sqlite"
    assert store_location(tmp_path / "reports" / "runs" / "20261207-010203-ab12") == str(
        tmp_path / "reports" / "promises.sqlite"
    )
    assert store_location("reports", "sqlite:////cache/promises.sqlite") == "sqlite:////cache/promises.sqlite"
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "shop-qa"\n')
    (tmp_path / "features").mkdir()
    assert project_name(tmp_path / "features") == "shop-qa"
    (tmp_path / "pyproject.toml").write_text("not = [toml")
    assert project_name(tmp_path) == ""


@pytest.mark.parametrize(
    ("key", "value", "said"),
    [("kind", "something else", "is not a promise store"), ("format", "99", "written by a newer journeys")],
)
def test_a_store_that_says_it_is_another_kind_or_newer_is_refused(tmp_path, key, value, said):
    import sqlite3

    path = tmp_path / "promises.sqlite"
    PromiseStore(path)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE store_info SET value = ? WHERE key = ?", (value, key))
    with pytest.raises(ConfigError, match=said):
        PromiseStore(path)
