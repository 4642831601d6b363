"""Customers with an account: an existing one named in the map, or one the journey makes."""

from __future__ import annotations

from journeys.vocabulary import decorators as vocabulary

TITLE_NL = "Klanten met een account: een bestaand account uit de kaart, of een dat de reis aanmaakt."


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
