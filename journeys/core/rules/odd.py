"""The odd one out: where touchpoints split, which value is the reference and which told something else.

When three touchpoints say € 329,00 and the mail € 349,00, the mail is the
odd one out: reports show the reference in neutral colour and only the
dissenters in red. The reference is the value most touchpoints told; when
no value has more touchpoints than every other, it is the first value told
(what the customer heard first and holds the company to). A touchpoint
that showed nothing readable is always a dissenter.

A violation about one touchpoint alone (an unexpected value, a broken
promise) has no reference among its observations: each of them is odd,
and what was expected is the ``expected:`` line of its detail, if any.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from journeys.messages import LANGUAGES, Language, say
from journeys.values import show

if TYPE_CHECKING:
    from journeys.core.records import Observation

__all__ = ["Split", "Told", "shown", "split"]


def shown(observation: Observation) -> str:
    """What the customer saw, as reports show it (or the problem, when nothing readable was shown)."""
    if observation.problem is not None:
        return observation.problem
    return show(observation.kind, observation.value)


@dataclass(frozen=True)
class Split:
    """A violation's observations, split into the reference and the odd ones out.

    Attributes:
        reference: the observations that told the reference value (none: a violation about one touchpoint).
        odd: the observations that told something else, or nothing readable.
        majority: the reference is what most touchpoints told (else: the first value told).
        expected: the reference value, or the value the violation's detail says was expected ("" if none).
    """

    reference: tuple[Observation, ...]
    odd: tuple[Observation, ...]
    majority: bool
    expected: str

    @property
    def pairs(self) -> list[tuple[Observation | None, Observation]]:
        """Every contradicting pair: the reference's first touchpoint and each odd one out (in the order told)."""
        first = self.reference[0] if self.reference else None
        return [(first, other) for other in self.odd]

    @property
    def odd_seqs(self) -> set[int]:
        return {o.seq for o in self.odd}

    def why(self, language: Language = "en") -> str:
        """How the reference was chosen, in a few words of ``language`` (empty without a reference)."""
        if not self.reference:
            return ""
        places = len({o.where.touchpoint for o in self.reference})
        every = len({o.where.touchpoint for o in (*self.reference, *self.odd)})
        if self.majority:
            return say("odd.majority", language, places=places, every=every, value=self.expected)
        return say("odd.first", language, value=self.expected, touchpoint=self.reference[0].where.touchpoint)


class Told(Protocol):
    """What a split reads of a violation: what the touchpoints showed, and its detail lines."""

    @property
    def observations(self) -> tuple[Observation, ...]: ...

    @property
    def detail(self) -> str: ...


def split(violation: Told) -> Split:
    """The reference and the odd ones out of ``violation`` (see the module's docstring)."""
    observations = list(violation.observations)
    readable = [o for o in observations if o.problem is None]
    values = Counter(shown(o) for o in readable)
    if len(values) < 2 and len(readable) < len(observations) and readable:
        # They agree where readable: the touchpoints that showed nothing readable are the odd ones.
        value = shown(readable[0])
        odd = tuple(o for o in observations if o.problem is not None)
        return Split(tuple(readable), odd, True, value)
    if len(values) < 2:
        return Split((), tuple(observations), False, _expected(violation.detail))
    (top, count), (_, second) = values.most_common(2)
    majority = count > second
    value = top if majority else shown(readable[0])
    reference = tuple(o for o in readable if shown(o) == value)
    odd = tuple(o for o in observations if o.problem is not None or shown(o) != value)
    return Split(reference, odd, majority, value)


# "expected: " in every language a violation may be written in.
_EXPECTED = tuple(say("expected", language, value="").strip().lower() for language in LANGUAGES)


def _expected(detail: str) -> str:
    for line in detail.splitlines():
        if line.strip().lower().startswith(_EXPECTED):
            return line.split(":", 1)[1].strip()
    return ""
