"""The words writers use for facts, in English and Dutch, and the fact names they mean."""

from __future__ import annotations

import difflib

from journeys.errors import StepError

FACTS = {
    "order number": "order.number",
    "order total": "order.total",
    "total": "order.total",
    "delivery date": "delivery.date",
    "delivery address": "delivery.address",
    "order status": "order.status",
    "refund amount": "refund.amount",
    "track and trace code": "shipment.track_and_trace",
    "bestelnummer": "order.number",
    "totaalbedrag": "order.total",
    "bedrag": "order.total",
    "bezorgdatum": "delivery.date",
    "bezorgadres": "delivery.address",
    "bestelstatus": "order.status",
    "terugbetaling": "refund.amount",
    "track-and-tracecode": "shipment.track_and_trace",
}
_ARTICLES = ("the ", "het ", "de ", "een ", "a ")


def fact_named(words: str) -> str:
    """The fact a writer means by ``words`` ("the order total", "het totaalbedrag")."""
    key = words.strip().lower()
    for article in _ARTICLES:
        if key.startswith(article):
            key = key[len(article) :]
    if key in FACTS:
        return FACTS[key]
    if key in FACTS.values():
        return key
    close = difflib.get_close_matches(key, FACTS, n=2)
    hint = f" Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    raise StepError(f"unknown fact '{words}'.{hint} Known: {', '.join(sorted(FACTS))}")


INPUTS = {
    "order number": "order_number",
    "email": "email",
    "email address": "email",
    "e-mail address": "email",
    "name": "name",
    "address": "street",
    "bestelnummer": "order_number",
    "e-mailadres": "email",
    "mailadres": "email",
    "naam": "name",
    "adres": "street",
}


def input_named(words: str) -> str:
    """What a writer means by something the customer gives ("her order number", "haar e-mailadres")."""
    key = words.strip().lower()
    if key in INPUTS:
        return INPUTS[key]
    close = difflib.get_close_matches(key, INPUTS, n=2)
    hint = f" Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    raise StepError(f"unknown thing to be asked for: '{words}'.{hint} Known: {', '.join(sorted(INPUTS))}")
