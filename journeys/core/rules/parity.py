"""Rule *channel parity*: the same request through two channels gets the same answer."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from journeys.core.rules.fact_kinds import all_agree, kind_of, words
from journeys.core.rules.violation import Violation
from journeys.errors import RuleConfigError
from journeys.messages import say
from journeys.values import agree

if TYPE_CHECKING:
    from journeys.core.ledger import Ledger
    from journeys.core.records import Observation


def channel_parity(
    ledger: Ledger,
    fact: str,
    channels_or_touchpoints: tuple[str, str],
    about: str | None = None,
    *,
    tolerance: Decimal | int | None = None,
) -> list[Violation]:
    """``fact`` seen through one side agrees with ``fact`` seen through the other.

    Each side is a channel (``web``, ``store``) or a touchpoint
    (``store.pos``). Every observation on one side is compared with every
    observation on the other (within a side, *agree* is the rule to use).

    Raises:
        RuleConfigError: a side has no observation of the fact at all (the
            journey never went there: a test mistake, not a finding), the
            fact has more than one kind, or a tolerance for a kind without one.
    """
    left_name, right_name = channels_or_touchpoints
    observations = ledger.observations_of(fact, about)
    left = _side(observations, left_name)
    right = _side(observations, right_name)
    for name, side in ((left_name, left), (right_name, right)):
        if not side:
            raise RuleConfigError(
                "channel_parity",
                fact,
                say("parity.no_side", fact=fact, name=words(fact), side=name),
            )
    moments = list(dict.fromkeys((o.product, o.epoch) for o in left + right if o.momentary))
    if not moments:
        return _compare(fact, (left_name, left), (right_name, right), tolerance)
    # What holds for a moment (a product page's price or date) is compared with the same product's, then.
    pairs = [[[o for o in side if _same_moment(o, moment)] for side in (left, right)] for moment in moments]
    pairs = [pair for pair in pairs if all(pair)]
    if not pairs:
        raise RuleConfigError(
            "channel_parity",
            fact,
            say("parity.no_moment", left=left_name, right=right_name, fact=fact, name=words(fact)),
        )
    return [
        found for mine, theirs in pairs for found in _compare(fact, (left_name, mine), (right_name, theirs), tolerance)
    ]


def _same_moment(observation: Observation, moment: tuple[str, int]) -> bool:
    if not observation.momentary:
        return True  # what lasts (her order's) goes with every moment
    return (observation.product, observation.epoch) == moment or (
        not observation.product and observation.epoch == moment[1]
    )


def _compare(
    fact: str,
    left_side: tuple[str, list[Observation]],
    right_side: tuple[str, list[Observation]],
    tolerance: Decimal | int | None,
) -> list[Violation]:
    (left_name, left), (right_name, right) = left_side, right_side
    both = left + right
    kind = kind_of("channel_parity", fact, both, tolerance=tolerance) or "text"
    sides = {"name": words(fact), "left": left_name, "right": right_name}
    readable_left = [o.value for o in left if o.problem is None]
    readable_right = [o.value for o in right if o.problem is None]
    differs = any(
        not agree(kind, a, b, tolerance=tolerance)
        for a in dict.fromkeys(readable_left)
        for b in dict.fromkeys(readable_right)
    )
    if differs and all_agree(kind, readable_left, tolerance) and all_agree(kind, readable_right, tolerance):
        title = say("parity.differs", **sides)
    elif differs:
        title = say("parity.differs_within", **sides)
    else:
        return _problems(fact, sides, [(left_name, left), (right_name, right)])
    return [Violation("channel_parity", fact, title, tuple(both))]


def _problems(fact: str, said: dict[str, str], sides: list[tuple[str, list[Observation]]]) -> list[Violation]:
    """Nothing differs: still a violation when a side showed nothing readable, or anything was unreadable."""
    both = tuple(o for _, side in sides for o in side)
    problems = [o for o in both if o.problem is not None]
    if not problems:
        return []
    where = ", ".join(dict.fromkeys(o.where.touchpoint for o in problems))
    heading = "MissingFact" if all(o.raw is None for o in problems) else "UnreadableFact"
    blind = [name for name, side in sides if all(o.problem is not None for o in side)]
    if blind:
        title = say("parity.blind", **said, where=where)
        detail = say("parity.blind_detail", sides=say("parity.and").join(blind))
    else:
        title = say("parity.unreadable", name=words(fact), where=where)
        detail = ""
    return [Violation("channel_parity", fact, title, both, detail, heading=heading)]


def _side(observations: list[Observation], name: str) -> list[Observation]:
    return [o for o in observations if name in (o.where.touchpoint, o.where.channel)]
