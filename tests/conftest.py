"""Suite-wide settings of the test run itself: compiled modules kept for the processes the tests start,
the slow end-to-end modules handed out first, a module at a time, and the nightly checks left to a step of
their own (`pytest -m nightly`)."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest

# Tests that start whole systems in processes of their own (a journeys run, a population, a fresh venv):
# handed out to the workers first, so that no worker starts one when the others are nearly done.
SLOW = ("e2e", "population")
# Slow long-running checks (the pip route, a journey run per fault beyond one per channel, long crowds): a plain
# `pytest` leaves them out, `pytest -m nightly` runs them; CI runs both steps (README, .ci/run).
NIGHTLY = "nightly"
HERE = Path(__file__).resolve().parent
OURS = pytest.StashKey[bool]()  # the hand-out below was chosen here, not by the caller's --dist


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist turns -n into its default, --dist load
def pytest_cmdline_main(config: pytest.Config) -> None:
    """With -n and no --dist of the caller's: a module at a time (each case of a parametrized test on its
    own), in the order below; see `ModulesInOrder`. Not in pyproject's addopts: `journeys run` reads it."""
    if getattr(config.option, "numprocesses", None) and config.option.dist == "no":
        config.option.dist = "loadscope"
        config.option.loadscopereorder = False  # the order below, not the biggest module first
        config.stash[OURS] = True


@pytest.hookimpl(optionalhook=True)  # pytest-xdist's hook: what `-n auto` means for this suite
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """A worker per core, and one more while the machine is otherwise idle. A third of the suite's time is
    spent waiting (for a shop to start, a mail to come, a crowd's arrivals, a Locust worker): a spare worker
    fills those waits (on two cores the fast step went from 5:50 to 5:09). On a machine that is busy already,
    no more workers than cores, so the others are not starved further."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return cores + 1 if idle_cores(cores) > cores - 0.5 else cores


def idle_cores(cores: int) -> float:
    """How many cores were idle over a quarter of a second (/proc/stat; 0 where there is none). Not the load
    average: it trails a minute behind, and a machine that has just got busy still looks idle."""
    stat = Path("/proc/stat")

    def sample() -> tuple[int, int]:
        ticks = [int(n) for n in stat.read_text().split("\n", 1)[0].split()[1:]]
        return ticks[3] + ticks[4], sum(ticks)  # idle and iowait, of all

    if not stat.is_file():
        return 0.0
    idle, total = sample()
    time.sleep(0.25)
    idle_after, total_after = sample()
    return cores * (idle_after - idle) / max(total_after - total, 1)


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


# The suite's own pytest plugins (dev extras): a `journeys run` a test starts has no use for them, and they
# cost it up to two seconds of CPU (hypothesis's plugin above all: a trivial journey took 5.8 s with them,
# 3.9 s without). Left out of the processes the tests start.
DEV_PLUGINS = ("pytest-lsp", "asyncio", "anyio", "hypothesispytest", "locust")
DEV_PLUGINS_LEFT_OUT = " ".join(f"-p no:{name}" for name in DEV_PLUGINS)


def pytest_configure(config: pytest.Config) -> None:
    keep_compiled_modules()
    leave_dev_plugins_out_of_started_runs(config)


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


@pytest.fixture
def pytester(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> pytest.Pytester:
    """pytester's runs without the suite's dev plugins too (pytester clears PYTEST_ADDOPTS when it starts, and
    sets it again here): in a run without an ini of ours, pytest-asyncio warned of its unset loop scope."""
    monkeypatch.setenv("PYTEST_ADDOPTS", DEV_PLUGINS_LEFT_OUT)
    return pytester


def leave_dev_plugins_out_of_started_runs(config: pytest.Config) -> None:
    """PYTEST_ADDOPTS reaches the `journeys run` and `pytest` processes the tests start (pytester's runs
    clear it). Not set in an xdist controller: its workers read it when they start, and need the plugins."""
    controller = bool(getattr(config.option, "numprocesses", None)) and not hasattr(config, "workerinput")
    if not controller and "PYTEST_ADDOPTS" not in os.environ:
        os.environ["PYTEST_ADDOPTS"] = DEV_PLUGINS_LEFT_OUT


@pytest.hookimpl(trylast=True)  # after pytest-randomly's shuffle: the order within each kind stays random
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    leave_nightly_out(config, items)
    items.sort(key=lambda item: not (item.path.parent.name in SLOW or is_nightly_test(item)))


def is_nightly_test(item: pytest.Item) -> bool:
    """A test of ours marked nightly. Not a journey tagged @nightly: `journeys run x.feature:LINE` from the
    repository's root loads this file too (pytest finds no folder in the argument and reads tests/)."""
    return item.path.suffix == ".py" and item.path.is_relative_to(HERE) and item.get_closest_marker(NIGHTLY) is not None


def leave_nightly_out(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Without a -m of the caller's, the nightly checks are deselected (as `-m "not nightly"` would), but for
    those named by their node id: a nightly failure copied from CI's log runs when asked for."""
    if config.option.markexpr:
        return
    asked = [arg.split("::", 1) for arg in config.args if "::" in arg]
    named = {((config.invocation_params.dir / path).resolve(), name) for path, name in asked}

    def was_named(item: pytest.Item) -> bool:
        name = item.nodeid.split("::", 1)[-1]
        return any(
            path == item.path.resolve() and (name == wanted or name.startswith((f"{wanted}::", f"{wanted}[")))
            for path, wanted in named
        )

    nightly = [item for item in items if is_nightly_test(item) and not was_named(item)]
    if nightly:
        config.hook.pytest_deselected(items=nightly)
        left = set(nightly)
        items[:] = [item for item in items if item not in left]
