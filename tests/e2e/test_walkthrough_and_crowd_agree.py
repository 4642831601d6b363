"""One journey, two ways, one verdict: `journeys run` and `journeys simulate` against a shop journeys did not start.

The reference shop runs as a process of its own (``python -m refshop``), as a
third-party system would; both commands are only pointed at it (``--base-url``,
``--smtp-port``). Its map here logs the agent in with a ``login:`` block and its
task only opens the console's pages (as a map of a third-party shop does):
the staff login, credentials, mail and timeouts must take one code path in
both commands, so what is green walked through is green in a crowd.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from e2e_ports import free_port

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]
ORDER = "features/order/web_order.feature"
COMPLAINT = "features/complaint/wrong_item.feature"
SCENARIOS = {
    f"{ORDER}:6": "A tablet ordered on the web is confirmed the same way everywhere",
    f"{COMPLAINT}:8": "Service recovery after a wrong delivery",
}
# The agent's task opens her page and trusts the map's `login:` to have logged the agent in.
TASKS = """
from journeys.maps.refshop_tasks import *  # noqa: F403 - the shop's tasks, one overridden below
from journeys.maps.refshop_service_tasks import *  # noqa: F403
from journeys.maps.refshop_security_tasks import *  # noqa: F403
from journeys.systems.tasks import task


@task("agent looks up customer")
def agent_looks_up_customer(journey) -> None:
    journey.agent.goto(f"/agent/?q={journey.customer.email}")
    journey.agent.click(journey.customer.name)
    journey.read("agent.customer")
"""


@dataclass
class Shop:
    url: str
    smtp_port: int
    env: dict[str, str]
    system: Path


def clean(env: dict[str, str]) -> dict[str, str]:
    kept = {k: v for k, v in os.environ.items() if not k.startswith(("JOURNEYS_", "REFSHOP_", "PYTEST_XDIST", "CI"))}
    return {**kept, **env}


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Shop]:
    """``python -m refshop`` on a free port, and a map of it whose agent logs in by its `login:` block."""
    folder = tmp_path_factory.mktemp("system")
    source = (ROOT / "journeys" / "maps" / "refshop.yaml").read_text(encoding="utf-8")
    login = "  agent: {user_env: REFSHOP_AGENT_USER, password_env: REFSHOP_AGENT_PASSWORD, login: {url: /agent/login}}"
    mapped = re.sub(r"(?m)^  agent: \{user_env: .*\}$", login, source)
    mapped = re.sub(r"(?m)^tasks: .*$", "tasks: third_tasks", mapped)
    mapped = mapped.replace("embedded: refshop\n", "")
    assert "login: {url: /agent/login}" in mapped
    (folder / "third.yaml").write_text(mapped, encoding="utf-8")
    (folder / "third_tasks.py").write_text(TASKS, encoding="utf-8")
    smtp_port = free_port()
    env = {
        "REFSHOP_CLOCK_TOKEN": secrets.token_urlsafe(12),
        "REFSHOP_STORE_KEY": secrets.token_urlsafe(12),
        "REFSHOP_AGENT_USER": "agent",
        "REFSHOP_AGENT_PASSWORD": secrets.token_urlsafe(12),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "refshop", "--port", "0", "--smtp-port", str(smtp_port)],
        cwd=ROOT,
        env=clean(env),
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        ready = json.loads(process.stdout.readline())
        yield Shop(str(ready["url"]), smtp_port, env, folder / "third.yaml")
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def journeys(shop: Shop, command: str, *args: str) -> subprocess.CompletedProcess[str]:
    pointed = ("--system", str(shop.system), "--base-url", shop.url, "--smtp-port", str(shop.smtp_port))
    return subprocess.run(
        [sys.executable, "-m", "journeys.cli", command, *args, *pointed],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
        env=clean(shop.env),
    )


def test_a_journey_green_walked_through_is_green_in_a_crowd_on_the_same_clean_shop(shop, tmp_path):
    walked = journeys(shop, "run", *SCENARIOS, "--seed", "7", "--reports-dir", str(tmp_path / "run"))
    assert walked.returncode == 0, walked.stdout + walked.stderr
    junit = next((tmp_path / "run" / "runs").glob("*/junit.xml")).read_text(encoding="utf-8")
    assert junit.count("<testcase") == 2 and "<failure" not in junit and "<error" not in junit

    mix = [a for title in SCENARIOS.values() for a in ("--mix", f"{title}=1")]
    crowd = journeys(
        shop,
        "simulate",
        ORDER,
        COMPLAINT,
        *mix,
        *("--customers", "4", "--rate", "2", "--seed", "5", "--out", str(tmp_path / "crowd")),
        *("--threshold", "failure_rate == 0", "--threshold", "privacy_leaks == 0"),
    )
    results = json.loads((tmp_path / "crowd" / "simulation.json").read_text(encoding="utf-8"))
    assert crowd.returncode == 0, crowd.stdout + crowd.stderr + json.dumps(results["causes"])
    outcomes = {
        row["location"].split("features/", 1)[-1]: row["went_wrong"] for row in results["journeys"]["by_scenario"]
    }
    # The same verdict both ways: every scenario walked in the crowd, none went wrong, as walked through.
    assert {f"features/{k}" for k in outcomes} == set(SCENARIOS) and set(outcomes.values()) == {0}
    assert results["reach"]["touchpoints"]["agent.customer"]["reached"] >= 1  # the console, logged in
    assert all(t["measured"] and t["passed"] for t in results["thresholds"])
