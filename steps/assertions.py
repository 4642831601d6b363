"""What must hold across touchpoints."""

from journeys import vocabulary
from journeys.words import fact_named


@vocabulary.then(en="every touchpoint agrees on the {fact}", nl="is elk contactpunt het eens over {fact}",
                 example={"fact": "order total"})
def every_touchpoint_agrees(journey, fact):
    """Rule *agree*: every observation of the fact tells the same value."""
    journey.agree(fact_named(fact))
