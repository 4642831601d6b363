"""Locust and pytest-xdist are extras (``journeys[simulate]``, ``journeys[parallel]``): every other command
works without them, and the command that needs one says in one line what to install."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Run as `python -c`: Locust and gevent cannot be imported (an ImportError names who tried), then `journeys ARGS`.
WITHOUT_LOCUST = """
import sys
class Absent:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("locust", "gevent"):
            raise ImportError(f"{name} was imported")
        return None
sys.meta_path.insert(0, Absent())
from journeys.cli import main
main(sys.argv[1:], prog_name="journeys")
"""

# Locust is not installed: ``find_spec("locust")`` is None, as in a venv without the extra.
LOCUST_NOT_INSTALLED = """
import sys
sys.modules["locust"] = None
from journeys.cli import main
main(sys.argv[1:], prog_name="journeys")
"""


def journeys(code: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-c", code, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )


def test_the_mandatory_dependencies_hold_neither_locust_nor_xdist_and_dev_installs_both():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = [each.split(">")[0].split("<")[0].split("[")[0].strip() for each in project["dependencies"]]
    assert "locust" not in names and "pytest-xdist" not in names and "flask" in names
    extras = project["optional-dependencies"]
    assert any(each.startswith("locust") for each in extras["simulate"])
    assert any(each.startswith("pytest-xdist") for each in extras["parallel"])
    assert "journeys[simulate,parallel]" in extras["dev"]  # the repository's own suite runs populations with -n


def test_help_steps_lint_and_a_run_never_import_locust(tmp_path):
    assert journeys(WITHOUT_LOCUST, "init", cwd=tmp_path).returncode == 0
    for args in (["--help"], ["steps"], ["lint"], ["run", "--dry-run"]):
        done = journeys(WITHOUT_LOCUST, *args, cwd=tmp_path)
        assert done.returncode == 0, f"journeys {' '.join(args)}: {done.stdout}{done.stderr}"
    # A whole journey, the embedded shop started, walked, reported.
    done = journeys(WITHOUT_LOCUST, "run", "--browserless", "features/example", "-p", "no:randomly", cwd=tmp_path)
    assert done.returncode == 0 and "1 passed" in done.stdout, done.stdout[-3000:] + done.stderr
    done = journeys(WITHOUT_LOCUST, "report", cwd=tmp_path)  # its reports made again
    assert done.returncode == 0 and "journey map" in done.stdout, done.stdout + done.stderr


@pytest.mark.parametrize("args", [["--help"], ["features", "--customers", "1"]])
def test_simulate_without_locust_says_what_to_install_in_one_line_and_exits_3(tmp_path, args):
    done = journeys(LOCUST_NOT_INSTALLED, "simulate", *args, cwd=tmp_path)
    assert done.returncode == 3, done.stdout + done.stderr
    assert done.stderr.strip() == "journeys simulate: Locust is not installed: pip install 'journeys[simulate]'"
    assert done.stdout == ""


def test_run_with_n_and_no_xdist_says_what_to_install(monkeypatch):
    import journeys.cli as cli

    unknown = "unrecognized arguments: -n 2"
    monkeypatch.setattr(cli, "find_spec", lambda name: None)
    assert cli._RunCommand._unknown(unknown) == (
        "journeys run: -n 2 needs pytest-xdist, an extra: pip install 'journeys[parallel]'"
    )
    monkeypatch.setattr(cli, "find_spec", lambda name: object())  # installed: -n was not the cause
    assert "no such option: -n 2" in str(cli._RunCommand._unknown(unknown))
