"""What a form field asks the customer for: the thing, not the field's name.

A page asks for ``submitter_email``, a step speaks of "her email", a task
records that she gave ``email``: all three are one thing, ``email``. A
question and an input are recorded under that meaning, so the rule *not
asked twice* compares them whatever a form calls its fields. A map names
its own fields (``fields: {ticket_ref: ticket_reference}``); common names
(email, e-mail, submitter_email, phone, tel, postcode, zip, order number...)
mean what they say without it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from journeys.core.rules.fact_kinds import what_key

_EMAIL = {"email", "mail", "emailaddress", "emailadres", "mailadres", "emailadresse"}
_PHONE = {"phone", "telephone", "tel", "mobile", "mobiel", "telefoon", "telefoonnummer", "phonenumber", "gsm"}
_POSTCODE = {"postcode", "zip", "zipcode", "postalcode", "postcodes"}
_ORDER = {"order", "bestel", "bestelling"}
_NUMBER = {"number", "nr", "no", "num", "id", "ref", "reference", "nummer", "code"}
_ORDER_NUMBER = {"ordernumber", "orderno", "ordernr", "orderid", "orderref", "bestelnummer", "ordernummer"}
_NAME_OWNERS = {"full", "customer", "your", "submitter", "contact", "client", "klant"}
_STREET = {"street", "address", "adres", "straat", "streetaddress", "address1", "addressline1"}


def words_of(field: str) -> list[str]:
    """``submitterEmail``, ``submitter-email`` and ``Submitter E-mail`` -> ``[submitter, email]``."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", field)
    text = spaced.lower().replace("e-mail", "email")
    return [w for w in re.split(r"[^a-z0-9]+", text) if w]


def meaning_of(field: str, declared: Mapping[str, str] | None = None) -> str:
    """The thing ``field`` asks for, as the ledger records it (``email``, ``order_number``, ``phone``...).

    Args:
        field: a form field's name (or id), or what a task says she gave.
        declared: the map's ``fields:`` (field name -> thing), which wins over the common names.
    """
    if declared and field in declared:
        return what_key(declared[field])
    tokens = words_of(field)
    joined = "".join(tokens)
    found = set(tokens) | {joined}
    if found & _EMAIL or "email" in joined:
        return "email"
    if found & _PHONE:
        return "phone"
    if found & _POSTCODE or {"postal", "code"} <= found:
        return "postcode"
    if found & _ORDER_NUMBER or (found & _ORDER and found & _NUMBER):
        return "order_number"
    if (
        tokens == ["name"]
        or tokens == ["naam"]
        or (len(tokens) == 2 and tokens[1] in ("name", "naam") and tokens[0] in _NAME_OWNERS)
        or joined == "fullname"
    ):
        return "name"
    if found & _STREET:
        return "street"
    return what_key(field)
