"""What a run adds to allure-pytest's results beside each journey's own: categories, the environment, the
history of the report before, the trend's tags, and a result for each journey whose worker died.

Called by :mod:`journeys.plugin.reports` in the controller at the end of a run, only when the run writes
Allure results (``--alluredir``: ``results`` is None otherwise).
"""

from __future__ import annotations

import platform
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journeys.plugin.runtime import Run
    from journeys.reporting.build import Built

__all__ = ["crashed", "environment", "extras", "trend"]


def crashed(results: Path | None, died: list[tuple[str, str]]) -> None:
    """A broken Allure result for each journey whose worker died (its own listener died with it)."""
    if results is None or not died:
        return
    from journeys.reporting.gate_case import write_result

    for nodeid, message in died:
        name = nodeid.rsplit("::", 1)[-1]
        write_result(results, name, nodeid, message, suite=nodeid.split("::")[0], status="broken")


def trend(results: Path | None, built: Built) -> str | None:
    """What the trend says of each journey (failing again, flaky...) as a tag on its Allure result; what
    went wrong, if something did."""
    if results is None or not built.trend:
        return None
    from journeys.reporting.allure_config import mark_trend
    from journeys.reporting.report_words import words

    said = words(built.results.language)
    named = {kind: said[f"{kind}_short"] for kind in built.trend.values()}
    try:
        mark_trend(results, built.trend, named)
    except OSError as exc:
        return f"journeys: {results}: the trend could not be added to Allure's results: {exc}"
    return None


def extras(results: Path | None, run: Run) -> None:
    """categories.json, environment.properties and the previous report's history, into the results."""
    if results is None:
        return
    from journeys.reporting.allure_cli import carry_history
    from journeys.reporting.allure_config import write_categories, write_environment

    results.mkdir(parents=True, exist_ok=True)
    write_categories(results)
    write_environment(results, environment(run))
    carry_history(run.folder)


def environment(run: Run) -> dict[str, str]:
    """What Allure's Environment shows: each system at its address, the seed to replay, the versions."""
    settings = run.settings
    if run.session is not None:  # each system with the address its journeys went to
        base_url = ", ".join(f"{name} at {part.base_url}" for name, part in run.session.parts.items())
    else:
        from journeys.plugin import systems_at

        base_url = systems_at(settings.systems, settings.base_url, settings.variables)
    found = {
        "system": "+".join(settings.systems),
        "base URL": str(base_url),
        "seed": f"{run.seed} (replay with --seed {run.seed})",
        "faults": ", ".join(settings.faults) or "none",
        "run": run.run_id,
        "python": platform.python_version(),
        "platform": f"{platform.system()} {platform.machine()}",
    }
    for package in ("journeys", "pytest", "playwright", "allure-pytest"):
        try:
            found[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            continue
    return found
