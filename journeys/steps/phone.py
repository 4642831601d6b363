"""Phoning customer service: an agent orders for her, reads her order out, and sees what the company knows.

What the agent tells her on the phone is read from the agent's screen, a
touchpoint like any other: its delivery date, status and total join the
rules. An order the agent places for her (the order page of the console,
``phone.order``) is a touchpoint like the web shop's confirmation: *every
touchpoint agrees on the delivery date* holds the mail, the app and her
account to what the agent told her on the phone.
"""

from journeys.errors import StepError
from journeys.messages import say
from journeys.vocabulary import decorators as vocabulary
from journeys.vocabulary import params

TITLE_NL = (
    "Bellen met de klantenservice: een medewerker bestelt voor haar, leest haar bestelling voor en ziet wat"
    " het bedrijf weet."
)


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


@vocabulary.when(
    en=("she phones customer service about her order", "she calls customer service about her order"),
    nl=(
        "ze de klantenservice belt over haar bestelling",
        "ze over haar bestelling belt met de klantenservice",
    ),
    doc_nl=(
        "Ze belt en noemt haar bestelnummer; de medewerker logt in en opent de bestelling. Wat die haar"
        " vertelt (status, totaal, bezorg- of ophaaldatum, of ze kan retourneren) wordt vastgelegd."
    ),
    requires=("order",),
    gives=("agent",),
)
def phone_about_order(journey):
    """She calls and gives her order number; the agent logs in and opens the order. What the agent tells
    her (status, total, delivery or pickup date, whether she can return it) is recorded."""
    journey.do("phone about order")


@vocabulary.then(
    en=("the agent sees her order", "customer service sees her order"),
    nl=(
        "ziet de medewerker haar bestelling",
        "de medewerker ziet haar bestelling",
        "ziet de klantenservice haar bestelling",
    ),
    doc_nl=(
        "Regel *bekend bij*: elk klantenservice-contactpunt dat de reis bezocht (het 360°-overzicht, de"
        " bestelling aan de telefoon) toont haar bestelnummer zoals zij het kreeg; plaatste een medewerker"
        " haar bestelling, dan moet die het nog weten als ze terugbelt."
    ),
    needs=("channel:agent",),
    requires=("agent",),
)
def agent_sees_order(journey):
    """Rule *known at*: every agent touchpoint the journey visited (the 360° view, the order on the phone)
    shows her order number as she was given it; an agent who placed her order is held to it when she calls
    again."""
    shown = journey.ledger.observations_of("order.number")
    at = [o.where.touchpoint for o in shown if o.where.channel == "agent"]
    told_only = shown[0].where.touchpoint if shown and at.count(shown[0].where.touchpoint) == 1 else None
    agents = [tp for tp in dict.fromkeys(at) if tp != told_only]
    if not agents:
        raise StepError(say("step.no_agent_order"))
    for touchpoint in agents:
        journey.known_at(touchpoint, "order.number")


@vocabulary.then(
    en=("the agent sees the phone number she gave", "the agent has her phone number"),
    nl=(
        "ziet de medewerker het telefoonnummer dat ze opgaf",
        "de medewerker ziet het telefoonnummer dat ze opgaf",
        "heeft de medewerker haar telefoonnummer",
    ),
    doc_nl=(
        "Regel *bekend bij*: de klantkaart die de medewerker opent, toont het telefoonnummer dat ze bij het"
        " afrekenen opgaf."
    ),
    requires=("order", "gave:phone"),
)
def agent_has_phone(journey):
    """Rule *known at*: the customer card the agent opens shows the phone number she gave at checkout."""
    journey.do("agent looks up customer")
    journey.known_at(journey.last_visited("agent", showing="phone"), "phone")
