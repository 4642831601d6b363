"""Progress lines on a terminal (a real pseudo-terminal here), none in CI, in a pipe or with -q."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from journeys.plugin import progress

pytest_plugins = ["pytester"]

# Tests that take the `journey` fixture are journeys (the pytest-bdd binding); this one needs no system.
CONFTEST = """
import pytest

@pytest.fixture
def journey():
    return "a customer"
"""
ORDER = """
def test_web(journey): pass
def test_mail(journey): assert False, "total differs"
def test_app(journey): pass
def test_not_a_journey(): pass
"""
RETURNS = """
def test_portal(journey): pass
def test_agent(journey): pass
"""
LINE = re.compile(r"journeys: (\d+)/5 done, (\d+) failing, ~\d+ (s|min) left")
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture
def project(pytester: pytest.Pytester) -> Path:
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(test_order=ORDER, test_returns=RETURNS)
    return pytester.path


def _run(folder: Path, *args: str, ci: str | None = None, tty: bool = True) -> str:
    """pytest in a subprocess whose output is a pseudo-terminal (as at a person's desk) or a pipe."""
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "PYTEST_ADDOPTS")}
    if ci is not None:
        env["CI"] = ci
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:randomly", *args]
    if not tty:
        done = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, timeout=1800)
        return done.stdout
    leader, follower = pty.openpty()
    with subprocess.Popen(
        command, cwd=folder, env=env, stdin=subprocess.DEVNULL, stdout=follower, stderr=follower
    ) as p:
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal is closed when pytest has exited
                break
            if not chunk:
                break
            chunks.append(chunk)
        p.wait(timeout=1800)
    os.close(leader)
    return ANSI.sub("", b"".join(chunks).decode("utf-8", "replace")).replace("\r\n", "\n")


def test_on_a_terminal_each_finished_feature_prints_done_failing_and_time_left(project: Path):
    output = _run(project)

    lines = [m.groups()[:2] for m in LINE.finditer(output)]
    assert lines == [("3", "1")]  # after test_order.py; none after the last journey: pytest's summary follows
    assert "1 failed, 5 passed" in output


def test_in_ci_a_pipe_or_with_q_it_stays_quiet(project: Path):
    for output in (_run(project, ci="true"), _run(project, tty=False), _run(project, "-q")):
        assert "1 failed, 5 passed" in output
        assert not LINE.search(output)


def test_ci_false_is_not_ci(project: Path):
    assert LINE.search(_run(project, ci="false"))


def test_time_left_is_rounded_up_to_a_unit_a_person_reads():
    assert [progress.time_left(s) for s in (0.2, 39.1, 61, 3599, 3900)] == [
        "~1 s left",
        "~40 s left",
        "~2 min left",
        "~1 h left",
        "~1 h 5 min left",
    ]


def test_under_xdist_the_controller_counts_the_feature_files_scenarios():
    written: list[str] = []
    terminal = SimpleNamespace(isatty=lambda: True, write_line=lambda text, **_: written.append(text))
    config = SimpleNamespace(get_verbosity=lambda: 0, pluginmanager=SimpleNamespace(get_plugin=lambda name: terminal))
    counter = progress.Progress(config)  # type: ignore[arg-type]
    ids = ["features/a.feature::One", "features/a.feature::Two", "features/b.feature::Three", "tests/test_x.py::test"]

    counter.pytest_xdist_node_collection_finished(None, ids)
    counter.pytest_xdist_node_collection_finished(None, ids[:1])  # the second worker's list changes nothing
    for nodeid, outcome in [("features/a.feature::Two", "failed"), ("features/a.feature::One", "passed")]:
        for when in ("setup", "call", "teardown"):
            failed = outcome == "failed" and when == "call"
            counter.pytest_runtest_logreport(SimpleNamespace(nodeid=nodeid, when=when, failed=failed))  # type: ignore[arg-type]

    assert len(counter.journeys) == 3
    assert len(written) == 1 and written[0].startswith("journeys: 2/3 done, 1 failing, ~")
