"""A second contact about the same complaint, on another channel: the company goes on with the same case.

She complained in the chat; she then phones about the same order. The agent
adds the call to her case: the console shows the case number the chat gave
her (*every touchpoint agrees on the case number*), and nobody asks her again
for what she gave (*not asked twice*).
"""

from journeys.vocabulary import decorators as vocabulary

TITLE_NL = "Een tweede contact over dezelfde klacht, via een ander kanaal: het bedrijf gaat verder met dezelfde zaak."


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
