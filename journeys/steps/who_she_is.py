"""Who the customer is."""

from journeys.vocabulary import decorators as vocabulary
from journeys.vocabulary import params

TITLE_NL = "Wie de klant is."


@vocabulary.given(
    en="a customer",
    nl="een klant",
    doc_nl="Een synthetische klant van het standaardsegment (gezin), gemaakt uit de seed van de run.",
    requires=("start",),
)
def a_customer(journey):
    """A synthetic customer of the default segment (family), made from the run's seed."""


@vocabulary.given(
    en='a customer in the "{segment}" segment',
    nl=('een klant in het segment "{segment}"', 'een klant uit het segment "{segment}"'),
    doc_nl=(
        "Een synthetische klant van een segment van de kaart (`segments:`), met zijn persona: student, young-"
        "professional, gezin, senior of zakelijk."
    ),
    example={"segment": "student"},
    requires=("start",),
    gives=("segment:{segment}",),
)
def a_customer_in_segment(journey, segment):
    """A synthetic customer of a segment of the map (`segments:`), with its persona: student,
    young-professional, family, senior or business."""
    segments = getattr(journey.system, "segments", None) or journey.system.map.segments
    journey.cast(segment=params.segment(segment, segments))
