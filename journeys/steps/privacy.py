"""Privacy: what is hers stays hers, whoever else asks.

Another customer tries a touchpoint with what an outsider can know of her:
everything the journey remembers (her order number, her e-mail address)
except its secrets (a code the company gave her only: the tasks mark those
secret). She has none of the customer's sessions either: the app is asked
through the API driver, never through the customer's own browser. Where
the attempt takes more than a visit (booking at a till), a task of the
system makes it. What she was shown, or that she was refused, goes on the
ledger for rule *kept private* (``journeys.core.rules.own_data``).
"""

from journeys.core.records import Provenance
from journeys.core.rules import own_data as privacy
from journeys.errors import ChannelError
from journeys.vocabulary import decorators as vocabulary

TITLE_NL = "Privacy: wat van haar is, blijft van haar, wie er ook naar vraagt."


def _secrets_blanked(journey):
    """The journey's secrets, blank: the rest of her memory is what someone else could know too."""
    secrets = journey.system.secrets
    return {key: "" for key, value in journey.memory.items() if value in secrets}


def _try(journey, touchpoint, attempt):
    """Another customer's ``attempt`` at ``touchpoint``; a refusal goes on the ledger as such."""
    try:
        attempt()
    except ChannelError as exc:
        tp = journey.touchpoint(touchpoint)
        step = journey.step
        where = Provenance(
            tp.name, tp.channel, step.text if step else None, step.location if step else None, journey.now()
        )
        privacy.refused(journey.ledger, where, str(exc))


@vocabulary.when(
    en="another customer looks up her order in the app",
    nl=("een andere klant haar bestelling opzoekt in de app", "een andere klant haar bestelling in de app opzoekt"),
    doc_nl="Iemand anders vraagt de app om haar bestelling: met haar bestelnummer en e-mailadres, niet met haar code.",
    requires=("online order",),
    gives=("someone else tried",),
)
def other_customer_looks_up_order(journey):
    """Someone else asks the app for her order: her order number and e-mail address, not her code."""
    _try(
        journey,
        "app.order",
        lambda: journey.visit("app.order", about=privacy.OTHER, **_secrets_blanked(journey)),
    )


@vocabulary.when(
    en="another customer orders in her name through the store's till",
    nl="een andere klant via de kassa van de winkel op haar naam bestelt",
    doc_nl=(
        "Iemand die geen kassa is, boekt via het kassasysteem een bestelling op haar naam, met alleen haar "
        "e-mailadres; de taak `other customer orders in store` van het systeem zegt hoe."
    ),
    requires=("online order",),  # in her name: the shop knows her, and where she lives, from her order
    gives=("someone else tried",),
)
def other_customer_orders_at_till(journey):
    """Someone who is not a till books an order in her name through the till's system, by her e-mail
    address alone; the system's task ``other customer orders in store`` says how."""
    _try(journey, "store.order", lambda: journey.do("other customer orders in store"))


@vocabulary.then(
    en="nobody else was shown her order",
    nl=("kreeg niemand anders haar bestelling te zien", "niemand anders kreeg haar bestelling te zien"),
    doc_nl="Regel *privé gehouden*: elk contactpunt dat een andere klant probeerde, weigerde en toonde niets van haar.",
    requires=("someone else tried",),
)
@vocabulary.then(
    en="nobody else was shown anything of hers",
    nl=("kreeg niemand anders iets van haar te zien", "niemand anders kreeg iets van haar te zien"),
    doc_nl="Regel *privé gehouden*: elk contactpunt dat een andere klant probeerde, weigerde en toonde niets van haar.",
    requires=("someone else tried",),
)
def nobody_else_saw_it(journey):
    """Rule *kept private*: every touchpoint another customer tried refused, and showed nothing of hers."""
    journey.ledger.add(privacy.kept_private(journey.ledger))
