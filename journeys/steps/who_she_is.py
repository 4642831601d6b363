"""Who the customer is: a synthetic customer of a segment, or one with an account, and what her account suggests.

A customer with an account has an existing one named in the map
(``accounts:``), or one the journey makes; her account page recommends
products that must suit her segment.
"""

from __future__ import annotations

from journeys.vocabulary import decorators as vocabulary
from journeys.vocabulary import params

TITLE_NL = (
    "Wie de klant is: een synthetische klant uit een segment of een klant met een account, en wat haar"
    " account haar aanbeveelt."
)


@vocabulary.given(
    en="a customer",
    nl="een klant",
    doc_nl="Een synthetische klant van het standaardsegment (gezin), gemaakt uit de seed van de run.",
    requires=("start",),
)
def a_customer(journey):
    """A synthetic customer of the default segment (family), made from the run's seed."""


@vocabulary.given(
    en='a customer in the "{segment}" segment',
    nl=('een klant in het segment "{segment}"', 'een klant uit het segment "{segment}"'),
    doc_nl=(
        "Een synthetische klant van een segment van de kaart (`segments:`), met zijn persona: student, young-"
        "professional, gezin, senior of zakelijk."
    ),
    example={"segment": "student"},
    requires=("start",),
    gives=("segment:{segment}",),
)
def a_customer_in_segment(journey, segment):
    """A synthetic customer of a segment of the map (`segments:`), with its persona: student,
    young-professional, family, senior or business."""
    segments = getattr(journey.system, "segments", None) or journey.system.map.segments
    journey.cast(segment=params.segment(segment, segments))


@vocabulary.given(
    en='she is the registered customer "{account}"',
    nl=(
        'dat ze de geregistreerde klant "{account}" is',
        'ze is de geregistreerde klant "{account}"',
        vocabulary.Retired('ze de geregistreerde klant "{account}" is'),
    ),
    doc_nl=(
        "Ze is een bestaande klant van het systeem, ingelogd: `accounts:` in de kaart noemt haar e-mailadres "
        "en wachtwoord via omgevingsvariabelen; het grootboek legt haar vast als dat account."
    ),
    example={"account": "anna"},
    needs=("task:log in",),
    requires=("start",),
    gives=("logged in",),
)
def registered_customer(journey, account):
    """She is an existing customer of the system, logged in: the map's `accounts:` names her
    e-mail address and password by environment variable; the ledger records her as that account."""
    journey.as_account(account)


@vocabulary.given(
    en=("she has an account and is logged in", "she is logged in with an account of her own"),
    nl=("dat ze een account heeft en ingelogd is", "ze heeft een account en is ingelogd"),
    doc_nl="De synthetische klant krijgt een account (de taak `create account` van het systeem) en logt in (`log in`).",
    needs=("task:create account", "task:log in"),
    requires=("start",),
    gives=("logged in",),
)
def has_account(journey):
    """The synthetic customer gets an account (the system's task `create account`), then logs in (`log in`)."""
    journey.sign_up()


@vocabulary.when(
    en="she looks at her recommendations",
    nl="ze haar aanbevelingen bekijkt",
    doc_nl="Haar accountpagina, met de producten die haar worden aanbevolen.",
    requires=("logged in",),
    gives=("page seen",),
)
def look_at_recommendations(journey):
    """Her account page, with the products recommended to her."""
    journey.visit("web.account")


@vocabulary.then(
    en="her recommendations suit a {segment}",
    nl=("passen haar aanbevelingen bij een {segment}", "haar aanbevelingen passen bij een {segment}"),
    doc_nl="Regel *past bij*: elke aanbeveling is bedoeld voor haar segment, of voor iedereen.",
    example={"segment": "student"},
    requires=("visited:web.account", "segment:{segment}"),
)
def recommendations_suit(journey, segment):
    """Rule *suits*: each recommendation is meant for her segment, or for everyone."""
    journey.suits("recommendations.segment", params.segment(segment, journey.system.map.segments))
