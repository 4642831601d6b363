"""Click and collect: order online, pick up in a store, as the mail and the store's system promise.

The pickup date is promised on the confirmation page and in its mail; the
store's own system is the touchpoint that shows whether it is kept. The map
declares where (``facts: {pickup.date: {promise: {touchpoint, fact, equals}}}``).
"""

from datetime import datetime, time

from journeys.core.promise_records import PromiseCheck
from journeys.errors import StepError
from journeys.messages import say
from journeys.values import DateRange
from journeys.vocabulary import decorators as vocabulary
from journeys.vocabulary import params

TITLE_NL = "Click & collect: online bestellen, ophalen in een winkel, zoals de mail en de winkel beloven."


@vocabulary.when(
    en='she orders {quantity} "{sku}" online for pickup at the {store} store',
    nl=(
        'ze {quantity} "{sku}" online bestelt om op te halen in de winkel in {store}',
        'ze online {quantity} "{sku}" bestelt om op te halen in de winkel in {store}',
    ),
    doc_nl=(
        "Productpagina, winkelwagen, afrekenen met 'ophalen in de winkel' en de winkel van die stad,"
        " bevestigingspagina met de ophaaldatum."
    ),
    example={"quantity": "a", "sku": "headphones", "store": "Utrecht"},
    example_nl={"quantity": "een", "sku": "headphones", "store": "Utrecht"},
    requires=("no:order",),
    gives=("order", "online order", "pickup order", "logged in", "page seen"),
)
def order_for_pickup(journey, quantity, sku, store):
    """Product page, cart, checkout choosing to collect it in the store of that city, confirmation page
    with the pickup date."""
    journey.do("order for pickup", sku=sku, store=store, quantity=params.quantity(quantity))


@vocabulary.when(
    en=("she reads the pickup confirmation email", "she reads the pickup confirmation"),
    nl=("ze de afhaalbevestiging in haar mail leest", "ze de afhaalbevestiging leest"),
    doc_nl="Wacht op de bevestigingsmail van haar afhaalbestelling en leest die: ophaaldatum en afhaalwinkel.",
    requires=("pickup order",),
)
def read_pickup_confirmation(journey):
    """Waits for the confirmation mail of her pickup order and reads it: pickup date and store."""
    journey.visit("email.pickup_confirmation")


@vocabulary.when(
    en=("she comes to the store to pick up her order", "she comes to collect her order in the store"),
    nl=("ze haar bestelling in de winkel komt ophalen", "ze haar bestelling komt ophalen in de winkel"),
    doc_nl=(
        "Aan de balie zoekt de winkel haar bestelling op in het eigen systeem: de status en de ophaaldatum"
        " die de winkel kent."
    ),
    requires=("pickup order",),
)
def come_to_pick_up(journey):
    """At the counter the store looks her order up in its own system: its status and the pickup date the
    store knows."""
    journey.visit("store.pickup")


@vocabulary.then(
    en="the promised pickup date is kept",
    nl=("wordt de beloofde ophaaldatum gehaald", "de beloofde ophaaldatum wordt gehaald"),
    doc_nl=(
        "Belofte: op de eerst beloofde ophaaldatum (bevestigingspagina of mail) ligt de bestelling uiterlijk"
        " aan het eind van de dag klaar, zoals het systeem van de winkel laat zien."
    ),
    requires=("pickup order",),
    gives=("time:later",),
)
def pickup_promise_kept(journey):
    """Promise: by the end of the pickup date first promised (confirmation page or mail) the order is
    ready, as the store's system shows."""
    declared = journey.declared_fact("pickup.date")
    check = declared.check if declared else None
    if not check:
        raise StepError(
            "the map does not say where a pickup date shows kept: declare it under `facts:` as"
            " `pickup.date: {promise: {touchpoint: <the store's view>, fact: order.status, equals: <ready>}}`"
        )
    shown = [o for o in journey.ledger.observations_of("pickup.date") if o.problem is None]
    if not shown:
        raise StepError(say("step.no_pickup_date"))
    first = shown[0]  # what she was promised, not what a later touchpoint says
    day = first.value.end if isinstance(first.value, DateRange) else first.value
    due = datetime.combine(day, time(23, 59), journey.now().tzinfo)
    values = {"value": str(check["equals"])} if "equals" in check else {}
    expect = "equals" if values else "present"
    journey.promise(
        "pickup.date",
        due=due,
        touchpoint=first.where.touchpoint,
        check=PromiseCheck(check["touchpoint"], check["fact"], expect, values),
    )
    journey.keep_promises()
