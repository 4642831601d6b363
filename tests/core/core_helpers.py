"""Shared constants and builders for the core tests (no system, no network)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from journeys.core.records import Provenance

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
MONDAY = datetime(2026, 11, 23, 10, 0, tzinfo=AMSTERDAM)  # the reference shop's usual clock


def at(
    touchpoint: str,
    line: int | None = None,
    *,
    evidence: tuple[str, ...] = (),
    seen_at: datetime = MONDAY,
    channel: str | None = None,
) -> Provenance:
    """Provenance at ``touchpoint``, written at ``features/order/web_order.feature:<line>``."""
    location = f"features/order/web_order.feature:{line}" if line is not None else None
    return Provenance(
        touchpoint,
        channel or touchpoint.split(".")[0],
        "When she looks",
        location,
        seen_at,
        evidence,
    )
