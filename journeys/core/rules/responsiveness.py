"""Rule *answered within*: a touchpoint does not keep the customer waiting.

Slow portals are the first complaint customers name (seed 002). The waits
are the ones the journey measured around each request to the touchpoint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from journeys.core.rules.violation import Violation
from journeys.messages import moment, say

if TYPE_CHECKING:
    from journeys.core.ledger import Ledger


def answered_within(ledger: Ledger, touchpoints: str, seconds: float) -> list[Violation]:
    """Every visit to a touchpoint named ``touchpoints`` (or starting with ``touchpoints.``)
    was answered within ``seconds``.

    No such visit at all means nothing was measured: a violation of its own
    (``NothingToCompare``), not a pass.
    """
    visits = [v for v in ledger.visits if v.touchpoint == touchpoints or v.touchpoint.startswith(touchpoints + ".")]
    if not visits:
        return [
            Violation(
                "answered_within",
                touchpoints,
                say("answered.nothing", touchpoints=touchpoints, seconds=f"{seconds:g}"),
                (),
                say("answered.nothing_hint", touchpoints=touchpoints),
                heading="NothingToCompare",
            )
        ]
    slow = [v for v in visits if v.waited_seconds > seconds]
    if not slow:
        return []
    width = max(len(v.touchpoint) for v in slow)
    detail = "\n".join(
        f"{v.touchpoint:<{width}}  " + say("answered.row", seconds=f"{v.waited_seconds:.1f}", started=moment(v.started))
        for v in slow
    )
    return [
        Violation(
            "answered_within",
            touchpoints,
            say("answered.slow", touchpoints=touchpoints, seconds=f"{seconds:g}"),
            (),
            detail,
            heading="SlowTouchpoint",
        )
    ]
