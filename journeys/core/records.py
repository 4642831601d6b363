"""What a ledger records: where a thing was seen, what was seen, given and asked, her logins and visits.

Plain frozen records with their JSON form; the ``Ledger`` keeps them in order
and the rules and violations read them. What was promised is
:mod:`journeys.core.promise_records`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from journeys.values import decode, encode

__all__ = [
    "Evidence",
    "Input",
    "Login",
    "Observation",
    "Provenance",
    "Question",
    "Visit",
    "observation_from_dict",
    "observation_to_dict",
]

Evidence = str
"""A path to an evidence file (screenshot, .eml, HTTP response), relative to the reports dir."""


@dataclass(frozen=True)
class Provenance:
    """Where and when something was seen: touchpoint, channel, step and line, clock, evidence."""

    touchpoint: str
    channel: str
    step: str | None
    location: str | None  # "features/order/web_order.feature:12"
    seen_at: datetime
    evidence: tuple[Evidence, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "touchpoint": self.touchpoint,
            "channel": self.channel,
            "step": self.step,
            "location": self.location,
            "seen_at": self.seen_at.isoformat(),
            "evidence": list(self.evidence),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Provenance:
        return cls(
            d["touchpoint"],
            d["channel"],
            d.get("step"),
            d.get("location"),
            datetime.fromisoformat(d["seen_at"]),
            tuple(d.get("evidence", ())),
        )


@dataclass(frozen=True)
class Observation:
    """One fact as one touchpoint showed it: the raw text and the value read from it.

    ``value`` is None and ``problem`` says why when the text could not be read
    or the fact was not shown.
    """

    fact: str
    kind: str
    raw: str | None
    value: Any
    about: str
    where: Provenance
    problem: str | None = None
    seq: int = 0
    product: str = ""  # the product a product page showed it for (its ``{sku}``): compared per product
    epoch: int = 0  # how often the clock had moved when it was seen (``Ledger.clock_moved``)

    @property
    def momentary(self) -> bool:
        """True when it holds for its moment only: a status, or what a product page promises if ordered now."""
        return self.kind == "status" or bool(self.product)

    @property
    def touchpoint(self) -> str:
        return self.where.touchpoint

    @property
    def readable(self) -> bool:
        return self.problem is None


@dataclass(frozen=True)
class Input:
    """Something the customer gave the company (``email``, ``order.number``...)."""

    what: str
    value: Any
    touchpoint: str
    where: Provenance
    seq: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "what": self.what,
            "value": encode(self.value),
            "touchpoint": self.touchpoint,
            "where": self.where.to_dict(),
            "seq": self.seq,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Input:
        return cls(d["what"], decode(d["value"]), d["touchpoint"], Provenance.from_dict(d["where"]), d.get("seq", 0))


@dataclass(frozen=True)
class Question:
    """Something the customer was asked for; ``identified``: the company knew who she was when it asked
    (derived from the ledger's logins at that moment: ``Ledger.identified_at``), never set by hand."""

    what: str
    touchpoint: str
    where: Provenance
    identified: bool
    seq: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "what": self.what,
            "touchpoint": self.touchpoint,
            "where": self.where.to_dict(),
            "identified": self.identified,
            "seq": self.seq,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], identified: bool) -> Question:
        """``identified``: what the ledger's logins say, for a question written before it was recorded."""
        where = Provenance.from_dict(d["where"])
        return cls(d["what"], d["touchpoint"], where, d.get("identified", identified), d.get("seq", 0))


@dataclass(frozen=True)
class Login:
    """The moment the company came to know who the customer is, or stopped knowing.

    ``logged_in``: she logged in, or the company made her known (an account made at the checkout);
    False: she logged out. The last one before a question says whether she was asked as herself.
    """

    logged_in: bool
    touchpoint: str
    where: Provenance
    seq: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "logged_in": self.logged_in,
            "touchpoint": self.touchpoint,
            "where": self.where.to_dict(),
            "seq": self.seq,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Login:
        return cls(bool(d["logged_in"]), d["touchpoint"], Provenance.from_dict(d["where"]), d.get("seq", 0))


@dataclass(frozen=True)
class Visit:
    """One time the customer went to a touchpoint, and how long it made her wait."""

    touchpoint: str
    channel: str
    started: datetime
    waited_seconds: float
    seq: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "touchpoint": self.touchpoint,
            "channel": self.channel,
            "started": self.started.isoformat(),
            "waited_seconds": self.waited_seconds,
            "seq": self.seq,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Visit:
        started = datetime.fromisoformat(d["started"])
        return cls(d["touchpoint"], d["channel"], started, d["waited_seconds"], d.get("seq", 0))


def observation_to_dict(o: Observation) -> dict[str, Any]:
    return {
        "fact": o.fact,
        "kind": o.kind,
        "raw": o.raw,
        "value": encode(o.value),
        "about": o.about,
        "where": o.where.to_dict(),
        "problem": o.problem,
        "seq": o.seq,
        **({"product": o.product} if o.product else {}),
        **({"epoch": o.epoch} if o.epoch else {}),
    }


def observation_from_dict(d: Mapping[str, Any]) -> Observation:
    return Observation(
        d["fact"],
        d["kind"],
        d.get("raw"),
        decode(d.get("value")),
        d.get("about", ""),
        Provenance.from_dict(d["where"]),
        d.get("problem"),
        d.get("seq", 0),
        d.get("product", ""),
        d.get("epoch", 0),
    )
