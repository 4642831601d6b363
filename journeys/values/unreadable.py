"""The error a normalizer raises when raw text is not a value of its kind."""

from __future__ import annotations

from journeys.errors import JourneysError
from journeys.messages import MESSAGES, Language, say, spoken


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
        super().__init__(f"could not read {noun(kind, 'en')} from {raw!r}")

    def at(self, touchpoint: str) -> str:
        """The message with the touchpoint, in the journey's language:
        ``could not read a date from 'x' at web.checkout``, ``'x' bij web.checkout is geen leesbare datum``."""
        return say("unreadable_value", noun=noun(self.kind), raw=repr(self.raw), touchpoint=touchpoint)


def noun(kind: str, language: Language | None = None) -> str:
    """What a value of ``kind`` is called in a message (``a date``; Dutch: ``leesbare datum``)."""
    lang = language or spoken()
    key = f"noun.{kind}"
    return say(key, lang) if key in MESSAGES[lang] else say("noun.other", lang, kind=kind)
