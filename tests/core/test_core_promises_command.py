"""``journeys promises`` without a system: every store it cannot use is one message and exit 3, never a
traceback or a silent green; the summary's lines about promises; kept by the deadline or late."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta

import pytest
from click.testing import CliRunner
from core_helpers import MONDAY, at

from journeys.core.ledger import Ledger
from journeys.core.promise_records import PromiseCheck
from journeys.core.promise_store import Origin, PromiseStore
from journeys.core.records import Observation
from journeys.promises.digest import Checked, verify_digest, write_digest, write_run_digest
from journeys.promises.judge import by_deadline, changed_at
from journeys.promises.promises_command import promises
from journeys.reporting.promise_lines import outstanding_line, promise_lines, read_digest


def stored_one(store: PromiseStore, ledger: Ledger, *, run_id: str = "20261123-100000-aaaa") -> int:
    check = PromiseCheck("agent.order", "order.status", "equals", {"value": "delivered", "order_number": "100234"})
    made = ledger.promise(
        "delivery.date",
        "dinsdag 24 november",
        kind="date",
        due=MONDAY + timedelta(hours=14),
        check=check,
        where=at("web.order_confirmation", 8),
    )
    origin = Origin("tulp", run_id, "systems/tulp.yaml", "http://127.0.0.1:9", "order 100234")
    return store.save("order::anna", made, customer=ledger.customer, origin=origin)


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(
        promises, list(args), env={"JOURNEYS_PROMISE_STORE": "", "JOURNEYS_NOW": "", **(env or {})}
    )


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (lambda p: p.write_text("no database " * 40), "is not a SQLite file"),
        (
            lambda p: sqlite3.connect(p).execute("CREATE TABLE results (x)").connection.commit(),
            "is not a promise store",
        ),
        (lambda p: p.write_bytes(b""), "is empty: no run has stored a promise in it"),
    ],
)
def test_a_store_that_is_not_one_is_exit_3_with_a_message(tmp_path, make, said):
    path = tmp_path / "reports" / "promises.sqlite"
    path.parent.mkdir()
    make(path)
    for args in ([], ["--verify"]):
        done = run(*args, "--reports-dir", str(tmp_path / "reports"))
        assert done.exit_code == 3 and said in done.output, done.output
        assert done.exception is None or isinstance(done.exception, SystemExit)
    if "empty" in said:
        assert path.stat().st_size == 0  # nothing was written into what it refused


def test_another_database_a_bad_moment_and_nothing_to_check_are_told(tmp_path, ledger):
    done = run("--verify", env={"JOURNEYS_PROMISE_STORE": "postgresql://db/promises"})
    assert done.exit_code == 3 and "'postgresql' databases are not supported" in done.output
    for args in ([], ["--verify"]):  # the first night: no store yet, nothing to check (and not a pass)
        done = run(*args, "--reports-dir", str(tmp_path / "nowhere"))
        assert done.exit_code == 5 and f"no promise store at {tmp_path / 'nowhere' / 'promises.sqlite'}" in done.output
    store = PromiseStore(tmp_path / "promises.sqlite")
    done = run("--verify", "--store", str(store.path))
    assert done.exit_code == 5 and "no pending promises" in done.output
    stored_one(store, ledger)
    done = run("--verify", "--store", str(store.path), "--as-of", "Monday")
    assert done.exit_code == 4 and "not an ISO 8601 moment: 'Monday'" in done.output
    early = (MONDAY - timedelta(days=1)).isoformat()
    done = run("--verify", "--store", str(store.path), "--reports-dir", str(tmp_path), env={"JOURNEYS_NOW": early})
    assert done.exit_code == 5 and "nothing due as of 2026-11-22T10:00:00+01:00; 1 pending" in done.output
    assert not (tmp_path / "runs").exists() or not any((tmp_path / "runs").iterdir())


def test_a_system_the_store_holds_nothing_of_is_refused_not_checked(tmp_path, ledger):
    store = PromiseStore(tmp_path / "promises.sqlite")
    stored_one(store, ledger)
    done = run("--verify", "--store", str(store.path), "--system", "refshop", "--reports-dir", str(tmp_path))
    assert done.exit_code == 3, done.output
    assert "holds no promises of refshop (--system refshop); it holds promises of tulp" in done.output


def test_a_system_that_cannot_be_opened_leaves_its_promises_pending_with_the_reason(tmp_path, ledger):
    store = PromiseStore(tmp_path / "promises.sqlite")
    first = stored_one(store, ledger)
    as_of = (MONDAY + timedelta(days=2)).isoformat()
    done = run("--verify", "--store", str(store.path), "--as-of", as_of, "--reports-dir", str(tmp_path / "r"))
    assert done.exit_code == 3, done.output
    assert "tulp could not be opened" in done.output and "unverifiable" in done.output
    (still,) = store.pending()
    assert still.id == first and "tulp could not be opened" in still.problem
    summary = (tmp_path / "r" / "latest" / "summary.md").read_text(encoding="utf-8")
    assert "Anna de Vries, order 100234" in summary and "unverifiable: tulp could not be opened" in summary
    version = json.loads((tmp_path / "r" / "latest" / "version.json").read_text(encoding="utf-8"))
    assert version["system"] == "promises of tulp at http://127.0.0.1:9"  # the trend row names what was checked
    listed = run("--store", str(store.path))
    assert listed.exit_code == 0 and "pending: 1" in listed.output and "not checked yet: tulp" in listed.output


def test_the_summary_names_what_was_stored_checked_and_is_still_outstanding(tmp_path, ledger):
    store = PromiseStore(tmp_path / "promises.sqlite")
    kept, broken = stored_one(store, ledger), stored_one(store, ledger, run_id="20261123-110000-bbbb")
    assert write_run_digest(tmp_path, str(tmp_path / "missing.sqlite"), "x") is None
    write_run_digest(tmp_path, str(store.path), "20261123-100000-aaaa")
    lines = "\n".join(promise_lines(tmp_path))
    assert "1 promise stored in `" in lines and "next due Tue 24 Nov 00:00" in lines
    assert "due Tue 24 Nov 00:00: overdue, not yet checked" in lines

    store.settle(kept, "kept", "kept, time unknown: agent.order shows delivered", run_id="20261125-0800-cccc")
    store.settle(broken, "broken", "broken: agent.order shows picked, not delivered", run_id="20261125-0800-cccc")
    found = [
        Checked(p, p.status, p.verdict or "", "agent.order") for p in store.report()["kept"] + store.report()["broken"]
    ]
    write_digest(tmp_path, verify_digest(store, found, MONDAY + timedelta(days=2)))
    data = json.loads((tmp_path / "promises.json").read_text(encoding="utf-8"))
    assert [c["status"] for c in data["checked"]] == ["kept", "broken"] and data["outstanding"] == []
    table = [line for line in promise_lines(tmp_path) if "order 100234" in line]
    assert table[0].startswith("| ✅ | Anna de Vries, order 100234 | delivery.date dinsdag 24 november")
    assert "| web.order_confirmation | agent.order | Tue 24 Nov 00:00 | kept, time unknown" in table[0]
    assert "| broken: agent.order shows picked, not delivered |" in table[1]

    write_run_digest(tmp_path, str(store.path), "20261126-100000-dddd")
    lines = "\n".join(promise_lines(tmp_path))
    assert "**Promises still outstanding**" in lines
    assert "- Anna de Vries, order 100234, delivery.date dinsdag 24 november, due Tue 24 Nov 00:00: broken" in lines


def test_kept_means_kept_by_the_deadline():
    due = MONDAY.replace(hour=23, minute=59)

    def shown(raw: str | None, kind: str = "text", value=None) -> Observation:
        return Observation("order.status.changed_at", kind, raw, value, "", at("api.order"), None)

    assert changed_at(shown(None), due) is None and changed_at(shown("soon"), due) is None
    assert changed_at(shown("2026-11-23T14:00"), due) == MONDAY.replace(hour=14)
    assert changed_at(shown("23 nov", "date", MONDAY.date()), due) == due
    on_time = by_deadline(due, MONDAY.replace(hour=14), "api.order shows delivered", "order.status.changed_at")
    assert (on_time.status, on_time.late) == ("kept", False)
    assert on_time.verdict == "kept by the deadline: api.order shows delivered since 2026-11-23 14:00"
    late = by_deadline(due, due + timedelta(hours=9), "api.order shows delivered", "x")
    assert (late.status, late.late) == ("broken", True)
    assert late.verdict.startswith("broken: kept late: api.order shows delivered since 2026-11-24 08:59")
    unknown = by_deadline(due, None, "api.order shows delivered", "order.status.changed_at")
    assert unknown.verdict == (
        "kept, time unknown: api.order shows delivered (the map reads no order.status.changed_at there)"
    )


def test_a_dutch_journeys_verdict_is_shown_in_dutch_and_the_next_run_says_what_is_outstanding(tmp_path, ledger):
    store = PromiseStore(tmp_path / "promises.sqlite")
    check = PromiseCheck("agent.order", "order.status", "equals", {"value": "delivered", "order_number": "100235"})
    made = ledger.promise(
        "delivery.date", "dinsdag 24 november", kind="date", due=MONDAY, check=check, where=at("web.checkout", 6)
    )
    origin = Origin("tulp", "20261123-100000-aaaa", "systems/tulp.yaml", "", "order 100235", language="nl")
    dutch = store.save("bezorging::anna", made, customer=ledger.customer, origin=origin)
    english = stored_one(store, ledger)
    assert {p.id: p.language for p in store.pending()} == {dutch: "nl", english: ""}
    found = {p.id: p for p in store.pending()}
    checked = [
        Checked(found[dutch], "unverifiable", "agent.order was niet te lezen: time-out", "agent.order"),
        Checked(found[english], "broken", "broken: agent.order shows picked, not delivered", "agent.order"),
    ]
    store.settle(english, "broken", checked[1].verdict, run_id="20261125-0800-cccc")
    write_digest(tmp_path, verify_digest(store, checked, MONDAY + timedelta(days=2)))
    rows = {line for line in promise_lines(tmp_path) if "order 10023" in line}
    assert any("| niet na te gaan: agent.order was niet te lezen: time-out |" in row for row in rows), rows
    assert any("| broken: agent.order shows picked, not delivered |" in row for row in rows), rows

    write_run_digest(tmp_path, str(store.path), "20261126-100000-dddd")
    assert outstanding_line(read_digest(tmp_path) or {}) == (
        "2 promises still outstanding (1 broken at the last check, 1 overdue, not yet checked):"
        " see the summary, or `journeys promises`"
    )
    assert outstanding_line({}) == ""
