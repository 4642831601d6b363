"""The kinds of fact, and the three things done with each: read, agree, show."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from journeys.values.address import Address, read_address, show_address
from journeys.values.dates import DateRange, read_date, show_date
from journeys.values.money import Money, read_money, show_money
from journeys.values.reference import OrderRef
from journeys.values.status import Status, read_status
from journeys.values.unreadable import Unreadable

KINDS = ("money", "date", "order_ref", "status", "text", "name", "address", "count")
"""Every kind a fact can have (the ``kind:`` of a fact in a touchpoint map)."""

TOLERANT_KINDS = ("money", "count")
"""Kinds whose comparison takes a tolerance (an amount, a number)."""

_COUNT_WORDS = {"geen": 0, "none": 0, "no": 0, "zero": 0, "nul": 0}
_INTEGER = re.compile(r"(?<![\d.,])\d+(?![\d.,])")


def read_value(
    kind: str,
    raw: str,
    *,
    seen_at: datetime,
    vocabulary: Mapping[str, str] | None = None,
    currency: str | None = None,
) -> Any:
    """Read raw text into the typed value of ``kind``.

    Args:
        kind: one of ``KINDS``.
        raw: the text as the customer saw it. Blank text is unreadable for
            every kind (a fact that is not shown has raw ``None`` on the
            ledger, never ``""``).
        seen_at: the system's clock when it was seen (for "morgen").
        vocabulary: for ``status``: the system's words to canonical words.
        currency: for ``money``: the currency when the text names none.

    Returns:
        ``Money``, ``date`` or ``DateRange``, ``OrderRef``, ``Status``,
        ``str`` (text, name: whitespace collapsed), ``Address``, ``int``.

    Raises:
        Unreadable: the text is not a value of ``kind``.
        ValueError: ``kind`` is not one of ``KINDS``.
    """
    if kind not in _READERS:
        raise ValueError(f"unknown kind of fact '{kind}': use one of {', '.join(KINDS)}")
    if not raw or not raw.strip():
        raise Unreadable(kind, raw)
    return _READERS[kind](raw, seen_at, vocabulary, currency)


def _read_count(raw: str) -> int:
    words = raw.strip().casefold()
    if words in _COUNT_WORDS:
        return _COUNT_WORDS[words]
    numbers = _INTEGER.findall(raw)
    if len(numbers) != 1:
        raise Unreadable("count", raw)
    return int(numbers[0])


_READERS: dict[str, Callable[[str, datetime, Mapping[str, str] | None, str | None], Any]] = {
    "money": lambda raw, _s, _v, cur: read_money(raw, currency=cur),
    "date": lambda raw, seen, _v, _c: read_date(raw, seen_at=seen),
    "order_ref": lambda raw, _s, _v, _c: OrderRef.read(raw),
    "status": lambda raw, _s, vocabulary, _c: read_status(raw, vocabulary),
    "text": lambda raw, _s, _v, _c: " ".join(raw.split()),
    "name": lambda raw, _s, _v, _c: " ".join(raw.split()),
    "address": lambda raw, _s, _v, _c: read_address(raw),
    "count": lambda raw, _s, _v, _c: _read_count(raw),
}


def agree(kind: str, a: Any, b: Any, *, tolerance: Decimal | int | None = None) -> bool:
    """Whether two values of ``kind`` tell the customer the same thing.

    - money: same currency, amounts within ``tolerance`` (default: exact to the cent);
    - date: equal dates; a date agrees with a range that contains it; two
      ranges agree when equal;
    - name: equal ignoring case and spacing;
    - count: within ``tolerance`` (default: equal);
    - every other kind: equal (``Status`` by canonical word, ``OrderRef`` by key).

    A missing value (``None``) agrees with nothing.

    Raises:
        ValueError: a tolerance for a kind that has none (see ``TOLERANT_KINDS``).
    """
    if tolerance is not None and kind not in TOLERANT_KINDS:
        raise ValueError(f"a tolerance applies to {' and '.join(TOLERANT_KINDS)}, not to {kind}")
    if a is None or b is None:
        return False
    if kind == "money":
        if not (isinstance(a, Money) and isinstance(b, Money)) or a.currency != b.currency:
            return False
        return abs(a.amount - b.amount) <= Decimal(tolerance or 0)
    if kind == "date":
        return _dates_agree(a, b)
    if kind == "name":
        return str(a).casefold() == str(b).casefold()
    if kind == "count" and tolerance is not None:
        return bool(abs(a - b) <= tolerance)
    return bool(a == b)


def _dates_agree(a: Any, b: Any) -> bool:
    a = a.date() if isinstance(a, datetime) else a
    b = b.date() if isinstance(b, datetime) else b
    if isinstance(a, DateRange) and not isinstance(b, DateRange):
        return b in a
    if isinstance(b, DateRange) and not isinstance(a, DateRange):
        return a in b
    return bool(a == b)


def show(kind: str, value: Any) -> str:
    """A value the way a report shows it: ``€ 329,00``, ``2026-11-25 (Wed)``."""
    if value is None:
        return "(nothing)"
    if isinstance(value, Money):
        return show_money(value)
    if isinstance(value, date | DateRange):
        return show_date(value)
    if isinstance(value, Address):
        return show_address(value)
    if isinstance(value, Status):
        return str(value).replace("_", " ")  # a canonical word as words: "too late", never "too_late"
    if isinstance(value, OrderRef):
        return str(value)
    return str(value)
