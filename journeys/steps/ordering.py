"""Ordering through each channel, one article or several, and reading what the company said about the order."""

from datetime import datetime, time, timedelta

from journeys.values import DateRange
from journeys.vocabulary import decorators as vocabulary
from journeys.vocabulary import params

TITLE_NL = "Bestellen via elk kanaal, één artikel of meer, en lezen wat het bedrijf over de bestelling zei."


@vocabulary.when(
    en=(
        'she orders {quantity} "{sku}" on the web shop',
        'she orders {quantity} "{sku}" on the web shop and gives her phone number',
    ),
    nl=(
        'ze {quantity} "{sku}" bestelt in de webwinkel',
        'ze in de webwinkel {quantity} "{sku}" bestelt',
        'ze {quantity} "{sku}" bestelt in de webwinkel en haar telefoonnummer opgeeft',
    ),
    doc_nl=(
        "Productpagina, winkelwagen, afrekenen met haar eigen gegevens (ook haar telefoonnummer),"
        " bevestigingspagina. Hoeveel: een, a, 2, twee, two."
    ),
    example={"quantity": "a", "sku": "tablet-10"},
    example_nl={"quantity": "een", "sku": "tablet-10"},
    requires=("no:order",),
    gives=("order", "online order", "delivery order", "one product", "not shipped", "logged in", "page seen"),
)
def order_on_web(journey, quantity, sku):
    """Product page, cart, checkout with her own details (her phone number too), confirmation page.
    How many: a, een, 2, twee, two."""
    journey.do("place order", sku=sku, quantity=params.quantity(quantity))


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


@vocabulary.when(
    en='she looks at a "{sku}" on the web shop',
    nl=('ze een "{sku}" bekijkt in de webwinkel', 'ze in de webwinkel een "{sku}" bekijkt'),
    doc_nl="De productpagina: prijs en leverbelofte.",
    example={"sku": "game-quest"},
    gives=("product seen", "page seen"),
)
def look_at_product(journey, sku):
    """The product page: price and delivery promise."""
    journey.do("look at product", sku=sku)


@vocabulary.when(
    en='she asks the store when a "{sku}" would be delivered',
    nl=(
        'ze in de winkel vraagt wanneer een "{sku}" bezorgd wordt',
        'ze in de winkel vraagt wanneer een "{sku}" wordt bezorgd',
    ),
    doc_nl="Het kassasysteem van de winkel: de bezorgdatum die het voor het product geeft.",
    example={"sku": "game-quest"},
    gives=("store lead time",),
)
def ask_store(journey, sku):
    """The store's point of sale: its delivery date for the product."""
    journey.do("ask store lead time", sku=sku)


@vocabulary.when(
    en=("she reads the order confirmation email", "she reads the order confirmation"),
    nl=("ze de orderbevestiging in haar mail leest", "ze de orderbevestiging leest", "ze de bevestigingsmail leest"),
    doc_nl="Wacht op de orderbevestiging in haar mailbox en leest die.",
    requires=("delivery order",),
)
def read_confirmation_email(journey):
    """Waits for the confirmation email in her mailbox and reads it."""
    journey.visit("email.order_confirmation")


@vocabulary.when(
    en=("she reads the shipping notice", "she reads the shipping confirmation"),
    nl=("ze de verzendbevestiging leest", "ze de verzendmail leest"),
    doc_nl="Wacht op de mail die zegt dat het pakket onderweg is.",
    requires=("delivery order", "one product"),  # an order of several ships in parcels, each with its own mail
    gives=("time:later",),
)
def read_shipping_notice(journey):
    """Waits for the mail that says the parcel is on its way, until the delivery day she was promised."""
    journey.visit_when_sent("email.shipping_notice", by=promised_by(journey))


def promised_by(journey) -> datetime:
    """The end of the delivery day her order was promised for (in three days, when none was shown)."""
    promised = [o.value for o in journey.ledger.observations_of("delivery.date") if o.value and not o.product]
    day = promised[-1].end if promised and isinstance(promised[-1], DateRange) else (promised or [None])[-1]
    day = day.date() if isinstance(day, datetime) else day
    return datetime.combine(day, time(23, 59), journey.now().tzinfo) if day else journey.now() + timedelta(days=3)


@vocabulary.when(
    en="she looks the order up in the app",
    nl=(
        "ze de bestelling opzoekt in de app",
        "ze de bestelling in de app opzoekt",
        "ze haar bestelling in de app bekijkt",
    ),
    doc_nl="Het bestelscherm van de app (de order-API van het systeem).",
    requires=("delivery order",),
)
def look_up_in_app(journey):
    """The app's order screen (the system's order API)."""
    journey.visit("app.order")


@vocabulary.when(
    en="she checks the order in her account",
    nl=("ze de bestelling bekijkt in haar account", "ze de bestelling in haar account bekijkt"),
    doc_nl="De bestelpagina van haar account in de webwinkel.",
    requires=("delivery order", "logged in"),
    gives=("page seen",),
)
def check_in_account(journey):
    """The order page of her account on the web shop."""
    journey.visit("web.account_order")


@vocabulary.then(
    en=("her account shows what she paid", "her account shows the price she paid"),
    nl=(
        "toont haar account wat ze betaalde",
        "staat in haar account wat ze betaalde",
        "haar account toont wat ze betaalde",
    ),
    doc_nl="Regel *bekend bij*: de bestelpagina in haar account toont het totaal dat ze bij het bestellen zag.",
    requires=("delivery order", "logged in"),
)
def account_shows_what_she_paid(journey):
    """Rule *known at*: her account's order page shows the total she was shown when she ordered."""
    journey.visit("web.account_order")
    journey.known_at("web.account_order", "order.total")
