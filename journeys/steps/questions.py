"""Questions in the chat: where her order is, or anything else she asks; the answer is a touchpoint.

What the chat answers (the status of her order, its delivery or pickup date)
is read from the answer's text (``chat.answer`` in the map), so *every
touchpoint agrees on the delivery date* holds the chat to what the shop
promised. A question is not a complaint: it opens no complaint.
"""

from journeys.vocabulary import decorators as vocabulary

TITLE_NL = "Vragen in de chat: waar haar bestelling blijft, of iets anders; het antwoord is een contactpunt."


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
