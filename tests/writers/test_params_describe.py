"""How to write each kind of step parameter, said in English and in Dutch, with every word there is."""

from __future__ import annotations

from datetime import datetime

import pytest

from journeys.vocabulary import params
from journeys.vocabulary.fact_words import fact_words, input_words
from journeys.vocabulary.params_words import CHANNEL_WORDS, KIND_NAMES


@pytest.mark.parametrize("kind", KIND_NAMES)
def test_each_kind_is_described_in_both_languages(kind):
    english, dutch = params.describe(kind, "en"), params.describe(kind, "nl")
    assert english and dutch and english != dutch
    for text in (english, dutch):
        assert "…" not in text and "..." not in text, text  # lists are complete
    assert params.KINDS[kind] == english  # the English catalogue's words


@pytest.mark.parametrize("language", ["en", "nl"])
def test_fact_what_and_channel_list_every_word_of_the_language(language):
    facts, asked, channels = (params.describe(kind, language) for kind in ("fact", "what", "channel"))
    for words in fact_words(language).values():
        assert " / ".join(words) in facts
    for words in input_words(language).values():
        assert " / ".join(words) in asked
    for by_language in CHANNEL_WORDS.values():
        assert " / ".join(by_language[language]) in channels


def test_the_dutch_texts_are_dutch():
    assert params.describe("fact", "nl").startswith("de woorden voor een feit, met of zonder 'de'/'het': ")
    assert params.describe("what", "nl").startswith("waar ze naar gevraagd wordt: bestelnummer / ordernummer")
    assert "het retourbedrag / de terugbetaling" in params.describe("fact", "nl")
    assert "refund amount" not in params.describe("fact", "nl")


def test_every_word_a_description_lists_is_read():
    for name, by_language in CHANNEL_WORDS.items():
        for word in (*by_language["en"], *by_language["nl"]):
            assert params.channel(word) == name
    for language in ("en", "nl"):
        for field, words in input_words(language).items():
            assert all(params.what(word) == field for word in words)
        for fact, words in fact_words(language).items():
            assert all(params.fact(word) == fact for word in words)


def test_what_is_a_typed_parameter():
    assert params.kind_of("what") == "what"
    assert params.read_param("what", "haar e-mailadres", now=datetime.now().astimezone()) == "email"


def test_an_unknown_kind_or_language_is_refused():
    with pytest.raises(ValueError, match="no parameter kind 'colour': choose one of amount, moment"):
        params.describe("colour", "en")
    with pytest.raises(ValueError, match="no language 'de': choose en or nl"):
        params.describe("fact", "de")
