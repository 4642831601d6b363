"""The repository's own steps (steps/, beside features/): the reference shop's house rule on its discount
code, held against what touchpoints showed. The journeys that use it run on the clean shop with the rest of
features/ (tests/e2e/test_bundled_suite.py); here, that it fails when the share is wrong."""

from __future__ import annotations

import importlib
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace

import pytest

from journeys import StepError
from journeys.core.ledger import Ledger
from journeys.core.records import Provenance
from journeys.vocabulary.catalogue import load_steps

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def house_rules():
    load_steps(ROOT)
    return importlib.import_module("steps.house_rules")


def journey_that_saw(*shown: tuple[str, str, str]) -> SimpleNamespace:
    """A journey whose ledger holds what each touchpoint showed: (touchpoint, fact, text)."""
    ledger = Ledger({"name": "Anna de Vries", "email": "anna-1a2b3c@journeys.test"}, 3, "refshop")
    seen_at = datetime.fromisoformat("2026-11-23T10:00:00+01:00")
    for touchpoint, fact, text in shown:
        where = Provenance(touchpoint, touchpoint.split(".")[0], "When she looks", None, seen_at)
        ledger.observe(fact, text, kind="money", where=where)
    return SimpleNamespace(ledger=ledger)


def test_ten_percent_off_everywhere_is_no_finding(house_rules):
    journey = journey_that_saw(
        ("web.checkout", "order.total", "€ 296,10"),
        ("web.checkout", "order.code_discount", "€ 32,90"),
        ("email.order_confirmation", "order.total", "€ 296,10"),
        ("email.order_confirmation", "order.code_discount", "€ 32,90"),
    )
    house_rules.code_took_its_share(journey, "10 %")
    assert journey.ledger.violations == []


def test_a_touchpoint_whose_code_took_less_is_named_with_what_was_expected(house_rules):
    journey = journey_that_saw(
        ("web.checkout", "order.total", "€ 296,10"),
        ("web.checkout", "order.code_discount", "€ 32,90"),
        ("email.order_confirmation", "order.total", "€ 312,55"),
        ("email.order_confirmation", "order.code_discount", "€ 16,45"),  # 5 %
    )
    house_rules.code_took_its_share(journey, "10 %")
    [violation] = journey.ledger.violations
    assert violation.title == "her code did not take 10 % off"
    assert "email.order_confirmation: € 16,45 off a total of € 312,55, expected € 32,90" in violation.detail
    assert {o.touchpoint for o in violation.observations} == {"email.order_confirmation"}


def test_a_discount_shown_nowhere_beside_a_total_is_a_mistake_in_the_journey(house_rules):
    journey = journey_that_saw(("app.order", "order.code_discount", "€ 32,90"))
    with pytest.raises(StepError, match="beside the order total"):
        house_rules.code_took_its_share(journey, "10 %")


@pytest.mark.parametrize("written", ["tien %", "150 %", ""])
def test_a_percentage_it_cannot_read_says_how_to_write_one(house_rules, written):
    with pytest.raises(StepError, match="10 %|between 0 % and 100 %"):
        house_rules.read_percent(written)
