"""What every rule checks before it compares: the fact has one kind the rule can handle."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from contextvars import ContextVar, Token
from decimal import Decimal
from itertools import combinations
from typing import TYPE_CHECKING, Any

from journeys.errors import RuleConfigError
from journeys.values import TOLERANT_KINDS, Money, agree

if TYPE_CHECKING:
    from journeys.core.records import Observation


def kind_of(
    rule: str,
    fact: str,
    observations: Iterable[Observation],
    *,
    tolerance: Decimal | int | None = None,
) -> str | None:
    """The one kind of ``fact`` across ``observations`` (None when there are none).

    Raises:
        RuleConfigError: the fact was read as different kinds at different
            touchpoints, or a tolerance was given for a kind that has none.
    """
    by_kind: dict[str, str] = {}
    for observation in observations:
        by_kind.setdefault(observation.kind, observation.where.touchpoint)
    if len(by_kind) > 1:
        seen = ", ".join(f"{kind} at {touchpoint}" for kind, touchpoint in by_kind.items())
        raise RuleConfigError(
            rule,
            fact,
            f"the fact is read as different kinds ({seen}): give it one kind in the touchpoint map",
        )
    kind = next(iter(by_kind), None)
    if tolerance is not None and kind is not None and kind not in TOLERANT_KINDS:
        raise RuleConfigError(
            rule,
            fact,
            f"a tolerance applies to {' and '.join(TOLERANT_KINDS)} facts and {fact} is {kind}: drop the tolerance",
        )
    return kind


def all_agree(kind: str, values: list[Any], tolerance: Decimal | int | None = None) -> bool:
    """Whether every value agrees with every other (``values.agree``, pairwise)."""
    try:
        unique = list(dict.fromkeys(values))
    except TypeError:  # pragma: no cover - every value read_value makes is hashable
        unique = values
    if len(unique) < 2:
        return True
    if kind == "money" and all(isinstance(v, Money) for v in unique):
        if len({v.currency for v in unique}) > 1:
            return False
        amounts = [v.amount for v in unique]
        return bool(max(amounts) - min(amounts) <= Decimal(tolerance or 0))
    if kind not in ("date", "name", "count"):
        return False  # equality kinds: two different values never agree
    return all(agree(kind, a, b, tolerance=tolerance) for a, b in combinations(unique, 2))


# The words a system's map declares for its own facts (fact -> words), in the journey's context.
_SAID: ContextVar[Mapping[str, str] | None] = ContextVar("journeys_fact_titles", default=None)


def say_facts(names: Mapping[str, str]) -> Token[Mapping[str, str] | None]:
    """Make titles name facts by the map's declared words (``ticket.due`` -> ``due date``), in this context."""
    return _SAID.set(dict(names))


def stop_saying(token: Token[Mapping[str, str] | None]) -> None:
    """Forget what ``say_facts`` set, in the context that set it."""
    try:
        _SAID.reset(token)
    except ValueError:  # set in another context (a population's greenlet): that context ends with it
        pass


def words(fact: str) -> str:
    """The fact in a title: the map's declared words, else ``order.total`` -> ``order total``."""
    declared = (_SAID.get() or {}).get(fact)
    return declared or re.sub(r"[._]+", " ", fact)


def what_key(what: str) -> str:
    """``order_number``, ``order.number`` and ``Order number`` name the same thing."""
    return re.sub(r"[\s._-]+", "_", what.strip().casefold())
