"""Orders of more than one article."""

from journeys.vocabulary import decorators as vocabulary
from journeys.vocabulary import params

TITLE_NL = "Bestellingen van meer dan één artikel."


@vocabulary.when(
    # "together" keeps the sentence apart from 'she orders {quantity} "{sku}" on the web shop',
    # whose "{sku}" would otherwise swallow both articles.
    en='she orders {quantity} "{sku}" and {quantity_2} "{sku_2}" together on the web shop',
    nl=(
        'ze {quantity} "{sku}" en {quantity_2} "{sku_2}" samen bestelt in de webwinkel',
        'ze {quantity} "{sku}" en {quantity_2} "{sku_2}" samen in de webwinkel bestelt',
    ),
    doc_nl=(
        "Beide artikelen in één winkelwagen, elk vanaf de eigen productpagina; dan afrekenen met haar eigen"
        " gegevens, tot en met de bevestigingspagina. Hoeveel: een, a, 2, twee, two."
    ),
    example={"quantity": "a", "sku": "tablet-10", "quantity_2": "a", "sku_2": "game-quest"},
    example_nl={"quantity": "een", "sku": "tablet-10", "quantity_2": "een", "sku_2": "game-quest"},
    requires=("no:order",),
    gives=("order", "online order", "delivery order", "several products", "not shipped", "logged in", "page seen"),
)
def order_two_products(journey, quantity, sku, quantity_2, sku_2):
    """Both articles into one cart, each from its product page; then the checkout with her own details
    and the confirmation page. How many: a, een, 2, twee, two."""
    items = [(sku, params.quantity(quantity)), (sku_2, params.quantity(quantity_2))]
    journey.do("place order of several", items=items)
