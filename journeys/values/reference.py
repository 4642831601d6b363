"""Order references: ``rs 10001``, ``RS-10001``, ``#RS-10001`` and
``Bestelnummer: RS-10001`` are the same order."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from journeys.values.unreadable import Unreadable

# Labels put in front of a reference on pages and in mail (Dutch and English).
_LABEL = re.compile(
    r"^(?:bestelnummer|bestelling|ordernummer|order\s*number|order\s*no\.?|order\s*nr\.?|order|"
    r"referentie|reference|ref\.?|nummer|number|nr\.?|no\.?)(?:\s*[:#]\s*|\s+)",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"[\s\-_/.]+")
_SHAPE = re.compile(r"^[A-Z0-9]+(?:[\s\-_/.]+[A-Z0-9]+)*$")


@dataclass(frozen=True)
class OrderRef:
    """An order reference as shown (``text``) and as compared (``key``).

    ``text`` is the reference uppercased, without label, ``#`` or outer
    spaces, with inner spaces written as ``-`` (``rs 10001`` -> ``RS-10001``);
    it is what goes into a URL. ``key`` drops every separator (``RS10001``):
    two references are the same order when their keys are equal.
    """

    text: str = field(compare=False)
    key: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", _SEPARATORS.sub("", self.text).upper())

    def __str__(self) -> str:
        return self.text

    @classmethod
    def read(cls, raw: str, *, prefix: str | None = None) -> OrderRef:
        """Read a reference from raw text.

        Args:
            raw: the text as shown (``Bestelnummer: RS-10001``).
            prefix: the system's letter prefix (``RS``); when given, a bare
                number (``10001``, as customers often type it) gets it
                (``RS-10001``). Without it, ``10001`` and ``RS-10001`` differ.

        Raises:
            Unreadable: nothing that looks like a reference (empty, or more
                than letters, digits and separators).
        """
        text = _LABEL.sub("", raw.strip()).strip().lstrip("#").strip().upper()
        if not text or not _SHAPE.match(text) or not any(c.isdigit() for c in text):
            raise Unreadable("order_ref", raw)
        text = re.sub(r"\s+", "-", text)
        if prefix and text.isdigit():
            text = f"{prefix.upper()}-{text}"
        return cls(text)
