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

from collections.abc import Mapping
from typing import Any

import pytest

from journeys.plugin import progress, reports, runtime, selection, sharding, verdict
from journeys.plugin.bdd import (  # noqa: F401 - hooks and fixtures pytest finds by name
    journey,
    journeys_system,
    pytest_bdd_after_scenario,
    pytest_bdd_before_scenario,
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
    selection.merge_last_failed(config)
    progress.register(config)
    config.pluginmanager.register(sharding, "journeys-sharding")
    from journeys.vocabulary.tags import registered_tags

    for tag in sorted(registered_tags(config.rootpath)):
        config.addinivalue_line("markers", f"{tag}: journeys tag (see journeys lint)")


def pytest_report_header(config: pytest.Config) -> str:
    run = runtime.current(config)
    settings = run.settings
    faults = ", ".join(settings.faults) or "none"
    return (
        f"journeys: {systems_at(settings.systems, settings.base_url, settings.variables)}; faults: {faults}; "
        f"seed {run.seed} (replay with --seed {run.seed}); run {run.run_id} -> {run.folder}; "
        f"promises not yet due -> {run.promise_store}"
    )


def systems_at(systems: Any, base_url: str | None, variables: Mapping[str, str] | None = None) -> str:
    """'system shop at http://…' or 'systems shop at http://…, helpdesk at http://…': each system with the
    address its journeys go to (an embedded one is started for the run; ``variables``: the run's)."""

    from journeys.errors import JourneysError
    from journeys.systems.map_files import find_map

    names = [systems] if isinstance(systems, str) else list(systems)
    told = []
    for index, name in enumerate(names):
        try:
            found = find_map(name, variables=variables or {})
        except JourneysError:  # the session reports the map's error itself, with file and line
            told.append(f"{name} (its map does not load)")
            continue
        url = (base_url or found.base_url) if index == 0 else found.base_url  # the settings read the environment
        if url:
            told.append(f"{found.system} at {url}")
        elif found.embedded:
            told.append(f"{found.system} at an embedded {found.embedded} started for this run")
        else:
            told.append(f"{found.system} (no address: pass --base-url or set base_url in {found.path})")
    return ("system " if len(told) == 1 else "systems ") + ", ".join(told)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config, items: list[pytest.Item]) -> None:
    verdict.of(config).collected = list(items)
    selection.select(config, items)
    sharding.select(config, items)
    verdict.start_or_replace(session, items)
    sharding.record(config)


def pytest_unconfigure(config: pytest.Config) -> None:
    runtime.end(config)
