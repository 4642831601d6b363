"""Complaints, customer service and service recovery."""

from datetime import timedelta

from journeys.core.promise_records import PromiseCheck
from journeys.vocabulary import decorators as vocabulary

TITLE_NL = "Klachten, klantenservice en herstel van service."


@vocabulary.when(
    en="she complains in the chat that she received the wrong item",
    nl=(
        "ze in de chat klaagt dat ze het verkeerde artikel heeft ontvangen",
        "ze in de chat klaagt dat ze het verkeerde artikel heeft gekregen",
    ),
    doc_nl="Een klacht via de chat, met haar bestelnummer.",
    requires=("order", "no:complaint"),
    gives=("complaint",),
)
def complain_in_chat(journey):
    """A complaint through the chat widget, with her order number."""
    journey.do("complain in chat", message="Ik heb het verkeerde artikel ontvangen.")


@vocabulary.when(
    en="she reads the complaint acknowledgement",
    nl="ze de ontvangstbevestiging van haar klacht leest",
    doc_nl="De mail die de klacht bevestigt en zegt wanneer die beantwoord wordt.",
    requires=("complaint",),
)
def read_acknowledgement(journey):
    """The mail that confirms the complaint and says when it will be answered."""
    journey.visit("email.complaint_acknowledgement")


@vocabulary.when(
    en="an agent looks her up in the agent console",
    nl=("een medewerker haar opzoekt in de klantenservicetool", "een medewerker haar in de klantenservicetool opzoekt"),
    doc_nl="Een medewerker van de klantenservice logt in, zoekt haar op en opent haar 360°-overzicht.",
    requires=("order",),
    gives=("agent",),
)
def agent_looks_up(journey):
    """A customer-service agent logs in, searches her and opens her 360° view."""
    journey.do("agent looks up customer")


@vocabulary.when(
    en="the agent offers a replacement",
    nl="de medewerker een vervangend artikel aanbiedt",
    doc_nl="De oplossing van de medewerker voor een verkeerd artikel: het juiste, opnieuw verstuurd.",
    requires=("agent",),
    gives=("replacement offered",),
)
def agent_offers_replacement(journey):
    """The agent's remedy for a wrong item: the right one, sent again."""
    journey.do("agent offers replacement")


@vocabulary.then(
    en="the agent sees her order and her complaint",
    nl=("ziet de medewerker haar bestelling en haar klacht", "de medewerker ziet haar bestelling en haar klacht"),
    doc_nl=(
        "Regel *bekend bij*: het 360°-overzicht toont de bestelling en de klacht die ze elders deed. "
        "Gecontroleerd op het klantenservice-contactpunt dat de reis het laatst bezocht, hoe de kaart het ook"
        " noemt."
    ),
    needs=("channel:agent",),
    requires=("agent", "complaint", "seen:agent/case.number"),
)
def agent_sees_history(journey):
    """Rule *known at*: the 360° view shows the order and the complaint she made elsewhere.
    Checked at the agent touchpoint the journey visited last, whatever the map calls it."""
    where = journey.last_visited("agent", showing="case.number")
    journey.known_at(where, "order.number")
    journey.known_at(where, "case.number")


@vocabulary.then(
    en="she receives an apology and a replacement",
    nl=("krijgt ze excuses en een vervangend artikel", "ze krijgt excuses en een vervangend artikel"),
    doc_nl="De mail over het vervangende artikel komt, met excuses en de nieuwe bestelling.",
    requires=("replacement offered",),
)
def apology_and_replacement(journey):
    """The replacement mail comes, with an apology and the new order."""
    journey.expect_shown("email.replacement", "apology", "replacement.order")


@vocabulary.then(
    en="her complaint is answered within 24 hours",
    nl=("wordt haar klacht binnen 24 uur beantwoord", "haar klacht wordt binnen 24 uur beantwoord"),
    doc_nl="Belofte: binnen een dag na de klacht een antwoord per mail.",
    requires=("complaint",),
    gives=("time:later",),
)
def complaint_answered(journey):
    """Promise: an answer to the complaint by mail within a day of making it."""
    journey.visit("email.complaint_acknowledgement")
    journey.promise(
        "complaint.answer_due",
        due=journey.now() + timedelta(hours=24),
        check=PromiseCheck("email.complaint_answer", "case.number", "present"),
    )
    journey.keep_promises()


@vocabulary.when(
    en="the agent offers to call her back",
    nl=("de medewerker aanbiedt haar terug te bellen", "de medewerker belooft haar terug te bellen"),
    doc_nl="De medewerker belooft haar terug te bellen over de bestelling.",
    requires=("agent",),
    gives=("callback offered",),
)
def agent_offers_callback(journey):
    """The agent promises a call back about the order."""
    journey.do("agent offers callback")


@vocabulary.then(
    en="she is called back within 24 hours",
    nl=("wordt ze binnen 24 uur teruggebeld", "ze wordt binnen 24 uur teruggebeld"),
    doc_nl="Belofte: het telefoontje dat de mail aankondigt komt binnen een dag, zoals haar account laat zien.",
    requires=("callback offered", "logged in"),  # her account shows the call: not after she logged out
    gives=("time:later",),
)
def called_back(journey):
    """Promise: the call the mail announces happens within a day, as her account shows."""
    journey.visit("email.callback")
    journey.promise(
        "callback.due",
        due=journey.now() + timedelta(hours=24),
        check=PromiseCheck("web.account_order", "callback.made", "present"),
    )
    journey.keep_promises()
