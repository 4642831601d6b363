"""The reference shop as a system journeys does not start: the test starts it, journeys is pointed at it.

The shop is told where to send its mail when it starts (``--smtp-port``), as a
real shop's configuration would say; ``journeys run --smtp-port`` puts the
SMTP capture there. The agent console's login and an existing customer's
account come from environment variables the maps name.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from e2e_ports import free_port

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]


@dataclass
class ExternalShop:
    url: str
    smtp_port: int
    env: dict[str, str]


@pytest.fixture(scope="module")
def external_shop() -> Iterator[ExternalShop]:
    """``python -m refshop`` on a free port, sending its mail to a port chosen before it starts."""
    smtp_port = free_port()
    env = {
        "REFSHOP_CLOCK_TOKEN": secrets.token_urlsafe(12),
        "REFSHOP_AGENT_USER": "agent",
        "REFSHOP_AGENT_PASSWORD": secrets.token_urlsafe(12),
    }
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("JOURNEYS_", "REFSHOP_", "PYTEST_XDIST"))}
    process = subprocess.Popen(
        [sys.executable, "-m", "refshop", "--port", "0", "--smtp-port", str(smtp_port)],
        cwd=ROOT,
        env={**clean, **env},
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        ready = json.loads(process.stdout.readline())
        yield ExternalShop(str(ready["url"]), smtp_port, env)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def pointed_at(shop: ExternalShop) -> tuple[str, ...]:
    return ("--base-url", shop.url, "--smtp-port", str(shop.smtp_port))


@dataclass
class Ran:
    exit_code: int
    output: str
    reports: Path  # the run's own folder


@pytest.fixture
def journeys_run(tmp_path: Path):
    """``journeys run ARGS`` as a user types it, in a subprocess with only ``env`` of ours."""

    def run(*args: str, env: dict[str, str]) -> Ran:
        reports = tmp_path / f"reports-{len(list(tmp_path.glob('reports-*')))}"
        command = [sys.executable, "-m", "journeys.cli", "run", *args, "--reports-dir", str(reports), "--seed", "7"]
        clean = {k: v for k, v in os.environ.items() if not k.startswith(("JOURNEYS_", "PYTEST_XDIST", "REFSHOP_"))}
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=1800, env={**clean, **env})
        latest = reports / "latest"
        return Ran(done.returncode, done.stdout + done.stderr, latest.resolve() if latest.exists() else reports)

    return run


def test_the_order_journey_with_its_mail_passes_against_a_shop_journeys_did_not_start(external_shop, journeys_run):
    run = journeys_run(*pointed_at(external_shop), "features/order/web_order.feature:6", env=external_shop.env)

    assert run.exit_code == 0, run.output
    assert "1 passed" in run.output
    assert "embedded" not in run.output.split("\n", 3)[2]  # the header names the shop's URL, not the embedded one
    [ledger] = run.reports.glob("evidence/*/ledger.json")
    seen = {o["where"]["touchpoint"] for o in json.loads(ledger.read_text())["observations"]}
    assert {"web.order_confirmation", "email.order_confirmation", "app.order"} <= seen


def test_a_journey_through_the_agent_console_passes_against_it(external_shop, journeys_run):
    run = journeys_run(*pointed_at(external_shop), "features/complaint/wrong_item.feature:8", env=external_shop.env)

    assert run.exit_code == 0, run.output
    assert "1 passed" in run.output
    [ledger] = run.reports.glob("evidence/*/ledger.json")
    seen = {o["where"]["touchpoint"] for o in json.loads(ledger.read_text())["observations"]}
    assert "agent.customer" in seen


ANNA = """\
@web
Feature: A customer who has an account already
  Scenario: Anna orders logged in to the account she has
    Given she is the registered customer "anna"
    When she orders a "tablet-10" on the web shop
    And she checks the order in her account
    Then every touchpoint agrees on the order number
    And every touchpoint agrees on the order total
"""


def test_an_existing_customer_walks_the_journey_as_herself(external_shop, journeys_run, tmp_path):
    from journeys.core.customer import Customer
    from journeys.journey.journey import Journey
    from journeys.journey.session import SystemSession

    # Anna's account exists before the journey: she made it at a checkout of her own.
    session = SystemSession(
        "refshop",
        base_url=external_shop.url,
        smtp_port=external_shop.smtp_port,
        reports_dir=tmp_path / "setup",
        environ=external_shop.env,  # the run's variables: its clock token, store key and agent login
    )
    try:
        signing_up = Journey(session, Customer.create(11, run_id="anna"), name="anna signs up")
        signing_up.do("create account")
        signing_up.close()
    finally:
        session.close()
    anna = signing_up.customer
    systems = tmp_path / "systems"
    systems.mkdir()
    for tasks in (ROOT / "journeys/maps").glob("refshop*_tasks.py"):
        (systems / tasks.name).write_text(tasks.read_text())
    text = (ROOT / "journeys/maps/refshop.yaml").read_text(encoding="utf-8")
    accounts = (
        "accounts:\n  anna: {email_env: SHOP_ANNA_EMAIL, password_env: SHOP_ANNA_PASSWORD, name_env: SHOP_ANNA_NAME}\n"
    )
    (systems / "refshop.yaml").write_text(text.replace("\ntouchpoints:", f"\n{accounts}\ntouchpoints:"))
    feature = tmp_path / "anna.feature"
    feature.write_text(textwrap.dedent(ANNA), encoding="utf-8")
    env = {**external_shop.env, "SHOP_ANNA_EMAIL": anna.email, "SHOP_ANNA_PASSWORD": anna.password}
    env["SHOP_ANNA_NAME"] = anna.name

    run = journeys_run(*pointed_at(external_shop), "--system", str(systems / "refshop.yaml"), str(feature), env=env)

    assert run.exit_code == 0, run.output
    [ledger_file] = run.reports.glob("evidence/anna-*/ledger.json")
    ledger = json.loads(ledger_file.read_text())
    assert ledger["customer"]["account"] == "anna"
    assert ledger["customer"]["email"] == anna.email
    assert anna.password not in ledger_file.read_text()
    assert {o["where"]["touchpoint"] for o in ledger["observations"]} >= {"web.order_confirmation", "web.account_order"}
