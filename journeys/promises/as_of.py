"""The clock of a verify run: the moment given (``--as-of``, ``JOURNEYS_NOW``), or now.

A nightly job checks last night's promises "as of" a moment: a person can
replay Monday's check on Tuesday, and a test needs no faketime. The moment is
read once, where the command starts; it does not move during the run.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from journeys.errors import StepError

__all__ = ["AsOfClock", "parse_moment"]


def parse_moment(text: str | None) -> datetime | None:
    """An ISO 8601 moment (``2026-12-08T09:00``, ``2026-12-08T09:00+01:00``, ``2026-12-08``); None for none.

    A moment without a zone is read in each system's own zone (naive here).

    Raises:
        ValueError: not such a moment, with what was given and an example.
    """
    if not text or not text.strip():
        return None
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"not an ISO 8601 moment: {text!r}; e.g. 2026-12-08T09:00 or 2026-12-08T09:00+01:00") from None


def in_zone(moment: datetime | None, zone: str) -> datetime:
    """``moment`` in ``zone`` (a naive one is read there); None: now."""
    tz = ZoneInfo(zone)
    if moment is None:
        return datetime.now(UTC).astimezone(tz)
    return moment.replace(tzinfo=tz) if moment.tzinfo is None else moment.astimezone(tz)


class AsOfClock:
    """A clock that shows one moment and cannot be moved (a verify run looks, it does not wait)."""

    controllable = False

    def __init__(self, moment: datetime, system: str) -> None:
        self.moment = moment
        self.system = system

    def now(self) -> datetime:
        return self.moment

    def set(self, moment: datetime) -> None:
        raise StepError(
            f"a verify run checks {self.system}'s promises as of {self.moment:%Y-%m-%d %H:%M}: "
            "it does not move the clock"
        )

    def advance(self, seconds: float) -> None:
        self.set(self.moment + timedelta(seconds=seconds))
