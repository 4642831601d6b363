"""A violation: what a rule found, rendered in the house style.

::

    InconsistentFact: order total disagrees across touchpoints
      web.checkout              € 329,00   features/order/web_order.feature:12
      email.order_confirmation  € 349,00   features/order/web_order.feature:15
      rule: agree(order.total)   evidence: reports/evidence/anna-3/email-1.eml
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from journeys.core.records import observation_from_dict, observation_to_dict
from journeys.core.rules.odd import split
from journeys.messages import Language, language_of, say, speaking, spoken
from journeys.values import show

if TYPE_CHECKING:
    from journeys.core.records import Observation

# The heading of a violation when the rule gives none, per rule.
HEADINGS = {
    "agree": "InconsistentFact",
    "promise_kept": "BrokenPromise",
    "not_asked_twice": "AskedTwice",
    "channel_parity": "ChannelMismatch",
    "known_at": "NotKnown",
}


@dataclass(frozen=True)
class Violation:
    """One finding of one rule, with every observation that shows it.

    Args:
        rule: the rule's name (``agree``).
        fact: the fact it is about (``order.total``).
        title: one line for a person (``order total disagrees across touchpoints``).
        observations: what each touchpoint showed, in order.
        detail: further lines (the promise and its deadline...).
        heading: the violation's kind (``InconsistentFact``); by default the rule's.
        language: the language it was found in (the journey's), and is rendered in.
    """

    rule: str
    fact: str
    title: str
    observations: tuple[Observation, ...]
    detail: str = ""
    heading: str = ""
    language: Language = field(default_factory=spoken)

    def to_dict(self) -> dict[str, Any]:
        """As a ledger keeps it, with its text as it was rendered (a report prints that)."""
        return {
            "rule": self.rule,
            "fact": self.fact,
            "title": self.title,
            "detail": self.detail,
            "heading": self.heading,
            "language": self.language,
            "observations": [observation_to_dict(o) for o in self.observations],
            "text": self.render(),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Violation:
        observations = tuple(observation_from_dict(o) for o in d["observations"])
        language = language_of(d.get("language"))
        return cls(d["rule"], d["fact"], d["title"], observations, d.get("detail", ""), d.get("heading", ""), language)

    @property
    def name(self) -> str:
        return self.heading or HEADINGS.get(self.rule, "Violation")

    def render(self) -> str:
        """The violation as text: heading, one aligned row per observation, rule and evidence."""
        with speaking(self.language):  # its dates too: (wo), not (Wed), in a Dutch journey's
            return self._render()

    def _render(self) -> str:
        parts = split(self)
        # Where three or more touchpoints split, the dissenters are marked: the reference needs no mark.
        odd = parts.odd_seqs if parts.reference and len(self.observations) > 2 else set()
        rows = [
            (o.where.touchpoint, _cell(o, self.language), o.where.location or "", o.seq in odd)
            for o in self.observations
        ]
        lines = [f"{self.name}: {self.title}"]
        if rows:
            wide_tp = max(len(row[0]) for row in rows)
            # Align on the cells that fit; a long problem overflows instead of pushing the others apart.
            wide_value = max((len(row[1]) for row in rows if len(row[1]) <= 80), default=0)
            for touchpoint, value, location, differs in rows:
                mark = f"   {say('render.differs', self.language)}" if differs else ""
                lines.append(f"  {touchpoint:<{wide_tp}}  {value:<{wide_value}}   {location}{mark}".rstrip())
        if odd:
            lines.append(f"  {parts.why(self.language)}")
        lines.extend(f"  {line}" for line in self.detail.splitlines())
        footer = "  " + say("render.rule", self.language, rule=self.rule, fact=self.fact)
        evidence = list(dict.fromkeys(o.where.evidence[0] for o in self.observations if o.where.evidence))
        if evidence:
            footer += "   " + say("render.evidence", self.language)
            footer += ("\n" + " " * len(footer)).join(evidence)
        lines.append(footer)
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.render()


def _cell(observation: Observation, language: Language) -> str:
    if observation.problem is not None:
        return observation.problem
    shown = show(observation.kind, observation.value)
    raw = observation.raw
    if raw is not None and _plain(raw) != _plain(shown):
        return say("render.raw", language, shown=shown, raw=repr(raw))
    return shown


def _plain(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())
