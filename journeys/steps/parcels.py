"""An order of several articles in parcels: each parcel's mail, its track and trace, its promised day.

What a parcel's mail and its track and trace show is about that parcel
(the map's touchpoints whose address names ``{parcel}``): its date and code
are compared with the same parcel's only, and a violation names the parcel.
"""

from datetime import datetime, time

from journeys.core.promise_records import PromiseCheck
from journeys.errors import StepError
from journeys.steps.ordering import promised_by
from journeys.values import DateRange
from journeys.vocabulary import decorators as vocabulary

TITLE_NL = "Een bestelling van meer artikelen in pakketten: de verzendmail en track-and-trace van elk pakket."


@vocabulary.when(
    en=("she reads the shipping mail of each parcel", "she reads the shipping mails of her parcels"),
    nl=(
        "ze de verzendmail van elk pakket leest",
        "ze de verzendmails van haar pakketten leest",
        "ze van elk pakket de verzendmail leest",
    ),
    doc_nl=(
        "Wacht tot de bezorgdag die ze kreeg op de mail van haar eerste pakket, leest hoeveel pakketten het"
        " worden, en leest de verzendmail van elk pakket: de track-and-tracecode en de bezorgdatum."
    ),
    requires=("several products", "apart:several products", "delivery order"),
    gives=("parcels shipped", "time:later"),
)
def read_parcel_mails(journey):
    """Waits until the delivery day she was promised for the mail of her first parcel, reads how many
    parcels there are, and reads the shipping mail of each: its track and trace code and delivery date."""
    by = promised_by(journey)
    first = journey.visit_when_sent("email.parcel_notice", by=by, parcel="1")
    count = first["parcel.count"].value if "parcel.count" in first else None
    if not isinstance(count, int) or count < 1:
        raise StepError("the first parcel's mail does not say how many parcels there are (parcel.count)")
    for number in range(2, count + 1):
        journey.visit_when_sent("email.parcel_notice", by=by, parcel=str(number))
    journey.memory["parcels"] = str(count)


@vocabulary.then(
    en=("every parcel arrives by its promised date", "each parcel arrives on the day it was promised"),
    nl=(
        "komt elk pakket op de beloofde dag aan",
        "elk pakket komt op de beloofde dag aan",
        "komt elk pakket aan op de dag die beloofd is",
    ),
    doc_nl=(
        "Per pakket: de track-and-trace in de app noemt dezelfde code en bezorgdatum als de verzendmail van"
        " dat pakket (regel *eens*, pakket met pakket), en de belofte van die mail wordt gehouden: uiterlijk"
        " aan het eind van die dag staat het pakket in de app als bezorgd."
    ),
    requires=("several products", "apart:several products", "parcels shipped"),
    gives=("time:later", "delivered"),
)
def every_parcel_arrives(journey):
    """Per parcel: the app's track and trace names the same code and delivery date as that parcel's shipping
    mail (rule *agree*, parcel with parcel), and the mail's promise is kept: by the end of that day the app
    shows the parcel delivered."""
    count = int(journey.memory.get("parcels", "0"))
    if not count:
        raise StepError("no parcel's shipping mail was read yet: read the shipping mail of each parcel first")
    for number in (str(n) for n in range(1, count + 1)):
        seen = journey.visit("app.parcel", parcel=number)
        about = seen["parcel.delivery_date"].about  # the parcel it is about, as that parcel's mail was
        promised = journey.ledger.latest("parcel.delivery_date", about, touchpoint="email.parcel_notice")
        if promised is None or promised.value is None:
            continue  # unreadable: rule agree reports it
        day = promised.value.end if isinstance(promised.value, DateRange) else promised.value
        journey.promise(
            "parcel.delivery_date",
            due=datetime.combine(day, time(23, 59), journey.now().tzinfo),
            about=about,
            touchpoint="email.parcel_notice",
            check=PromiseCheck("app.parcel", "parcel.status", "equals", {"value": "delivered", "parcel": number}),
        )
    journey.agree("parcel.delivery_date")
    journey.agree("parcel.track_and_trace")
    journey.keep_promises()
