"""Time: journeys span days, on the system's test clock."""

from journeys.gherkin import params, vocabulary


@vocabulary.given(
    en="it is {moment}",
    nl="het is {moment}",
    example={"moment": "Friday 17:45"},
    example_nl={"moment": "vrijdag 17:45"},
)
def it_is(journey, moment):
    """Sets the system's clock to the next such moment (a weekday and a time, or a full date)."""
    journey.set_clock(params.moment(moment, journey.now()))


@vocabulary.when(
    en="{duration} pass",
    nl="er {duration} verstrijken",
    example={"duration": "2 days"},
    example_nl={"duration": "2 dagen"},
)
@vocabulary.when(
    en="{duration} passes",
    nl="er {duration} verstrijkt",
    example={"duration": "1 day"},
    example_nl={"duration": "1 dag"},
)
def time_passes(journey, duration):
    """Moves the clock on; everything the system had planned by then happens."""
    journey.advance(params.duration(duration).total_seconds())
