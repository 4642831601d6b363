"""The shop's clock: frozen for tests, or following the wall clock.

Every process in the shop asks this clock for the time, never ``datetime.now``
directly, so the test clock endpoint can move the whole shop through days.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

TZ = ZoneInfo("Europe/Amsterdam")


def parse_moment(text: str) -> datetime:
    """An ISO 8601 moment; one without an offset is read as Amsterdam time.

    Raises:
        ValueError: with the text and the expected form.
    """
    try:
        value = datetime.fromisoformat(text.strip())
    except (ValueError, AttributeError) as exc:
        raise ValueError(f"not an ISO 8601 moment: {text!r}; expected e.g. 2026-11-23T10:00:00+01:00") from exc
    if value.tzinfo is None:
        value = value.replace(tzinfo=TZ)
    return value.astimezone(TZ)


def iso(dt: datetime) -> str:
    """Amsterdam time in ISO 8601 with its offset, whole seconds."""
    return dt.astimezone(TZ).replace(microsecond=0).isoformat()


def utc_key(dt: datetime) -> str:
    """A moment as a UTC string that sorts in time order (for the database)."""
    return dt.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def from_utc_key(text: str) -> datetime:
    """The inverse of :func:`utc_key`, in Amsterdam time."""
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC).astimezone(TZ)


class ShopClock:
    """The time as the shop sees it.

    Args:
        start: when given, the clock is frozen at this moment and moves only
            when told to (``set``/``advance``); when None it follows the wall
            clock, shifted by whatever ``set``/``advance`` asked for.
    """

    def __init__(self, start: datetime | None = None) -> None:
        self._lock = threading.Lock()
        self.frozen = start is not None
        self._fixed = start.astimezone(TZ) if start else None
        self._offset = timedelta(0)

    def now(self) -> datetime:
        """The shop's current time in Amsterdam, whole seconds."""
        with self._lock:
            if self._fixed is not None:
                return self._fixed
            return (datetime.now(TZ) + self._offset).replace(microsecond=0)

    def set(self, moment: datetime) -> datetime:
        """Move to ``moment`` (forwards or back; nothing that already ran is undone)."""
        with self._lock:
            if self._fixed is not None:
                self._fixed = moment.astimezone(TZ).replace(microsecond=0)
                return self._fixed
            self._offset = moment - datetime.now(TZ)
        return self.now()

    def advance(self, seconds: float) -> datetime:
        """Move forwards by ``seconds``."""
        return self.set(self.now() + timedelta(seconds=seconds))
