"""Without a test clock, promises not yet due wait in the store for a later run to check."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from journeys.core.customer import Customer
from journeys.core.promise_records import PromiseCheck
from journeys.core.promise_store import PromiseStore
from journeys.journey.journey import Journey
from journeys.journey.session import SystemSession

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def clockless_system(tmp_path: Path) -> Path:
    """The reference shop's map without its test clock: time is the wall clock."""
    systems = tmp_path / "systems"
    systems.mkdir()
    for tasks in (ROOT / "journeys/maps").glob("refshop*_tasks.py"):
        shutil.copy(tasks, systems)
    text = (ROOT / "journeys/maps/refshop.yaml").read_text(encoding="utf-8")
    start, end = text.index("\nclock:"), text.index("\nmail:")
    (systems / "refshop.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    return systems / "refshop.yaml"


def test_a_promise_not_yet_due_is_stored_and_a_due_one_is_checked_by_a_later_run(clockless_system, tmp_path):
    store_url = f"sqlite:///{tmp_path / 'promises.sqlite'}"
    session = SystemSession(str(clockless_system), reports_dir=tmp_path / "reports", promise_store=store_url)
    try:
        journey = Journey(session, Customer.create(9, run_id="stored"), name="clockless order")
        journey.do("place order", sku="headphones")
        # Due tomorrow or later: cannot be checked now, so it is stored.
        journey.promise(
            "delivery.date",
            due=journey.now() + timedelta(days=1),
            check=PromiseCheck("app.order", "order.status", "equals", {"value": "delivered"}),
        )
        # Due already: an order just placed shows "ordered" (checked by the later run below).
        early = journey.promise(
            "order.number",
            due=journey.now() + timedelta(seconds=2),
            check=PromiseCheck("app.order", "order.status", "equals", {"value": "ordered"}),
        )
        journey.keep_promises()
        journey.close()
        assert [p.status for p in journey.ledger.promises] == ["pending", "pending"]
        assert early.check.params["order_number"] == journey.memory["order_number"]

        store = PromiseStore(store_url)
        assert len(store.report()["pending"]) == 2
        as_of = (early.due + timedelta(seconds=1)).isoformat()  # "a later run", due by then: no waiting
        later = subprocess.run(
            [
                sys.executable,
                "-m",
                "journeys.cli",
                "promises",
                "--verify",
                "--as-of",
                as_of,
                "--store",
                store_url,
                "--system",
                str(clockless_system),
                "--base-url",
                session.base_url,
                "--reports-dir",
                str(tmp_path / "later"),
            ],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=1800,
        )
    finally:
        session.close()

    assert later.returncode == 0, later.stdout + later.stderr
    [kept] = [line for line in later.stdout.splitlines() if line.strip().startswith("kept")]
    assert "order.number" in kept and journey.memory["order_number"] in kept, later.stdout
    assert "kept by the deadline: app.order shows ordered since" in kept, kept  # the shop says when
    report = PromiseStore(store_url).report()
    assert (len(report["pending"]), len(report["kept"]), len(report["broken"])) == (1, 1, 0)
    summary = (tmp_path / "later" / "latest" / "summary.md").read_text(encoding="utf-8")
    assert "Promises checked" in summary and journey.memory["order_number"] in summary, summary
