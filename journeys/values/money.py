"""Money: an amount and a currency, read from how shops write it.

``€ 1.299,00``, ``€1.299,-``, ``1.299,- euro``, ``EUR 1299.00``,
``1299.00 EUR``, ``1,299.00``, ``1.299,00 €`` and ``£ 12.50`` are all read.
Common shapes take a regular-expression fast path; anything else goes to
price-parser, which knows many more. The sign is read here because
price-parser drops it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from babel.numbers import format_currency, is_currency
from price_parser import Price

from journeys.values.unreadable import Unreadable

# Symbols and words shops use, and the ISO code they mean.
_CURRENCY_WORDS = {
    "€": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "eu": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "pound": "GBP",
    "pounds": "GBP",
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "chf": "CHF",
    "fr.": "CHF",
    "kr": "SEK",
    "zł": "PLN",
}
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2212": "-"})

# Fast path: optional sign/currency, digits with one grouping style, optional decimals.
_FAST = re.compile(
    r"""^(?P<pre>€|eur|euro|£|gbp|\$|usd)?\s*
        (?P<sign>-)?\s*
        (?:(?P<nl>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<nlc>\d{1,2}|-{1,2}))?    # 1.299,00  1299,-
          |(?P<en>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<enc>\d{1,2}))?)          # 1,299.00  1299.00
        \s*(?P<post>€|eur|euro|euros|£|gbp|\$|usd)?$""",
    re.VERBOSE | re.IGNORECASE,
)


@dataclass(frozen=True)
class Money:
    """An amount in a currency. ``Money(Decimal("329.00"))`` is € 329,00.

    Amounts compare as numbers: ``Money(Decimal("329"))`` equals
    ``Money(Decimal("329.00"))``.
    """

    amount: Decimal
    currency: str = "EUR"

    def __post_init__(self) -> None:
        if not isinstance(self.amount, Decimal):
            object.__setattr__(self, "amount", Decimal(str(self.amount)))
        object.__setattr__(self, "currency", self.currency.upper())


def read_money(raw: str, *, currency: str | None = None) -> Money:
    """Read an amount of money from raw text.

    Args:
        raw: the text as shown (``€ 1.299,00``).
        currency: the currency when the text has none (a JSON amount with a
            separate currency field); EUR when not given.

    Raises:
        Unreadable: the text is not an amount, or names a currency nobody knows.
    """
    return _read(raw.translate(_SPACES).strip(), (currency or "EUR").upper())


@lru_cache(maxsize=8192)
def _read(text: str, default_currency: str) -> Money:
    found = _FAST.match(text)
    if found:
        return _from_fast(found, text, default_currency)
    return _from_price_parser(text, default_currency)


def _from_fast(found: re.Match[str], raw: str, default_currency: str) -> Money:
    pre, post = found["pre"], found["post"]
    if pre and post and _code(pre, raw) != _code(post, raw):
        raise Unreadable("money", raw, "two different currencies")
    code = _code(pre or post, raw) if (pre or post) else default_currency
    if found["nl"] is not None:
        whole, cents = found["nl"].replace(".", ""), found["nlc"] or ""
        # "1.299" (no cents) could be an English 1.299; a thousands dot is how Dutch shops write it.
    else:
        whole, cents = found["en"].replace(",", ""), found["enc"] or ""
    if cents.strip("-") == "":
        cents = ""
    amount = Decimal(f"{whole}.{cents}" if cents else whole)
    return Money(-amount if found["sign"] else amount, code)


def _from_price_parser(raw: str, default_currency: str) -> Money:
    price = Price.fromstring(raw)
    if price.amount is None:
        raise Unreadable("money", raw, "no amount in the text")
    code = _code(price.currency, raw) if price.currency else default_currency
    first_digit = re.search(r"\d", raw)
    negative = first_digit is not None and "-" in raw[: first_digit.start()]
    try:
        amount = Decimal(price.amount)
    except InvalidOperation as exc:  # pragma: no cover - price-parser returns Decimals
        raise Unreadable("money", raw, str(exc)) from exc
    return Money(-amount if negative else amount, code)


def _code(word: str, raw: str) -> str:
    key = word.strip().lower()
    if key in _CURRENCY_WORDS:
        return _CURRENCY_WORDS[key]
    if len(key) == 3 and is_currency(key.upper()):
        return key.upper()
    raise Unreadable("money", raw, f"unknown currency {word!r}")


def show_money(money: Money, *, locale: str = "nl_NL") -> str:
    """``€ 329,00``: babel's format with an ordinary space (reports are plain text)."""
    text = format_currency(money.amount, money.currency, locale=locale)
    return text.replace("\u00a0", " ").replace("\u202f", " ")
