"""Order and case statuses, in the customer's words and in canonical words."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from journeys.values.unreadable import Unreadable


@dataclass(frozen=True)
class Status:
    """A status: ``canonical`` is compared, ``raw`` is what the customer saw.

    ``Status("shipped", "Onderweg") == Status("shipped", "Verzonden")``.
    """

    canonical: str
    raw: str = field(default="", compare=False)

    def __str__(self) -> str:
        return self.canonical


def read_status(raw: str, vocabulary: Mapping[str, str] | None = None) -> Status:
    """Read a status through the system's vocabulary, ignoring case and spacing.

    The vocabulary maps the system's words to canonical ones
    (``{"Onderweg": "shipped"}``). A canonical word is accepted as itself. A
    word the vocabulary does not know is kept, lowercased, as its own
    canonical word: it still compares with itself, and a report shows it
    as it is, so an unknown status is visible rather than an error.

    Raises:
        Unreadable: the text is empty.
    """
    words = " ".join(raw.split())
    if not words:
        raise Unreadable("status", raw)
    key = words.casefold()
    for word, canonical in (vocabulary or {}).items():
        if " ".join(word.split()).casefold() == key:
            return Status(canonical, words)
    return Status(key, words)
