"""The bundled suite passes on the clean shop in two workers, without collisions: its release gate (the
@gate journeys, `journeys run --gate`) on every `pytest`, the whole suite nightly (`pytest -m nightly`)."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize(
    ("selection", "at_least"),
    [pytest.param(("--gate",), 15, id="gate"), pytest.param((), 60, marks=pytest.mark.nightly, id="whole")],
)
def test_the_suite_passes_on_the_clean_shop_in_two_workers(run_journeys, selection, at_least):
    run = run_journeys("features", extra=("-n", "2"), options=selection)

    assert run.exit_code == 0, run.output
    ledgers = list(run.reports.glob("evidence/*/ledger.json"))
    emails = [json.loads(p.read_text())["customer"]["email"] for p in ledgers]
    assert len(emails) == len(set(emails)) >= at_least  # one mailbox per customer, across both workers
