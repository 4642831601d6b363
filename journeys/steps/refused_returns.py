"""Returns refused, and the mail with the return label.

Whether an article can be returned is the fact ``return.verdict`` (a status):
the map's ``vocabulary: {status: ...}`` turns the system's words into
``returnable``, ``too_late``, ``not_returnable``, ``not_delivered`` or
``already_returned``. The returns portal and the agent on the phone each
show it; *every touchpoint agrees on the return decision* holds them to one
answer.
"""

import difflib

from journeys.errors import StepError
from journeys.messages import say
from journeys.values.status import Status
from journeys.vocabulary import decorators as vocabulary
from journeys.vocabulary import params

TITLE_NL = "Geweigerde retouren, en de mail met het retourlabel."

#: Why a return is refused, in a writer's words -> the canonical verdict.
REASONS = {
    "too late": "too_late",
    "past the return period": "too_late",
    "not returnable": "not_returnable",
    "not delivered yet": "not_delivered",
    "not yet delivered": "not_delivered",
    "already returned": "already_returned",
    "te laat": "too_late",
    "na de retourtermijn": "too_late",
    "niet retourneerbaar": "not_returnable",
    "nog niet bezorgd": "not_delivered",
    "al geretourneerd": "already_returned",
    "al aangemeld voor retour": "already_returned",
}


def read_reason(text: str) -> str:
    """The verdict a writer means by a reason ("too late", "te laat" -> ``too_late``)."""
    key = " ".join(text.lower().split())
    if key in REASONS:
        return REASONS[key]
    close = difflib.get_close_matches(key, REASONS, n=1)
    hint = say("step.did_you_mean", close=close[0]) if close else ""
    raise StepError(say("step.unknown_reason", text=text, hint=hint, reasons=", ".join(REASONS)))


# `{reason}` is a kind of its own: lint checks it before anything runs, `journeys steps` lists the words.
params.define(
    "reason",
    read_reason,
    en="why a return is refused: too late / past the return period; not returnable; not delivered yet /"
    " not yet delivered; already returned",
    nl="waarom een retour geweigerd wordt: te laat / na de retourtermijn; niet retourneerbaar; nog niet bezorgd;"
    " al geretourneerd / al aangemeld voor retour",
)


@vocabulary.when(
    en=("she tries to return the order through the returns portal", "she tries to return the order online"),
    nl=(
        "ze de bestelling probeert te retourneren via het retourportaal",
        "ze via het retourportaal de bestelling probeert te retourneren",
    ),
    doc_nl=(
        "Het retourportaal, ingelogd: wat het over het retourneren van haar bestelling zegt: mogelijk tot"
        " wanneer, of waarom niet."
    ),
    requires=("delivery order", "logged in"),
    gives=("return tried",),
)
def try_return(journey):
    """The returns portal, logged in: what it says about returning her order: until when, or why not."""
    journey.do("look at return options")


@vocabulary.then(
    en="her return is refused because it is {reason}",
    nl=("wordt haar retour geweigerd omdat het {reason} is", "haar retour wordt geweigerd omdat het {reason} is"),
    doc_nl=(
        "Elk contactpunt dat zei of ze kon retourneren (retourportaal, medewerker) weigerde, om deze reden:"
        " te laat, niet retourneerbaar, nog niet bezorgd, al aangemeld voor retour."
    ),
    example={"reason": "too late"},
    example_nl={"reason": "te laat"},
    requires=("return tried|agent",),
)
def return_refused(journey, reason):
    """Every touchpoint that said whether she can return it (returns portal, agent) refused, for this
    reason: too late, not returnable, not delivered yet, already returned."""
    journey.expect_everywhere("return.verdict", Status(read_reason(reason)))


@vocabulary.when(
    en=("she reads the return label email", "she reads the mail with her return label"),
    nl=("ze de mail met het retourlabel leest", "ze de retourlabelmail leest"),
    doc_nl="Wacht op de mail met het retourlabel en leest die: retournummer en retourbedrag.",
    requires=("return",),
)
def read_return_label_email(journey):
    """Waits for the mail with the return label and reads it: return number and refund amount."""
    journey.visit("email.return_label")
