"""The bundled suite passes on the clean shop, serially and in parallel, without collisions."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.e2e


def test_the_whole_suite_passes_on_the_clean_shop_in_two_workers(run_journeys):
    run = run_journeys("features", extra=("-n", "2"))

    assert run.exit_code == 0, run.output
    ledgers = list(run.reports.glob("evidence/*/ledger.json"))
    emails = [json.loads(p.read_text())["customer"]["email"] for p in ledgers]
    assert len(emails) == len(set(emails)) >= 20  # one mailbox per customer, across both workers
