"""Customer service: her questions and complaints, in the chat and on the phone, and service recovery.

What the chat answers a question (the status of her order, its delivery or
pickup date) is read from the answer's text (``chat.answer`` in the map), so
*every touchpoint agrees on the delivery date* holds the chat to what the
shop promised; a question is not a complaint and opens none. When she has
complained in the chat and then phones about the same order, the agent adds
the call to her case: the console shows the case number the chat gave her
(*every touchpoint agrees on the case number*), and nobody asks her again
for what she gave (*not asked twice*).
"""

from datetime import timedelta

from journeys.core.promise_records import PromiseCheck
from journeys.vocabulary import decorators as vocabulary

TITLE_NL = "Klantenservice: haar vragen en klachten, in de chat en aan de telefoon, en hoe het bedrijf het goedmaakt."


@vocabulary.when(
    en=("she asks in the chat where her order is", "she asks the chat where her order is"),
    nl=(
        "ze in de chat vraagt waar haar bestelling blijft",
        "ze in de chat vraagt waar haar bestelling is",
        "ze via de chat vraagt waar haar bestelling blijft",
    ),
    doc_nl=(
        "Ingelogd een vraag in de chat, met haar bestelnummer: waar blijft mijn bestelling? Wat de chat"
        " antwoordt (status, bezorg- of ophaaldatum) wordt vastgelegd."
    ),
    requires=("online order", "logged in"),
    gives=("question",),
)
def ask_where_order_is(journey):
    """Logged in, a question in the chat with her order number: where is my order? What the chat answers
    (status, delivery or pickup date) is recorded."""
    journey.do("ask in chat", message="Waar blijft mijn bestelling?")


@vocabulary.when(
    en='she asks in the chat: "{message}"',
    nl='ze in de chat vraagt: "{message}"',
    doc_nl="Een vraag in de chat, in haar eigen woorden (geen klacht); het antwoord wordt bewaard.",
    example={"message": "Kan ik ook met iDEAL betalen?"},
    gives=("question",),
)
def ask_in_chat(journey, message):
    """A question in the chat, in her own words (not a complaint); the answer is kept."""
    journey.do("ask a question in chat", message=message)


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


@vocabulary.when(
    en=(
        "she phones customer service about her complaint",
        "she calls customer service about the same complaint",
        "she complains about it again by phone",
    ),
    nl=(
        "ze de klantenservice belt over haar klacht",
        "ze over dezelfde klacht belt met de klantenservice",
        "ze nog eens over haar klacht belt",
    ),
    doc_nl=(
        "Ze belt over de bestelling waarover ze klaagde en noemt het bestelnummer; de medewerker opent de"
        " bestelling en legt vast wat ze vertelt. De zaak waarmee de medewerker verdergaat (het zaaknummer, en"
        " wat de medewerker haar nog moet vragen) wordt vastgelegd."
    ),
    requires=("complaint",),
    gives=("agent", "second contact"),
)
def phone_about_complaint(journey):
    """She phones about the order she complained about and gives its number; the agent opens the order and
    notes what she says. The case the agent goes on with (its number, and what the agent must ask her) is
    recorded."""
    journey.do("complain by phone", message="Ik bel over mijn klacht; ik heb al in de chat uitgelegd wat er mis is.")


@vocabulary.then(
    en=("her complaint stays one case", "the company keeps her complaint in one case"),
    nl=(
        "blijft haar klacht één zaak",
        "loopt haar klacht door in dezelfde zaak",
        "haar klacht blijft één zaak",
    ),
    doc_nl=(
        "Regels *eens* over het zaaknummer en *niet twee keer gevraagd*: elk contactpunt noemt dezelfde zaak"
        " (de chat, de bevestigingsmail, de klantenservice aan de telefoon) en niemand vraagt haar opnieuw naar"
        " wat ze al gaf."
    ),
    requires=("second contact",),
)
def one_case(journey):
    """Rules *agree* on the case number and *not asked twice*: every touchpoint names the same case (the chat,
    the acknowledgement mail, customer service on the phone) and nobody asks her again for what she gave."""
    journey.agree("case.number")
    journey.not_asked_twice()
