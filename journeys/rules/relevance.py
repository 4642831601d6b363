"""Rule *suits*: what a touchpoint offers the customer fits who she is.

A "personal" account that offers an 18-year-old student a mortgage is
personal in name only (seed 003). The touchpoint shows, per offer, whom it is
meant for (a fact with many values); each must be the customer's own group
or nobody in particular (an empty value).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from journeys.errors import RuleConfigError
from journeys.rules.violation import Violation

if TYPE_CHECKING:
    from journeys.ledger import Ledger
    from journeys.records import Observation

# describe_missing's "... on the page at <url> (screenshot: <file>)." : where the customer was instead.
_INSTEAD = re.compile(r"(?:on the page|in the mail|in the JSON) at (?P<url>\S+?)(?P<shot> \([^)]*\))?(?:\.? |\.?$)")


def suits(ledger: Ledger, fact: str, audience: str) -> list[Violation]:
    """The latest observation of ``fact`` (offers' audiences) only holds ``audience`` or blanks.

    No offer shown at all (the fact missing or unreadable, e.g. a login form
    where the account page should be) is a violation too: nothing was
    compared with ``audience``. It says what the touchpoint showed instead
    when the observation's problem says (the URL and screenshot of a page).

    Raises:
        RuleConfigError: the journey never read ``fact`` (visit its touchpoint first).
    """
    shown = ledger.latest(fact)
    if shown is None:
        raise RuleConfigError("suits", fact, f"no observation of {fact}: visit the touchpoint that shows it first")
    if shown.problem is not None:
        return [_not_shown(fact, audience, shown)]
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


def _not_shown(fact: str, audience: str, shown: Observation) -> Violation:
    touchpoint = shown.where.touchpoint
    what = "not shown" if shown.raw is None else "could not be read"
    instead = _INSTEAD.search(shown.problem or "")
    detail = f"{touchpoint} showed instead: {instead['url']}{instead['shot'] or ''}" if instead else ""
    title = f"{fact} {what} at {touchpoint}: no offers to compare with a {audience}"
    return Violation("suits", fact, title, (shown,), detail, heading="MissingFact")
