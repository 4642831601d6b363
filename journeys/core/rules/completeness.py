"""Rule *all shown*: every fact the map says a touchpoint shows, it showed.

A green journey means checked: a touchpoint that did not show a fact its
map entry promises (an observation with no raw text, "not found" on the
ledger) fails the journey at its end, even when no step read that fact. A
fact a touchpoint shows only in some states (a call-back made, contacts
with the company so far) is marked ``optional: true`` in the map and is
exempt. A missing observation that another rule already reported (the
fact a broken promise was checked by, a fact *agree* found missing) is not
listed twice.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from journeys.core.rules.fact_kinds import words
from journeys.core.rules.violation import Violation
from journeys.messages import say

if TYPE_CHECKING:
    from journeys.core.ledger import Ledger
    from journeys.core.records import Observation


def all_shown(ledger: Ledger, *, optional: Collection[tuple[str, str]] = ()) -> list[Violation]:
    """One violation (``MissingFact``) listing every mapped fact a touchpoint did not show.

    Each row is the missing observation with its problem: for a fact not
    found, the channel's account of it (touchpoint, reader, URL, map line,
    screenshot).

    Args:
        ledger: the journey's ledger (its violations so far are read to
            leave out what was reported already).
        optional: ``(touchpoint, fact)`` pairs the map marks optional.

    Returns:
        Nothing when every mapped fact was shown (or is optional, or was
        reported already); else one violation.
    """
    reported = {_key(o) for v in ledger.violations for o in v.observations}
    exempt = set(optional)
    missing = [
        o
        for o in ledger.observations
        if o.raw is None and (o.touchpoint, o.fact) not in exempt and _key(o) not in reported
    ]
    if not missing:
        return []
    listed = list(
        dict.fromkeys(say("all_shown.item", fact=o.fact, name=words(o.fact), touchpoint=o.touchpoint) for o in missing)
    )
    first = missing[0]
    title = say("not_shown", fact=first.fact, name=words(first.fact), touchpoint=first.touchpoint)
    if len(listed) > 1:
        title = say("all_shown.many", count=len(listed), listed=", ".join(listed))
    facts = ", ".join(dict.fromkeys(o.fact for o in missing))
    return [Violation("all_shown", facts, title, tuple(missing), say("all_shown.hint"), heading="MissingFact")]


def _key(observation: Observation) -> tuple[int, str, str]:
    return observation.seq, observation.fact, observation.where.touchpoint
