"""For projects that bind their features with pytest-bdd themselves (``scenarios(...)``).

journeys collects ``.feature`` files on its own; a project that prefers its
own pytest-bdd test modules sets ``journeys_features = false`` and uses the
same steps through these fixtures and hooks: ``journey`` is a fresh customer
per scenario, each Gherkin step is attributed on the ledger, and the scenario
fails at its end with every violation.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

from journeys.plugin import runtime

if TYPE_CHECKING:
    from journeys.journey.journey import Journey
    from journeys.journey.session import SystemSession


@pytest.fixture(scope="session")
def journeys_system(pytestconfig: pytest.Config) -> SystemSession:
    """The system under test, started once per process (per xdist worker)."""
    return runtime.current(pytestconfig).start_system()


@pytest.fixture
def journey(request: pytest.FixtureRequest, journeys_system: SystemSession) -> Iterator[Journey]:
    """A fresh synthetic customer and its ledger, for one scenario."""
    language = getattr(request.node, "_journeys_language", "en")  # pytest_bdd_before_scenario: its feature's
    trip = runtime.current(request.config).new_journey(request.node.name, language=language)
    yield trip
    trip.close(failed=getattr(request.node, "_journeys_failed", False))


def pytest_bdd_before_scenario(request: pytest.FixtureRequest, feature: Any, **_: Any) -> None:
    """The journey speaks its feature's language (``# language: nl``): its violations and step errors.

    The journey is made at its first step, after this hook; one made already (a test asking for it) is told.
    """
    from journeys.messages import language_of

    request.node._journeys_language = language_of(feature.language)
    if "journey" in request.fixturenames:
        request.getfixturevalue("journey").speak(request.node._journeys_language)


def pytest_bdd_before_step(request: pytest.FixtureRequest, feature: Any, step: Any, **_: Any) -> None:
    from journeys.journey.journey_touchpoints import Step
    from journeys.vocabulary.feature import relative

    trip = _journey_of(request)
    if trip is not None:
        trip.step = Step(f"{step.keyword} {step.name}", f"{relative(feature.filename)}:{step.line_number}")


def pytest_bdd_step_error(request: pytest.FixtureRequest, **_: Any) -> None:
    request.node._journeys_failed = True


def pytest_bdd_step_func_lookup_error(request: pytest.FixtureRequest, feature: Any, step: Any, **_: Any) -> None:
    from journeys.journey.runner import not_found
    from journeys.vocabulary.feature import relative

    where = f"{relative(feature.filename)}:{step.line_number}"
    raise not_found(step.keyword, step.name, feature.language, where)


def pytest_bdd_after_scenario(request: pytest.FixtureRequest, **_: Any) -> None:
    """Fail the scenario at its end with every violation its rules found."""
    trip = _journey_of(request)
    if trip is not None and not getattr(request.node, "_journeys_failed", False):
        trip.step = None
        trip.conclude()


def _journey_of(request: pytest.FixtureRequest) -> Journey | None:
    if "journey" not in request.fixturenames:
        return None
    return request.getfixturevalue("journey")  # type: ignore[no-any-return]
