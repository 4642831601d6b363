"""Typed values to JSON and back, so a ledger file can be read into the same values.

Each typed value becomes an object tagged with ``"$type"``; plain JSON
values pass through unchanged.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from journeys.values.address import Address
from journeys.values.dates import DateRange
from journeys.values.money import Money
from journeys.values.reference import OrderRef
from journeys.values.status import Status

TAG = "$type"


def encode(value: Any) -> Any:
    """A JSON-ready form of ``value`` (typed values tagged, containers walked).

    Raises:
        TypeError: a value journeys does not know how to write.
    """
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Money):
        return {TAG: "money", "amount": str(value.amount), "currency": value.currency}
    if isinstance(value, datetime):  # before date: a datetime is a date
        return {TAG: "datetime", "iso": value.isoformat()}
    if isinstance(value, date):
        return {TAG: "date", "iso": value.isoformat()}
    if isinstance(value, DateRange):
        return {TAG: "date_range", "start": value.start.isoformat(), "end": value.end.isoformat()}
    if isinstance(value, OrderRef):
        return {TAG: "order_ref", "text": value.text}
    if isinstance(value, Status):
        return {TAG: "status", "canonical": value.canonical, "raw": value.raw}
    if isinstance(value, Address):
        return {
            TAG: "address",
            "street": value.street,
            "postcode": value.postcode,
            "city": value.city,
        }
    if isinstance(value, Decimal):
        return {TAG: "decimal", "value": str(value)}
    if isinstance(value, list | tuple):
        return [encode(item) for item in value]
    if isinstance(value, dict):
        return {str(key): encode(item) for key, item in value.items()}
    raise TypeError(f"cannot write a {type(value).__name__} to a ledger: {value!r}")


def decode(data: Any) -> Any:
    """The value ``encode`` wrote."""
    if isinstance(data, list):
        return [decode(item) for item in data]
    if not isinstance(data, dict):
        return data
    tag = data.get(TAG)
    if tag is None:
        return {key: decode(item) for key, item in data.items()}
    if tag == "money":
        return Money(Decimal(data["amount"]), data["currency"])
    if tag == "datetime":
        return datetime.fromisoformat(data["iso"])
    if tag == "date":
        return date.fromisoformat(data["iso"])
    if tag == "date_range":
        return DateRange(date.fromisoformat(data["start"]), date.fromisoformat(data["end"]))
    if tag == "order_ref":
        return OrderRef(data["text"])
    if tag == "status":
        return Status(data["canonical"], data["raw"])
    if tag == "address":
        return Address(data["street"], data["postcode"], data["city"])
    if tag == "decimal":
        return Decimal(data["value"])
    raise ValueError(f"unknown value type {tag!r} in a ledger file: written by a newer journeys?")
