"""Lint knows she may return what came for 14 days: a return written after that is refused in the writer's
words and language, one written within it is accepted (and runs: the bundled returns journeys)."""

from __future__ import annotations

from pathlib import Path

from composing import ROOT

from journeys.vocabulary.lint import lint

LATE = """\
Feature: A late return
  Scenario: She returns it after more than two weeks
    Given a customer
    When she orders 1 "headphones" on the web shop
    And {first} pass
    And 6 days pass
    And she returns the order through the returns portal
"""

LATE_NL = """\
# language: nl
Functionaliteit: Een late retour
  Scenario: Ze stuurt het na meer dan twee weken terug
    Gegeven een klant
    Als ze 1 "headphones" bestelt in de webwinkel
    En er 10 dagen verstrijken
    En er 6 dagen verstrijken
    En ze de bestelling retourneert via het retourportaal
"""


def problems(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "late.feature"
    path.write_text(text, encoding="utf-8")
    return [str(p) for p in lint([str(path)], system="refshop", root=ROOT)]


def test_a_return_after_the_window_is_refused_and_one_within_it_accepted(tmp_path):
    (found,) = problems(tmp_path, LATE.format(first="10 days"))
    assert found.endswith(
        ":7: 'And she returns the order through the returns portal' needs her order within the 14 days in which"
        " she may return it, but time has passed since she ordered: put it before the step where time passes"
    ), found
    assert problems(tmp_path, LATE.format(first="6 days")) == []


def test_the_dutch_writer_hears_it_in_dutch(tmp_path):
    (found,) = problems(tmp_path, LATE_NL)
    assert ":8: voor 'En ze de bestelling retourneert via het retourportaal' is haar bestelling" in found
    assert "haar bestelling binnen de 14 dagen waarin ze die mag retourneren" in found
