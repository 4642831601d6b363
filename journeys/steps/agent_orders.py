"""An order placed for her by an agent: she phones, the agent orders for her in the console.

What the agent reads out (the order page of the console, ``phone.order``)
is a touchpoint like the web shop's confirmation: *every touchpoint agrees
on the delivery date* holds the mail, the app and her account to what the
agent told her on the phone.
"""

from journeys.vocabulary import decorators as vocabulary
from journeys.vocabulary import params

TITLE_NL = "Een bestelling die een medewerker voor haar plaatst: ze belt, de medewerker bestelt voor haar."


@vocabulary.when(
    en=(
        'she orders {quantity} "{sku}" by phone',
        'she phones customer service to order {quantity} "{sku}"',
        'an agent orders {quantity} "{sku}" for her on the phone',
    ),
    nl=(
        'ze {quantity} "{sku}" telefonisch bestelt',
        'ze de klantenservice belt om {quantity} "{sku}" te bestellen',
        'een medewerker aan de telefoon {quantity} "{sku}" voor haar bestelt',
    ),
    doc_nl=(
        "Ze belt de klantenservice en noemt haar e-mailadres; de medewerker opent haar in de klantenservicetool,"
        " plaatst de bestelling voor haar (naar haar adres) en leest haar het bestelnummer, het totaal en de"
        " bezorgdatum voor. Ze heeft een account, met haar adres."
    ),
    example={"quantity": "a", "sku": "laptop-pro"},
    example_nl={"quantity": "een", "sku": "laptop-pro"},
    requires=("no:order", "logged in"),
    gives=("order", "delivery order", "one product", "not shipped", "agent order"),
)
def order_by_phone(journey, quantity, sku):
    """She phones customer service and gives her e-mail address; the agent opens her in the console, places
    the order for her (to her address) and reads her its number, total and delivery date. She has an
    account, with her address."""
    journey.do("agent places order", sku=sku, quantity=params.quantity(quantity))
