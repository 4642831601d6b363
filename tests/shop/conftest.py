"""Fixtures for the reference shop's own tests: a real shop on loopback, a real SMTP sink."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from aiosmtpd.controller import Controller
from shop_helpers import AGENT_PASSWORD, CLOCK_TOKEN, MONDAY_10, STORE_KEY, Inbox, free_port

from refshop.server import RunningShop, serve


@pytest.fixture(scope="session")
def smtp() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield inbox, port
    controller.stop()


@pytest.fixture
def inbox(smtp: tuple[Inbox, int]) -> Inbox:
    return smtp[0]


@pytest.fixture(autouse=True)
def clock_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REFSHOP_CLOCK_TOKEN", CLOCK_TOKEN)


@pytest.fixture
def start_shop(smtp: tuple[Inbox, int]) -> Iterator[Callable[..., RunningShop]]:
    """Start a shop (faults, clock) on a free port; stopped after the test."""
    started: list[RunningShop] = []

    def start(*faults: str, clock: str | None = MONDAY_10, seed: int = 1) -> RunningShop:
        running = serve(
            smtp_port=smtp[1],
            faults=faults,
            clock=clock,
            seed=seed,
            agent_password=AGENT_PASSWORD,
            store_key=STORE_KEY,
        )
        started.append(running)
        smtp[0].mailers.append(running.shop.mailer)
        return running

    yield start
    for running in started:
        smtp[0].mailers.remove(running.shop.mailer)
        running.stop()


@pytest.fixture
def shop(start_shop: Callable[..., RunningShop]) -> RunningShop:
    return start_shop()
