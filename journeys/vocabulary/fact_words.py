"""The words writers use for facts and for what a customer is asked, in English and Dutch.

``FACT_WORDS`` and ``INPUT_WORDS`` hold every word per meaning and language,
synonyms included; the lookup tables ``FACTS`` and ``INPUTS`` (words ->
name) are derived from them, so the catalogue lists exactly what steps
understand. Articles and "her"/"haar" are left out when reading
("the order total", "haar bestelnummer").

A map adds its own facts' words (``facts: {ticket.reference: {en: ticket
reference, nl: het ticketnummer}}``): a journey makes them the words of its
steps (``use_words``, a context variable, so concurrent journeys of a
population each keep their own), and the linter passes a map's words
explicitly.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from contextvars import ContextVar, Token

from journeys.errors import StepError
from journeys.messages import say
from journeys.vocabulary.words_meaning import closest_by_meaning

__all__ = [
    "FACTS",
    "FACT_WORDS",
    "INPUTS",
    "INPUT_WORDS",
    "LANGUAGES",
    "fact_named",
    "fact_words",
    "input_named",
    "input_words",
    "known_words",
    "stop_using",
    "use_words",
]

LANGUAGES = ("en", "nl")

#: Every fact systems share: its words per language, the usual one first. Dutch words carry
#: their article (de/het), which a writer needs to know; reading ignores it.
FACT_WORDS: dict[str, dict[str, list[str]]] = {
    "order.number": {"en": ["order number", "order reference"], "nl": ["het bestelnummer", "het ordernummer"]},
    "order.total": {
        "en": ["order total", "total", "total amount", "order amount"],
        "nl": ["het totaalbedrag", "het totaal", "het bedrag", "het bestelbedrag"],
    },
    "product.price": {"en": ["price", "product price"], "nl": ["de prijs", "de productprijs"]},
    "order.status": {"en": ["order status", "status of the order"], "nl": ["de bestelstatus", "de orderstatus"]},
    "delivery.date": {
        "en": ["delivery date", "delivery day"],
        "nl": ["de bezorgdatum", "de leverdatum", "de bezorgdag"],
    },
    "delivery.address": {
        "en": ["delivery address", "shipping address"],
        "nl": ["het bezorgadres", "het afleveradres", "het verzendadres"],
    },
    "delivery.promise": {"en": ["delivery promise"], "nl": ["de bezorgbelofte", "de leverbelofte"]},
    "shipment.track_and_trace": {
        "en": ["track and trace code", "track & trace code", "tracking code"],
        "nl": ["de track-and-tracecode", "de track & trace-code", "de trackingcode"],
    },
    "refund.amount": {
        "en": ["refund amount", "refund", "refunded amount", "amount refunded"],
        "nl": ["het retourbedrag", "de terugbetaling", "het terugbetaalde bedrag", "terugbetaald bedrag"],
    },
    "return.number": {"en": ["return number"], "nl": ["het retournummer"]},
    "return.status": {"en": ["return status", "status of the return"], "nl": ["de retourstatus"]},
    "pickup.date": {"en": ["pickup date", "collection date"], "nl": ["de ophaaldatum", "de afhaaldatum"]},
    "pickup.store": {"en": ["pickup store", "collection store"], "nl": ["de afhaalwinkel", "de ophaalwinkel"]},
    "callback.due": {"en": ["callback date", "call-back date"], "nl": ["de terugbeldatum"]},
    "replacement.order": {"en": ["replacement order"], "nl": ["de vervangende bestelling"]},
}

#: What a customer can be asked for (``{what}``), by the form field it fills.
INPUT_WORDS: dict[str, dict[str, list[str]]] = {
    "order_number": {"en": ["order number"], "nl": ["bestelnummer", "ordernummer"]},
    "email": {
        "en": ["email address", "email", "e-mail address", "e-mail"],
        "nl": ["e-mailadres", "mailadres", "emailadres", "e-mail"],
    },
    "name": {"en": ["name", "full name"], "nl": ["naam", "volledige naam"]},
    "street": {"en": ["address", "street", "street address"], "nl": ["adres", "straat"]},
    "phone": {
        "en": ["phone number", "telephone number", "phone"],
        "nl": ["telefoonnummer", "mobiele nummer", "mobiel nummer"],
    },
    "postcode": {"en": ["postcode", "postal code", "zip code"], "nl": ["postcode"]},
}

# Left off the front of what a writer typed: articles and "her" ("haar bestelnummer").
_LEADING = re.compile(r"^(?:the|a|an|her|his|de|het|een|haar|zijn)\s+")
_ENGLISH_LEAD = re.compile(r"^(?:the|a|an|her|his)\s")
_DUTCH_LEAD = re.compile(r"^(?:de|het|een|haar|zijn)\s")


def _key(words: str) -> str:
    key = " ".join(words.lower().split())
    while (stripped := _LEADING.sub("", key)) != key:
        key = stripped
    return key


def _table(words: Mapping[str, Mapping[str, list[str]]]) -> dict[str, str]:
    return {_key(w): name for name, by_language in words.items() for ws in by_language.values() for w in ws}


#: The shared fact words read (article left out) -> fact name.
FACTS = _table(FACT_WORDS)
#: What a customer is asked for, as written -> the form field.
INPUTS = _table(INPUT_WORDS)

_DECLARED: ContextVar[Mapping[str, str] | None] = ContextVar("journeys_fact_words", default=None)


def fact_words(language: str) -> dict[str, list[str]]:
    """The shared facts and their words in ``language`` ("en" or "nl"), the usual word first."""
    return {fact: list(by_language[language]) for fact, by_language in FACT_WORDS.items()}


def input_words(language: str) -> dict[str, list[str]]:
    """What a customer can be asked for (form field -> its words in ``language``)."""
    return {field: list(by_language[language]) for field, by_language in INPUT_WORDS.items()}


def use_words(declared: Mapping[str, str]) -> Token[Mapping[str, str] | None]:
    """Make a system's own fact words (words -> fact) the ones steps understand, in this context."""
    return _DECLARED.set({" ".join(words.lower().split()): fact for words, fact in declared.items()})


def stop_using(token: Token[Mapping[str, str] | None]) -> None:
    """Forget the words ``use_words`` set (a journey's end), in the context that set them."""
    try:
        _DECLARED.reset(token)
    except ValueError:  # set in another context (a population's greenlet): that context ends with it
        pass


def known_words(declared: Mapping[str, str] | None = None) -> dict[str, str]:
    """Every fact word understood: the shared ones and ``declared`` (default: the journey's system's)."""
    extra = (_DECLARED.get() or {}) if declared is None else declared
    return {**FACTS, **{_key(words): fact for words, fact in extra.items()}}


def fact_named(words: str, declared: Mapping[str, str] | None = None) -> str:
    """The fact a writer means by ``words`` ("the order total", "het totaalbedrag", "the ticket reference").

    Args:
        words: what the writer wrote.
        declared: a map's own fact words (words -> fact); default: those of the journey being walked.

    Raises:
        StepError: unknown words; the message suggests facts of the same meaning, in the writer's language.
    """
    table = known_words(declared)
    key = _key(words)
    if key in table:
        return table[key]
    if key in table.values():
        return key
    language = _language_of(words)
    every = {fact: [*ws["en"], *ws["nl"]] for fact, ws in FACT_WORDS.items()}
    shown = fact_words(language)
    for own_words, fact in ((_DECLARED.get() or {}) if declared is None else declared).items():
        every.setdefault(fact, []).append(own_words)
        if fact not in FACT_WORDS:  # a map's own fact: its words, the writer's language first
            shown.setdefault(fact, []).append(own_words)
            shown[fact].sort(key=lambda w: _language_of(w) != language)
    known = ", ".join(ws[0] for ws in shown.values())
    raise StepError(say("words.unknown_fact", text=words, close=_did_you_mean(key, every, shown), known=known))


def input_named(words: str) -> str:
    """What a writer means by something the customer gives ("her order number", "haar e-mailadres").

    Raises:
        StepError: unknown words; the message suggests inputs of the same meaning, in the writer's language.
    """
    key = _key(words)
    if key in INPUTS:
        return INPUTS[key]
    every = {name: [*ws["en"], *ws["nl"]] for name, ws in INPUT_WORDS.items()}
    shown = input_words(_language_of(words))
    known = ", ".join(" / ".join(ws) for ws in shown.values())
    raise StepError(say("words.unknown_input", text=words, close=_did_you_mean(key, every, shown), known=known))


def _did_you_mean(key: str, every: Mapping[str, list[str]], shown: Mapping[str, list[str]]) -> str:
    """``did you mean 'het retourbedrag' (or 'de terugbetaling')? ``: the closest meanings by
    ``every`` word (both languages), in the ``shown`` words (the writer's language); or nothing."""
    close = closest_by_meaning(key, {name: [_key(w) for w in ws] for name, ws in every.items()})
    if not close:
        return ""
    options = []
    for name in close:
        first, *others = (f"'{word}'" for word in shown[name])
        options.append(first + (say("words.or", others=", ".join(others)) if others else ""))
    return say("words.did_you_mean", options=say("words.options_or").join(options))


def _language_of(words: str) -> str:
    """The writer's language: by the article, else by the language of the closest known word."""
    lowered = " ".join(words.lower().split())
    if _DUTCH_LEAD.match(lowered):
        return "nl"
    if _ENGLISH_LEAD.match(lowered):
        return "en"
    key = _key(words)
    likeness = {
        language: max(
            difflib.SequenceMatcher(None, key, _key(w)).ratio()
            for table in (FACT_WORDS, INPUT_WORDS)
            for ws in table.values()
            for w in ws[language]
        )
        for language in LANGUAGES
    }
    return "nl" if likeness["nl"] > likeness["en"] else "en"
