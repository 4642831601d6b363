"""A company is several systems: one journey across the reference shop and a helpdesk beside it.

The shop is the embedded one; the helpdesk (fixtures/systems/helpdesk*) is a
separate process with its own database, desk login and mail, started here on
a free port. The customer orders in the shop, files a complaint in the
helpdesk citing the order number, and the helpdesk's agent opens it: the
order number must agree across both systems. With the helpdesk's fault
switched on (``HELPDESK_FAULT``), the journey catches the desk's wrong number.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from e2e_ports import free_port

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]
SYSTEMS = ROOT / "fixtures" / "systems"  # the repository's own maps, tasks and the helpdesk's server
FEATURES = ROOT / "tests" / "systems" / "helpdesk" / "features"


@pytest.fixture
def helpdesk() -> Iterator[Callable[..., dict[str, str]]]:
    """Start the helpdesk (with ``faults``); returns the environment the journeys run needs."""
    started: list[subprocess.Popen[str]] = []

    def start(*faults: str) -> dict[str, str]:
        smtp_port = free_port()
        env = {
            "HELPDESK_DESK_USER": "desk",
            "HELPDESK_DESK_PASSWORD": secrets.token_urlsafe(12),
            "HELPDESK_FAULT": ",".join(faults),
        }
        process = subprocess.Popen(
            [sys.executable, str(SYSTEMS / "helpdesk_server.py"), "--port", "0", "--smtp-port", str(smtp_port)],
            env={**os.environ, **env},
            stdout=subprocess.PIPE,
            text=True,
        )
        started.append(process)
        assert process.stdout is not None
        ready = json.loads(process.stdout.readline())
        return {**env, "HELPDESK_URL": str(ready["url"]), "HELPDESK_SMTP_PORT": str(smtp_port)}

    yield start
    for process in started:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@dataclass
class Ran:
    exit_code: int
    output: str
    reports: Path  # the run's own folder


@pytest.fixture
def across(tmp_path: Path) -> Callable[..., Ran]:
    """``journeys run --system refshop --system helpdesk FEATURE`` in the repository (its fixtures/systems holds
    the helpdesk's map, as a project's), with the helpdesk's environment."""

    def run(env: dict[str, str], feature: str = "across_systems.feature", *extra: str) -> Ran:
        reports = tmp_path / f"reports-{len(list(tmp_path.glob('reports-*')))}"
        command = [sys.executable, "-m", "journeys.cli", "run", "--system", "refshop"]
        command += ["--system", "helpdesk", str(FEATURES / feature)]
        command += ["--reports-dir", str(reports), "--seed", "7", *extra]
        clean = {k: v for k, v in os.environ.items() if not k.startswith(("JOURNEYS_", "PYTEST_XDIST", "REFSHOP_"))}
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=1800, env={**clean, **env})
        latest = reports / "latest"
        return Ran(done.returncode, done.stdout + done.stderr, latest.resolve() if latest.exists() else reports)

    return run


def test_a_journey_across_the_shop_and_the_helpdesk_passes_when_they_agree(helpdesk, across):
    run = across(helpdesk(), "across_systems.feature", "--tracing", "on")

    assert run.exit_code == 0, run.output
    [ledger_file] = run.reports.glob("evidence/*/ledger.json")
    ledger = json.loads(ledger_file.read_text())
    assert ledger["system"] == "refshop+helpdesk"
    seen = {(o["where"]["touchpoint"], o["fact"]): o["raw"] for o in ledger["observations"]}
    shop_number = seen[("web.order_confirmation", "order.number")]
    assert seen[("helpdesk.desk_ticket", "order.number")] == shop_number
    assert seen[("email.ticket_received", "order.number")] == shop_number  # the helpdesk's own mail
    assert seen[("helpdesk.desk_ticket", "complaint.message")]  # in a closed tab: read with visible: false
    evidence = {p.name for p in ledger_file.parent.iterdir()}
    assert "agent-01-helpdesk.desk_ticket.png" in evidence  # the desk agent's own browser, logged in
    # Each system's browser keeps its own trace: the helpdesk's do not overwrite the shop's.
    assert {"trace.zip", "helpdesk-agent-trace.zip"} <= evidence, evidence


@pytest.mark.nightly  # the English journey above walks the same path on every `pytest`
def test_the_dutch_journey_across_both_systems_passes_too(helpdesk, across):
    run = across(helpdesk(), "klacht_over_systemen.feature")

    assert run.exit_code == 0, run.output


def test_a_helpdesk_that_shows_another_order_number_is_caught(helpdesk, across):
    run = across(helpdesk("order-number-typo", "html-answer-date"))

    output = run.output
    assert run.exit_code == 1, output
    assert "InconsistentFact: order number disagrees across touchpoints" in output
    assert "NotKnown: order number at helpdesk.desk_ticket differs from what the company knows" in output
    # The mail's HTML part promises a later answer than its text part: caught inside the one mail.
    assert "differs between the parts of the mail at email.ticket_received" in output
    assert "email.ticket_received (text part)" in output and "email.ticket_received (HTML part)" in output
