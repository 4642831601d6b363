"""What a ledger records of a promise: the promise, due by a moment, and how to check it then.

A ``Promise`` is made where a touchpoint commits the company to something (a
delivery date, a refund); its ``PromiseCheck`` says which touchpoint and fact
will show whether it was kept. Both have their JSON form, for the ledger and
the promise store.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from journeys.core.records import Provenance
from journeys.values import decode, encode

__all__ = ["Promise", "PromiseCheck"]

Expectation = Literal["equals", "not_after", "present"]
PromiseStatus = Literal["pending", "kept", "broken"]


@dataclass(frozen=True)
class PromiseCheck:
    """How to check a promise later: which touchpoint, which fact, which comparison.

    ``expect``: ``equals`` (the fact shows the promised value), ``not_after``
    (the fact, a date, is on or before the promised date or the end of the
    promised range), ``present`` (the fact is shown at all). ``params``:
    ``tolerance`` (money, for equals) and ``value`` (compare with this text,
    read as the checked fact's kind, instead of the promised value: a
    status ``delivered`` by the promised day).
    """

    touchpoint: str
    fact: str
    expect: Expectation
    params: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.expect not in ("equals", "not_after", "present"):
            raise ValueError(f"a promise check expects 'equals', 'not_after' or 'present', not {self.expect!r}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "touchpoint": self.touchpoint,
            "fact": self.fact,
            "expect": self.expect,
            "params": dict(self.params),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> PromiseCheck:
        return cls(d["touchpoint"], d["fact"], d["expect"], dict(d.get("params", {})))


@dataclass
class Promise:
    """A fact that commits the company to something by ``due``, and how to check it.

    ``status`` goes from ``pending`` to ``kept`` or ``broken`` once, with a
    one-line ``verdict``. An unreadable promise has value None and its
    problem as verdict while pending.
    """

    id: str
    fact: str
    kind: str
    value: Any
    raw: str | None
    due: datetime
    check: PromiseCheck
    where: Provenance
    status: PromiseStatus = "pending"
    verdict: str | None = None
    about: str = ""
    seq: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "fact": self.fact,
            "kind": self.kind,
            "value": encode(self.value),
            "raw": self.raw,
            "due": self.due.isoformat(),
            "check": self.check.to_dict(),
            "where": self.where.to_dict(),
            "status": self.status,
            "verdict": self.verdict,
            "about": self.about,
            "seq": self.seq,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Promise:
        return cls(
            d["id"],
            d["fact"],
            d["kind"],
            decode(d["value"]),
            d.get("raw"),
            datetime.fromisoformat(d["due"]),
            PromiseCheck.from_dict(d["check"]),
            Provenance.from_dict(d["where"]),
            d.get("status", "pending"),
            d.get("verdict"),
            d.get("about", ""),
            d.get("seq", 0),
        )
