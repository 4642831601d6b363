"""Rule *suits*: what a touchpoint offers the customer fits who she is.

A "personal" account that offers an 18-year-old student a mortgage is
personal in name only (seed 003). The touchpoint shows, per offer, whom it is
meant for (a fact with many values); each must be the customer's own group
or nobody in particular (an empty value).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from journeys.errors import RuleConfigError
from journeys.rules.violation import Violation

if TYPE_CHECKING:
    from journeys.ledger import Ledger


def suits(ledger: Ledger, fact: str, audience: str) -> list[Violation]:
    """The latest observation of ``fact`` (offers' audiences) only holds ``audience`` or blanks."""
    shown = ledger.latest(fact)
    if shown is None:
        raise RuleConfigError("suits", fact, f"no observation of {fact}: visit the touchpoint that shows it first")
    items = [item.strip() for item in (shown.raw or "").split(",")]
    wrong = [item for item in items if item and item != audience]
    if not wrong:
        return []
    return [
        Violation(
            "suits",
            fact,
            f"offers at {shown.where.touchpoint} are meant for others than a {audience}",
            (shown,),
            f"meant for: {', '.join(wrong)}",
            heading="IrrelevantOffer",
        )
    ]
