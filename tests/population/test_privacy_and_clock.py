"""The population privacy rule over ledgers, and the shared test clock's turnstile."""

from __future__ import annotations

import json
import threading
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from journeys.population.crowd_privacy import check, check_ledgers, personal
from journeys.population.timekeeping import SharedClock
from journeys.population.walker import digest


def ledger(key: str, name: str, street: str, order: str, shown: list[tuple[str, str, str]]) -> dict:
    where = {"touchpoint": "web.order_confirmation", "channel": "web", "seen_at": "2026-11-30T10:00:00+01:00"}
    return {
        "customer": {"key": key, "name": name, "email": f"{key}@journeys.test", "street": street, "city": "Utrecht"},
        "inputs": [{"what": "order_number", "value": order, "touchpoint": "web.order_confirmation", "where": where}],
        "observations": [
            {"fact": fact, "kind": "text", "raw": raw, "where": {**where, "touchpoint": tp}} for tp, fact, raw in shown
        ],
    }


ANNA = ledger("anna-1", "Anna de Vries", "Kerkstraat 12", "RS-10001", [("app.order", "order.number", "RS-10001")])
BART = ledger(
    "bart-2",
    "Bart Jansen",
    "Dorpsweg 3",
    "RS-10002",
    [
        ("web.order_confirmation", "delivery.address", "Kerkstraat 12, 3511 AX Utrecht"),
        ("agent.customer", "customer.email", "anna-1@journeys.test"),
        ("web.account", "greeting", "Hallo Anna de Vries"),
        ("web.order_confirmation", "order.number", "RS-10002"),
    ],
)
CARLA = ledger("carla-3", "Carla Smit", "Laan 1", "RS-10002", [])


def test_every_kind_of_leak_is_found_with_whose_data_it_was_and_where():
    leaks = check(digest(d) for d in (ANNA, BART, CARLA))
    assert {(x["what"], x.get("customer"), x.get("owner"), x.get("touchpoint")) for x in leaks} == {
        ("order number", None, None, "(given back)"),  # RS-10002: told to Bart and to Carla as each one's own
        ("address", "bart-2", "anna-1", "web.order_confirmation"),
        ("e-mail", None, None, "agent.customer"),  # Anna's address, told to Bart as his
        ("name", "bart-2", "anna-1", "web.account"),
    }
    twice = next(x for x in leaks if x["what"] == "order number")
    assert twice["value"] == "RS-10002" and twice["customers"] == ["bart-2", "carla-3"]
    assert twice["touchpoints"] == ["web.order_confirmation", "(given back)"]


def test_a_number_made_for_another_customer_is_a_leak_though_she_never_typed_it():
    """Privacy by ownership: Anna was told RS-10001; Dora's thank-you page shows it, and Dora gave nothing back."""
    dora = ledger("dora-5", "Dora Bakker", "Markt 2", "", [("web.order_confirmation", "order.number", "RS-10001")])
    dora["inputs"] = []
    leaks = check(digest(d) for d in (ANNA, dora))
    assert leaks == [
        {
            "what": "order number",
            "value": "RS-10001",
            "customers": ["anna-1", "dora-5"],
            "touchpoints": ["app.order", "web.order_confirmation"],
            "touchpoint": "web.order_confirmation",
        }
    ]
    case = ledger("eva-6", "Eva Smit", "Plein 4", "", [("email.complaint", "case.number", "ZK-77")])
    case["inputs"] = []
    other = ledger("fien-7", "Fien Mol", "Hof 8", "", [("web.case", "case.status", "Zaak ZK-77 is in behandeling")])
    other["inputs"] = []
    found = check(digest(d) for d in (case, other))
    assert [(x["what"], x["customer"], x["owner"], x["touchpoint"]) for x in found] == [
        ("case number", "fien-7", "eva-6", "web.case")
    ]


def test_a_value_a_fact_tells_every_customer_alike_is_the_companys():
    people = [
        ledger(
            f"{n}-{i}",
            f"{n.title()} Mol",
            f"Weg {i}",
            f"RS-2000{i}",
            [("web.contact", "service.email", "hulp@tulp.nl")],
        )
        for i, n in enumerate(("ada", "bo", "cor"))
    ]
    assert check(digest(d) for d in people) == []


def test_what_the_agent_console_shows_is_not_shown_to_her():
    """A dashboard lists every customer's orders to the agent: not a leak to the customer whose ledger holds it."""
    gina = ledger("gina-8", "Gina Vos", "Wal 5", "RS-10009", [])
    gina["observations"] = [
        {
            "fact": "orders.list",
            "kind": "text",
            "raw": "RS-10001 RS-10002 Anna de Vries",
            "where": {"touchpoint": "agent.dashboard", "channel": "agent"},
        }
    ]
    assert [x for x in check(digest(d) for d in (ANNA, gina)) if x.get("customer") == "gina-8"] == []


def test_own_data_and_names_two_customers_share_are_no_leak(tmp_path):
    namesake = ledger(
        "anna-4", "Anna de Vries", "Kade 9", "RS-10004", [("web.account", "greeting", "Hallo Anna de Vries")]
    )
    for d in (ANNA, namesake):
        folder = tmp_path / "evidence" / d["customer"]["key"]
        folder.mkdir(parents=True)
        (folder / "ledger.json").write_text(json.dumps(d), encoding="utf-8")
    assert check_ledgers(tmp_path) == []


class MovableClock:
    """A test clock's stand-in that records every move."""

    controllable = True

    def __init__(self, now: datetime) -> None:
        self.moment = now
        self.moves: list[datetime] = []

    def now(self) -> datetime:
        return self.moment

    def set(self, moment: datetime) -> None:
        self.moment = moment
        self.moves.append(moment)

    def advance(self, seconds: float) -> None:
        self.set(self.moment + timedelta(seconds=seconds))


def test_a_journey_that_moves_the_clock_walks_alone_and_gives_the_start_moment_back():
    start = datetime(2026, 11, 30, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
    inner = MovableClock(start)
    clock = SharedClock(inner, start)
    events: list[str] = []
    crowd_in = threading.Barrier(3)
    release = threading.Event()

    def customer(name: str) -> None:
        clock.enter()
        clock.set(start)  # every journey starts by setting the start moment: nothing to move
        crowd_in.wait()
        release.wait()
        events.append(f"{name} done")
        clock.leave()

    def mover() -> None:
        clock.enter()
        crowd_in.wait()
        clock.advance(3600)  # waits until the other two have left
        events.append(f"moved to {clock.now():%H:%M}")
        clock.leave()

    def latecomer() -> None:
        clock.enter()  # arrives while the mover waits: walks after it
        events.append(f"latecomer at {clock.now():%H:%M}")
        clock.leave()

    threads = [threading.Thread(target=customer, args=(n,)) for n in ("anna", "bart")] + [
        threading.Thread(target=mover)
    ]
    for t in threads:
        t.start()
    time.sleep(0.2)
    late = threading.Thread(target=latecomer)
    late.start()
    time.sleep(0.2)
    assert events == []  # the mover waits for anna and bart; the latecomer waits for the mover
    release.set()
    for t in [*threads, late]:
        t.join(timeout=5)
    assert events[2:] == ["moved to 11:00", "latecomer at 10:00"] and sorted(events[:2]) == ["anna done", "bart done"]
    assert inner.moves == [start + timedelta(hours=1), start] and clock.movers == 1


@pytest.mark.parametrize(
    ("fact", "kind", "what"),
    [
        ("order.number", "order_ref", "order number"),
        ("replacement.order", "order_ref", "order number"),
        ("delivery.address", "address", "address"),
        ("case.number", "text", "case number"),
        ("return.number", "text", "return number"),
        ("customer.email", "text", "e-mail"),
        ("customer.name", "text", "name"),
        ("product.name", "text", None),
        ("order.total", "money", None),
        ("delivery.date", "date", None),
    ],
)
def test_what_is_hers(fact, kind, what):
    assert personal(fact, kind) == what
