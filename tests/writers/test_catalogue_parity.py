"""Every meaning in both languages: each bundled step has an English and a Dutch sentence with the
same parameters, a description in each language, and a Dutch catalogue that is Dutch throughout."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from journeys.vocabulary import decorators as vocabulary
from journeys.vocabulary import params
from journeys.vocabulary.catalogue import load_steps, render, steps
from journeys.vocabulary.sentences import Catalogue, Sentence, Step

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bundled() -> list[Step]:
    catalogue = load_steps(ROOT)
    own = Catalogue([s for s in catalogue.sentences if s.func and s.func.__module__.startswith("journeys.steps")])
    return steps(own)


def _fields(pattern: str) -> list[str]:
    return sorted(field.split(":")[0] for field in vocabulary.re.findall(r"\{([^}]+)\}", pattern))


def test_every_step_says_the_same_in_english_and_dutch(bundled):
    assert len(bundled) > 40
    for step in bundled:
        english, dutch = step.sentences.get("en"), step.sentences.get("nl")
        assert english and dutch, f"{step.group}: {step.doc!r} lacks a language"
        sentences = [english, dutch, *step.aliases.get("en", []), *step.aliases.get("nl", [])]
        assert len({tuple(_fields(s.pattern)) for s in sentences}) == 1, [s.pattern for s in sentences]
        assert english.example and dutch.example


def test_every_step_is_described_in_both_languages(bundled):
    for step in bundled:
        assert step.doc.strip(), f"'{step.sentences['en'].pattern}' has no English description"
        assert step.doc_nl.strip(), f"'{step.sentences['en'].pattern}' has no Dutch description (doc_nl=)"
        assert step.doc_nl != step.doc


def test_every_step_group_has_a_dutch_title(bundled):
    for group in {step.group for step in bundled}:
        module = sys.modules[f"journeys.steps.{group}"]
        assert (module.__doc__ or "").strip(), group
        assert getattr(module, "TITLE_NL", "").strip(), f"journeys/steps/{group}.py has no TITLE_NL"


def test_the_dutch_catalogue_speaks_dutch(bundled):
    dutch = render("nl", catalogue=Catalogue([s for step in bundled for s in _all(step)]))
    for step in bundled:
        assert " ".join(step.doc_nl.split())[:60] in " ".join(dutch.split())
        assert step.doc.splitlines()[0] not in dutch, step.doc
    for english in ("steps in", "Values in steps", "e.g.", "needs:", "touchpoint ", "task "):
        assert english not in dutch, english
    for kind in params.KINDS:  # how to write each value, in Dutch too
        assert params.describe(kind, "nl") != params.describe(kind, "en"), kind


def test_an_alias_runs_the_same_step(bundled):
    catalogue = load_steps(ROOT)
    for text in ("dat het vrijdag 17:45 is", "het is vrijdag 17:45"):
        sentence, arguments = catalogue.match(text, "nl", "given")
        assert sentence.func.__name__ == "it_is" and arguments == {"moment": "vrijdag 17:45"}
    alias, _ = catalogue.match("ze hoefde haar bestelnummer niet opnieuw te geven", "nl", "then")
    own, _ = catalogue.match("werd ze niet opnieuw naar haar bestelnummer gevraagd", "nl", "then")
    assert alias.func is own.func and alias.key == own.key and alias.alias_of == own.pattern


def test_sentences_of_one_step_must_take_the_same_parameters():
    with pytest.raises(ValueError, match="take different parameters"):
        vocabulary.then(en="she paid {amount}", nl=("heeft ze {amount} betaald", "betaalde ze"))


def _all(step: Step) -> list[Sentence]:
    return [*step.sentences.values(), *(alias for aliases in step.aliases.values() for alias in aliases)]


def test_a_fact_of_several_words_before_an_amount_is_read_whole():
    catalogue = load_steps(ROOT)
    for text, language in (
        ("kreeg ze te horen dat het totaalbedrag € 237,99 is", "nl"),
        ("she was told the order total is € 237,99", "en"),
    ):
        _, arguments = catalogue.match(text, language, "then")
        assert arguments["amount"] == "€ 237,99" and arguments["fact"] in ("het totaalbedrag", "order total")
