"""Buying in the store: the till's sale and receipt, and the price the store asks.

The till is the system's ``store`` channel; how a sale is booked and where
its receipt arrives are the system's tasks and touchpoints.
"""

from journeys.vocabulary import decorators as vocabulary

TITLE_NL = "Kopen in de winkel: de verkoop aan de kassa, de kassabon en de prijs die de winkel vraagt."


@vocabulary.when(
    en='she buys a "{sku}" in the store',
    nl=('ze een "{sku}" koopt in de winkel', 'ze in de winkel een "{sku}" koopt'),
    doc_nl=(
        "Aan de kassa geeft ze haar naam en e-mailadres voor de digitale kassabon, betaalt en neemt het"
        " artikel mee. Het bestelnummer op de bon is de bestelling die ze vanaf nu heeft."
    ),
    example={"sku": "headphones"},
    requires=("no:order",),
    gives=("order", "store sale", "store price"),
)
def buy_in_store(journey, sku):
    """At the till she gives her name and e-mail address for the digital receipt, pays and takes the
    article home. The receipt's order number is the order she holds from then on."""
    journey.do("buy in store", sku=sku)


@vocabulary.when(
    en=("she reads the receipt email", "she reads her receipt"),
    nl=("ze de kassabon in haar mail leest", "ze haar kassabon leest"),
    doc_nl="Wacht op de digitale kassabon in haar mailbox en leest die: bestelnummer en totaalbedrag.",
    requires=("store sale",),
)
def read_receipt_email(journey):
    """Waits for the digital receipt of her purchase in her mailbox and reads it: order number and total."""
    journey.visit("email.receipt")


@vocabulary.when(
    en='she asks the store the price of a "{sku}"',
    nl=('ze in de winkel vraagt wat een "{sku}" kost', 'ze in de winkel naar de prijs van een "{sku}" vraagt'),
    doc_nl="De medewerker scant het artikel aan de kassa: de prijs die de winkel vraagt.",
    example={"sku": "game-quest"},
    gives=("store price",),
)
def ask_store_price(journey, sku):
    """The shop assistant scans the article at the till: the price the store asks."""
    journey.do("ask store price", sku=sku)


@vocabulary.then(
    en=("the web shop and the store ask the same price", "the store and the web shop ask the same price"),
    nl=(
        "vragen de webwinkel en de winkel dezelfde prijs",
        "de webwinkel en de winkel vragen dezelfde prijs",
        "vragen de winkel en de webwinkel dezelfde prijs",
    ),
    doc_nl=(
        "Regel *kanaalpariteit*: elke prijs die de webwinkel toonde is gelijk aan elke prijs die de winkel"
        " noemde (kassa of kassabon)."
    ),
    needs=("channel:web", "channel:store"),
    requires=("store price", "product seen|online order", "same:store price/product seen|online order"),
)
def web_and_store_same_price(journey):
    """Rule *channel parity*: every price the web shop showed equals every price the store told (its till or
    receipt)."""
    journey.parity("product.price", ("web", "store"))
