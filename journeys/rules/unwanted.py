"""Rule *not sent*: a mail that must not come (a shipping notice for a cancelled order) did come."""

from __future__ import annotations

from typing import TYPE_CHECKING

from journeys.rules.violation import Violation

if TYPE_CHECKING:
    from journeys.records import Observation


def not_sent(touchpoint: str, why: str, seen: tuple[Observation, ...]) -> list[Violation]:
    """The mail of ``touchpoint`` came although ``why`` says it must not, with what it said (``seen``)."""
    return [
        Violation(
            "not_sent",
            touchpoint,
            f"{touchpoint} came, though {why}",
            seen,
            f"she should not have had this mail: {why}",
            heading="UnexpectedMail",
        )
    ]
