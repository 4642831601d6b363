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

from journeys.rules.violation import Violation

if TYPE_CHECKING:
    from journeys.ledger import Ledger
    from journeys.records import Observation

HINT = (
    "every fact in the touchpoint map must be shown where the map says; a fact shown only"
    " in some states is marked `optional: true` in the map"
)


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
    listed = list(dict.fromkeys(f"{o.fact} at {o.touchpoint}" for o in missing))
    title = f"{missing[0].fact} not shown at {missing[0].touchpoint}"
    if len(listed) > 1:
        title = f"{len(listed)} mapped facts not shown: {', '.join(listed)}"
    facts = ", ".join(dict.fromkeys(o.fact for o in missing))
    return [Violation("all_shown", facts, title, tuple(missing), HINT, heading="MissingFact")]


def _key(observation: Observation) -> tuple[int, str, str]:
    return observation.seq, observation.fact, observation.where.touchpoint
