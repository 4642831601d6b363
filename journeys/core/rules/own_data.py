"""Rule *kept private*: what is hers, nobody else is shown.

A privacy step has someone else try a touchpoint with what an outsider can
know of the customer (her order number, her e-mail address: numbers run in
sequence and addresses are no secret), but not what only she holds (her
session, a code the company gave her). What that outsider was shown is on
the ledger under ``about=OTHER``; a touchpoint that refused is recorded
there too, as the fact ``access`` with the refusal, so the rule knows the
door was tried. Any fact of hers shown to the outsider is a
``PrivacyBreach``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from journeys.core.rules.fact_kinds import words
from journeys.core.rules.violation import Violation
from journeys.messages import bare, say

if TYPE_CHECKING:
    from journeys.core.ledger import Ledger
    from journeys.core.records import Observation, Provenance

OTHER = "another customer"
"""The ``about`` of everything an outsider was shown."""

ACCESS = "access"
"""The fact a refused attempt is recorded as (its text: what the touchpoint answered)."""


def refused(ledger: Ledger, where: Provenance, answer: str) -> Observation:
    """Record that ``where.touchpoint`` refused the outsider, with its ``answer``."""
    return ledger.observe(ACCESS, f"refused: {answer}", kind="text", where=where, about=OTHER)


def kept_private(ledger: Ledger, touchpoint: str | None = None) -> list[Violation]:
    """No fact was shown to an outsider (at ``touchpoint``, or anywhere when None).

    No attempt by an outsider on the ledger at all is a ``NothingToCompare``
    violation: a privacy check that tried no door proves nothing.
    """
    tried = [
        o for o in ledger.observations if o.about == OTHER and (touchpoint is None or o.where.touchpoint == touchpoint)
    ]
    where = touchpoint or say("privacy.anywhere")
    if not tried:
        return [
            Violation(
                "kept_private",
                where,
                say("privacy.nobody", where=where),
                (),
                say("privacy.nobody_hint"),
                heading="NothingToCompare",
            )
        ]
    shown = [o for o in tried if o.fact != ACCESS and o.raw is not None]
    if not shown:
        return []
    places = ", ".join(dict.fromkeys(o.where.touchpoint for o in shown))
    facts = list(dict.fromkeys(o.fact for o in shown))
    return [
        Violation(
            "kept_private",
            ", ".join(facts),
            say("privacy.shown", names=", ".join(bare(words(f)) for f in facts), places=places),
            tuple(shown),
            say("privacy.shown_detail"),
            heading="PrivacyBreach",
        )
    ]
