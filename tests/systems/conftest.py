"""Journeys across systems written for the tests: the reference shop and a helpdesk beside it (its map,
tasks and server are the repository's own, in fixtures/systems/).

Their feature files need both systems loaded (``--system refshop --system
helpdesk``): the e2e tests run them so. A plain ``pytest`` over ``tests/`` does
not collect them; naming a feature file or its folder does.
"""

from __future__ import annotations

from pathlib import Path

import pytest


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    if collection_path.suffix != ".feature":
        return None
    named = {Path(str(arg).split("::")[0].split(".feature:")[0]).resolve() for arg in config.invocation_params.args}
    path = collection_path.resolve()
    return None if {path, path.with_suffix(""), path.parent} & named else True
