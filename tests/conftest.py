"""Suite-wide settings of the test run itself: compiled modules kept for the processes the tests start,
and the slow end-to-end modules handed out first, a module at a time."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import pytest

# Tests that start whole systems in processes of their own (a journeys run, a population, a fresh venv):
# handed out to the workers first, so that no worker starts one when the others are nearly done.
SLOW = ("e2e", "population")
OURS = pytest.StashKey[bool]()  # the hand-out below was chosen here, not by the caller's --dist


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist turns -n into its default, --dist load
def pytest_cmdline_main(config: pytest.Config) -> None:
    """With -n and no --dist of the caller's: a module at a time (each case of a parametrized test on its
    own), in the order below; see `ModulesInOrder`. Not in pyproject's addopts: `journeys run` reads it."""
    if getattr(config.option, "numprocesses", None) and config.option.dist == "no":
        config.option.dist = "loadscope"
        config.option.loadscopereorder = False  # the order below, not the biggest module first
        config.stash[OURS] = True


@pytest.hookimpl(optionalhook=True)  # pytest-xdist's hook
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    if not config.stash.get(OURS, False):
        return None
    from xdist.scheduler import LoadScopeScheduling

    class ModulesInOrder(LoadScopeScheduling):
        """A module's fixture is made once (the pip route's fresh venv, a shop in a process of its own) and
        the slow modules start first (--dist load sends each worker a quarter of the suite at once; the
        xdist_group marker does not group under pytest 9, whose nodeids xdist 3.8 cannot rename). The
        cases of a parametrized test (a `journeys run` per fault) are spread over the workers."""

        def _split_scope(self, nodeid: str) -> str:
            return nodeid if nodeid.endswith("]") else nodeid.split("::", 1)[0]

    return ModulesInOrder(config, log)


def pytest_configure(config: pytest.Config) -> None:
    keep_compiled_modules()


def keep_compiled_modules() -> None:
    """Where the environment forbids bytecode (PYTHONDONTWRITEBYTECODE), every `journeys run` or
    `journeys simulate` a test starts compiles its imports, and pytest rewrites the plugin's 300 modules,
    from source again (seconds of CPU each). The processes the tests start keep them in a cache of
    their own in the temp folder instead, so the source trees stay free of __pycache__ as wanted."""
    if not os.environ.get("PYTHONDONTWRITEBYTECODE"):
        return
    del os.environ["PYTHONDONTWRITEBYTECODE"]
    uid = os.getuid() if hasattr(os, "getuid") else 0
    os.environ.setdefault("PYTHONPYCACHEPREFIX", str(Path(tempfile.gettempdir()) / f"journeys-tests-pycache-{uid}"))


@pytest.hookimpl(trylast=True)  # after pytest-randomly's shuffle: the order within each kind stays random
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=lambda item: item.path.parent.name not in SLOW)
