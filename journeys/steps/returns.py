"""Returns and refunds."""

from datetime import datetime, time

from journeys.core.promise_records import PromiseCheck
from journeys.values import add_working_days
from journeys.vocabulary import decorators as vocabulary

TITLE_NL = "Retouren en terugbetalingen."


@vocabulary.when(
    en="she returns the order through the returns portal",
    nl=(
        "ze de bestelling retourneert via het retourportaal",
        "ze de bestelling via het retourportaal retourneert",
        "ze de bestelling via het retourportaal terugstuurt",
    ),
    doc_nl="Het retourportaal: artikel kiezen, terugbetaling zien, bevestigen, een label krijgen.",
    requires=("online order", "delivered", "return window"),
    gives=("return",),
)
def return_order(journey):
    """The returns portal: pick the item, see the refund quote, confirm, get a label."""
    journey.do("return order")


@vocabulary.when(
    en="she reads the refund email",
    nl=("ze de mail over haar terugbetaling leest", "ze de terugbetalingsmail leest"),
    doc_nl="De mail die zegt hoeveel er is terugbetaald.",
    requires=("return",),
    gives=("time:later",),
)
def read_refund_email(journey):
    """The mail that says how much was refunded (waited for until the day the refund was promised by)."""
    journey.visit_when_sent("email.refund", by=_refund_due(journey))


@vocabulary.then(
    en="the returns portal answered within {n:d} seconds",
    nl=("antwoordde het retourportaal binnen {n:d} seconden", "het retourportaal antwoordde binnen {n:d} seconden"),
    doc_nl="Regel *antwoord binnen*: geen pagina van het portaal liet haar langer wachten.",
    example={"n": "2"},
    requires=("return|return tried",),
)
def portal_fast(journey, n):
    """Rule *answered within*: no page of the portal kept her waiting longer."""
    journey.answered_within("returns", n)


@vocabulary.then(
    en=("the promised refund is kept", "she is refunded on time"),
    nl=(
        "wordt ze op tijd terugbetaald",
        "ze wordt op tijd terugbetaald",
        "krijgt ze haar geld op tijd terug",
        vocabulary.Retired("wordt de beloofde terugbetaling nagekomen"),
    ),
    doc_nl="Belofte: binnen 5 werkdagen na de retour terugbetaald, zoals de app laat zien.",
    requires=("return",),
    gives=("time:later",),
)
def refund_kept(journey):
    """Promise: refunded within 5 working days of the return, as the app shows."""
    due = _refund_due(journey)
    journey.promise(
        "refund.amount", due=due, check=PromiseCheck("app.return", "return.status", "equals", {"value": "refunded"})
    )
    journey.keep_promises()


@vocabulary.then(
    en=("she gets back what she paid", "she is refunded what she paid"),
    nl=(
        "krijgt ze terug wat ze betaalde",
        "ze krijgt terug wat ze betaalde",
        "krijgt ze het bedrag terug dat ze betaalde",
    ),
    doc_nl="Regel *komt overeen*: elk bedrag dat ze terugkrijgt (retour of annulering) is het totaal dat ze bij"
    " haar bestelling zag.",
    requires=("return|cancelled", "one product", "shown:refund.amount"),
)
def refunded_what_she_paid(journey):
    """Rule *matches*: every refund she was shown (a return's or a cancellation's) is the total she was shown
    when she ordered."""
    journey.matches("refund.amount", "order.total")


def _refund_due(journey):
    """The end of the fifth working day after her return: when the refund is promised by."""
    returned = journey.ledger.latest("return.number").where.seen_at
    return datetime.combine(add_working_days(returned.date(), 5), time(23, 59), returned.tzinfo)
