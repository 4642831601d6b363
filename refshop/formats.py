"""How the shop writes money and dates for Dutch customers (pages and mail)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from babel.dates import format_date
from babel.numbers import format_currency

CENT = Decimal("0.01")


def money(amount: Decimal | str | int | float) -> Decimal:
    """An amount of euros as a Decimal rounded to the cent."""
    try:
        return Decimal(str(amount)).quantize(CENT, rounding=ROUND_HALF_UP)
    except InvalidOperation as exc:
        raise ValueError(f"not an amount of money: {amount!r}") from exc


def euro(amount: Decimal | str | int | float) -> str:
    """``€ 1.299,00``: babel's nl_NL format with an ordinary space after the sign.

    babel writes a no-break space (U+00A0) between sign and amount; customers
    (and the harness) read an ordinary space, so it is normalised here once.
    """
    text = format_currency(money(amount), "EUR", locale="nl_NL")
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def day(d: date | datetime) -> str:
    """``woensdag 25 november 2026``."""
    if isinstance(d, datetime):
        d = d.date()
    return format_date(d, "EEEE d MMMM y", locale="nl_NL")


def moment(dt: datetime) -> str:
    """``woensdag 25 november 2026 14:00`` (a day plus a time of day)."""
    return f"{day(dt)} {dt:%H:%M}"


def amount_json(amount: Decimal | str) -> str:
    """An amount as the decimal string the JSON APIs carry (``"329.00"``)."""
    return str(money(amount))
