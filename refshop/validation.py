"""Checks on what customers type, with Dutch messages that say what to do."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from refshop.errors import ShopError

EMAIL = re.compile(r"^[^@\s<>\"']{1,64}@[A-Za-z0-9.-]{1,190}\.[A-Za-z]{2,24}$")
PHONE = re.compile(r"[0-9+()\- ]+")
POSTCODE = re.compile(r"^\s*(\d{4})\s?([A-Za-z]{2})\s*$")
ORDER_REF = re.compile(r"^RS-\d{5,9}$")
MAX_QUANTITY = 10
MAX_MESSAGE = 2000


def text(form: Mapping[str, Any], field: str, label: str, max_len: int = 100, required: bool = True) -> str:
    """A trimmed text field, not empty (when required) and not longer than ``max_len``."""
    raw = form.get(field)
    value = raw.strip() if isinstance(raw, str) else ""
    if raw is not None and not isinstance(raw, str):
        raise ShopError(f"{label} moet tekst zijn.", field=field)
    if required and not value:
        raise ShopError(f"Vul je {label.lower()} in.", field=field)
    if len(value) > max_len:
        raise ShopError(f"{label} is te lang (maximaal {max_len} tekens).", field=field)
    if any(ord(c) < 32 and c not in "\n\r\t" for c in value):
        raise ShopError(f"{label} bevat tekens die we niet kunnen verwerken.", field=field)
    return value


def email(form: Mapping[str, Any], field: str = "email") -> str:
    value = text(form, field, "E-mailadres", 254)
    if not EMAIL.match(value):
        raise ShopError(
            f"'{value[:60]}' is geen geldig e-mailadres; gebruik de vorm naam@voorbeeld.nl.",
            field=field,
        )
    return value.lower()


def postcode(form: Mapping[str, Any], field: str = "postcode") -> str:
    value = text(form, field, "Postcode", 10)
    match = POSTCODE.match(value)
    if not match:
        raise ShopError(
            f"'{value}' is geen Nederlandse postcode; gebruik vier cijfers en twee letters, bijvoorbeeld 1234 AB.",
            field=field,
        )
    return f"{match.group(1)} {match.group(2).upper()}"


def phone(form: Mapping[str, Any], field: str = "phone") -> str:
    """An optional phone number: digits, spaces, +, -, ( and ), with at least 9 digits."""
    value = text(form, field, "Telefoonnummer", 25, required=False)
    if value and (not PHONE.fullmatch(value) or sum(c.isdigit() for c in value) < 9):
        raise ShopError(f"'{value}' is geen telefoonnummer; schrijf het bijvoorbeeld als 06-12345678.", field=field)
    return value


def quantity(form: Mapping[str, Any], field: str = "quantity") -> int:
    raw = form.get(field, "1")
    value = str(raw).strip() if raw is not None else ""
    if isinstance(raw, bool) or not re.fullmatch(r"\d{1,3}", value):
        raise ShopError(
            f"Aantal moet een heel getal van 1 tot en met {MAX_QUANTITY} zijn (je gaf '{value[:20]}').",
            field=field,
        )
    number = int(value)
    if not 1 <= number <= MAX_QUANTITY:
        raise ShopError(f"Aantal moet tussen 1 en {MAX_QUANTITY} liggen (je gaf {number}).", field=field)
    return number


def order_ref(form: Mapping[str, Any], field: str = "order_number") -> str:
    value = text(form, field, "Bestelnummer", 20).upper()
    if not ORDER_REF.match(value):
        raise ShopError(
            f"'{value}' is geen bestelnummer; een bestelnummer ziet eruit als RS-10001.",
            field=field,
        )
    return value


def birthdate(form: Mapping[str, Any], today: date, field: str = "birthdate") -> date | None:
    value = text(form, field, "Geboortedatum", 10, required=False)
    if not value:
        return None
    try:
        born = date.fromisoformat(value)
    except ValueError:
        raise ShopError(
            f"'{value}' is geen datum; gebruik de vorm jjjj-mm-dd, bijvoorbeeld 2001-04-30.",
            field=field,
        ) from None
    if not date(today.year - 120, 1, 1) <= born <= today:
        raise ShopError("Deze geboortedatum kan niet kloppen.", field=field)
    return born
