"""When things happen: delivery dates, cut-off, working days, the order timeline.

One place for the shop's calendar so that every channel promises the same
date. Faults that make a channel promise something else do it at their seam,
not here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from refshop.clock import TZ

CUT_OFF = time(18, 0)
SUNDAY = 6
#: When the carrier rings the bell on the delivery day.
DELIVERY_TIME = time(14, 0)
#: When the van leaves the warehouse on the evening before delivery.
DISPATCH_TIME = time(20, 0)
RETURN_WINDOW_DAYS = 14
REFUND_WORKING_DAYS = 5
COMPLAINT_ANSWER_HOURS = 24


def skip_sunday(d: date) -> date:
    """No deliveries on Sunday: Monday then."""
    return d + timedelta(days=1) if d.weekday() == SUNDAY else d


def next_day_delivery(placed: datetime) -> date:
    """The delivery date promised for an order placed at ``placed``.

    Before 18:00: tomorrow; from 18:00 on the order is handled the next day,
    so the day after tomorrow. Never on a Sunday.
    """
    local = placed.astimezone(TZ)
    days = 1 if local.time() < CUT_OFF else 2
    return skip_sunday(local.date() + timedelta(days=days))


def days_later(placed: datetime, days: int) -> date:
    """``days`` calendar days after ``placed``, never on a Sunday."""
    return skip_sunday(placed.astimezone(TZ).date() + timedelta(days=days))


def add_working_days(start: date, days: int) -> date:
    """``days`` working days (Monday to Friday) after ``start``."""
    current = start
    while days > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            days -= 1
    return current


def at(d: date, t: time) -> datetime:
    """Day ``d`` at time of day ``t`` in Amsterdam."""
    return datetime.combine(d, t, tzinfo=TZ)


def promise_text(placed: datetime, delivery: date) -> str:
    """The words next to the delivery date on the product page and at checkout."""
    local = placed.astimezone(TZ)
    tomorrow = local.date() + timedelta(days=1)
    if delivery == tomorrow and local.time() < CUT_OFF:
        return "Voor 18:00 besteld, morgen in huis"
    if (delivery - local.date()).days >= 7:
        return "Levertijd ongeveer 2 weken"
    weekday = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
    return f"Nu besteld, {weekday[delivery.weekday()]} in huis"


@dataclass(frozen=True)
class Timeline:
    """When an order delivered at home moves from status to status."""

    picked: datetime
    shipped: datetime
    delivered: datetime


def home_delivery_timeline(placed: datetime, delivery: date) -> Timeline:
    """Picked an hour after the order, dispatched the evening before, delivered at 14:00."""
    picked = placed + timedelta(hours=1)
    shipped = max(at(delivery - timedelta(days=1), DISPATCH_TIME), picked + timedelta(hours=1))
    delivered = max(at(delivery, DELIVERY_TIME), shipped + timedelta(hours=1))
    return Timeline(picked, shipped, delivered)


def pickup_date(placed: datetime) -> date:
    """Click and collect: ready the same day when ordered before 12:00, else the next day.

    The stores are closed on Sunday, so never a Sunday.
    """
    local = placed.astimezone(TZ)
    d = local.date() if local.time() < time(12, 0) else local.date() + timedelta(days=1)
    return skip_sunday(d)
