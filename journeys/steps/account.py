"""The customer's own account."""

from journeys.vocabulary import decorators as vocabulary
from journeys.vocabulary import params

TITLE_NL = "Haar eigen account."


@vocabulary.when(
    en="she looks at her recommendations",
    nl="ze haar aanbevelingen bekijkt",
    doc_nl="Haar accountpagina, met de producten die haar worden aanbevolen.",
    requires=("logged in",),
    gives=("page seen",),
)
def look_at_recommendations(journey):
    """Her account page, with the products recommended to her."""
    journey.visit("web.account")


@vocabulary.then(
    en="her recommendations suit a {segment}",
    nl=("passen haar aanbevelingen bij een {segment}", "haar aanbevelingen passen bij een {segment}"),
    doc_nl="Regel *past bij*: elke aanbeveling is bedoeld voor haar segment, of voor iedereen.",
    example={"segment": "student"},
    requires=("visited:web.account", "segment:{segment}"),
)
def recommendations_suit(journey, segment):
    """Rule *suits*: each recommendation is meant for her segment, or for everyone."""
    journey.suits("recommendations.segment", params.segment(segment, journey.system.map.segments))
