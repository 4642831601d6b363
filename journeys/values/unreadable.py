"""The error a normalizer raises when raw text is not a value of its kind."""

from __future__ import annotations

from journeys.errors import JourneysError

# "could not read <noun> from ..." per kind: the message a customer-facing report shows.
NOUNS = {
    "money": "an amount of money",
    "date": "a date",
    "order_ref": "an order reference",
    "status": "a status",
    "text": "a text",
    "name": "a name",
    "address": "an address",
    "count": "a count",
}


class Unreadable(JourneysError, ValueError):
    """Raw text that is not a value of ``kind``.

    The message is exactly ``could not read a date from 'raw text'``; the ledger
    adds `` at <touchpoint>``. ``reason`` says why, for a person debugging a
    normalizer (it is not part of the message, so reports stay stable).

    Args:
        kind: the kind that was expected (``money``, ``date``...).
        raw: the text as shown to the customer.
        reason: optional detail (``weekday vrijdag does not match 2026-11-28``).
    """

    def __init__(self, kind: str, raw: str, reason: str = "") -> None:
        self.kind = kind
        self.raw = raw
        self.reason = reason
        super().__init__(f"could not read {NOUNS.get(kind, 'a ' + kind)} from {raw!r}")

    def at(self, touchpoint: str) -> str:
        """The message with the touchpoint: ``could not read a date from 'x' at web.checkout``."""
        return f"{self} at {touchpoint}"
