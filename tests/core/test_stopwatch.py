"""A touchpoint's time is the system's: the harness's own work (browser start, evidence) is left out."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from journeys.channels.fake import FakeDriver
from journeys.core.customer import Customer
from journeys.core.evidence import EvidenceStore
from journeys.core.stopwatch import Stopwatch
from journeys.journey.journey import Journey
from journeys.systems.map_files import load_map


class FakeClock:
    """Seconds that pass only when a test says so."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now

    def wait(self, seconds: float) -> None:
        self.now += seconds


def test_harness_blocks_inside_a_lap_are_left_out_once_even_nested():
    clock = FakeClock()
    watch = Stopwatch(clock)
    with watch.lap() as outer:
        clock.wait(0.5)  # the system
        with watch.harness():
            clock.wait(4.0)  # the browser starting
            with watch.harness():
                clock.wait(1.0)  # a screenshot inside the start-up: counted once
        with watch.lap() as inner:
            clock.wait(0.25)
            with watch.harness():
                clock.wait(2.0)
    assert inner.seconds == pytest.approx(0.25)
    assert outer.seconds == pytest.approx(0.75)
    assert watch.harness_seconds == pytest.approx(7.0)


def test_writing_evidence_is_harness_time(tmp_path):
    clock = FakeClock()
    store = EvidenceStore(tmp_path, "anna-1", stopwatch=Stopwatch(clock))
    before = store.stopwatch.harness_seconds
    store.save("web", "web.product", ".html", "<p>x</p>")
    assert store.stopwatch.harness_seconds == before  # the fake clock did not move: nothing was added
    assert (tmp_path / "evidence" / "anna-1" / "web-01-web.product.html").read_text() == "<p>x</p>"


MAP = """\
system: shop
base_url: http://127.0.0.1:9
touchpoints:
  web.product:
    channel: web
    url: /product/{sku}
    facts:
      product.price: {testid: price, kind: money}
"""


class SlowStartDriver(FakeDriver):
    """A driver whose first visit opens a browser (harness) before the system answers."""

    def __init__(self, clock: FakeClock, journey: Any) -> None:
        super().__init__({"web.product": {"product.price": "€ 10,00"}})
        self.clock, self.journey, self.opened = clock, journey, False

    def visit(self, tp: Any, **params: Any) -> Any:
        if not self.opened:
            with self.journey.evidence.stopwatch.harness():
                self.clock.wait(6.0)  # browser, context and page
            self.opened = True
        self.clock.wait(0.3)  # the shop answering
        with self.journey.evidence.stopwatch.harness():
            self.clock.wait(0.4)  # the screenshot
        return super().visit(tp, **params)


def test_the_first_touchpoint_is_not_charged_for_the_browser_start(tmp_path: Path):
    (tmp_path / "shop.yaml").write_text(MAP, encoding="utf-8")
    shop = load_map(tmp_path / "shop.yaml")
    clock = FakeClock()

    def driver(channel: str, journey: Any) -> Any:
        clock.wait(2.0)  # making the driver: an HTTP client, the browser session
        return SlowStartDriver(clock, journey)

    system = SimpleNamespace(
        map=shop,
        reports_dir=tmp_path / "reports",
        clock=SimpleNamespace(controllable=False, now=lambda: datetime(2026, 12, 1, tzinfo=UTC)),
        driver=driver,
        touchpoint=shop.touchpoint,
    )
    journey = Journey(system, Customer.create(5, run_id="watch"), name="watch")  # type: ignore[arg-type]
    journey.stopwatch.clock = clock
    journey.visit("web.product", sku="tablet-10")
    journey.visit("web.product", sku="tablet-10")
    first, second = (visit.waited_seconds for visit in journey.ledger.visits)
    assert first == pytest.approx(0.3) and second == pytest.approx(0.3)
    assert journey.stopwatch.harness_seconds == pytest.approx(2.0 + 6.0 + 0.4 + 0.4)


class SlowLoginMailbox:
    """A mailbox whose login takes seconds and whose mail is there at the first look."""

    description = "a slow IMAP server"

    def __init__(self, clock: FakeClock, message: Any) -> None:
        self.clock, self.message, self.opened = clock, message, 0

    def open(self) -> None:
        self.opened += 1
        self.clock.wait(3.0)  # connect, log in, select the folder

    def messages(self, address: str) -> list[Any]:
        self.clock.wait(0.2)  # the system's mail, found
        return [self.message]

    def wait(self, timeout: float) -> None:
        raise AssertionError("the mail was there: no waiting")


def test_logging_in_to_her_mailbox_is_harness_time(tmp_path: Path):
    from journeys.channels.mail import MailboxDriver
    from journeys.channels.message import Message
    from journeys.core.secrets import Secrets
    from journeys.systems.fact_reader import FactReader
    from journeys.systems.touchpoint_map import Touchpoint

    clock = FakeClock()
    watch = Stopwatch(clock)
    raw = b"From: shop@example.test\r\nTo: anna@example.test\r\nSubject: Bestelling RS-1\r\n\r\nBestelnummer: RS-1\r\n"
    mailbox = SlowLoginMailbox(clock, Message.parse("1", raw, datetime(2026, 12, 1, tzinfo=UTC)))
    driver = MailboxDriver(mailbox, EvidenceStore(tmp_path, "anna-1", stopwatch=watch), "anna-1", Secrets())
    mail = Touchpoint(
        "email.order",
        "email",
        subject="Bestelling",
        facts={"order": FactReader("order", "text", regex=r"Bestelnummer: (\S+)")},
    )
    with watch.lap() as lap:
        reading = driver.receive(mail, "anna@example.test")
    assert reading.raw["order"] == "RS-1" and mailbox.opened == 1
    assert lap.seconds == pytest.approx(0.2)
