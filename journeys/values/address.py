"""Postal addresses: street, postcode and city, however they are punctuated.

``Kerkstraat 12, 1234 ab  Amsterdam``, ``Kerkstraat 12\\n1234AB Amsterdam``
and ``kerkstraat 12 1234 AB AMSTERDAM`` are the same address. Dutch
(``1234 AB``) and British (``SW1A 2AA``) postcodes are recognised; without a
postcode the whole text is the street, compared without case and punctuation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from journeys.values.unreadable import Unreadable

_NL_POSTCODE = re.compile(r"(?<![\w])(\d{4})\s?([A-Za-z]{2})(?![\w])")
_UK_POSTCODE = re.compile(r"(?<![\w])([A-Za-z]{1,2}\d[A-Za-z\d]?)\s*(\d[A-Za-z]{2})(?![\w])")
_PUNCTUATION = re.compile(r"[\s,.;]+")


@dataclass(frozen=True, eq=False)
class Address:
    """An address in three parts; equal when the parts are equal ignoring case and punctuation.

    ``postcode`` is kept without its space (``1234AB``, ``SW1A2AA``); ``show``
    writes it the national way.
    """

    street: str
    postcode: str = ""
    city: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        return (_plain(self.street), self.postcode.upper(), _plain(self.city))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Address) and self.key == other.key

    def __hash__(self) -> int:
        return hash(self.key)

    def __str__(self) -> str:
        return show_address(self)


def _plain(text: str) -> str:
    return _PUNCTUATION.sub(" ", text).strip().casefold()


def read_address(raw: str) -> Address:
    """Read an address from one line or several.

    Raises:
        Unreadable: the text is empty.
    """
    text = ", ".join(line.strip(" ,") for line in raw.replace("\u00a0", " ").splitlines() if line.strip(" ,"))
    text = " ".join(text.split())
    if not text:
        raise Unreadable("address", raw)
    found = _NL_POSTCODE.search(text) or _UK_POSTCODE.search(text)
    if not found:
        return Address(text.strip(" ,"))
    postcode = (found[1] + found[2]).upper()
    street, city = text[: found.start()].strip(" ,.;"), text[found.end() :].strip(" ,.;")
    if not city and "," in street:
        # "Kerkstraat 12, Amsterdam, 1234 AB" / "10 Downing Street, London SW1A 2AA"
        street, city = (part.strip(" ,.;") for part in street.rsplit(",", 1))
    return Address(street, postcode, city)


def show_address(address: Address) -> str:
    """``Kerkstraat 12, 1234 AB Amsterdam``; ``10 Downing Street, London SW1A 2AA``."""
    postcode = address.postcode
    if len(postcode) == 6 and postcode[:4].isdigit():  # Dutch: "1234 AB Amsterdam"
        tail = " ".join(part for part in (f"{postcode[:4]} {postcode[4:]}", address.city) if part)
    else:  # British: "London SW1A 2AA"
        postcode = f"{postcode[:-3]} {postcode[-3:]}" if postcode else ""
        tail = " ".join(part for part in (address.city, postcode) if part)
    return ", ".join(part for part in (address.street, tail) if part)
