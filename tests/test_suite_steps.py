"""The project's own tests run in two steps: a plain `pytest` leaves the nightly checks out, `pytest -m nightly`
runs them, and CI (the README's second command) runs both."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = "tests/e2e/test_fault_catalogue.py"
A_NIGHTLY_FAULT = f"{CATALOGUE}::test_the_fault_is_caught_and_the_message_names_its_touchpoints[no-csrf]"
AN_EVERY_RUN_FAULT = f"{CATALOGUE}::test_the_fault_is_caught_and_the_message_names_its_touchpoints[mail-ignores-code]"


def collected(*args: str) -> list[str]:
    """The node ids `pytest --collect-only` lists for ``args``, from the project's root."""
    # This run's own settings (an xdist worker's, PYTEST_ADDOPTS) would change what is collected.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "JOURNEYS_"))}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:randomly", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return [line for line in done.stdout.splitlines() if "::" in line]


def test_a_plain_pytest_leaves_the_nightly_checks_out_and_minus_m_nightly_runs_only_them():
    every_run, nightly = collected(CATALOGUE), collected(CATALOGUE, "-m", "nightly")
    assert AN_EVERY_RUN_FAULT in every_run and A_NIGHTLY_FAULT not in every_run
    assert A_NIGHTLY_FAULT in nightly and AN_EVERY_RUN_FAULT not in nightly
    assert not set(every_run) & set(nightly)
    assert len(collected(CATALOGUE, "-m", "nightly or not nightly")) == len(every_run) + len(nightly)


def test_a_nightly_check_named_by_its_node_id_runs():
    assert collected(A_NIGHTLY_FAULT) == [A_NIGHTLY_FAULT]


def test_ci_runs_the_readmes_second_command_both_steps_and_coverage_on_the_first():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```bash\n(.+?)\n```", readme)
    assert len(commands) == 2, commands
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert ci[-1] == commands[1]
    steps = commands[1].split(" && ")
    assert steps[1:] == [".venv/bin/pytest -n auto --cov", ".venv/bin/pytest -n auto -m nightly"]
