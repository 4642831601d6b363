"""The words writers use for facts, in English and Dutch, and the fact names they mean.

``FACTS`` are the words every system shares. A map adds its own facts'
words (``facts: {ticket.reference: {en: ticket reference, nl: het ticketnummer}}``):
a journey makes them the words of its steps (``use_words``, a context
variable, so concurrent journeys of a population each keep their own), and
the linter passes a map's words explicitly.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from contextvars import ContextVar, Token

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
_ARTICLES = ("the ", "het ", "de ", "een ", "a ", "an ")
_DECLARED: ContextVar[Mapping[str, str] | None] = ContextVar("journeys_fact_words", default=None)


def use_words(declared: Mapping[str, str]) -> Token[Mapping[str, str] | None]:
    """Make a system's own fact words (words -> fact) the ones steps understand, in this context."""
    return _DECLARED.set({_key(words): fact for words, fact in declared.items()})


def known_words(declared: Mapping[str, str] | None = None) -> dict[str, str]:
    """Every fact word understood: the shared ones and ``declared`` (default: the journey's system's)."""
    extra = (_DECLARED.get() or {}) if declared is None else declared
    return {**FACTS, **{_key(words): fact for words, fact in extra.items()}}


def fact_named(words: str, declared: Mapping[str, str] | None = None) -> str:
    """The fact a writer means by ``words`` ("the order total", "het totaalbedrag", "the ticket reference").

    Args:
        words: what the writer wrote.
        declared: a map's own fact words (words -> fact); default: those of the journey being walked.
    """
    table = known_words(declared)
    key = _key(words)
    if key in table:
        return table[key]
    if key in table.values():
        return key
    close = difflib.get_close_matches(key, table, n=2)
    hint = f" Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    raise StepError(
        f"unknown fact '{words}'.{hint} Known: {', '.join(sorted(table))}."
        " A system's own facts get their words in its map (`facts:`, see docs/new-system.md)."
    )


def _key(words: str) -> str:
    key = " ".join(words.lower().split())
    for article in _ARTICLES:
        if key.startswith(article):
            key = key[len(article) :]
    return key


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
