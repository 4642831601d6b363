"""Whether an order line can be returned today, and if not, why: one rule for every desk.

The returns portal, the app's API and the agent console all ask
:func:`verdict`, so a customer hears the same answer wherever she asks. The
only desk that can be made to ask with another rule is the agent console
(the ``agent-return-policy-differs`` fault: it applies the stores' own
policy).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta

from refshop import catalogue, lead_times
from refshop.clock import from_utc_key
from refshop.errors import NotFound

#: What each verdict is called on every page (the harness's map reads these words).
WORDS = {
    "returnable": "Retourneren mogelijk",
    "not_delivered": "Nog niet bezorgd",
    "window_over": "Retourtermijn verlopen",
    "not_returnable": "Niet retourneerbaar",
    "already_returned": "Al aangemeld voor retour",
}
#: The stores' own return policy, older than the web shop's (only the faulty agent console reads it).
STORE_WINDOW_DAYS = 30


@dataclass(frozen=True)
class Verdict:
    """The answer to "can I return this?": a code, a sentence for the customer, and the last day."""

    code: str
    message: str
    last_day: date | None = None  # the last day of the return window, where one applies

    @property
    def refused(self) -> bool:
        return self.code != "returnable"

    @property
    def word(self) -> str:
        return WORDS[self.code]


def last_day(order: sqlite3.Row, window_days: int = lead_times.RETURN_WINDOW_DAYS) -> date | None:
    """The last day a delivered (or handed over) order can be returned; None before that."""
    if not order["delivered_at"]:
        return None
    return from_utc_key(order["delivered_at"]).date() + timedelta(days=window_days)


def verdict(
    order: sqlite3.Row,
    line: sqlite3.Row,
    today: date,
    returned: set[int],
    window_days: int = lead_times.RETURN_WINDOW_DAYS,
) -> Verdict:
    """Whether ``line`` of ``order`` can be returned on ``today``.

    Args:
        returned: the ids of the order's lines already registered for return.
        window_days: the return window (the shop's 14 days, unless a desk reads another policy).
    """
    ref, name = order["ref"], line["name"]
    if not _returnable_article(line["sku"]):
        return Verdict("not_returnable", f"'{name}' kun je niet retourneren.")
    end = last_day(order, window_days)
    if end is None:
        return Verdict("not_delivered", f"Bestelling {ref} is nog niet bezorgd; retourneren kan na bezorging.")
    if today > end:
        return Verdict(
            "window_over",
            f"De retourtermijn van {window_days} dagen voor bestelling {ref} is verlopen (tot en met {end:%d-%m-%Y}).",
            end,
        )
    if line["id"] in returned:
        return Verdict("already_returned", f"Je hebt '{name}' uit bestelling {ref} al aangemeld voor retour.", end)
    return Verdict("returnable", f"Je kunt '{name}' retourneren tot en met {end:%d-%m-%Y}.", end)


def _returnable_article(sku: str) -> bool:
    try:
        return catalogue.product(sku).returnable
    except NotFound:
        return True  # an article no longer sold: the window decides
