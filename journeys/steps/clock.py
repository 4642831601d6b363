"""Time: journeys span days, on the system's test clock."""

from journeys.vocabulary import decorators as vocabulary
from journeys.vocabulary import params

TITLE_NL = "Tijd: klantreizen duren dagen, op de testklok van het systeem."


@vocabulary.given(
    en="it is {moment}",
    nl=("dat het {moment} is", "het is {moment}"),
    doc_nl=(
        "Zet de klok van het systeem op het eerstvolgende zo'n moment (een weekdag en een tijd, of een "
        "volledige datum)."
    ),
    example={"moment": "Friday 17:45"},
    example_nl={"moment": "vrijdag 17:45"},
    gives=("time:later",),
)
def it_is(journey, moment):
    """Sets the system's clock to the next such moment (a weekday and a time, or a full date)."""
    journey.set_clock(params.moment(moment, journey.now()))


@vocabulary.when(
    en=("{duration} pass", "{duration} have passed"),
    nl=("er {duration} verstrijken", "er {duration} voorbijgaan"),
    doc_nl="Zet de klok verder; alles wat het systeem tot dan had gepland, gebeurt.",
    example={"duration": "2 days"},
    example_nl={"duration": "2 dagen"},
    gives=("time:{duration}",),
)
@vocabulary.when(
    en=("{duration} passes", "{duration} has passed"),
    nl=("er {duration} verstrijkt", "er {duration} voorbijgaat"),
    doc_nl="Zet de klok verder; alles wat het systeem tot dan had gepland, gebeurt.",
    example={"duration": "1 day"},
    example_nl={"duration": "1 dag"},
    gives=("time:{duration}",),
)
def time_passes(journey, duration):
    """Moves the clock on; everything the system had planned by then happens."""
    journey.advance(params.duration(duration).total_seconds())
