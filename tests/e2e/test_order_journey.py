"""The walking skeleton: the order journey on the real shop, in a real browser, with real mail, as the
terminal, Allure and the journey map tell it. Two runs (clean, and with the mail's stale total) are each
made once and read by every test here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from map_page import look

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def clean(shared_run):
    # The tablet scenario in English and in Dutch (the file's second scenario is left out).
    return shared_run(
        "features/order/web_order.feature", "features/order/webbestelling.feature", extra=("-k", "tablet")
    )


@pytest.fixture(scope="module")
def stale(shared_run):
    return shared_run(
        "features/order/web_order.feature", faults=("email-total-stale",), extra=("--tracing=retain-on-failure",)
    )


def test_order_journey_passes_on_the_clean_shop(clean):
    run = clean

    assert run.exit_code == 0, run.output
    assert "2 passed" in run.output
    ledgers = sorted(run.reports.glob("evidence/*/ledger.json"))
    assert len(ledgers) == 2
    ledger = json.loads(ledgers[0].read_text())
    touchpoints = {o["where"]["touchpoint"] for o in ledger["observations"]}
    assert {"web.order_confirmation", "email.order_confirmation", "app.order"} <= touchpoints
    evidence = {p.suffix for p in ledgers[0].parent.iterdir()}
    assert {".png", ".eml", ".json"} <= evidence
    results = list((run.reports / "allure-results").glob("*-result.json"))
    steps = [s["name"] for r in results for s in json.loads(r.read_text())["steps"]]
    assert 'When she orders a "tablet-10" on the web shop' in steps
    assert 'Als ze een "tablet-10" bestelt in de webwinkel' in steps


def test_stale_email_total_is_caught_with_both_touchpoints_and_totals(stale):
    run = stale

    assert run.exit_code == 1, run.output
    assert "order total disagrees across touchpoints" in run.output
    assert "email.order_confirmation  € 349,00" in run.output
    assert "web.order_confirmation    € 329,00" in run.output
    assert "rule: agree(order.total)" in run.output
    assert "features/order/web_order.feature:" in run.output
    results = [json.loads(r.read_text()) for r in (run.reports / "allure-results").glob("*-result.json")]
    [failed] = [r for r in results if r["status"] == "failed"]
    # On the test itself, not in a teardown: the violations, the ledger, the trace of the failed journey.
    names = [a["name"] for a in failed["attachments"]]
    assert names[:2] == ["violations", "ledger"] and "trace" in names[2], names
    assert {"customer", "seed", "effort score"} <= {p["name"] for p in failed["parameters"]}
    # The touchpoint that told the odd total is the failed step, with both totals; the others stay green.
    touchpoints = [s for step in failed["steps"] for s in step.get("steps", [])]
    red = [s["name"] for s in touchpoints if s["status"] == "failed"]
    assert len(red) == 1 and red[0].startswith("email · email.order_confirmation"), red
    assert red[0].endswith("✗ InconsistentFact order.total: € 349,00 ≠ € 329,00"), red
    assert any(s["name"].startswith("app · app.order") and s["status"] == "passed" for s in touchpoints)
    # The Gherkin step that read that mail is red with it (a green step must not hide a red one); the rest green.
    holding = [step for step in failed["steps"] if any(s["name"] == red[0] for s in step.get("steps", []))]
    assert [step["status"] for step in holding] == ["failed"], holding
    assert "€ 349,00 ≠ € 329,00" in holding[0]["statusDetails"]["message"]
    assert any(step["status"] == "passed" and step.get("steps") for step in failed["steps"] if step not in holding)
    assert "email.order_confirmation  € 349,00" in run.output and "<- differs" in run.output


def test_the_map_draws_the_stale_mail_total_as_a_red_line_with_both_totals(stale, tmp_path: Path):
    run = stale
    assert run.exit_code == 1, run.output
    page_file = run.reports / "journey-map.html"
    assert page_file.is_file(), run.output
    assert "€ 349,00" in (run.reports / "summary.md").read_text(encoding="utf-8")

    seen = look(page_file, tmp_path / "journey-map-fault.png")

    assert seen["errors"] == []
    assert seen["journeys"] == 2
    assert any("order.total" in line and "€ 329,00" in line and "€ 349,00" in line for line in seen["lines"]), seen
    assert seen["red"] == ["email.order_confirmation"] and seen["red_cells"] == 1, seen  # the odd one out only
    assert seen["wide"] <= 1440, seen
    assert (tmp_path / "journey-map-fault.png").stat().st_size > 10_000


def test_the_map_of_a_clean_run_draws_no_red_line(clean, tmp_path: Path):
    run = clean
    assert run.exit_code == 0, run.output

    seen = look(run.reports / "journey-map.html", tmp_path / "journey-map-clean.png")

    assert seen["errors"] == [] and seen["journeys"] == 2
    assert seen["lines"] == [] and seen["red"] == [] and seen["red_cells"] == 0, seen
    assert (tmp_path / "journey-map-clean.png").is_file()
