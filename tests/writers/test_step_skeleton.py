"""An undefined step gets a step of one's own to paste: in lint, and in the run's error."""

from __future__ import annotations

import ast
import io
import os
import subprocess
import sys
from pathlib import Path

from journeys.journey.runner import not_found
from journeys.vocabulary.lint import lint, run_lint
from journeys.vocabulary.skeleton import step_skeleton

FEATURE = """Feature: Paying
  Scenario: A gift card pays
    Given a customer
    When she pays with a "gift card" of € 25,00
    Then the receipt is the same everywhere
"""


def test_the_values_become_typed_parameters_with_the_written_values_as_example():
    source = step_skeleton("when", 'she pays with a "gift card" of € 25,00 for 2 "tablets"', "en")

    ast.parse(source)  # valid Python, ready to paste
    assert "@when(" in source
    assert '    en=\'she pays with a "{value}" of {amount} for {count} "{value_2}"\',' in source
    assert '    nl=\'TODO in Dutch: she pays with a "{value}" of {amount} for {count} "{value_2}"\',' in source
    assert 'example={"value": "gift card", "amount": "€ 25,00", "count": "2", "value_2": "tablets"},' in source
    assert "requires=()," in source and "gives=()," in source
    assert "def she_pays_with_a_value_of_amount_for(journey: Journey, value: str, amount: str, count: str" in source
    assert "amount=params.amount(amount)" in source and "count=params.quantity(count)" in source
    assert 'journey.do(\n        "TODO: a task of your system",' in source  # long: one argument a line


def test_a_dutch_step_leaves_the_english_to_fill_in_and_a_then_step_checks():
    source = step_skeleton("then", "is de kassabon {overal} hetzelfde", "nl")

    ast.parse(source)
    assert '    nl="is de kassabon {{overal}} hetzelfde",' in source  # braces written are text
    assert '    en="TODO in English: is de kassabon {{overal}} hetzelfde",' in source
    assert "@then(" in source and "journey.agree(" in source and "journey.do(" not in source
    assert "from journeys import Journey, then\n" in source  # no params to read: no params import


def test_lint_shows_the_skeleton_below_the_undefined_step_once(tmp_path: Path):
    feature = tmp_path / "pay.feature"
    feature.write_text(FEATURE + "    And the receipt is the same everywhere\n", encoding="utf-8")
    out = io.StringIO()

    assert run_lint([str(feature)], root=tmp_path, out=out) == 1

    printed = out.getvalue()
    assert "pay.feature:4: undefined step 'When she pays with a \"gift card\" of € 25,00'" in printed
    assert "    A step of your own for it, to fill in (steps/*.py):" in printed
    assert "    @when(" in printed and "    @then(" in printed
    assert printed.count("def the_receipt_is_the_same_everywhere") == 1  # asked twice, shown once
    # The problem itself is unchanged: one line, as before.
    found = lint([str(feature)], root=tmp_path)
    assert all("\n" not in problem.message for problem in found)
    assert [p.line for p in found if p.detail] == [4, 5]


def test_a_known_step_of_the_wrong_kind_gets_no_skeleton(tmp_path: Path):
    feature = tmp_path / "kind.feature"
    feature.write_text("Feature: k\n  Scenario: s\n    When a customer\n", encoding="utf-8")

    (problem,) = [p for p in lint([str(feature)], root=tmp_path) if p.line == 3]

    assert "is a Given step" in problem.message and problem.detail == ""


def test_the_pasted_skeleton_defines_the_step(tmp_path: Path):
    # In a subprocess: loading a project's steps registers them for the whole process.
    (tmp_path / "features").mkdir()
    (tmp_path / "features" / "pay.feature").write_text(FEATURE, encoding="utf-8")
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("JOURNEYS_")}
    command = [sys.executable, "-m", "journeys.cli", "lint"]
    before = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, env=env)
    pasted = "\n".join(before.stdout.split("fill in (steps/*.py):\n")[1].split("\n")[:-1])  # up to the next problem
    first = "\n".join(line[4:] for line in pasted.split("\nfeatures/")[0].splitlines())
    (tmp_path / "steps").mkdir()
    (tmp_path / "steps" / "paying.py").write_text(first, encoding="utf-8")

    after = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, env=env)

    assert "undefined step 'When she pays" in before.stdout
    assert "undefined step 'When she pays" not in after.stdout, after.stdout + after.stderr
    # What is left to fill in is said: the task the skeleton names is not one of the system's.
    assert "'todo: a task of your system'" in after.stdout
    assert "undefined step 'Then the receipt is the same everywhere'" in after.stdout


def test_the_runs_error_carries_the_skeleton():
    error = not_found("When", "she sings a song", "en", "features/a.feature:4", kind="when")

    text = str(error)
    assert text.startswith("features/a.feature:4: unknown step 'When she sings a song'.")
    assert "to fill in and paste into steps/*.py:" in text
    assert '    @when(\n        en="she sings a song",' in text


def test_a_dutch_files_unknown_step_is_told_in_dutch():
    error = not_found("Als", "ze een liedje zingt", "nl", "features/a.feature:4", kind="when")

    text = str(error)
    assert text.startswith("features/a.feature:4: onbekende stap 'Als ze een liedje zingt'.")
    assert "Kijk in `journeys steps --lang nl` welke stappen er zijn" in text
    assert "om in te vullen en in steps/*.py te plakken:" in text and "unknown step" not in text
    english = str(not_found("Gegeven", "a customer", "nl", "features/b.feature:3"))
    assert english == (
        "features/b.feature:3: 'Gegeven a customer' is een Engelse stap in een Nederlands bestand:"
        " haal '# language: nl' bovenaan weg, of schrijf de stap in het Nederlands."
    )
