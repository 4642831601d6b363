"""What lint says when a step comes before what it needs, in English and Dutch."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from journeys.errors import StepError
from journeys.vocabulary.fact_words import fact_words
from journeys.vocabulary.sentences import Sentence

__all__ = ["duration", "example_values", "fact_words_of", "say", "segment"]


def segment(text: str) -> str:
    """The segment a writer names, by its usual name ("zakelijke klant" -> ``business``)."""
    from journeys.vocabulary.params_words import SEGMENT_WORDS

    words = " ".join(text.lower().split())
    return SEGMENT_WORDS.get(words, words)


def duration(text: str) -> timedelta:
    """A stretch of time a writer wrote; nothing for what lint's value check refuses anyway."""
    from journeys.vocabulary import params

    try:
        return params.duration(text)
    except StepError:
        return timedelta(0)


def example_values(sentence: Sentence) -> Mapping[str, Any]:
    """The sentence's example values (what a suggestion would say)."""
    return sentence.arguments(sentence.example) or {}


def fact_words_of(fact: str, written: str, language: str) -> str:
    """The fact in the writer's words: what she wrote, else the catalogue's words for it."""
    if written and written != fact:
        return written
    found = fact_words(language).get(fact)
    return found[0] if found else fact.replace(".", " ").replace("_", " ")  # a map's own fact, as words


_MESSAGES = {
    "en": {
        "start": "{said} says who the customer is, after she has begun: move it before her first touchpoint",
        "segment": "{said} expects a customer of the {what} segment, and she is one of {who}: say so first,"
        " with 'Given a customer in the \"{what}\" segment'",
        "same": "{said} compares two channels, but they were asked about different products ({what}):"
        " ask both about the same product",
        "again": "{said} comes after {what} already: the steps after it would not know which one is hers;"
        " give the second one a scenario of its own",
        "apart": "{said} needs {what}, and her order has only one kind of article ({which}): order two"
        " different ones, such as {fix}",
        "needs": "{said} needs {what} first: write {fix} before it",
        "ended": "{said} needs {what}, and there is none since {by}: put it before that step, or in a scenario"
        " of its own",
        "expired": "{said} needs {what}, but time has passed since she ordered: put it before the step"
        " where time passes",
        "visit": "{said} needs her to have been at {what} first: write {fix} before it",
        "known": "{said} checks what {where} knows of the {what}, but she was not told it anywhere else"
        " before {where} showed it: write {fix} before her visit there",
        "gave": "{said} needs her to have given her {what} first: write {fix} before it",
        "unseen": "{said} needs a touchpoint that showed the {what}, and none did before it: write {fix} before it",
        "once": "{said} compares the {what}, but only {where} showed it before: write {fix} before it",
        "unmapped": "{said}: {where} never shows the {what}; touchpoints that do: {others}",
        "only": "{said}: {where} shows the {what} only with {moment}, and there is none in this journey before it",
        "promise": "{said}: nothing here can show whether the {what} was kept; promises it can check: {known}."
        " Your team's developer can say where it shows kept (docs/new-system.md, `promise:`)",
    },
    "nl": {
        "start": "{said} zegt wie de klant is, terwijl ze al onderweg is: zet die stap vóór haar eerste contactpunt",
        "segment": "{said} verwacht een klant uit het segment {what}, en zij hoort bij {who}: zeg dat eerst,"
        " met 'Gegeven een klant in het segment \"{what}\"'",
        "same": "{said} vergelijkt twee kanalen, maar die gingen over verschillende producten ({what}):"
        " vraag beide naar hetzelfde product",
        "again": "{said} komt na {what}: de stappen erna weten dan niet welke van de twee de hare is;"
        " geef de tweede een eigen scenario",
        "apart": "voor {said} is {what} nodig, en in haar bestelling zit maar één soort artikel ({which}):"
        " bestel twee verschillende, zoals {fix}",
        "needs": "voor {said} is eerst {what} nodig: zet {fix} ervoor",
        "ended": "voor {said} is {what} nodig, en dat is er niet meer sinds {by}: zet de stap daarvoor, of in een"
        " eigen scenario",
        "expired": "voor {said} is {what} nodig, maar sinds haar bestelling is er tijd verstreken: zet de stap"
        " vóór de stap waarin de tijd verstrijkt",
        "visit": "voor {said} moet ze eerst bij {what} zijn geweest: zet {fix} ervoor",
        "known": "{said} kijkt wat {where} weet van {what}, maar dat kreeg ze nergens anders te zien voordat"
        " {where} het liet zien: zet {fix} vóór haar bezoek daar",
        "gave": "voor {said} moet ze eerst haar {what} hebben gegeven: zet {fix} ervoor",
        "unseen": "voor {said} is een contactpunt nodig dat {what} liet zien, en dat was er nog niet: zet {fix} ervoor",
        "once": "{said} vergelijkt {what}, maar alleen {where} liet het eerder zien: zet {fix} ervoor",
        "unmapped": "{said}: {where} laat {what} nooit zien; contactpunten die dat wel doen: {others}",
        "only": "{said}: {where} laat {what} alleen zien bij {moment}, en die is er in deze journey nog niet",
        "promise": "{said}: niets hier kan laten zien of {what} werd nagekomen; beloften die het kan nagaan: {known}."
        " De ontwikkelaar van je team kan aangeven waar dat te zien is (docs/new-system.md, `promise:`)",
    },
}


def say(language: str, key: str, **values: str) -> str:
    """Message ``key`` in ``language`` (English for any other), with ``values`` filled in."""
    table = _MESSAGES.get(language, _MESSAGES["en"])
    if not values.get("fix", True):
        values["fix"] = "a step that gives it" if language != "nl" else "een stap die dat geeft"
    return table[key].format(**values)
