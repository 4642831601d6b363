"""The moments of a customer's journey that steps need and give, in a CX writer's words.

A step declares what must have happened before it (``requires``) and what it
leaves behind (``gives``) by these names: ``she reads the refund email``
requires ``return``; ``she returns the order through the returns portal``
requires ``delivery order`` and gives ``return``. Lint walks a scenario with
them (:mod:`journeys.vocabulary.story`) and says, in the file's language, what is
missing and which steps give it.

Besides moments, a requirement may name what touchpoints showed:

- ``start``: before anything happened (who the customer is is said first);
- ``shown:<fact>``: a touchpoint she visited showed the fact;
- ``compared:<fact>``: two touchpoints did (a rule that compares needs two);
- ``visited:<touchpoint>``: she was there;
- ``apart:<moment>``: the moment was about two different products (not one article twice).

``<fact>`` and ``<touchpoint>`` may be a step parameter (``shown:{fact}``).
``a|b`` is either of two moments.
"""

from __future__ import annotations

from dataclasses import dataclass

from journeys.vocabulary.fact_words import FACT_WORDS

__all__ = ["BY_SOMEONE_ELSE", "MOMENTS", "UNTIL_TIME_PASSES", "Moment", "contract_text", "words"]


@dataclass(frozen=True)
class Moment:
    """A moment of the journey, named as a writer would say she has it."""

    en: str
    nl: str


MOMENTS: dict[str, Moment] = {
    "order": Moment("an order", "een bestelling"),
    "online order": Moment("an order on the web shop", "een bestelling in de webwinkel"),
    "delivery order": Moment("an order delivered to her home", "een bestelling die thuisbezorgd wordt"),
    "not shipped": Moment("an order that has not shipped yet", "een bestelling die nog niet verzonden is"),
    "cancelled": Moment("her order's cancellation", "de annulering van haar bestelling"),
    "one product": Moment("an order of one product", "een bestelling van één product"),
    "several products": Moment("an order of two products or more", "een bestelling van twee of meer producten"),
    "parcels shipped": Moment("her parcels shipped", "de verzending van haar pakketten"),
    "delivered": Moment("her parcel delivered", "haar pakket bezorgd"),
    "pickup order": Moment("an order to pick up in a store", "een bestelling om af te halen in een winkel"),
    "store sale": Moment("a purchase at the till", "een aankoop aan de kassa"),
    "logged in": Moment("her account, logged in", "haar account, ingelogd"),
    "complaint": Moment("a complaint", "een klacht"),
    "question": Moment("a question in the chat", "een vraag in de chat"),
    "agent": Moment("an agent who has her order open", "een medewerker die haar bestelling voor zich heeft"),
    "callback offered": Moment("an agent's offer to call her back", "een medewerker die belooft terug te bellen"),
    "replacement offered": Moment(
        "an agent's offer of a replacement", "een medewerker die een vervangend artikel aanbiedt"
    ),
    "return": Moment("a return", "een retour"),
    "return tried": Moment("a try at returning her order", "een poging om haar bestelling te retourneren"),
    "product seen": Moment("a look at the product on the web shop", "een blik op het product in de webwinkel"),
    "store lead time": Moment("the store's delivery date for the product", "de bezorgdatum die de winkel noemt"),
    "store price": Moment("the price the store asks", "de prijs die de winkel vraagt"),
    "someone else tried": Moment("someone else trying her data", "iemand anders die haar gegevens probeert"),
    "old session tried": Moment(
        "someone else trying her session after she logged out", "iemand anders die haar oude sessie probeert"
    ),
    "logged out": Moment("her logging out", "dat ze uitlogt"),
    "password guessed": Moment("someone guessing her password", "iemand die haar wachtwoord raadt"),
    "password chosen": Moment("her choosing a password", "dat ze een wachtwoord kiest"),
    "form from elsewhere": Moment("a form sent from another site", "een formulier vanaf een andere site"),
    "slow mail order": Moment(
        "an order while the mail server is slow", "een bestelling terwijl de mailserver traag is"
    ),
    "page seen": Moment("a page of the web shop", "een pagina van de webwinkel"),
    "discount code": Moment("an order with a discount code", "een bestelling met een kortingscode"),
    "second contact": Moment(
        "her complaint taken up again on another channel", "haar klacht opnieuw aangekaart via een ander kanaal"
    ),
    "agent order": Moment("an order an agent placed for her", "een bestelling die een medewerker voor haar plaatste"),
    "return window": Moment(
        "her order within the 14 days in which she may return it",
        "haar bestelling binnen de 14 dagen waarin ze die mag retourneren",
    ),
}


#: Moments of steps that look as someone else (or as a page on another site): what those touchpoints
#: show is not what she was shown.
BY_SOMEONE_ELSE = frozenset({"someone else tried", "old session tried", "form from elsewhere"})

#: Moments that end as soon as the clock moves (an order ships the same day it is placed).
UNTIL_TIME_PASSES = frozenset({"not shipped"})


def words(name: str, language: str) -> str:
    """What the writer calls moment ``name`` in ``language`` (the name itself when it is not one)."""
    moment = MOMENTS.get(name)
    if moment is None:
        return name
    return moment.nl if language == "nl" else moment.en


_SAID = {
    "en": {
        "start": "comes first, before she does anything",
        "no": "not after {what}",
        "shown": "a touchpoint that showed the {what}",
        "compared": "two touchpoints that showed the {what}",
        "visited": "a visit to {what}",
        "promise": "a promise of the map that it can check",
        "gave": "her giving the {what}",
        "after": "comes after",
        "gives": "gives",
        "or": " or ",
    },
    "nl": {
        "start": "komt als eerste, voordat ze iets doet",
        "no": "niet na {what}",
        "shown": "een contactpunt dat {what} liet zien",
        "compared": "twee contactpunten die {what} lieten zien",
        "visited": "een bezoek aan {what}",
        "promise": "een belofte uit de kaart die het kan nagaan",
        "gave": "dat ze {what} gaf",
        "after": "komt na",
        "gives": "geeft",
        "or": " of ",
    },
}


def _fact_word(fact: str, language: str) -> str:
    """A shared fact's usual word ("order total", "het totaalbedrag"); a map's own fact or ``{fact}`` as it is."""
    known = FACT_WORDS.get(fact, {}).get(language)
    return known[0] if known else fact.strip("{}")


def contract_text(requires: tuple[str, ...], gives: tuple[str, ...], language: str) -> list[str]:
    """``comes after: ...`` and ``gives: ...`` in the writer's words, for the catalogue (empty parts left out)."""
    said = _SAID.get(language, _SAID["en"])
    after: list[str] = []
    for need in requires:
        kind, _, what = need.partition(":")
        if need == "start":
            continue  # said on a line of its own
        if kind == "no":
            after.append(said["no"].format(what=words(what, language)))
        elif kind in ("shown", "compared"):
            after.append(said[kind].format(what=_fact_word(what, language)))
        elif kind in ("visited", "promise"):
            after.append(said[kind].format(what=what.strip("{}")))
        elif kind == "gave":
            after.append(said["gave"].format(what=what.strip("{}")))
        elif kind not in ("knows", "known", "same", "segment", "seen", "apart"):
            after.append(said["or"].join(words(option, language) for option in need.split("|")))
    given = [words(moment, language) for moment in gives if not moment.startswith(("time:", "segment:"))]
    found = [said["start"]] if "start" in requires else []
    found += [f"{said['after']}: {'; '.join(after)}"] if after else []
    return found + ([f"{said['gives']}: {', '.join(given)}"] if given else [])
