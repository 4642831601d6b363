"""``journeys steps``: the catalogue of steps, and docs/steps.md kept in step with it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from writer_steps import make_catalogue

from journeys.vocabulary.catalogue import bundled_steps, load_steps, render, steps
from journeys.vocabulary.sentences import KEYWORDS, Catalogue

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def bundled(monkeypatch) -> Catalogue:
    monkeypatch.chdir(ROOT)
    load_steps()  # the repository's own steps/ too
    # Only the bundled library: not the repository's steps/, nor a project's a test of this process loaded.
    catalogue = bundled_steps()
    assert catalogue.sentences, "the bundled step library registered no steps"
    return catalogue


def test_docs_steps_md_is_the_rendered_catalogue(bundled):
    path = ROOT / "docs" / "steps.md"
    committed = path.read_text(encoding="utf-8") if path.exists() else ""
    assert committed == render(markdown=True, catalogue=bundled), (
        "docs/steps.md is out of date with the step library: regenerate it with "
        "`journeys steps --bundled --markdown > docs/steps.md` and commit it"
    )


def test_every_bundled_sentence_is_listed_with_its_keyword_and_example(bundled):
    text = render()
    for sentence in bundled.sentences:
        keyword = KEYWORDS[sentence.kind][sentence.language]
        if sentence.alias_of:  # another way to say it, listed under the step's own sentence
            assert f": {sentence.pattern}\n" in text
            continue
        assert f"{keyword} {sentence.pattern}" in text
        assert f"{keyword} {sentence.example}" in text
        if sentence.doc:
            assert sentence.doc.splitlines()[0] in text


def test_one_language_leaves_the_other_out(bundled):
    dutch = render("nl")
    for sentence in bundled.sentences:
        keyword = "" if sentence.alias_of else KEYWORDS[sentence.kind][sentence.language] + " "
        listed = f"{keyword}{sentence.pattern}\n" in dutch
        assert listed == (sentence.language == "nl"), sentence.pattern


def test_the_steps_command_prints_the_catalogue(bundled):
    from journeys.cli import main

    result = CliRunner().invoke(main, ["steps", "--lang", "en", "--markdown"])
    assert result.exit_code == 0, result.output
    assert result.output == render("en", markdown=True)


def test_each_step_pairs_its_english_and_dutch_sentence(bundled):
    for step in steps(bundled):
        assert set(step.sentences) == {"en", "nl"}, step


def test_plain_text_groups_by_module_and_kind():
    catalogue = make_catalogue()
    catalogue.sentences = catalogue.sentences[:4]  # a customer; a customer in a segment
    assert (
        render(catalogue=catalogue)
        == """\
2 steps in English and Dutch, by group and kind. Dutch features start with '# language: nl'.

Values in steps are written like this:
  {segment}: a segment from the touchpoint map's `segments:` (gezin = family)

== test ==

  Given / Gegeven

    Given a customer
    Gegeven een klant
      step 0

    Given a customer in the "{segment}" segment
      e.g. Given a customer in the "student" segment
    Gegeven een klant in het segment "{segment}"
      e.g. Gegeven een klant in het segment "student"
      {segment}: a segment from the touchpoint map's `segments:` (gezin = family)
      step 1
"""
    )


def test_markdown_has_a_table_per_kind_with_pipes_escaped():
    catalogue = make_catalogue()
    catalogue.sentences = [s for s in catalogue.sentences if s.kind == "then"]
    catalogue.sentences[0] = type(catalogue.sentences[0])(
        "then", "en", "she sees a | b", "she sees a | b", "Pipes.", "test"
    )
    catalogue.sentences[1] = type(catalogue.sentences[1])(
        "then", "nl", "ziet ze a | b", "ziet ze a | b", "Pipes.", "test"
    )
    text = render(markdown=True, catalogue=catalogue)
    assert "### Then / Dan\n\n| English | Nederlands | what it does |\n|---|---|---|\n" in text
    assert "| `Then she sees a \\| b` | `Dan ziet ze a \\| b` | Pipes. |" in text
    assert "e.g. `Dan heeft ze € 12,00 betaald`" in text


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="no steps in language 'de': choose one of en, nl"):
        render("de", catalogue=make_catalogue())
