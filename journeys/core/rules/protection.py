"""Rules *refused* and *protected*: the doors that are hers stay shut to everyone else.

A security step tries a door as someone who is not the customer would (a
password guessed again and again, a copy of her session after she logged
out, a form sent from another site), or as a careless customer would (a
password everyone guesses first). The try goes on the ledger as the fact it
tries (``password.guessing``), with what the touchpoint answered and whether
it refused (``tried``). Rule *refused* fails every try that went through,
naming the touchpoint and its answer beside the refusal it expected.

Rule *protected* reads which security headers each page came with
(``page_sent``): without them a page can be framed by another site (and
clicked on unseen), sniffed into a script, or hand its address, tokens and
all, to the next site in the Referer (OWASP ASVS 14.4).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from journeys.core.rules.fact_kinds import words
from journeys.core.rules.violation import Violation
from journeys.messages import say

if TYPE_CHECKING:
    from journeys.core.ledger import Ledger
    from journeys.core.records import Observation, Provenance

REFUSED = "refused"
LET_THROUGH = "let through"

PAGE_HEADERS = "page.security_headers"
"""The fact a page's security headers are recorded as (its text: the ones it came with)."""

SECURITY_HEADERS = ("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy")
NONE = "none"

# A header only protects with a value browsers act on; the others protect by being there at all.
_VALUES = {"x-content-type-options": ("nosniff",), "x-frame-options": ("deny", "sameorigin")}


def tried(ledger: Ledger, fact: str, where: Provenance, answer: str, *, refused: bool) -> Observation:
    """Record a try at ``fact`` at ``where.touchpoint``: what it answered, and whether that was a refusal."""
    outcome = REFUSED if refused else LET_THROUGH
    return ledger.observe(fact, f"{outcome}: {' '.join(answer.split())}", kind="text", where=where)


def refused(ledger: Ledger, fact: str) -> list[Violation]:
    """Every try at ``fact`` was refused.

    No try on the ledger is ``NothingToCompare``: a door nobody tried proves nothing.
    """
    tries = ledger.observations_of(fact)
    if not tries:
        return [
            Violation(
                "refused",
                fact,
                say("refused.nobody", name=words(fact)),
                (),
                say("refused.nobody_hint"),
                heading="NothingToCompare",
            )
        ]
    through = [o for o in tries if not (o.raw or "").startswith(f"{REFUSED}:")]
    if not through:
        return []
    places = ", ".join(dict.fromkeys(o.where.touchpoint for o in through))
    return [
        Violation(
            "refused",
            fact,
            say("refused.through", places=places, name=words(fact)),
            tuple(through),
            say("expected", value=say("refused.word")),
            heading="NotRefused",
        )
    ]


def page_sent(ledger: Ledger, where: Provenance, headers: Mapping[str, str]) -> Observation:
    """Record which of the security headers the page at ``where.touchpoint`` came with."""
    given = {name.lower(): value for name, value in headers.items()}
    sent = [name for name in SECURITY_HEADERS if _protects(name.lower(), given.get(name.lower()))]
    return ledger.observe(PAGE_HEADERS, ", ".join(sent) or NONE, kind="text", where=where)


def protected(ledger: Ledger) -> list[Violation]:
    """Every page recorded with ``page_sent`` came with every one of ``SECURITY_HEADERS``.

    No page recorded is ``NothingToCompare``.
    """
    pages = ledger.observations_of(PAGE_HEADERS)
    if not pages:
        return [
            Violation(
                "protected",
                PAGE_HEADERS,
                say("protected.nobody"),
                (),
                say("protected.nobody_hint"),
                heading="NothingToCompare",
            )
        ]
    bare = [o for o in pages if _missing(o)]
    if not bare:
        return []
    missing = [name for name in SECURITY_HEADERS if any(name in _missing(o) for o in bare)]
    places = ", ".join(dict.fromkeys(o.where.touchpoint for o in bare))
    return [
        Violation(
            "protected",
            PAGE_HEADERS,
            say("protected.bare", places=places, missing=", ".join(missing)),
            tuple(bare),
            say("expected", value=", ".join(SECURITY_HEADERS)),
            heading="UnprotectedPage",
        )
    ]


def _protects(name: str, value: str | None) -> bool:
    if not value or not value.strip():
        return False
    allowed = _VALUES.get(name)
    return allowed is None or value.strip().lower() in allowed


def _missing(page: Observation) -> list[str]:
    sent = set((page.raw or "").split(", "))
    return [name for name in SECURITY_HEADERS if name not in sent]
