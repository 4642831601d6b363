"""Typed values and the normalizers that read raw text into them.

What a customer sees is text: ``€ 1.299,00``, ``morgen``, ``Onderweg``.
Rules compare values: ``Money``, ``date``/``DateRange``, ``OrderRef``,
``Status``, ``Address``, plain ``str`` and ``int``. ``read_value`` turns one
into the other (raising ``Unreadable`` when it cannot), ``agree`` says
whether two values tell the same thing, ``show`` writes a value for a report.
"""

from __future__ import annotations

from journeys.values.address import Address, read_address
from journeys.values.codec import decode, encode
from journeys.values.dates import DateRange, add_working_days, read_date
from journeys.values.kinds import KINDS, TOLERANT_KINDS, agree, read_value, show
from journeys.values.money import Money, read_money
from journeys.values.reference import OrderRef
from journeys.values.status import Status, read_status
from journeys.values.unreadable import Unreadable

__all__ = [
    "KINDS",
    "TOLERANT_KINDS",
    "Address",
    "DateRange",
    "Money",
    "OrderRef",
    "Status",
    "Unreadable",
    "add_working_days",
    "agree",
    "decode",
    "encode",
    "read_address",
    "read_date",
    "read_money",
    "read_status",
    "read_value",
    "show",
]
