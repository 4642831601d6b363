"""A ledger laid out as a journey map draws it: stops, red lines, promise spans, the effort curve.

A *stop* is one time the customer met a touchpoint: a visit with what it
showed, asked and was given there, and whether she logged in or out there. Stops are in ledger order (``seq``): the
system's clock may stand still between touchpoints, so time alone cannot
order them, but each stop keeps the clock time it was seen at.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import lru_cache

from journeys.core.effort import effort
from journeys.core.ledger import Ledger
from journeys.core.records import Input, Login, Observation, Question, Visit
from journeys.core.rules.odd import split
from journeys.messages import spoken
from journeys.values import show

__all__ = ["Conflict", "PromiseSpan", "Stop", "conflicts", "effort_curve", "promise_spans", "shown", "stops"]


@dataclass
class Stop:
    """One meeting of customer and touchpoint, in journey order."""

    index: int
    touchpoint: str
    channel: str
    seen_at: datetime | None = None
    step: str | None = None
    location: str | None = None
    waited: float = 0.0
    visited: bool = False
    observations: list[Observation] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)
    gave: list[str] = field(default_factory=list)
    logins: list[bool] = field(default_factory=list)  # True: she logged in (or was made known) here; False: out
    evidence: list[str] = field(default_factory=list)
    last_seq: int = 0


@dataclass(frozen=True)
class Conflict:
    """Two stops that told the customer different things: a red line with both values."""

    heading: str  # InconsistentFact, ChannelMismatch, BrokenPromise...
    fact: str
    title: str
    a: int | None  # stop index (None: not seen at a stop of this journey)
    b: int | None
    a_value: str
    b_value: str


@dataclass(frozen=True)
class PromiseSpan:
    """A promise from the stop that made it to the stop where its deadline had passed."""

    fact: str
    raw: str
    made: int | None
    due: datetime
    due_stop: int | None  # None: the deadline lies beyond the journey's last stop
    status: str
    verdict: str


def shown(observation: Observation) -> str:
    """What the customer saw, as a report shows it (or the problem, when nothing readable was shown)."""
    if observation.problem is not None:
        return observation.problem
    try:
        return _show(observation.kind, observation.value, spoken())
    except TypeError:  # a value that cannot be a cache key (a list of items)
        return show(observation.kind, observation.value)


@lru_cache(maxsize=4096)
def _show(kind: str, value: object, language: str) -> str:  # a date's weekday is said in the report's language
    # Formatting money through babel is the slowest part of a 500-journey map; the same totals recur.
    return show(kind, value)


def stops(ledger: Ledger) -> tuple[list[Stop], dict[int, int]]:
    """The journey's stops in order, and for each recorded ``seq`` the index of its stop."""
    found: list[Stop] = []
    at_seq: dict[int, int] = {}
    for event in ledger.events:
        if isinstance(event, Visit):
            current = found[-1] if found else None
            # A visit recorded after what it showed (a timed step) closes that stop, and a page read right
            # after the click that brought her there (nothing recorded between) is that same visit.
            same = current is not None and current.touchpoint == event.touchpoint
            if current is not None and same and (not current.visited or _bare(current)):
                stop = current
            else:
                stop = _new(found, event.touchpoint, event.channel)
            stop.visited = True
            stop.waited += event.waited_seconds
            stop.seen_at = stop.seen_at or event.started
        else:
            where = event.where
            stop = _stop_for(found, where.touchpoint, where.channel, look_back=not isinstance(event, Observation))
            stop.seen_at = stop.seen_at or where.seen_at
            stop.step, stop.location = stop.step or where.step, stop.location or where.location
            stop.evidence.extend(path for path in where.evidence if path not in stop.evidence)
            if isinstance(event, Observation):
                stop.observations.append(event)
            elif isinstance(event, Question):
                stop.asked.append(event.what)
            elif isinstance(event, Input):
                stop.gave.append(event.what)
            elif isinstance(event, Login):
                stop.logins.append(event.logged_in)
        stop.last_seq = max(stop.last_seq, event.seq)
        at_seq[event.seq] = stop.index
    return found, at_seq


def _bare(stop: Stop) -> bool:
    return not (stop.observations or stop.asked or stop.gave or stop.logins)


def _new(found: list[Stop], touchpoint: str, channel: str) -> Stop:
    found.append(Stop(len(found), touchpoint, channel))
    return found[-1]


def _stop_for(found: list[Stop], touchpoint: str, channel: str, *, look_back: bool) -> Stop:
    if found and found[-1].touchpoint == touchpoint:
        return found[-1]
    if look_back:
        # Given or asked at a touchpoint met a moment ago (an order number read back after the mail).
        for stop in reversed(found):
            if stop.touchpoint == touchpoint:
                return stop
    return _new(found, touchpoint, channel)


def conflicts(ledger: Ledger, at_seq: dict[int, int]) -> tuple[list[Conflict], list[tuple[int, str]]]:
    """Red lines from the reference to each odd one out, and the stops marked by a violation about one stop alone.

    Where the touchpoints split (``rules.odd``), a line runs from the first touchpoint that told the
    reference value to every touchpoint that told something else: one line per contradicting pair.
    """
    lines: list[Conflict] = []
    marks: list[tuple[int, str]] = []
    for violation in ledger.violations:
        parts = split(violation)
        if not parts.reference:
            marks.extend((at_seq[o.seq], violation.name) for o in parts.odd if o.seq in at_seq)
            continue
        drawn: set[tuple[int | None, int | None]] = set()
        for first, other in parts.pairs:
            a, b = at_seq.get(first.seq) if first else None, at_seq.get(other.seq)
            if (a, b) not in drawn:  # the same pair of stops once, however often a page showed the fact
                drawn.add((a, b))
                lines.append(
                    Conflict(violation.name, violation.fact, violation.title, a, b, parts.expected, shown(other))
                )
    return lines, marks


def promise_spans(ledger: Ledger, found: list[Stop], at_seq: dict[int, int]) -> list[PromiseSpan]:
    """Every promise, from the stop that made it to the first stop at or after its deadline."""
    spans = []
    for promise in ledger.promises:
        due_stop = next((s.index for s in found if s.seen_at and _not_before(s.seen_at, promise.due)), None)
        spans.append(
            PromiseSpan(
                promise.fact,
                promise.raw or "",
                at_seq.get(promise.seq),
                promise.due,
                due_stop,
                promise.status,
                promise.verdict or "",
            )
        )
    return spans


def effort_curve(ledger: Ledger, found: list[Stop]) -> list[float]:
    """The effort score so far after each stop (``journeys.core.effort`` on the ledger up to that stop).

    A broken promise counts from the first stop at or after its deadline (when the customer
    finds out), or at the last stop; so the curve ends at the journey's own effort score.
    """
    curve = []
    for stop in found:
        last = stop.index == len(found) - 1
        part = Ledger(ledger.customer, ledger.seed, ledger.system)
        part.visits = [v for v in ledger.visits if v.seq <= stop.last_seq]
        part.questions = [q for q in ledger.questions if q.seq <= stop.last_seq]
        part.inputs = [i for i in ledger.inputs if i.seq <= stop.last_seq]
        for observation in ledger.observations:
            if observation.seq <= stop.last_seq:
                part._add_observation(observation)
        part.promises = [
            p if p.status != "broken" or last or _known_broken(p.due, stop.seen_at) else replace(p, status="pending")
            for p in ledger.promises
        ]
        curve.append(effort(part).score)
    return curve


def _known_broken(due: datetime, now: datetime | None) -> bool:
    return now is not None and _not_before(now, due)


def _not_before(moment: datetime, due: datetime) -> bool:
    # A naive clock and an aware deadline (or the reverse) are read in the same zone.
    if (moment.tzinfo is None) != (due.tzinfo is None):
        moment = moment.replace(tzinfo=due.tzinfo)
    return moment >= due
