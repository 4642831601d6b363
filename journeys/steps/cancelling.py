"""Cancelling an order before it ships: the shop stops it everywhere, pays her back and sends nothing."""

from datetime import datetime, time

from journeys.messages import say
from journeys.values import Status
from journeys.vocabulary import decorators as vocabulary

TITLE_NL = "Een bestelling annuleren voordat ze verzonden is: overal gestopt, geld terug, niets verstuurd."


@vocabulary.when(
    en=("she cancels the order in her account", "she cancels her order in her account"),
    nl=(
        "ze de bestelling annuleert in haar account",
        "ze in haar account de bestelling annuleert",
        "ze haar bestelling annuleert in haar account",
    ),
    doc_nl="Op de bestelpagina van haar account drukt ze op 'Bestelling annuleren', zolang er niets verzonden is.",
    requires=("delivery order", "logged in", "not shipped"),
    gives=("cancelled", "page seen", "-delivery order", "time:now"),  # her order's status is another from now
)
def cancel_order(journey):
    """On her order's page in her account she presses 'cancel order', while nothing has shipped."""
    journey.do("cancel order")


@vocabulary.when(
    en="she reads the cancellation email",
    nl=("ze de mail over de annulering leest", "ze de annuleringsmail leest"),
    doc_nl="De mail die de annulering bevestigt, met wat ze terugkrijgt.",
    requires=("cancelled",),
)
def read_cancellation_email(journey):
    """The mail that confirms the cancellation, with what she gets back."""
    journey.visit("email.cancellation")


@vocabulary.then(
    en=("her order is cancelled everywhere", "every touchpoint says her order is cancelled"),
    nl=(
        "is haar bestelling overal geannuleerd",
        "haar bestelling is overal geannuleerd",
        "zegt elk contactpunt dat haar bestelling geannuleerd is",
    ),
    doc_nl="Haar account en de app zeggen nu allebei dat de bestelling geannuleerd is.",
    needs=("web.account_order", "app.order"),  # read in a loop: said here, as lint cannot read it from the body
    requires=("cancelled",),
)
def cancelled_everywhere(journey):
    """Her account and the app both say now that the order is cancelled."""
    for touchpoint in ("web.account_order", "app.order"):
        journey.visit(touchpoint)
        journey.expect(touchpoint, "order.status", Status("cancelled"))


@vocabulary.then(
    en=("she receives no shipping notice", "no shipping notice reaches her"),
    nl=(
        "krijgt ze geen verzendbericht",
        "ze krijgt geen verzendbericht",
        "krijgt ze geen mail dat haar bestelling verzonden is",
    ),
    doc_nl="Tot en met de dag dat haar pakket zou komen, krijgt ze geen mail dat het verzonden is.",
    requires=("cancelled",),
    gives=("time:later",),
)
def no_shipping_notice(journey):
    """Up to the day her parcel would have come, no mail says it has shipped."""
    promised = journey.ledger.latest("delivery.date")
    day = promised.value if promised is not None and promised.problem is None else journey.now().date()
    journey.expect_no_mail(
        "email.shipping_notice",
        by=datetime.combine(day, time(23, 59), journey.now().tzinfo),
        why=say("step.cancelled_why"),
    )
