"""A crowd walks each journey in its own language: the Dutch one's findings in Dutch, the English one's in English."""

from __future__ import annotations

from population_helpers import ORDER


def test_a_crowd_tells_each_journey_in_the_language_of_its_feature(simulate):
    run = simulate(*ORDER, "--customers", "4", "--rate", "4", "--seed", "3", "--fault", "email-total-stale")

    assert run.results["run"]["walked"] == 4, run.output
    told = [(ledger["journey"], "\n".join(v["text"] for v in ledger["violations"])) for ledger in run.ledgers()]
    dutch = [text for journey, text in told if journey.startswith("Een tablet besteld op het web")]
    english = [text for journey, text in told if journey.startswith("A tablet ordered on the web")]
    assert dutch and english, told
    for text in dutch:
        assert "InconsistentFact: het totaalbedrag verschilt tussen de contactpunten" in text, text
        assert "€ 329,00" in text and "€ 349,00" in text and "regel: agree(order.total)" in text
        assert "disagrees" not in text
    for text in english:
        assert "InconsistentFact: order total disagrees across touchpoints" in text, text
        assert "rule: agree(order.total)" in text
