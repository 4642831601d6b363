"""The pytest plugin: a thin switchboard wiring journeys into pytest.

Registered through the ``pytest11`` entry point. Each part lives in its own
module: ``options`` (command-line options, beside pytest-playwright's),
``runtime`` (the run's id, folder and system), ``collect`` (feature files as
tests), ``selection`` (``file:LINE`` and tag expressions), ``verdict`` (one
verdict and exit code everywhere), ``reports`` (written at the run's end),
``progress`` (journeys done and time left, at a terminal), ``sharding``
(``--shard k/n``) and ``bdd`` (for
projects that bind their features with pytest-bdd themselves). Heavy imports
(Playwright, Faker, the drivers) happen inside hooks, so ``pytest --help``
stays fast.
"""

from __future__ import annotations

import pytest

from journeys.plugin import progress, reports, runtime, selection, sharding, verdict
from journeys.plugin.bdd import (  # noqa: F401 - hooks and fixtures pytest finds by name
    journey,
    journeys_system,
    pytest_bdd_after_scenario,
    pytest_bdd_before_step,
    pytest_bdd_step_error,
    pytest_bdd_step_func_lookup_error,
)
from journeys.plugin.collect import pytest_collect_file  # noqa: F401
from journeys.plugin.options import pytest_addoption  # noqa: F401
from journeys.plugin.runtime import pytest_configure_node  # noqa: F401


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    selection.take_line_arguments(config)
    runtime.begin(config)
    config.pluginmanager.register(verdict.Verdict(config), "journeys-verdict")
    reports.register(config)
    progress.register(config)
    config.pluginmanager.register(sharding, "journeys-sharding")
    from journeys.gherkin.lint import registered_tags

    for tag in sorted(registered_tags(config.rootpath)):
        config.addinivalue_line("markers", f"{tag}: journeys tag (see journeys lint)")


def pytest_report_header(config: pytest.Config) -> str:
    run = runtime.current(config)
    settings = run.settings
    base = settings.base_url or "the map's base_url, else the embedded shop"
    faults = ", ".join(settings.faults) or "none"
    return (
        f"journeys: system {'+'.join(settings.systems)} at {base}; faults: {faults}; "
        f"seed {run.seed} (replay with --seed {run.seed}); run {run.run_id} -> {run.folder}; "
        f"promises not yet due -> {run.promise_store}"
    )


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config, items: list[pytest.Item]) -> None:
    verdict.of(config).collected = list(items)
    selection.select(config, items)
    sharding.select(config, items)
    verdict.start_or_replace(session, items)
    sharding.record(config)


def pytest_unconfigure(config: pytest.Config) -> None:
    runtime.end(config)
