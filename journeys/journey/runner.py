"""Walk a scenario's steps on a journey: the one path from Gherkin to the ledger.

pytest's items, a plain script and a load-test user all run scenarios here,
so a scenario a CX writer wrote behaves the same wherever it runs. Nothing
here imports pytest.

Each step's sentence is looked up in the vocabulary (English or Dutch, as the
file says) and its function called with the journey and the step's typed
parameters. The first step that cannot be carried out stops the scenario (the
rest are skipped); the violations the rules found until then are reported
with it, after it.

Ctrl-C during a journey finishes the step being taken, then stops cleanly
(``StopBetweenSteps``). Left to itself, Ctrl-C lands in the middle of a
browser call and every journey after it fails with "target closed". Here the
first Ctrl-C is only noted: the running step completes (within its
timeouts), the journey is recorded as interrupted and ``KeyboardInterrupt``
is raised between steps. A second Ctrl-C interrupts at once.
"""

from __future__ import annotations

import inspect
import signal
import threading
import time
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from types import FrameType, TracebackType
from typing import TYPE_CHECKING, Any, Literal, Protocol

from journeys.errors import JourneyFailed, JourneysError, JourneysWarning, StepError, StepFailed
from journeys.messages import language_of, say
from journeys.vocabulary.decorators import CATALOGUE, suggest
from journeys.vocabulary.feature import Scenario, ScenarioStep, relative
from journeys.vocabulary.lint_steps import retired_note
from journeys.vocabulary.sentences import KEYWORDS, Catalogue
from journeys.vocabulary.skeleton import step_skeleton

if TYPE_CHECKING:
    from journeys.journey.journey import Journey

__all__ = ["RetiredPhrasing", "ScenarioResult", "StepListener", "StepResult", "run_scenario"]

Status = Literal["passed", "failed", "skipped"]


class StepListener(Protocol):
    """Told about every step (reports: Allure, a load engine's statistics)."""

    def step_started(self, step: ScenarioStep) -> None: ...

    def step_finished(self, step: ScenarioStep, result: StepResult) -> None: ...


@dataclass
class StepResult:
    """How one step went: ``failed`` also when its rule found a violation."""

    step: ScenarioStep
    status: Status
    seconds: float = 0.0
    error: BaseException | None = None
    violations: int = 0  # found by this step


@dataclass
class ScenarioResult:
    """How a scenario went; ``error`` is what a test runner raises (None: passed)."""

    scenario: Scenario
    steps: list[StepResult] = field(default_factory=list)
    error: BaseException | None = None

    @property
    def passed(self) -> bool:
        return self.error is None

    def raise_for_status(self) -> None:
        if self.error is not None:
            raise self.error


def run_scenario(
    scenario: Scenario,
    journey: Journey,
    *,
    listeners: Iterable[StepListener] = (),
    catalogue: Catalogue = CATALOGUE,
) -> ScenarioResult:
    """Run every step of ``scenario`` on ``journey``, then its end-of-journey checks.

    Ctrl-C lets the running step finish, then raises ``KeyboardInterrupt``
    (the caller records the journey as interrupted). Every other failure
    ends up in ``ScenarioResult.error``.
    """
    with StopBetweenSteps() as interrupts:
        return _run(scenario, journey, list(listeners), catalogue, interrupts)


def _run(
    scenario: Scenario,
    journey: Journey,
    listeners: list[StepListener],
    catalogue: Catalogue,
    interrupts: StopBetweenSteps,
) -> ScenarioResult:
    result = ScenarioResult(scenario)
    failure: BaseException | None = None
    for step in scenario.steps:
        interrupts.check()
        if failure is not None:
            skipped = StepResult(step, "skipped")
            result.steps.append(skipped)
            for listener in listeners:
                listener.step_started(step)
                listener.step_finished(step, skipped)
            continue
        outcome = _run_step(scenario, step, journey, catalogue, listeners)
        result.steps.append(outcome)
        if outcome.error is not None:
            failure = outcome.error
    journey.step = None  # end-of-journey violations name their own steps
    try:
        journey.conclude()
    except JourneyFailed as found:
        failure = JourneyFailed(found.violations, cause=failure) if failure is not None else found
    result.error = failure
    return result


def _run_step(
    scenario: Scenario, step: ScenarioStep, journey: Journey, catalogue: Catalogue, listeners: list[StepListener]
) -> StepResult:
    from journeys.journey.journey_touchpoints import Step

    location = f"{relative(scenario.path)}:{step.line}"
    journey.step = Step(f"{step.keyword} {step.text}", location)
    for listener in listeners:
        listener.step_started(step)
    before = len(journey.ledger.violations)
    started = time.perf_counter()
    error: BaseException | None = None
    func = None
    try:
        func, arguments = _find(scenario, step, location, catalogue)
        _call(func, journey, arguments, step)
    except JourneysError as exc:
        # Said once where it happened: errors that do not start with their feature line get it.
        error = exc if str(exc).startswith(location) else StepFailed(exc, location, journey.step.text)
    except Exception as exc:  # noqa: BLE001 - a custom step's bug: one message, the traceback kept
        from journeys.systems.user_code import user_error

        error = user_error(
            exc,
            what=f"step '{step.text}'",
            step_text=journey.step.text,
            location=location,
            evidence=journey.evidence,
            secrets=journey.system.secrets,
            func=func,
        )
    found = len(journey.ledger.violations) - before
    status: Status = "failed" if error is not None or found else "passed"
    outcome = StepResult(step, status, time.perf_counter() - started, error, found)
    for listener in listeners:
        listener.step_finished(step, outcome)
    return outcome


def _find(scenario: Scenario, step: ScenarioStep, location: str, catalogue: Catalogue) -> tuple[Any, dict[str, Any]]:
    """The step's function and parameters, or a StepError saying what to write instead."""
    match = catalogue.match(step.text, scenario.language, step.kind)
    if match is not None and match[0].func is not None:
        if match[0].retired and (match[0].pattern, location) not in _TOLD:
            _TOLD.add((match[0].pattern, location))
            note = retired_note(step.keyword.strip(), step.text, match[0], catalogue, scenario.language)
            # Told at the feature line, as a writer reads it (pytest shows that line under the warning).
            warnings.warn_explicit(note, RetiredPhrasing, str(scenario.path), step.line)
        return match[0].func, match[1]
    raise not_found(step.keyword, step.text, scenario.language, location, catalogue, kind=step.kind)


class RetiredPhrasing(JourneysWarning):
    """A step written in an older phrasing of the catalogue: it runs, and the writer hears the new one."""


_TOLD: set[tuple[str, str]] = set()  # (sentence, file:line) already warned about in this process


def not_found(
    keyword: str, text: str, language: str, location: str, catalogue: Catalogue = CATALOGUE, *, kind: str = ""
) -> StepError:
    """Why no step says ``text``: a step of the other language, or the closest known steps and a step to paste."""
    said = language_of(language)  # told in the file's language
    step = f"{keyword} {text}"
    other = {"en": "nl", "nl": "en"}.get(language)
    if other and catalogue.match(text, other) is not None:
        which = "step.dutch_in_english" if other == "nl" else "step.english_in_dutch"
        return StepError(say(which, said, location=location, step=step))
    close = suggest(text, language=language, said=said)
    kind = kind or next((k for k, words in KEYWORDS.items() if words.get(language) == keyword.strip()), "given")
    skeleton = "\n".join(f"    {line}" if line else "" for line in step_skeleton(kind, text, language).splitlines())
    return StepError(say("step.unknown", said, location=location, step=step, closest=close, skeleton=skeleton))


def _call(func: Any, journey: Journey, arguments: dict[str, Any], step: ScenarioStep) -> None:
    """Call a step function with what it asks for: the journey, its parameters, a table or docstring."""
    offered = {"journey": journey, "datatable": step.datatable, "docstring": step.docstring, **arguments}
    wanted = inspect.signature(func).parameters
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in wanted.values()):
        func(**offered)
        return
    func(**{name: offered[name] for name in wanted if name in offered})


class StopBetweenSteps:
    """A context in which Ctrl-C stops the journey at the next step boundary."""

    def __init__(self) -> None:
        self.requested = False
        self._previous: Any = None

    def __enter__(self) -> StopBetweenSteps:
        if threading.current_thread() is threading.main_thread():  # signals reach the main thread only
            self._previous = signal.signal(signal.SIGINT, self._note)
        return self

    def _note(self, signum: int, frame: FrameType | None) -> None:
        if self.requested:  # the second Ctrl-C: now
            self._restore()
            raise KeyboardInterrupt
        self.requested = True

    def check(self) -> None:
        """Raise ``KeyboardInterrupt`` if Ctrl-C was pressed since the journey began."""
        if self.requested:
            raise KeyboardInterrupt

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self._restore()
        if self.requested and kind is None:
            raise KeyboardInterrupt

    def _restore(self) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)
            self._previous = None
