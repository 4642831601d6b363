"""Rule *suits*: what a touchpoint offers the customer fits who she is.

A "personal" account that offers an 18-year-old student a mortgage is
personal in name only (seed 003). The touchpoint shows, per offer, whom it is
meant for (a fact with many values); each must be the customer's own group
or nobody in particular (an empty value).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from journeys.core.rules.fact_kinds import words
from journeys.core.rules.violation import Violation
from journeys.errors import RuleConfigError
from journeys.messages import say

if TYPE_CHECKING:
    from journeys.core.ledger import Ledger
    from journeys.core.records import Observation

# describe_missing's "... on the page at <url> (screenshot: <file>)." (Dutch: "... op de pagina op <url>
# (schermafbeelding: <file>)."): where the customer was instead.
_INSTEAD = re.compile(
    r"(?:(?:on the page|in the mail|in the JSON) at|(?:op de pagina|in de mail|in de JSON) op)"
    r" (?P<url>\S+?)(?P<shot> \([^)]*\))?(?:\.? |\.?$)"
)


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
        raise RuleConfigError("suits", fact, say("suits.never_read", fact=fact, name=words(fact)))
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
            say("suits.others", touchpoint=shown.where.touchpoint, audience=audience),
            (shown,),
            say("suits.meant_for", who=", ".join(wrong)),
            heading="IrrelevantOffer",
        )
    ]


def _not_shown(fact: str, audience: str, shown: Observation) -> Violation:
    touchpoint = shown.where.touchpoint
    instead = _INSTEAD.search(shown.problem or "")
    detail = (
        say("suits.instead", touchpoint=touchpoint, url=instead["url"], shot=instead["shot"] or "") if instead else ""
    )
    said = {"fact": fact, "name": words(fact), "touchpoint": touchpoint, "audience": audience}
    title = say("suits.missing" if shown.raw is None else "suits.unreadable", **said)
    return Violation("suits", fact, title, (shown,), detail, heading="MissingFact")
