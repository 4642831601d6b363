"""The customer's own account."""

from journeys.gherkin import params, vocabulary


@vocabulary.when(en="she looks at her recommendations", nl="ze haar aanbevelingen bekijkt")
def look_at_recommendations(journey):
    """Her account page, with the products recommended to her."""
    journey.visit("web.account")


@vocabulary.then(
    en="her recommendations suit a {segment}",
    nl="passen haar aanbevelingen bij een {segment}",
    example={"segment": "student"},
)
def recommendations_suit(journey, segment):
    """Rule *suits*: each recommendation is meant for her segment, or for everyone."""
    journey.suits("recommendations.segment", params.segment(segment, journey.system.map.segments))
