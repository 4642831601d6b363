"""The fixed, seeded catalogue of Tulp Electronics: its articles, their stock, its stores and the discount codes.

A discount code a customer types at checkout (WELKOM10 takes 10 % off what
she pays) comes on top of the products' own discounts and is taken off each
line, so a return of one article refunds what she paid for it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from refshop.errors import NotFound, ShopError
from refshop.formats import money

SEGMENTS = ("student", "family", "senior", "business")


@dataclass(frozen=True)
class Product:
    """One article.

    Attributes:
        segment: who the article is recommended to; None for the main range.
        discount: automatic discount per piece, taken off at checkout.
        returnable: False for what cannot be taken back once sold (a gift card).
    """

    sku: str
    name: str
    price: Decimal
    description: str
    discount: Decimal = Decimal("0.00")
    segment: str | None = None
    returnable: bool = True

    @property
    def net_price(self) -> Decimal:
        return self.price - self.discount


PRODUCTS: tuple[Product, ...] = (
    Product(
        "tablet-10",
        "Tulp Tab 10",
        Decimal("349.00"),
        "10 inch tablet met 128 GB opslag. Nu met € 20,00 automatische korting.",
        discount=Decimal("20.00"),
    ),
    Product(
        "laptop-pro",
        "Tulp Book Pro 14",
        Decimal("1299.00"),
        "14 inch laptop, 16 GB geheugen, 1 TB SSD.",
    ),
    Product(
        "game-quest",
        "Quest of the Tulip (game)",
        Decimal("59.99"),
        "Avonturengame voor console en pc.",
    ),
    Product(
        "headphones",
        "Tulp Sound koptelefoon",
        Decimal("89.00"),
        "Draadloze koptelefoon met ruisonderdrukking.",
    ),
    Product(
        "gift-card",
        "Tulp cadeaukaart € 25",
        Decimal("25.00"),
        "Te besteden in alle winkels en in de webwinkel. Een cadeaukaart kun je niet retourneren.",
        returnable=False,
    ),
    Product(
        "student-laptop",
        "Tulp Book Air 13 (studentenvoordeel)",
        Decimal("649.00"),
        "Lichte laptop voor college, met studentenkorting op software.",
        segment="student",
    ),
    Product(
        "study-bundle",
        "Studiebundel: muis, hoes en USB-C-hub",
        Decimal("39.95"),
        "Alles voor in je rugzak.",
        segment="student",
    ),
    Product(
        "family-tablet",
        "Tulp Tab Kids met beschermhoes",
        Decimal("129.00"),
        "Stevige tablet met ouderlijk toezicht.",
        segment="family",
    ),
    Product(
        "smart-doorbell",
        "Slimme deurbel met camera",
        Decimal("99.00"),
        "Zie wie er voor de deur staat.",
        segment="family",
    ),
    Product(
        "easy-phone",
        "Tulp Easy seniorentelefoon met SOS-knop",
        Decimal("119.00"),
        "Grote toetsen, luid geluid, SOS-knop.",
        segment="senior",
    ),
    Product(
        "reading-tablet",
        "Tulp Tab 10 met grote letters en hulp op afstand",
        Decimal("379.00"),
        "Eenvoudige tablet met grote letters en hulp op afstand.",
        segment="senior",
    ),
    Product(
        "business-lease",
        "Zakelijke lease: Tulp Pro-werkplek (per maand)",
        Decimal("79.00"),
        "Laptop, scherm en dock voor je bedrijf, 36 maanden lease.",
        segment="business",
    ),
    Product(
        "docking-station",
        "Tulp Dock Pro voor kantoor",
        Decimal("189.00"),
        "Eén kabel naar scherm, netwerk en voeding.",
        segment="business",
    ),
)

_BY_SKU = {p.sku: p for p in PRODUCTS}


def product(sku: str) -> Product:
    """The product with this sku.

    Raises:
        NotFound: for an unknown sku, naming it.
    """
    found = _BY_SKU.get(sku)
    if found is None:
        raise NotFound(f"Het artikel '{sku[:40]}' bestaat niet in ons assortiment.", "sku")
    return found


def main_range() -> list[Product]:
    """What the home page lists: everything, main range first."""
    return sorted(PRODUCTS, key=lambda p: p.segment is not None)


def for_segment(segment: str) -> list[Product]:
    """The articles recommended to a segment."""
    return [p for p in PRODUCTS if p.segment == segment]


#: Each code and the share of the price it takes off.
DISCOUNT_CODES = {"WELKOM10": Decimal("0.10")}


def discount_code(raw: object) -> str | None:
    """The code as the shop knows it (upper case), None for no code; an unknown code is refused."""
    code = str(raw or "").strip().upper()[:40]
    if not code:
        return None
    if code not in DISCOUNT_CODES:
        raise ShopError(f"De kortingscode {code} kennen we niet, of hij is verlopen.", field="discount_code")
    return code


def code_discount(code: str | None, amount: Decimal) -> Decimal:
    """What ``code`` takes off ``amount`` (nothing without a code)."""
    return money(amount * DISCOUNT_CODES[code]) if code else money(0)


STOCK: dict[str, int] = {"tablet-10": 1}
"""Units on the web shop's own shelf at the start, for the articles it counts (the others are
always in stock). When the shelf is empty the shop orders from its supplier by express, so
its promise holds either way: stock is never visible to a customer of the healthy shop."""

LAG_SECONDS = 1.0
"""How far behind the database the copies of the crowd faults run (a feed, a counter's sync)."""

_copies: dict[tuple[str, str], tuple[float, int]] = {}
_copies_lock = threading.Lock()


def lagging(db: str, what: str, read: Callable[[], int]) -> int:
    """``what`` as a copy that lags the database knows it: ``read`` afresh at most every ``LAG_SECONDS``.

    Keyed by the database file, so two shops in one process keep their own copies.
    """
    with _copies_lock:
        seen = _copies.get((db, what))
        if seen is None or time.monotonic() - seen[0] > LAG_SECONDS:
            seen = (time.monotonic(), read())
            _copies[(db, what)] = seen
        return seen[1]


@dataclass(frozen=True)
class Store:
    code: str
    name: str
    street: str
    postcode: str
    city: str


STORES = {
    s.code: s
    for s in (
        Store("utrecht", "Tulp Utrecht Centrum", "Oudegracht 100", "3511 AX", "Utrecht"),
        Store("amsterdam", "Tulp Amsterdam Kalverstraat", "Kalverstraat 12", "1012 PC", "Amsterdam"),
        Store("rotterdam", "Tulp Rotterdam Lijnbaan", "Lijnbaan 50", "3012 EL", "Rotterdam"),
    )
}


def store(code: str) -> Store:
    found = STORES.get(str(code).strip().lower())
    if found is None:
        raise NotFound(f"Onbekende winkel '{str(code)[:40]}'; bekend: {', '.join(STORES)}.", "store")
    return found
