"""What must hold across touchpoints."""

from datetime import datetime, time

from journeys.core.promise_records import PromiseCheck
from journeys.values import DateRange
from journeys.vocabulary import decorators as vocabulary
from journeys.vocabulary import params
from journeys.vocabulary.fact_words import fact_named, input_named

TITLE_NL = "Wat over contactpunten heen moet kloppen."


@vocabulary.then(
    en=("every touchpoint agrees on the {fact}", "all touchpoints agree on the {fact}"),
    nl=(
        "is elk contactpunt het eens over {fact}",
        "elk contactpunt is het eens over {fact}",
        "zeggen alle contactpunten hetzelfde over {fact}",
        "is {fact} overal hetzelfde",
        "is {fact} overal gelijk",
    ),
    doc_nl="Regel *eens*: elke waarneming van het gegeven toont dezelfde waarde.",
    example={"fact": "order total"},
    example_nl={"fact": "het totaalbedrag"},
    requires=("compared:{fact}",),
)
def every_touchpoint_agrees(journey, fact):
    """Rule *agree*: every observation of the fact tells the same value."""
    journey.agree(fact_named(fact))


@vocabulary.then(
    en=("she was not asked for her {what} again", "she did not have to give her {what} again"),
    nl=(
        "werd ze niet opnieuw naar haar {what} gevraagd",
        "hoefde ze haar {what} niet opnieuw te geven",
        "ze hoefde haar {what} niet opnieuw te geven",
        "werd haar niet opnieuw naar haar {what} gevraagd",
        "is haar niet opnieuw naar haar {what} gevraagd",
        vocabulary.Retired("haar is niet opnieuw naar haar {what} gevraagd"),
        vocabulary.Retired("is haar niet opnieuw om haar {what} gevraagd"),
    ),
    doc_nl="Regel *niet twee keer gevraagd*: niemand vroeg haar opnieuw naar wat ze al had gegeven.",
    example={"what": "order number"},
    example_nl={"what": "bestelnummer"},
    requires=("gave:{what}",),
)
def not_asked_again(journey, what):
    """Rule *not asked twice*: nobody asked her again for what she already gave."""
    journey.not_asked_twice(input_named(what))


@vocabulary.then(
    en="the web shop and the store promise the same delivery date",
    nl=(
        "beloven de webwinkel en de winkel dezelfde bezorgdatum",
        "de webwinkel en de winkel beloven dezelfde bezorgdatum",
    ),
    doc_nl="Regel *kanaalpariteit*: online en in de winkel krijgt het product dezelfde bezorgdatum.",
    requires=("product seen", "store lead time", "same:store lead time/product seen"),
)
def web_and_store_agree(journey):
    """Rule *channel parity*: the product's delivery date is the same online and in the store."""
    journey.parity("delivery.date", ("web.product", "store.lead_time"))


@vocabulary.then(
    en="the web shop promises delivery on {day}",
    nl=(
        "belooft de webwinkel bezorging op {day}",
        "de webwinkel belooft bezorging op {day}",
        "belooft de webwinkel dat het op {day} bezorgd wordt",
    ),
    doc_nl="De bevestigingspagina belooft bezorging op die dag (de eerstvolgende zo'n dag vanaf nu).",
    example={"day": "Wednesday"},
    example_nl={"day": "woensdag"},
    requires=("delivery order",),
)
def web_promises_day(journey, day):
    """The confirmation page promises delivery on that day (the next such day from now)."""
    journey.expect("web.order_confirmation", "delivery.date", params.day(day, journey.now()))


@vocabulary.then(
    en=("she has a track and trace code", "she gets a track and trace code"),
    nl=("heeft ze een track-and-tracecode", "ze heeft een track-and-tracecode", "krijgt ze een track-and-tracecode"),
    doc_nl="De verzendbevestiging geeft haar een code om het pakket te volgen.",
    requires=("visited:email.shipping_notice",),
)
def has_track_and_trace(journey):
    """The shipping notice gives her a code to follow the parcel."""
    journey.expect_shown("email.shipping_notice", "shipment.track_and_trace")


@vocabulary.then(
    en="the promised delivery date is kept",
    nl=(
        "wordt de beloofde bezorgdatum gehaald",
        "de beloofde bezorgdatum wordt gehaald",
        "komt de bestelling op de beloofde dag",
    ),
    doc_nl="Belofte: uiterlijk aan het eind van de datum op de bevestigingspagina bezorgd, zoals de app laat zien.",
    requires=("delivery order", "online order"),  # the date on the web shop's confirmation page
    gives=(
        "time:later",
        "delivered",
    ),
)
def delivery_promise_kept(journey):
    """Promise: delivered by the end of the date on the confirmation page, as the app shows."""
    promised = journey.ledger.latest("delivery.date", touchpoint="web.order_confirmation")
    day = promised.value.end if isinstance(promised.value, DateRange) else promised.value
    due = datetime.combine(day, time(23, 59), journey.now().tzinfo)
    journey.promise(
        "delivery.date",
        due=due,
        touchpoint="web.order_confirmation",
        check=PromiseCheck("app.order", "order.status", "equals", {"value": "delivered"}),
    )
    journey.keep_promises()


@vocabulary.then(
    en="she was told the {fact} is {amount}",
    nl=(
        "kreeg ze te horen dat {fact} {amount} is",
        "ze kreeg te horen dat {fact} {amount} is",
        "werd haar verteld dat {fact} {amount} is",
    ),
    doc_nl="Elk contactpunt dat het gegeven toonde, toonde dit bedrag.",
    example={"fact": "order total", "amount": "€ 329,00"},
    example_nl={"fact": "het totaalbedrag", "amount": "€ 329,00"},
    requires=("shown:{fact}",),
)
def told_amount(journey, fact, amount):
    """Every touchpoint that showed the fact showed this amount."""
    journey.expect_everywhere(fact_named(fact), params.amount(amount))
