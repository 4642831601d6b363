"""Promises kept across nights, on a shop journeys does not start and whose clock it does not own.

The reference shop runs as a second process (``python -m refshop``) with a
clock of its own, frozen on a Monday a week or more ahead; journeys knows it
only by its address and a map without a test clock. Night 1 stores the
delivery promises (two runs, one store); the shop's staff move on (its clock
runs to Tuesday afternoon: one order delivered, the other still under way);
night 2 checks them as of Thursday morning: first with a wrong staff password
(nothing can be read: pending, exit 3), then for real (one kept, one broken,
exit 1), named by customer and order in summary.md, junit.xml and the map.
The next journeys run names the broken promise still outstanding. Five runs and
a shop of its own: nightly (`pytest -m nightly`).
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import textwrap
import urllib.request
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from e2e_ports import free_port

pytestmark = [pytest.mark.e2e, pytest.mark.nightly]
ROOT = Path(__file__).resolve().parents[2]
AMSTERDAM = ZoneInfo("Europe/Amsterdam")

ORDER = """\
Feature: Delivered on the promised day
  Scenario: An order of headphones arrives on the promised day
    Given a customer
    When she orders a "headphones" on the web shop
    Then the promise of the delivery date is kept
"""

# The same journey written in Dutch: its promise is judged in Dutch words on night 2.
BESTELLING = """\
# language: nl
Functionaliteit: Bezorgd op de beloofde dag
  Scenario: Een koptelefoon komt op de beloofde dag
    Gegeven een klant
    Als ze een "headphones" bestelt in de webwinkel
    Dan wordt de belofte over de bezorgdatum nagekomen
"""

# The delivery date as a promise the phone desk's order view can check (a staff touchpoint).
PROMISE = """\
  delivery.date:
    en: delivery date
    nl: de bezorgdatum
    kind: date
    promise: {touchpoint: phone.order, fact: order.status, equals: delivered}
"""


@dataclass
class Shop:
    url: str
    smtp_port: int
    env: dict[str, str]
    monday: date

    def move_clock(self, moment: datetime) -> None:
        """The shop's own time moves on (its staff and carriers do their work): journeys is not told."""
        body = json.dumps({"set": moment.isoformat()}).encode()
        headers = {"Content-Type": "application/json", "X-Clock-Token": self.env["REFSHOP_CLOCK_TOKEN"]}
        request = urllib.request.Request(f"{self.url}/__clock", body, headers, method="POST")
        with urllib.request.urlopen(request, timeout=30) as answer:
            assert answer.status == 200


@pytest.fixture(scope="module")
def shop() -> Iterator[Shop]:
    today = datetime.now(AMSTERDAM).date()
    monday = today + timedelta(days=7 - today.weekday() + 7)  # Monday after next: always ahead of the wall clock
    smtp_port = free_port()
    env = {
        "REFSHOP_CLOCK_TOKEN": secrets.token_urlsafe(12),
        "REFSHOP_AGENT_USER": "agent",
        "REFSHOP_AGENT_PASSWORD": secrets.token_urlsafe(12),
    }
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("JOURNEYS_", "REFSHOP_", "PYTEST_XDIST"))}
    process = subprocess.Popen(
        [sys.executable, "-m", "refshop", "--port", "0", "--smtp-port", str(smtp_port), "--clock", f"{monday}T10:00"],
        cwd=ROOT,
        env={**clean, **env},
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        ready = json.loads(process.stdout.readline())
        yield Shop(str(ready["url"]), smtp_port, env, monday)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The shop's map without a test clock (journeys cannot move the shop's time), the delivery date a promise."""
    systems = tmp_path / "systems"
    systems.mkdir()
    for tasks in (ROOT / "journeys/maps").glob("refshop*_tasks.py"):
        (systems / tasks.name).write_text(tasks.read_text())
    text = (ROOT / "journeys/maps/refshop.yaml").read_text(encoding="utf-8")
    text = text[: text.index("\nclock:")] + text[text.index("\nmail:") :]
    text = text.replace("\nfacts:\n", "\nfacts:\n" + PROMISE, 1)
    (systems / "refshop.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "order.feature").write_text(textwrap.dedent(ORDER), encoding="utf-8")
    (tmp_path / "bestelling.feature").write_text(BESTELLING, encoding="utf-8")
    return tmp_path


@dataclass
class Done:
    code: int
    output: str


def journeys(project: Path, *args: str, env: dict[str, str]) -> Done:
    """A ``journeys`` command as a nightly job types it, with only ``env`` of ours."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("JOURNEYS_", "PYTEST_XDIST", "REFSHOP_"))}
    # pytest-lsp (pygls's test plugin, when installed) breaks every test item without fixtures: not ours.
    clean["PYTEST_ADDOPTS"] = "-p no:pytest-lsp"
    command = [sys.executable, "-m", "journeys.cli", *args, "--reports-dir", str(project / "reports")]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=1800, env={**clean, **env})
    return Done(done.returncode, done.stdout + done.stderr)


def night_run(project: Path, shop: Shop, feature: str = "order.feature") -> Done:
    return journeys(
        project,
        "run",
        str(project / feature),
        "--system",
        str(project / "systems/refshop.yaml"),
        "--base-url",
        shop.url,
        "--smtp-port",
        str(shop.smtp_port),
        env=shop.env,
    )


def latest(project: Path) -> Path:
    return (project / "reports" / "latest").resolve()


def ordered(run: Path) -> tuple[str, str]:
    """The customer's name and her order number, as night 1's ledger has them."""
    [ledger] = [json.loads(p.read_text()) for p in run.glob("evidence/*/ledger.json")]
    number = next(o["raw"] for o in ledger["observations"] if o["fact"] == "order.number")
    return ledger["customer"]["name"], number


def test_promises_stored_one_night_are_judged_the_next_as_kept_broken_or_unverifiable(shop, project):
    # Night 1: an order at 10:00 (delivery promised Tuesday), then one at 19:00 (Wednesday).
    first = night_run(project, shop)
    assert first.code == 0, first.output
    store = project / "reports" / "promises.sqlite"
    assert f"promises not yet due -> {store}" in first.output
    assert f"journeys: 1 promise stored in {store}, next due" in first.output
    summary = (latest(project) / "summary.md").read_text(encoding="utf-8")
    assert f"1 promise stored in `{store}`, next due" in summary, summary
    kept_by = ordered(latest(project))
    shop.move_clock(datetime.combine(shop.monday, datetime.min.time().replace(hour=19), AMSTERDAM))
    second = night_run(project, shop, "bestelling.feature")  # a Dutch journey's promise
    assert second.code == 0, second.output
    broken_by = ordered(latest(project))
    assert not list((project / "reports" / "runs").glob("*/promises.sqlite"))  # one store, not one per run

    # The staff and carriers work on: Tuesday 15:00, the first order is delivered, the second is not.
    shop.move_clock(datetime.combine(shop.monday + timedelta(days=1), datetime.min.time().replace(hour=15), AMSTERDAM))
    as_of = f"{shop.monday + timedelta(days=3)}T08:00"  # Thursday morning: both were due

    # Night 2 with a wrong staff password: nothing could be read, nothing is judged.
    locked = journeys(
        project, "promises", "--verify", "--as-of", as_of, env={**shop.env, "REFSHOP_AGENT_PASSWORD": "x"}
    )
    assert locked.code == 3, locked.output
    assert locked.output.count("unverifiable") == 2, locked.output
    listed = journeys(project, "promises", env=shop.env)
    assert "pending: 2" in listed.output and "broken: 0" in listed.output, listed.output
    assert "not checked yet: phone.order could not be read: login for role agent failed at" in listed.output, (
        listed.output
    )
    assert "not checked yet: phone.order was niet te lezen: login for role agent failed at" in listed.output

    # Night 2: checked against the shop's own address and map, as stored; no --system, no faketime. No
    # promise is read in a mail, so no mail capture is started: the SMTP port given may well be taken.
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        smtp = str(taken.getsockname()[1])
        night2 = journeys(project, "promises", "--verify", "--as-of", as_of, "--smtp-port", smtp, env=shop.env)
    assert night2.code == 1, night2.output
    run = latest(project)
    summary = (run / "summary.md").read_text(encoding="utf-8")
    verdicts = (
        (kept_by, "kept, time unknown: phone.order shows delivered"),
        (broken_by, "gebroken: phone.order toont"),
    )
    for (name, number), verdict in verdicts:
        rows = [line for line in summary.splitlines() if number in line and "| phone.order |" in line]
        assert len(rows) == 1, summary
        assert name in rows[0] and verdict in rows[0] and "| web.checkout |" in rows[0], rows[0]
    cases = {c.get("name"): c for c in ElementTree.parse(run / "junit.xml").getroot().iter("testcase")}
    assert len(cases) == 2
    [kept_case] = [c for n, c in cases.items() if kept_by[1] in n and kept_by[0] in n]
    [broken_case] = [c for n, c in cases.items() if broken_by[1] in n and broken_by[0] in n]
    assert kept_case.find("failure") is None and kept_case.find("error") is None
    assert broken_case.find("failure") is not None
    page = (run / "journey-map.html").read_text(encoding="utf-8")
    assert broken_by[1] in page and "kept, time unknown" in page
    assert (project / "reports" / "trend.sqlite").is_file()

    # The next night's run names the broken promise still outstanding.
    third = night_run(project, shop)
    summary = (latest(project) / "summary.md").read_text(encoding="utf-8")
    assert "Promises still outstanding" in summary, third.output + summary
    assert "journeys: 1 promise still outstanding (1 broken at the last check)" in third.output, third.output
    [line] = [line for line in summary.splitlines() if broken_by[1] in line]
    assert broken_by[0] in line and "broken" in line
