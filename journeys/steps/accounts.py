"""Customers with an account: an existing one named in the map, or one the journey makes."""

from __future__ import annotations

from journeys.gherkin import vocabulary


@vocabulary.given(
    en='she is the registered customer "{account}"',
    nl='ze de geregistreerde klant "{account}" is',
    example={"account": "anna"},
    needs=("task:log in",),
)
def registered_customer(journey, account):
    """She is an existing customer of the system, logged in: the map's `accounts:` names her
    e-mail address and password by environment variable; the ledger records her as that account."""
    journey.as_account(account)


@vocabulary.given(
    en="she has an account and is logged in",
    nl="ze heeft een account en is ingelogd",
    needs=("task:create account", "task:log in"),
)
def has_account(journey):
    """The synthetic customer gets an account (the system's task `create account`), then logs in (`log in`)."""
    journey.sign_up()
