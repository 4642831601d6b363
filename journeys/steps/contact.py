"""Contact and complaints on any channel, and steps that name a touchpoint or fact of the map.

These steps are not tied to one channel or one system: the map's tasks
decide how a complaint is made (chat, web form, mail) and where, and the
touchpoint steps take any touchpoint of any system of the run.
"""

from __future__ import annotations

from datetime import datetime, time

from journeys.core.promise_origin import first_promised
from journeys.core.promise_records import PromiseCheck
from journeys.core.rules.fact_kinds import words
from journeys.errors import StepError
from journeys.messages import say
from journeys.values import DateRange
from journeys.vocabulary import decorators as vocabulary
from journeys.vocabulary.fact_words import fact_named

#: Where a complaint goes: a system's own way of taking complaints, else the shop's chat.
COMPLAINT_TASKS = ("file complaint", "complain in chat")

TITLE_NL = "Contact en klachten via elk kanaal, en stappen die een contactpunt of gegeven van de kaart noemen."


@vocabulary.when(
    en="she complains about her order",
    nl=("ze over haar bestelling klaagt", "ze een klacht over haar bestelling indient"),
    doc_nl=(
        "Een klacht over haar bestelling, met het bestelnummer, waar het systeem klachten aanneemt (taak "
        "`file complaint`; zonder die taak de chat: `complain in chat`)."
    ),
    needs=("task:file complaint|complain in chat",),
    requires=("order", "no:complaint"),  # a second complaint is a case of its own: a scenario of its own
    gives=("complaint",),
)
def complain(journey):
    """A complaint about her order, citing its number, where the system takes complaints (task `file complaint`;
    without one, the chat: `complain in chat`)."""
    journey.do_first(COMPLAINT_TASKS, message="Mijn bestelling is niet wat ik bestelde.")


@vocabulary.when(
    en='she complains about her order: "{message}"',
    nl='ze over haar bestelling klaagt: "{message}"',
    doc_nl="Dezelfde klacht, in haar eigen woorden.",
    example={"message": "The wrong item came"},
    example_nl={"message": "Het verkeerde artikel kwam"},
    needs=("task:file complaint|complain in chat",),
    requires=("order", "no:complaint"),  # a second complaint is a case of its own: a scenario of its own
    gives=("complaint",),
)
def complain_saying(journey, message):
    """The same complaint, in her own words."""
    journey.do_first(COMPLAINT_TASKS, message=message)


@vocabulary.when(
    en="an agent opens her complaint",
    nl=("een medewerker haar klacht opent", "een medewerker haar klacht in behandeling neemt"),
    doc_nl=(
        "Een medewerker logt in waar klachten worden behandeld en opent de hare (taak `agent opens complaint`;"
        " zonder die taak haar 360°-overzicht: `agent looks up customer`)."
    ),
    needs=("task:agent opens complaint|agent looks up customer",),
    requires=("complaint",),
    gives=("agent",),
)
def agent_opens_complaint(journey):
    """A member of staff logs in where complaints are handled and opens hers (task `agent opens complaint`;
    without one, her 360° view: `agent looks up customer`)."""
    journey.do_first(("agent opens complaint", "agent looks up customer"))


@vocabulary.when(
    en="she visits the touchpoint {touchpoint}",
    nl="ze het contactpunt {touchpoint} bezoekt",
    doc_nl=(
        "Elk contactpunt van de kaart, bij naam: een pagina, een mail, de app; elk gegeven dat het toont "
        "wordt vastgelegd."
    ),
    example={"touchpoint": "web.account"},
    needs=("{touchpoint}",),
)
def visit_touchpoint(journey, touchpoint):
    """Any touchpoint of the map, by name: a page, a mail, the app; every fact it shows is recorded."""
    journey.visit(touchpoint)


@vocabulary.then(
    en="{touchpoint} knows her {fact}",
    nl=("weet {touchpoint} wat haar {fact} is", "kent {touchpoint} haar {fact}", "toont {touchpoint} haar {fact}"),
    doc_nl=(
        "Regel *bekend bij* op elk contactpunt: het toont het gegeven zoals zij het gaf of eerder te zien "
        "kreeg, in dit systeem of een ander."
    ),
    example={"touchpoint": "agent.customer", "fact": "order number"},
    example_nl={"touchpoint": "agent.customer", "fact": "bestelnummer"},
    needs=("{touchpoint}",),
    requires=("knows:{touchpoint}/{fact}", "visited:{touchpoint}", "known:{touchpoint}/{fact}"),
)
def touchpoint_knows(journey, touchpoint, fact):
    """Rule *known at* on any touchpoint: it shows the fact as she gave it or was shown it before,
    in this system or another."""
    journey.known_at(touchpoint, fact_named(fact))


@vocabulary.then(
    en="the promise of the {fact} is kept",
    nl=("wordt de belofte over {fact} nagekomen", "de belofte over {fact} wordt nagekomen"),
    doc_nl=(
        "Belofte: een datum die de kaart als belofte aangeeft (`facts: {x: {promise: {touchpoint, fact, "
        "equals}}}`) wordt gehaald: uiterlijk aan het eind van die dag toont het contactpunt dat ze is "
        "nagekomen."
    ),
    example={"fact": "complaint answer date"},
    example_nl={"fact": "de antwoorddatum van de klacht"},
    requires=("promise:{fact}", "shown:{fact}"),
    gives=("time:later",),
)
def promise_kept(journey, fact):
    """Promise: a date the map declares a promise (`facts: {x: {promise: {touchpoint, fact, equals}}}`)
    is kept: by the end of that day, the touchpoint shows it fulfilled."""
    name = fact_named(fact)
    declared = journey.declared_fact(name)
    check = declared.check if declared else None
    if not check:
        raise StepError(
            f"{name} is not a promise the map can check: declare it under `facts:` with"
            " `promise: {touchpoint: <where it shows fulfilled>, fact: <what it shows>, equals: <value>}`"
        )
    shown = first_promised(journey.ledger, name)  # the first touchpoint that promised it, not the last
    if shown is None or shown.value is None:
        raise StepError(say("step.nothing_readable", fact=name, name=words(name)))
    day = shown.value.end if isinstance(shown.value, DateRange) else shown.value
    if isinstance(day, datetime):
        day = day.date()
    due = datetime.combine(day, time(23, 59), journey.now().tzinfo)
    expect = "equals" if "equals" in check else "present"
    values = {"value": str(check["equals"])} if "equals" in check else {}
    journey.promise(name, due=due, check=PromiseCheck(check["touchpoint"], check["fact"], expect, values))
    journey.keep_promises()
