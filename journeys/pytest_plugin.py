"""The pytest plugin: a thin switchboard wiring journeys into pytest and pytest-bdd.

Registered through the ``pytest11`` entry point. Heavy imports (Playwright,
Faker, the drivers) happen inside fixtures and hooks, so ``pytest --help``
stays fast.
"""

from __future__ import annotations

import os
import random
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from journeys.journey import Journey
    from journeys.session import SystemSession


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("journeys", "customer journeys")
    group.addoption(
        "--system",
        default=os.environ.get("JOURNEYS_SYSTEM", "refshop"),
        help="touchpoint map: a name under fixtures/systems or a path (default: refshop)",
    )
    group.addoption(
        "--base-url",
        default=None,
        help="URL of the system under test; without it the embedded reference shop is started",
    )
    group.addoption(
        "--fault", action="append", default=[], help="switch on a named fault in the embedded shop (repeatable)"
    )
    group.addoption(
        "--seed", type=int, default=None, help="seed for the synthetic customers (default: random, shown in the header)"
    )
    group.addoption("--reports-dir", default="reports", help="where evidence and ledgers go (default: reports)")
    group.addoption("--headed", action="store_true", help="show the browser")


def pytest_configure(config: pytest.Config) -> None:
    seed = config.getoption("seed")
    if seed is None:
        # xdist workers must share the controller's seed: it travels in the environment.
        seed = int(os.environ.get("JOURNEYS_SEED") or random.randrange(1, 10**6))
        os.environ["JOURNEYS_SEED"] = str(seed)
    config.stash[_SEED] = seed
    from journeys.gherkin.lint import registered_tags

    for tag in sorted(registered_tags(config.rootpath)):
        config.addinivalue_line("markers", f"{tag}: journeys tag (see journeys lint)")


_SEED = pytest.StashKey[int]()


def pytest_report_header(config: pytest.Config) -> str:
    base = config.getoption("base_url") or "embedded reference shop"
    faults = ", ".join(config.getoption("fault")) or "none"
    return (
        f"journeys: system {config.getoption('system')} at {base}; faults: {faults}; "
        f"seed {config.stash[_SEED]} (replay with --seed {config.stash[_SEED]})"
    )


@pytest.fixture(scope="session")
def journeys_system(pytestconfig: pytest.Config) -> Iterator[SystemSession]:
    """The system under test, started once per process (per xdist worker)."""
    from journeys.errors import ConfigError, SystemUnreachable
    from journeys.session import SystemSession

    try:
        session = SystemSession(
            pytestconfig.getoption("system"),
            base_url=pytestconfig.getoption("base_url"),
            faults=tuple(pytestconfig.getoption("fault")),
            reports_dir=Path(pytestconfig.getoption("reports_dir")),
            seed=pytestconfig.stash[_SEED],
            headless=not pytestconfig.getoption("headed"),
        )
    except (SystemUnreachable, ConfigError) as exc:
        if "PYTEST_XDIST_WORKER" in os.environ:
            raise  # a worker cannot stop the run; pytest reuses this error for every journey
        pytest.exit(f"journeys: {exc}", returncode=3)
    yield session
    session.close()


@pytest.fixture
def journey(request: pytest.FixtureRequest, journeys_system: SystemSession) -> Iterator[Journey]:
    """A fresh synthetic customer and its ledger, for one scenario."""
    from journeys.customer import Customer
    from journeys.journey import Journey
    from journeys.reporting import allure_report

    config = request.config
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    index = _next_index(config)
    customer = Customer.create(config.stash[_SEED], index=index, worker=worker, run_id=str(config.stash[_SEED]))
    trip = Journey(journeys_system, customer, name=request.node.name)
    allure_report.follow(trip)
    yield trip
    failed = getattr(request.node, "_journeys_failed", False)
    ledger_path = trip.close(failed=failed)
    allure_report.attach_ledger(trip, ledger_path)


def _next_index(config: pytest.Config) -> int:
    index = config.stash.get(_INDEX, 0)
    config.stash[_INDEX] = index + 1
    return index


_INDEX = pytest.StashKey[int]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    if report.when == "call" and report.failed:
        item._journeys_failed = True  # type: ignore[attr-defined]
    from journeys.errors import JourneysError

    if call.excinfo is not None and isinstance(call.excinfo.value, JourneysError):
        # Our errors already say what, where and what to do: a traceback through
        # pytest-bdd and Playwright would only bury that.
        step = getattr(item, "_journeys_step", None)
        where = f"{step.location} ({step.text}):\n" if step and step.location else ""
        report.longrepr = f"{where}{call.excinfo.typename}: {call.excinfo.value}"
    return report


# -- pytest-bdd: every Gherkin step is a step of the journey and of the report --


def pytest_bdd_before_scenario(request: pytest.FixtureRequest, feature: Any, scenario: Any) -> None:
    from journeys.reporting import allure_report

    allure_report.scenario(feature, scenario)


def pytest_bdd_before_step(
    request: pytest.FixtureRequest, feature: Any, scenario: Any, step: Any, step_func: Any
) -> None:
    from journeys.journey import Step
    from journeys.reporting import allure_report

    allure_report.start_step(step)
    current = Step(f"{step.keyword} {step.name}", f"{_relative(feature.filename)}:{step.line_number}")
    request.node._journeys_step = current
    try:
        _refuse_other_language(feature, step, current.location or "")
    except Exception:
        allure_report.stop_step(step)
        request.node._journeys_step_failed = True
        raise
    trip = _journey_of(request)
    if trip is not None:
        trip.step = current


def pytest_bdd_after_step(request: pytest.FixtureRequest, step: Any, **_: Any) -> None:
    from journeys.reporting import allure_report

    allure_report.stop_step(step)


def pytest_bdd_step_error(request: pytest.FixtureRequest, step: Any, exception: Exception, **_: Any) -> None:
    from journeys.reporting import allure_report

    allure_report.stop_step(step, exception)
    request.node._journeys_step_failed = True


def pytest_bdd_step_func_lookup_error(
    request: pytest.FixtureRequest, feature: Any, scenario: Any, step: Any, exception: Exception
) -> None:
    from journeys.errors import StepError
    from journeys.gherkin.vocabulary import suggest

    where = f"{_relative(feature.filename)}:{step.line_number}"
    _refuse_other_language(feature, step, where)
    hint = suggest(step.name, language=feature.language)
    raise StepError(
        f"{where}: unknown step '{step.keyword} {step.name}'.{hint} Run `journeys steps` for the catalogue."
    )


def pytest_bdd_after_scenario(request: pytest.FixtureRequest, feature: Any, scenario: Any) -> None:
    """Fail the scenario at its end with every violation its rules found."""
    from journeys.reporting import allure_report

    trip = _journey_of(request)
    if trip is None:
        return
    allure_report.conclude(trip)
    if getattr(request.node, "_journeys_step_failed", False):
        return
    request.node._journeys_step = None  # the violations name their own steps
    trip.conclude()


_LANGUAGES = {"en": "English", "nl": "Dutch"}


def _refuse_other_language(feature: Any, step: Any, where: str) -> None:
    """A Dutch step in an English file (or the reverse) is a writer's mistake, even where it runs."""
    from journeys.errors import StepError
    from journeys.gherkin.vocabulary import CATALOGUE

    other = {"en": "nl", "nl": "en"}.get(feature.language)
    if not other or CATALOGUE.find(step.name, feature.language) or not CATALOGUE.find(step.name, other):
        return
    header = "'# language: nl' as its first line" if other == "nl" else "no '# language:' line (English)"
    raise StepError(
        f"{where}: '{step.keyword} {step.name}' is a step in {_LANGUAGES[other]}, in a file in"
        f" {_LANGUAGES[feature.language]}: give the file {header}, or write the step in"
        f" {_LANGUAGES[feature.language]}."
    )


def _journey_of(request: pytest.FixtureRequest) -> Journey | None:
    if "journey" not in request.fixturenames:
        return None
    return request.getfixturevalue("journey")  # type: ignore[no-any-return]


def _relative(filename: str) -> str:
    try:
        return str(Path(filename).resolve().relative_to(Path.cwd()))
    except ValueError:
        return filename
