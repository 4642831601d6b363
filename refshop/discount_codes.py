"""Discount codes a customer types at checkout: WELKOM10 takes 10 % off what she pays.

A code's discount comes on top of the products' own discounts and is taken
off each line, so a return of one article refunds what she paid for it.
"""

from __future__ import annotations

from decimal import Decimal

from refshop.errors import ShopError
from refshop.formats import money

#: Each code and the share of the price it takes off.
CODES = {"WELKOM10": Decimal("0.10")}


def check(raw: object) -> str | None:
    """The code as the shop knows it (upper case), None for no code; an unknown code is refused."""
    code = str(raw or "").strip().upper()[:40]
    if not code:
        return None
    if code not in CODES:
        raise ShopError(f"De kortingscode {code} kennen we niet, of hij is verlopen.", field="discount_code")
    return code


def off(code: str | None, amount: Decimal) -> Decimal:
    """What ``code`` takes off ``amount`` (nothing without a code)."""
    return money(amount * CODES[code]) if code else money(0)
