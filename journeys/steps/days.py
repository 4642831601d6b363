"""Days: the day it is on the system's test clock, and the delivery days the web shop promises.

Journeys span days: a step sets the system's test clock, or moves it on and
everything the system had planned by then happens. The web shop's promises
are checked on every delivery date a web touchpoint showed so far (the
product page, the checkout, the confirmation): a range counts with each of
its days.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from journeys.core.records import Observation
from journeys.core.rules import Violation
from journeys.errors import StepError
from journeys.messages import say
from journeys.values import DateRange, add_working_days
from journeys.vocabulary import decorators as vocabulary
from journeys.vocabulary import params

TITLE_NL = "Dagen: welke dag het is op de testklok van het systeem, en de bezorgdagen die de webwinkel belooft."


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


#: Weekday names a writer uses for "never on a ..." (params.day reads them as the next such date instead).
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "maandag": 0, "dinsdag": 1, "woensdag": 2, "donderdag": 3, "vrijdag": 4, "zaterdag": 5, "zondag": 6,
}  # fmt: skip


def _web_dates(journey) -> list[Observation]:
    seen = [o for o in journey.ledger.observations_of("delivery.date") if o.where.channel == "web"]
    if not seen:
        raise StepError(say("step.no_delivery_date"))
    return seen


def _days(value: date | datetime | DateRange) -> list[date]:
    if isinstance(value, DateRange):
        return [value.start + timedelta(days=n) for n in range((value.end - value.start).days + 1)]
    return [value.date() if isinstance(value, datetime) else value]


def _matcher(text: str, now: datetime) -> Callable[[date], bool]:
    """Whether a day is the one a writer names: every such weekday ("Sunday"), or one date ("25 December")."""
    words = " ".join(text.lower().split())
    if words in WEEKDAYS:
        return lambda d: d.weekday() == WEEKDAYS[words]
    on = params.day(text, now)
    return lambda d: d == on


def _judge(journey, wrong: Callable[[Observation], bool], title: str, detail: str) -> None:
    """One violation listing every web delivery date that breaks the step, or could not be read."""
    seen = _web_dates(journey)
    broken = [o for o in seen if o.problem is not None or wrong(o)]
    if broken:
        found = Violation("promised_dates", "delivery.date", title, tuple(broken), detail, heading="UnexpectedFact")
        journey.ledger.add([found])


@vocabulary.then(
    en="the web shop does not promise delivery on a {day}",
    nl=("belooft de webwinkel geen bezorging op {day}", "de webwinkel belooft geen bezorging op {day}"),
    doc_nl=(
        "Geen bezorgdatum die de webwinkel liet zien valt op die dag: een weekdag ('zondag': nooit op"
        " een zondag) of een datum ('25 december')."
    ),
    example={"day": "Sunday"},
    example_nl={"day": "zondag"},
    requires=("product seen|delivery order",),
)
def web_not_on(journey, day):
    """No delivery date the web shop showed falls on that day: a weekday ('Sunday': never on a Sunday)
    or a date ('25 December')."""
    matches = _matcher(day, journey.now())
    _judge(
        journey,
        lambda o: any(matches(d) for d in _days(o.value)),
        say("dates.on", day=day),
        say("dates.on_expected", day=day),
    )


@vocabulary.then(
    en=(
        "the web shop promises delivery within {count} working days",
        "the web shop promises delivery within {count} working day",
    ),
    nl=(
        "belooft de webwinkel bezorging binnen {count} werkdagen",
        "de webwinkel belooft bezorging binnen {count} werkdagen",
        "belooft de webwinkel bezorging binnen {count} werkdag",
    ),
    doc_nl=(
        "Elke bezorgdatum die de webwinkel liet zien valt uiterlijk zoveel werkdagen (maandag tot en met"
        " vrijdag) na de dag waarop ze hem zag."
    ),
    example={"count": "2"},
    example_nl={"count": "2"},
    requires=("product seen|delivery order",),
)
def web_within_working_days(journey, count):
    """Every delivery date the web shop showed is at most that many working days (Monday to Friday)
    after the day she saw it."""
    n = params.quantity(count)

    def too_late(o: Observation) -> bool:
        return max(_days(o.value)) > add_working_days(o.where.seen_at.date(), n)

    _judge(
        journey,
        too_late,
        say("dates.later", count=n),
        say("dates.later_expected", count=n),
    )
