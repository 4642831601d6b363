"""What a scenario has lived so far, as lint reads it: its steps, moments, visits and clock."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from journeys.vocabulary.sentences import Sentence

__all__ = ["Lived", "Told"]


@dataclass(frozen=True)
class Told:
    """One step of a scenario as lint read it."""

    line: int
    keyword: str
    text: str
    sentence: Sentence
    values: Mapping[str, Any]


@dataclass
class Lived:
    """What a scenario has lived so far: moments, and the touchpoints visited, in order."""

    moments: set[str] = field(default_factory=set)
    expired: set[str] = field(default_factory=set)  # moments the clock ended (an order not shipped yet)
    ended: dict[str, str] = field(default_factory=dict)  # moment -> the moment of the step that ended it
    visited: list[str] = field(default_factory=list)
    products: list[str] = field(default_factory=list)  # per visit: the product it was about ("" for none)
    epochs: list[int] = field(default_factory=list)  # per visit: how often the clock had moved
    steps: list[int] = field(default_factory=list)  # per visit: which step of the scenario made it
    moments_then: list[frozenset[str]] = field(default_factory=list)  # per visit: the moments lived by then
    epoch: int = 0
    step: int = 0
    moment_products: dict[str, set[str]] = field(default_factory=dict)  # moment -> the products it was for
    started: bool = False
    given: set[str] = field(default_factory=set)  # what she gave the company (``order_number``)
    segment: str = "family"  # who she is ("a customer" is one of the family segment)
    since_order: timedelta | None = None  # time passed since her last order to be delivered
