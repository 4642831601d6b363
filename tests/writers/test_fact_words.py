"""The words a writer has for facts and for what a customer is asked: complete in both languages,
each read as the one thing it means, and unknown words answered with words of the same meaning."""

from __future__ import annotations

import pytest

from journeys.errors import StepError
from journeys.systems.map_files import BUNDLED_SYSTEMS, load_map
from journeys.vocabulary import fact_words as words
from journeys.vocabulary.fact_words import FACT_WORDS, INPUT_WORDS, fact_named, input_named
from journeys.vocabulary.words_meaning import closest_by_meaning

# Facts the reference shop reads for its own bookkeeping, not for a writer to name in a step.
NOT_FOR_WRITERS = {
    "asked",
    "recommendations",
    "recommendations.segment",
    "order.contacts",
    "callback.made",
    "customer.street",
    "customer.email",
    "apology",
}


def every_word(table: dict[str, dict[str, list[str]]]) -> list[tuple[str, str]]:
    """(name, word) for each word of each name, both languages."""
    return [(name, word) for name, by_language in table.items() for ws in by_language.values() for word in ws]


EVERY_FACT_WORD = every_word(FACT_WORDS)
EVERY_INPUT_WORD = every_word(INPUT_WORDS)


@pytest.mark.parametrize(("fact", "word"), EVERY_FACT_WORD)
def test_every_fact_word_reads_as_its_fact(fact, word):
    assert fact_named(word, {}) == fact
    assert fact_named(word.upper(), {}) == fact
    bare = word.removeprefix("de ").removeprefix("het ")
    for written in (bare, f"the {bare}", f"haar {bare}", f"her {bare}"):
        assert fact_named(written, {}) == fact, written


@pytest.mark.parametrize(("name", "word"), EVERY_INPUT_WORD)
def test_every_input_word_reads_as_its_field(name, word):
    for written in (word, f"her {word}", f"haar {word}", f"  {word.upper()} "):
        assert input_named(written) == name, written


@pytest.mark.parametrize("table", [FACT_WORDS, INPUT_WORDS], ids=["facts", "inputs"])
def test_both_languages_name_the_same_things(table):
    for name, by_language in table.items():
        assert set(by_language) == {"en", "nl"}, name
        assert by_language["en"] and by_language["nl"], f"{name} lacks words in a language"
    assert words.fact_words("en").keys() == words.fact_words("nl").keys() == FACT_WORDS.keys()
    assert words.input_words("en").keys() == words.input_words("nl").keys() == INPUT_WORDS.keys()


@pytest.mark.parametrize("table", [FACT_WORDS, INPUT_WORDS], ids=["facts", "inputs"])
def test_no_word_means_two_things(table):
    meanings: dict[str, set[str]] = {}
    for name, word in every_word(table):
        meanings.setdefault(words._key(word), set()).add(name)
    assert {word: names for word, names in meanings.items() if len(names) > 1} == {}


def test_the_words_writers_reached_for_are_there():
    assert fact_named("price", {}) == fact_named("de prijs", {}) == "product.price"
    assert fact_named("het retourbedrag", {}) == fact_named("refund amount", {}) == "refund.amount"
    assert fact_named("terugbetaald bedrag", {}) == "refund.amount"
    assert fact_named("de ophaaldatum", {}) == "pickup.date"
    assert fact_named("de afhaalwinkel", {}) == "pickup.store"
    assert input_named("haar bestelnummer") == input_named("her order number") == "order_number"
    assert input_named("telefoonnummer") == "phone" and input_named("postcode") == "postcode"


def test_every_fact_of_the_reference_shop_has_words():
    shop = load_map(BUNDLED_SYSTEMS / "refshop.yaml")
    read = {fact for tp in shop.touchpoints.values() for fact in tp.facts}
    declared = set(shop.facts)
    assert {"case.number", "complaint.answer_due"} <= declared  # the map's own, in its `facts:`
    assert read - NOT_FOR_WRITERS - declared - FACT_WORDS.keys() == set()
    # A map's own words still mean its facts, next to the shared ones.
    assert fact_named("het zaaknummer", shop.fact_words()) == "case.number"
    assert fact_named("the complaint answer date", shop.fact_words()) == "complaint.answer_due"
    assert fact_named("het totaalbedrag", shop.fact_words()) == "order.total"


@pytest.mark.parametrize(
    ("written", "suggested", "not_suggested"),
    [
        ("de retourprijs", "'het retourbedrag' (or 'de terugbetaling'", "totaalbedrag"),
        ("het terugbetaalde totaal", "'het retourbedrag'", "totaalbedrag"),
        ("the return price", "'refund amount' (or 'refund'", "'order total'"),
        ("total refund", "'refund amount'", "'order total'"),
        ("de bezorgdatun", "'de bezorgdatum'", "delivery date"),
        ("the delivery dat", "'delivery date'", "bezorgdatum"),
    ],
)
def test_an_unknown_fact_suggests_facts_of_its_meaning_in_the_writers_language(written, suggested, not_suggested):
    with pytest.raises(StepError) as caught:
        fact_named(written, {})
    message = str(caught.value)
    did_you_mean = message.split("? ", 1)[0]
    assert message.startswith(f"unknown fact '{written}': did you mean ")
    assert suggested in did_you_mean
    assert not_suggested not in did_you_mean
    assert "(`journeys steps` lists every synonym)" in message


@pytest.mark.parametrize("word", FACT_WORDS["refund.amount"]["en"] + FACT_WORDS["refund.amount"]["nl"])
def test_refund_words_never_suggest_the_order_total(word):
    """Were a refund word unknown, its meaning would still lead to the refund amount."""
    without = {
        fact: [words._key(w) for ws in by_language.values() for w in ws if w != word]
        for fact, by_language in FACT_WORDS.items()
    }
    close = closest_by_meaning(words._key(word), without)
    assert close[:1] == ["refund.amount"], close
    assert "order.total" not in close


def test_nothing_alike_suggests_nothing_but_lists_every_fact():
    with pytest.raises(StepError) as caught:
        fact_named("the colour", {})
    message = str(caught.value)
    assert "did you mean" not in message
    for fact_words in words.fact_words("en").values():
        assert fact_words[0] in message


def test_a_maps_own_fact_is_suggested_by_its_words():
    with pytest.raises(StepError, match=r"did you mean 'het ticketnummer'"):
        fact_named("het ticketnumer", {"ticket reference": "ticket.reference", "het ticketnummer": "ticket.reference"})


def test_an_unknown_input_suggests_inputs_of_its_meaning():
    with pytest.raises(StepError) as caught:
        input_named("haar telefoon")
    assert str(caught.value).startswith(
        "unknown thing to be asked for: 'haar telefoon': did you mean 'telefoonnummer' (or 'mobiele nummer'"
    )
    with pytest.raises(StepError, match=r"^unknown thing to be asked for: 'her zip': did you mean 'postcode'"):
        input_named("her zip")
