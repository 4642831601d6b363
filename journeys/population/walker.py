"""One customer of a population: walk a scenario, and tell what happened at each touchpoint.

The walk is the suite's own: ``Journey`` + ``run_scenario``, the same steps,
tasks and rules, the ledger written where a single run writes it. What the
load engine needs comes back as a ``Walked``: each touchpoint visit with its
time and, once the journey is over, its failure (a violation that names the
touchpoint, or a step that could not be carried out there), and a digest of
the ledger small enough to keep for thousands of customers.

A visit's time runs from the customer's previous touchpoint (or the start of
the step) to this one's reading: the requests it took to get there, a form
posted, a mail waited for.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from journeys.core.rules.violation import HEADINGS
from journeys.errors import SystemUnreachable
from journeys.population.causes import cause_of_error, cause_of_violations

if TYPE_CHECKING:
    from journeys.core.customer import Customer
    from journeys.journey.runner import StepResult
    from journeys.journey.session import SystemSession
    from journeys.vocabulary.feature import Scenario, ScenarioStep

__all__ = ["Visited", "Walked", "crashed", "walk", "walked_from_dict", "walked_to_dict"]

_AT = re.compile(r" at ([a-z][\w-]*\.[\w.-]+)[: ]")


@dataclass(frozen=True)
class Visited:
    """One touchpoint visit (or one step that failed outside any): name, milliseconds, failure."""

    name: str
    ms: float
    failure: str | None = None
    kind: str = "touchpoint"  # "step": a step error not at a touchpoint
    step: str = ""  # the step she was walking there: the journey's own words for the touchpoint


@dataclass
class Walked:
    """What one customer's journey came to.

    Attributes:
        outcome: passed, failed or interrupted.
        error: the first line of what stopped it (a step error), if anything did.
        unreachable: the system did not answer (the run should stop).
        digest: the ledger's parts the population results and the privacy rule read.
        driver: how her web pages were walked: ``browser`` (Playwright) or ``http`` (no browser).
        queued: seconds she waited for a free browser (browser customers).
        cause: why it did not pass (``causes``): ``{cause, detail, touchpoint}``; None when it passed.
    """

    index: int
    key: str
    location: str
    title: str
    outcome: str
    seconds: float
    visits: list[Visited] = field(default_factory=list)
    error: str | None = None
    unreachable: bool = False
    digest: dict[str, Any] = field(default_factory=dict)
    driver: str = "http"
    queued: float = 0.0
    cause: dict[str, str] | None = None


def walked_to_dict(walked: Walked) -> dict[str, Any]:
    """``walked`` as plain data (JSON and msgpack): how a walk travels between processes."""
    return {**walked.__dict__, "visits": [list(v.__dict__.values()) for v in walked.visits]}


def walked_from_dict(data: dict[str, Any]) -> Walked:
    """The ``Walked`` that ``walked_to_dict`` made ``data`` from."""
    return Walked(**{**data, "visits": [Visited(*v) for v in data["visits"]]})


def crashed(index: int, key: str, where: tuple[str, str], error: BaseException, *, driver: str) -> Walked:
    """A customer whose walk broke outside her journey's steps (a crash, her browser process gone);
    ``where``: her scenario's location and title."""
    text = f"{type(error).__name__}: {error}"[:300]
    visit = Visited("step: walk", 0.0, text, "step")
    cause = {"cause": "harness error", "detail": text, "touchpoint": ""}
    return Walked(index, key, where[0], where[1], "failed", 0.0, [visit], text, driver=driver, cause=cause)


class _Listener:
    """Times each touchpoint and keeps each step error (a ``StepListener`` and a touchpoint listener)."""

    def __init__(self) -> None:
        self.mark = time.perf_counter()
        self.step = ""
        self.visits: list[tuple[str, float, str]] = []
        self.errors: list[tuple[str, BaseException, float]] = []

    def step_started(self, step: ScenarioStep) -> None:
        self.mark = time.perf_counter()
        self.step = step.text

    def step_finished(self, step: ScenarioStep, result: StepResult) -> None:
        if result.error is not None:
            self.errors.append((step.text, result.error, (time.perf_counter() - self.mark) * 1000))

    def touchpoint(self, name: str, reading: Any, seen: Any) -> None:
        now = time.perf_counter()
        self.visits.append((name, (now - self.mark) * 1000, self.step))
        self.mark = now


def walk(session: SystemSession, scenario: Scenario, customer: Customer, *, browser: bool = False) -> Walked:
    """Walk ``scenario`` as ``customer`` on ``session``; the ledger is written as in a single run.

    ``browser``: her web pages in the session's browser (else over HTTP, without one).
    """
    from journeys.journey.journey import Journey
    from journeys.journey.runner import run_scenario
    from journeys.messages import language_of

    started = time.perf_counter()
    journey = Journey(session, customer, name=scenario.title, language=language_of(scenario.language))
    journey.browserless = not browser  # the channel drivers read it
    listener = _Listener()
    journey.on_touchpoint(listener.touchpoint)
    outcome, error = "interrupted", None
    try:
        result = run_scenario(scenario, journey, listeners=[listener])
        outcome = "passed" if result.passed else "failed"
        error = listener.errors[0][1] if listener.errors else None
    finally:
        # Killed (the run's end, a second Ctrl-C): the ledger still says what happened, as interrupted.
        path = journey.close(outcome=outcome)
    ledger = json.loads(path.read_text(encoding="utf-8"))
    walked = Walked(
        customer.index,
        customer.key,
        scenario.location,
        scenario.title,
        outcome,
        time.perf_counter() - started,
        error=_first_line(error) if error is not None else None,
        unreachable=_unreachable(error),
        digest=digest(ledger),
        driver="browser" if browser else "http",
    )
    walked.visits = _attributed(listener, walked.digest)
    if outcome != "passed":
        walked.cause = _cause(walked.digest["violations"], error)
    return walked


def _cause(violations: list[dict[str, Any]], error: BaseException | None) -> dict[str, str]:
    """Her journey's one cause: a finding about the system first, then what stopped a step, then the rest."""
    found = cause_of_violations(violations)
    if found and found[0] in ("privacy leak", "contradiction", "broken promise") or (found and error is None):
        return dict(zip(("cause", "detail", "touchpoint"), found, strict=True))
    if error is not None:
        cause, detail = cause_of_error(error)
        return {"cause": cause, "detail": detail, "touchpoint": failed_at(error) or ""}
    return {"cause": "harness error", "detail": "interrupted", "touchpoint": ""}


def _attributed(listener: _Listener, summary: dict[str, Any]) -> list[Visited]:
    """Each visit with the first violation that names its touchpoint; each step error where it happened."""
    blamed: dict[str, str] = {}
    for violation in summary["violations"]:
        for touchpoint in violation["blamed"]:
            blamed.setdefault(touchpoint, f"{violation['heading']}: {violation['title']}")
    visits = [Visited(name, ms, blamed.get(name), "touchpoint", step) for name, ms, step in listener.visits]
    for text, error, ms in listener.errors:
        where = failed_at(error)
        failure = _first_line(error)
        visits.append(
            Visited(where, ms, failure, "touchpoint", text) if where else Visited(f"step: {text}", ms, failure, "step")
        )
    return visits


def failed_at(error: BaseException) -> str | None:
    """The touchpoint a step error happened at, when the error or its message names one."""
    current: BaseException | None = error
    while current is not None:
        named = getattr(current, "touchpoint", None)
        if isinstance(named, str) and named:
            return named
        found = _AT.search(str(current))
        if found:
            return found.group(1).rstrip(".")
        current = current.__cause__
    return None


def _unreachable(error: BaseException | None) -> bool:
    while error is not None:
        if isinstance(error, SystemUnreachable):
            return True
        error = error.__cause__
    return False


def _first_line(error: BaseException) -> str:
    """What went wrong in one line: a step error's header ("file:line (step):") with its cause's first line."""
    lines = [line.strip() for line in str(error).strip().splitlines() if line.strip()]
    head = " ".join(lines[:2]) if lines and lines[0].endswith(":") else (lines[0] if lines else "")
    return f"{type(error).__name__}: {head}"[:400]


def digest(ledger: dict[str, Any]) -> dict[str, Any]:
    """The parts of a ledger (as ``ledger.json`` holds it) that population results and rules read."""
    person = ledger.get("customer", {})
    return {
        "customer": {k: person.get(k) for k in ("key", "name", "email", "street", "postcode", "city")},
        "given": [(i["what"], str(i["value"])) for i in ledger.get("inputs", []) if i.get("value") is not None],
        "shown": [
            (o["where"]["touchpoint"], o["fact"], o["raw"], o.get("kind", ""), o["where"].get("channel", ""))
            for o in ledger.get("observations", [])
            if o.get("raw")
        ],
        "visits": [(v["touchpoint"], v["channel"], v["waited_seconds"]) for v in ledger.get("visits", [])],
        "violations": [
            {
                "rule": v["rule"],
                "fact": v["fact"],
                "heading": v.get("heading") or HEADINGS.get(v["rule"], "Violation"),
                "title": v["title"],
                **_blame(v.get("observations", [])),
            }
            for v in ledger.get("violations", [])
        ],
        "promises": [(p["status"], p["check"]["touchpoint"], p["fact"]) for p in ledger.get("promises", [])],
        "effort": ledger.get("effort", {}),
    }


def _blame(observations: list[dict[str, Any]]) -> dict[str, Any]:
    """Where a violation went wrong: the touchpoints that showed something else than most did.

    With a clear majority (four touchpoints said tomorrow, the app said in two weeks) the odd ones
    are blamed, each paired with the last touchpoint before it that showed the majority's value;
    without one (two against two, or one observation) every touchpoint is.
    """
    touchpoints = list(dict.fromkeys(o["where"]["touchpoint"] for o in observations))
    said = [(o["where"]["touchpoint"], json.dumps(o.get("value") or o.get("raw"), default=str)) for o in observations]
    ranked = Counter(value for _, value in said).most_common()
    if len(ranked) < 2 or ranked[0][1] == ranked[1][1]:
        pairs = [(a, b) for i, a in enumerate(touchpoints) for b in touchpoints[i + 1 :]]
        return {"touchpoints": touchpoints, "blamed": touchpoints, "pairs": pairs}
    majority = ranked[0][0]
    blamed, pairs, last = [], [], None
    for touchpoint, value in said:
        if value == majority:
            last = touchpoint
        elif touchpoint not in blamed:
            blamed.append(touchpoint)
            pairs.append((last or next(t for t, v in said if v == majority), touchpoint))
    return {"touchpoints": touchpoints, "blamed": blamed, "pairs": pairs}
