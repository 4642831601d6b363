"""Rule *not sent*: a mail that must not come (a shipping notice for a cancelled order) did come."""

from __future__ import annotations

from typing import TYPE_CHECKING

from journeys.core.rules.violation import Violation
from journeys.messages import say

if TYPE_CHECKING:
    from journeys.core.records import Observation


def not_sent(touchpoint: str, why: str, seen: tuple[Observation, ...]) -> list[Violation]:
    """The mail of ``touchpoint`` came although ``why`` says it must not, with what it said (``seen``)."""
    return [
        Violation(
            "not_sent",
            touchpoint,
            say("not_sent.title", touchpoint=touchpoint, why=why),
            seen,
            say("not_sent.detail", why=why),
            heading="UnexpectedMail",
        )
    ]
