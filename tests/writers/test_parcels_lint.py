"""'Every parcel arrives by its promised date' needs an order of two different products that shipped:
lint refuses it otherwise, in the writer's words, in English and in Dutch."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeys.vocabulary.lint import lint

ROOT = Path(__file__).resolve().parents[2]

ENGLISH = """\
Feature: Parcels
  Scenario: Parcels
    Given a customer
    When {order}
{more}    Then every parcel arrives by its promised date
"""

DUTCH = """\
# language: nl
Functionaliteit: Pakketten
  Scenario: Pakketten
    Gegeven een klant
    Als {order}
{more}    Dan komt elk pakket op de beloofde dag aan
"""

TWO = {
    "en": 'she orders a "tablet-10" and a "game-quest" together on the web shop',
    "nl": 'ze een "tablet-10" en een "game-quest" samen bestelt in de webwinkel',
}
ONE = {"en": 'she orders a "tablet-10" on the web shop', "nl": 'ze een "tablet-10" bestelt in de webwinkel'}
TWICE = {
    "en": 'she orders a "tablet-10" and 2 "tablet-10" together on the web shop',
    "nl": 'ze een "tablet-10" en 2 "tablet-10" samen bestelt in de webwinkel',
}
SHIPPED = {
    "en": "    And she reads the shipping mail of each parcel\n",
    "nl": "    En ze de verzendmail van elk pakket leest\n",
}


def problems(tmp_path: Path, language: str, order: dict[str, str], more: str = "") -> list[str]:
    text = (DUTCH if language == "nl" else ENGLISH).format(order=order[language], more=more)
    path = tmp_path / f"parcels-{language}.feature"
    path.write_text(text, encoding="utf-8")
    return [str(p).split(": ", 1)[1] for p in lint([str(path)], system="refshop", root=ROOT)]


@pytest.mark.parametrize("language", ["en", "nl"])
def test_an_order_of_two_products_that_shipped_is_accepted(tmp_path, language):
    assert problems(tmp_path, language, TWO, SHIPPED[language]) == []


def test_after_an_order_of_one_product_lint_asks_for_two(tmp_path):
    assert problems(tmp_path, "en", ONE, SHIPPED["en"])[0] == (
        "'And she reads the shipping mail of each parcel' needs an order of two products or more first:"
        f" write 'When {TWO['en']}' before it"
    )
    assert problems(tmp_path, "nl", ONE) == [
        "voor 'Dan komt elk pakket op de beloofde dag aan' is eerst een bestelling van twee of meer producten"
        f" nodig: zet 'Als {TWO['nl']}' ervoor"
    ]


def test_before_her_parcels_shipped_lint_says_which_step_ships_them(tmp_path):
    assert problems(tmp_path, "en", TWO) == [
        "'Then every parcel arrives by its promised date' needs her parcels shipped first:"
        " write 'When she reads the shipping mail of each parcel' before it"
    ]
    assert problems(tmp_path, "nl", TWO) == [
        "voor 'Dan komt elk pakket op de beloofde dag aan' is eerst de verzending van haar pakketten nodig:"
        " zet 'Als ze de verzendmail van elk pakket leest' ervoor"
    ]


def test_one_article_ordered_twice_is_not_two_products(tmp_path):
    english = problems(tmp_path, "en", TWICE, SHIPPED["en"])
    assert english[0] == (
        "'And she reads the shipping mail of each parcel' needs an order of two products or more, and her order"
        f" has only one kind of article (tablet-10): order two different ones, such as 'When {TWO['en']}'"
    )
    dutch = problems(tmp_path, "nl", TWICE, SHIPPED["nl"])
    assert dutch[0] == (
        "voor 'En ze de verzendmail van elk pakket leest' is een bestelling van twee of meer producten nodig,"
        " en in haar bestelling zit maar één soort artikel (tablet-10): bestel twee verschillende, zoals"
        f" 'Als {TWO['nl']}'"
    )


def test_her_one_products_shipping_notice_is_not_an_order_of_several(tmp_path):
    path = tmp_path / "notice.feature"
    path.write_text(
        f"Feature: N\n  Scenario: N\n    Given a customer\n    When {TWO['en']}\n"
        "    And she reads the shipping notice\n",
        encoding="utf-8",
    )
    found = [str(p) for p in lint([str(path)], system="refshop", root=ROOT)]
    assert len(found) == 1 and "needs an order of one product first" in found[0]
