"""How a writer writes each kind of step parameter, in English and Dutch (``describe``).

The catalogue (``journeys steps``) shows these texts; the word lists in them
are the very tables the readers in :mod:`journeys.vocabulary.params` and
:mod:`journeys.vocabulary.fact_words` use, so a listed word is always understood.
"""

from __future__ import annotations

from journeys.vocabulary.fact_words import fact_words, input_words

__all__ = ["CHANNEL_WORDS", "KIND_NAMES", "SEGMENT_WORDS", "describe"]

#: Each channel as the harness calls it, and the words writers use for it, per language.
CHANNEL_WORDS: dict[str, dict[str, list[str]]] = {
    "web": {"en": ["web", "web shop", "webshop", "website"], "nl": ["webwinkel", "website", "webshop", "web"]},
    "app": {"en": ["app"], "nl": ["app"]},
    "api": {"en": ["api"], "nl": ["api"]},
    "store": {"en": ["store", "till"], "nl": ["winkel", "kassa"]},
    "click-and-collect": {
        "en": ["click-and-collect", "click and collect", "click & collect"],
        "nl": ["afhalen", "click-and-collect", "click & collect"],
    },
    "email": {"en": ["email", "e-mail", "mail"], "nl": ["e-mail", "mail"]},
    "chat": {"en": ["chat"], "nl": ["chat"]},
    "phone": {"en": ["phone", "telephone"], "nl": ["telefoon"]},
    "agent": {"en": ["agent", "agent console", "customer service"], "nl": ["klantenservice", "agent"]},
    "returns": {"en": ["returns", "returns portal"], "nl": ["retourportaal"]},
    "sms": {"en": ["sms"], "nl": ["sms"]},
}
#: Dutch names of the usual segments (a map's segments are named in English).
SEGMENT_WORDS = {
    "gezin": "family",
    "gezinnen": "family",
    "familie": "family",
    "family customer": "family",
    "zakelijk": "business",
    "zakelijke": "business",
    "zakelijke klant": "business",
    "zakelijke klanten": "business",
    "business customer": "business",
    "studenten": "student",
    "oudere": "senior",
    "ouderen": "senior",
    "senioren": "senior",
    "oudere klant": "senior",
}
#: The kinds of typed parameters, in the order the catalogue lists them.
KIND_NAMES = ("amount", "moment", "day", "duration", "quantity", "channel", "segment", "fact", "what", "touchpoint")

_TEXTS = {
    "amount": {
        "en": "an amount of money: '€ 12,00' or '12.00 EUR'",
        "nl": "een bedrag: '€ 12,00' of '12.00 EUR'",
    },
    "moment": {
        "en": "a day and time: 'Friday 17:45', 'vrijdag 17:45' or '2026-11-27 17:45'",
        "nl": "een dag en tijd: 'vrijdag 17:45', 'morgen om 9:30' of '2026-11-27 17:45'",
    },
    "day": {
        "en": "a day: 'Wednesday', 'woensdag', '27 november' or '2026-11-27'",
        "nl": "een dag: 'woensdag', 'morgen', '27 november' of '2026-11-27'",
    },
    "duration": {
        "en": "a number and a unit: '2 days', '2 dagen', '3 hours', '30 minuten', '1 week'",
        "nl": "een aantal en een eenheid: '2 dagen', '3 uur', '30 minuten', '1 week' of '1,5 uur'",
    },
    "quantity": {
        "en": "a whole number from 1: '2', 'twee' or 'two'",
        "nl": "een heel getal vanaf 1: '2' of 'twee'",
    },
    "channel": {"en": "a channel: {words}", "nl": "een kanaal: {words}"},
    "segment": {
        "en": "a segment from the touchpoint map's `segments:` (gezin = family)",
        "nl": "een segment uit `segments:` van de kaart met contactpunten, in het Engels of Nederlands: {words}",
    },
    "fact": {
        "en": "the words for a fact, with or without 'the': {words};"
        " or a map's own words (`journeys steps --system X`)",
        "nl": "de woorden voor een feit, met of zonder 'de'/'het': {words};"
        " of de eigen woorden uit de `facts:` van een map (`journeys steps --system X`)",
    },
    "what": {
        "en": "what she is asked for: {words}",
        "nl": "waar ze naar gevraagd wordt: {words}",
    },
    "touchpoint": {
        "en": "a touchpoint of the map by name: 'web.checkout'",
        "nl": "een contactpunt van de kaart, bij zijn naam: 'web.checkout'",
    },
}


def describe(kind: str, language: str) -> str:
    """How to write a parameter of ``kind`` in ``language`` ("en" or "nl"), with every word there is.

    Raises:
        ValueError: an unknown kind or language.
    """
    if kind not in _TEXTS:
        raise ValueError(f"no parameter kind '{kind}': choose one of {', '.join(KIND_NAMES)}")
    if language not in ("en", "nl"):
        raise ValueError(f"no language '{language}': choose en or nl")
    return _TEXTS[kind][language].format(words=_words(kind, language))


def _words(kind: str, language: str) -> str:
    """The complete word list of ``kind``: synonyms of one meaning joined by " / "."""
    if kind == "fact":
        return "; ".join(" / ".join(words) for words in fact_words(language).values())
    if kind == "what":
        return "; ".join(" / ".join(words) for words in input_words(language).values())
    if kind == "channel":
        return "; ".join(" / ".join(words[language]) for words in CHANNEL_WORDS.values())
    if kind == "segment":
        by_segment: dict[str, list[str]] = {}
        for word, segment in SEGMENT_WORDS.items():
            by_segment.setdefault(segment, [segment]).append(word)
        return "; ".join(" / ".join(words) for words in by_segment.values())
    return ""
