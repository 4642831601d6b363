"""A sentence that was ever in the catalogue keeps working.

``released_sentences.json`` holds every step sentence released so far (read
from the history of ``journeys/steps`` and added to by
``scripts/record-released-sentences`` at each release). Each must still be a
step of its kind in its language: the step's own sentence, an alias, or a
retired phrasing that warns with the new one. That the steps run is the
composition test's business.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from journeys.vocabulary.catalogue import load_steps

HERE = Path(__file__).resolve().parent
RELEASED = json.loads((HERE / "released_sentences.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def catalogue():
    return load_steps(HERE.parents[1])


def test_the_released_catalogue_is_not_empty():
    assert len(RELEASED) > 250
    assert {s["language"] for s in RELEASED} == {"en", "nl"}


@pytest.mark.parametrize("released", RELEASED, ids=lambda s: f"{s['language']}:{s['text'][:60]}")
def test_every_released_sentence_still_finds_its_step(catalogue, released):
    found = catalogue.match(released["text"], released["language"], released["kind"])
    assert found is not None, f"'{released['text']}' ({released['language']}) was released and no longer runs"
    assert found[0].kind == released["kind"]
