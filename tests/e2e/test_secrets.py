"""Passwords, tokens and sessions never reach reports, evidence, logs or error messages."""

from __future__ import annotations

import re
import socket
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from journeys.channels.agent import BrowserAgentDriver
from journeys.channels.browser import BrowserSession
from journeys.channels.browser_settings import BrowserSettings
from journeys.core.evidence import EvidenceStore
from journeys.core.secrets import Secrets
from journeys.journey import embedded

pytestmark = pytest.mark.e2e

PASSWORD = "Agent-Secret-7f3k9q"
TOKEN = "Clock-Token-x81hz2w"
# The agent's session: the cookie unmasked, or a value shaped like Flask's signed session (payload.time.signature).
SESSION = re.compile(r"tulp_session=(?!•••)|(?:eyJ|\.eJ)[\w-]+\.[\w-]{6}\.[\w-]{27}")


def test_no_secret_in_any_report_file_or_the_output(run_journeys):
    # A failing journey keeps its Playwright trace, which saw the agent log in.
    run = run_journeys(
        "features/complaint/wrong_item.feature",
        faults=("agent-no-history",),
        extra=("-k", "recovery", "--tracing=retain-on-failure"),  # "Service recovery after a wrong delivery"
        env={"REFSHOP_AGENT_PASSWORD": PASSWORD, "REFSHOP_CLOCK_TOKEN": TOKEN},
    )

    assert run.exit_code == 1, run.output
    files = [p for p in run.reports.rglob("*") if p.is_file()]
    assert {"trace.zip", "agent-trace.zip"} <= {p.name for p in files}
    texts = {"output": run.output}
    for path in files:
        if path.suffix == ".zip":
            with zipfile.ZipFile(path) as archive:
                for name in archive.namelist():
                    texts[f"{path}:{name}"] = archive.read(name).decode("utf-8", "replace")
        else:
            texts[str(path)] = path.read_bytes().decode("utf-8", "replace")
    leaks = [where for where, text in texts.items() if PASSWORD in text or TOKEN in text or SESSION.search(text)]
    assert leaks == []
    assert len(texts) > 20  # screenshots, mails, API answers, ledger, trace entries, allure results


# An order's token (the app asks for it) in a URL's query, unmasked.
ORDER_TOKEN = re.compile(r"token=(?!%E2%80%A2|•••)[\w-]{6,}")


def test_the_order_token_the_shop_hands_her_is_masked_in_every_report(run_journeys):
    run = run_journeys("features/order/web_order.feature", extra=("-k", "tablet"))
    assert run.exit_code == 0, run.output
    files = [p for p in run.reports.rglob("*") if p.is_file() and p.suffix not in (".png", ".zip", ".webm")]
    texts = {str(path): path.read_bytes().decode("utf-8", "replace") for path in files}
    csvs = [where for where in texts if where.endswith(".csv")]
    assert csvs, "no touchpoint tables in allure-results"
    assert any("token=•••" in text or "token=%E2%80%A2" in text for text in texts.values())  # it was there, masked
    assert [where for where, text in texts.items() if ORDER_TOKEN.search(text)] == []


# What a staging system behind an authenticating proxy would need on every request.
BEARER = "Staging-Bearer-5kq2m8x"
API_KEY = "Staging-Key-r7w1t4z"


@pytest.fixture
def shop() -> Iterator[embedded.EmbeddedSystem]:
    with socket.socket() as s:  # mail goes nowhere: the agent's login sends none
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    system = embedded.start("refshop", smtp_port=port)
    yield system
    system.stop()


def test_an_agents_kept_trace_holds_no_session_cookie_and_no_authorization(shop, tmp_path):
    evidence = EvidenceStore(tmp_path, "anna-1")
    browser = BrowserSession()
    credentials = {"user_env": "REFSHOP_AGENT_USER", "password_env": "REFSHOP_AGENT_PASSWORD"}
    tracing = BrowserSettings(tracing="retain-on-failure")
    agent = BrowserAgentDriver(
        browser, shop.url, evidence, "anna-1", Secrets(), credentials=credentials, settings=tracing, environ=shop.env
    )
    try:
        agent.page.context.set_extra_http_headers({"Authorization": f"Bearer {BEARER}", "X-Api-Key": API_KEY})
        agent.login()
        agent.goto("/agent/")
        assert "/agent/login" not in agent.current_url, "the agent did not get in"
        session = {c["name"]: c["value"] for c in agent.page.context.cookies()}["tulp_session"]
        agent.close(keep_trace=True)
    finally:
        agent.close()
        browser.close()

    entries = _zip_texts(evidence.folder / "agent-trace.zip")
    leaks = [(name, v) for name, text in entries.items() for v in (session, BEARER, API_KEY) if v in text]
    assert leaks == []
    # The trace did see them, masked: requests with the cookie and the headers, the login's Set-Cookie.
    network = entries["trace.network"]
    assert "tulp_session=•••" in network and "Bearer •••" in network and '"X-Api-Key","value":"•••"' in network
    assert shop.env["REFSHOP_AGENT_PASSWORD"] not in "".join(entries.values())


def _zip_texts(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name).decode("utf-8", "replace") for name in archive.namelist()}
