"""Rules *agree* and *matches*: what she was told of a fact is the same wherever she was told it.

*agree*: every touchpoint that showed a fact showed the same value. *matches*:
for two facts that must be one amount without being one fact (the refund she
is paid and the price she paid: ``refund.amount`` against ``order.total``),
every touchpoint that showed the one equals what she was first told of the
other. Her reference is the first readable value she was told, where she was
told it; each touchpoint that showed the other fact otherwise is named beside it.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING

from journeys.core.rules.fact_kinds import all_agree, kind_of, words
from journeys.core.rules.knowledge import listed
from journeys.core.rules.violation import Violation
from journeys.messages import bare, say
from journeys.values import agree as tells_the_same
from journeys.values import show

if TYPE_CHECKING:
    from journeys.core.ledger import Ledger
    from journeys.core.records import Observation


def agree(
    ledger: Ledger,
    fact: str,
    *,
    about: str | None = None,
    tolerance: Decimal | int | None = None,
    touchpoints: Collection[str] | None = None,
) -> list[Violation]:
    """Every observation of ``fact`` agrees, per ``about`` (per order, per case...).

    One violation per fact (and ``about``) lists every touchpoint that showed
    it. An unreadable or missing observation is always reported, also when
    the others agree. Fewer than two touchpoints that showed the fact
    readably is a violation of its own (``NothingToCompare``): green means
    compared, so a journey that saw the fact once must visit a second
    touchpoint that shows it. No observation at all is one such violation
    (naming ``about`` when given).

    Args:
        ledger: the journey's ledger.
        fact: the fact (``order.total``).
        about: only observations about this (``RS-10001``); None: every
            ``about``, each checked on its own.
        tolerance: for money (an amount) and count facts.
        touchpoints: only observations at these touchpoints.

    Raises:
        RuleConfigError: the fact has more than one kind, or a tolerance
            was given for a kind that has none.
    """
    observations = ledger.observations_of(fact, about)
    if touchpoints is not None:
        observations = [o for o in observations if o.where.touchpoint in touchpoints]
    kind = kind_of("agree", fact, observations, tolerance=tolerance)
    groups: dict[str, list[Observation]] = {}
    for observation in observations:
        groups.setdefault(observation.about, []).append(observation)
    if not groups:
        groups[about or ""] = []
    found: list[Violation] = []
    for group_about, told in groups.items():
        group = as_listed(told, kind or "text")
        sets = comparable(group, kind or "text", tolerance)
        compared = [each for each in sets if len({o.touchpoint for o in each if o.readable}) >= 2]
        if not compared and len(sets) > 1:
            # Seen, but never twice for one product at one time: nothing that may be compared.
            suffix = f" ({group_about})" if group_about else ""
            found.append(_nothing_to_compare(fact, suffix, group, apart=True))
            continue
        for each in compared or [group]:
            violation = _check_group(fact, kind or "text", group_about, each, tolerance)
            if violation is not None:
                found.append(violation)
    return found


def as_listed(group: list[Observation], kind: str) -> list[Observation]:
    """``group`` with each list a touchpoint showed (an agent's orders: ``RS-10035, RS-10034``) read as the
    item that is another touchpoint's value: the list told her that one. A list without it stays unreadable."""
    values = [o.value for o in group if o.readable]
    found = []
    for observation in group:
        if not observation.readable and observation.raw:
            item = next((value for value in values if listed(kind, value, observation)), None)
            if item is not None:
                observation = replace(observation, value=item, problem=None)
        found.append(observation)
    return found


def comparable(group: list[Observation], kind: str, tolerance: Decimal | int | None) -> list[list[Observation]]:
    """The sets of ``group`` that tell one story and must agree.

    What holds for a moment only (a status; what a product page promises if ordered now) is compared
    with what was seen in the same epoch of the clock; a product page's facts with that product's, and
    with her order's only when she ordered it there (the same step: the page, the cart, the checkout).
    The rest (her order's number, total, date) is one set, across days.
    """
    if not any(o.momentary for o in group):
        return [group]
    lasting = [o for o in group if not o.momentary]
    sets = [lasting] if lasting else []
    moments = dict.fromkeys((o.product, o.epoch) for o in group if o.momentary)
    for product, epoch in moments:
        mine = [o for o in group if o.momentary and (o.product, o.epoch) == (product, epoch)]
        steps = {o.where.location for o in mine}
        then = [o for o in lasting if o.epoch == epoch and (not product or o.where.location in steps)]
        if not all_agree(kind, [o.value for o in then if o.readable], tolerance):
            continue  # the lasting set reports that disagreement itself
        sets.append(mine + then)
    return sets


def _check_group(
    fact: str, kind: str, about: str, group: list[Observation], tolerance: Decimal | int | None
) -> Violation | None:
    readable = [o for o in group if o.problem is None]
    problems = [o for o in group if o.problem is not None]
    suffix = f" ({about})" if about else ""
    if not all_agree(kind, [o.value for o in readable], tolerance):
        return Violation("agree", fact, say("agree.differs", name=words(fact), about=suffix), tuple(group))
    if not problems:
        return _nothing_to_compare(fact, suffix, group) if len({o.touchpoint for o in readable}) < 2 else None
    where = ", ".join(dict.fromkeys(o.where.touchpoint for o in problems))
    missing = all(o.raw is None for o in problems)
    heading = "MissingFact" if missing else "UnreadableFact"
    title = say("agree.missing" if missing else "agree.unreadable", name=words(fact), about=suffix, where=where)
    return Violation("agree", fact, title, tuple(group), heading=heading)


def _nothing_to_compare(fact: str, suffix: str, readable: list[Observation], apart: bool = False) -> Violation:
    """Shown at no touchpoint, at one, or (``apart``) never twice for one product at one time."""
    shown_at = ", ".join(dict.fromkeys(o.touchpoint for o in readable)) or say("none")
    count = "agree.nothing_apart" if apart else "agree.nothing_one" if readable else "agree.nothing_none"
    return Violation(
        "agree",
        fact,
        say(count, name=words(fact), about=suffix),
        tuple(readable),
        say("agree.nothing_detail", shown_at=shown_at, fact=fact, name=words(fact)),
        heading="NothingToCompare",
    )


def matches(ledger: Ledger, fact: str, reference: str) -> list[Violation]:
    """Every observation of ``fact`` equals the first readable observation of ``reference``.

    Nothing to compare (``reference`` never told readably, or ``fact`` never
    shown) is a ``NothingToCompare`` violation, never a pass; an unreadable
    ``fact`` is reported with the reference beside it.
    """
    told = next((o for o in ledger.observations_of(reference) if o.problem is None), None)
    seen = ledger.observations_of(fact)
    said = {"name": words(fact), "reference": words(reference), "bare_reference": bare(words(reference))}
    if told is None or not seen:
        missing = reference if told is None else fact
        detail = say("matches.nothing_hint", missing=missing, missing_name=words(missing))
        return [Violation("matches", fact, say("matches.nothing", **said), (), detail, heading="NothingToCompare")]
    wrong = [o for o in seen if o.problem is not None or not tells_the_same(told.kind, o.value, told.value)]
    if not wrong:
        return []
    return [
        Violation(
            "matches",
            fact,
            say("matches.differs", **said),
            (told, *wrong),
            say(
                "matches.expected",
                value=show(told.kind, told.value),
                fact=reference,
                reference=words(reference),
                touchpoint=told.where.touchpoint,
            ),
            heading="InconsistentFact",
        )
    ]
