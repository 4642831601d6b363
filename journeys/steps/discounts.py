"""Ordering with a discount code: what the code takes off is on every touchpoint that shows her order.

The code's discount is a fact of its own (``order.code_discount`` in the
map): the checkout, the confirmation page, its mail, the app and her account
show it, and *every touchpoint agrees on the order total* holds them to the
total the code gave.
"""

from journeys.vocabulary import decorators as vocabulary
from journeys.vocabulary import params

TITLE_NL = "Bestellen met een kortingscode: wat de code eraf haalt, staat op elk contactpunt met haar bestelling."


@vocabulary.when(
    en=(
        'she orders {quantity} "{sku}" on the web shop with discount code "{code}"',
        'she orders {quantity} "{sku}" on the web shop with the code "{code}"',
    ),
    nl=(
        'ze {quantity} "{sku}" bestelt in de webwinkel met kortingscode "{code}"',
        'ze in de webwinkel {quantity} "{sku}" bestelt met kortingscode "{code}"',
        'ze met kortingscode "{code}" {quantity} "{sku}" bestelt in de webwinkel',
    ),
    doc_nl=(
        "Productpagina, winkelwagen, bij het afrekenen de kortingscode invullen en toepassen (het afrekenscherm"
        " toont de korting), afrekenen met haar eigen gegevens, bevestigingspagina."
    ),
    example={"quantity": "a", "sku": "tablet-10", "code": "WELKOM10"},
    example_nl={"quantity": "een", "sku": "tablet-10", "code": "WELKOM10"},
    requires=("no:order",),
    gives=(
        *("order", "online order", "delivery order", "one product", "not shipped", "logged in", "page seen"),
        "discount code",
    ),
)
def order_with_code(journey, quantity, sku, code):
    """Product page, cart, the discount code typed and applied at the checkout (which shows its discount),
    checkout with her own details, confirmation page."""
    journey.do("place order with code", sku=sku, code=code, quantity=params.quantity(quantity))


@vocabulary.then(
    en=("every touchpoint shows the discount of her code", "her code's discount is on every touchpoint"),
    nl=(
        "staat de korting van haar code op elk contactpunt",
        "noemt elk contactpunt de korting van haar code",
        "de korting van haar code staat op elk contactpunt",
    ),
    doc_nl=(
        "Regel *eens* over de korting van de code: elk contactpunt dat haar bestelling toonde (het"
        " afrekenscherm, de bevestiging, de mail, de app, haar account) noemt wat de code eraf haalde, en"
        " overal hetzelfde."
    ),
    requires=("discount code",),  # its order visited the checkout and the confirmation: two that show it
)
def code_discount_everywhere(journey):
    """Rule *agree* on the code's discount: every touchpoint that showed her order (the checkout, the
    confirmation, the mail, the app, her account) names what the code took off, and the same everywhere."""
    journey.agree("order.code_discount")
