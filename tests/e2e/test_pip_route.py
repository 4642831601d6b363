"""The route of a user who only has `pip install journeys`, in a fresh venv outside the repository.

The wheel is built from a copy of the working tree (building in place would leave
`build/` in the checkout), installed with its dependencies from the package index
into one fresh venv for the whole module (about a minute), and then a new project
is made with `journeys init` and run the ways a user would: `journeys steps`,
`journeys lint`, `journeys run` and plain `pytest`, and again with pytest-playwright
installed, whose --browser, --headed and --base-url journeys shares. The pip route
takes minutes (a wheel, a fresh venv, the package index): it runs nightly
(`pytest -m nightly`, CI's second step).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.nightly, pytest.mark.xdist_group("pip_route")]

ROOT = Path(__file__).resolve().parents[2]
INSTALL_TIMEOUT = 900  # seconds: dependencies come from the package index
RUN_TIMEOUT = 300
PROJECT_FILES = {
    ".gitignore",
    ".helix/languages.toml",
    ".nvim.lua",
    ".vscode/settings.json",
    "README.md",
    "features/example/web_order.feature",
    "features/voorbeeld/webbestelling.feature",
    "fixtures/systems/mysystem.yaml",
    "fixtures/systems/mysystem_tasks.py",
    "pyproject.toml",
    "pytest.ini",
    "steps/my_steps.py",
}


@dataclass
class Route:
    """The fresh venv and the project made in it."""

    venv: Path
    project: Path

    def run(self, command: str, *args: str, timeout: float = RUN_TIMEOUT) -> subprocess.CompletedProcess[str]:
        """``command`` from the venv's bin, in the project folder, with a user's environment."""
        # The harness's own settings and this test run's would leak into the user's run.
        keep = ("JOURNEYS_CHROMIUM", "JOURNEYS_BROWSER_WS")
        env = {
            k: v
            for k, v in os.environ.items()
            if k in keep
            or not k.startswith(("JOURNEYS_", "REFSHOP_", "PYTEST_", "COV_CORE_", "VIRTUAL_ENV", "PYTHONPATH"))
        }
        env["PATH"] = f"{self.venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
        return subprocess.run(
            [str(self.venv / "bin" / command), *args],
            cwd=self.project,
            capture_output=True,
            text=True,
            timeout=timeout,
            env=env,
        )


def _working_tree_copy(into: Path) -> Path:
    """The files of the working tree that git would see (tracked or new, not ignored), copied."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():  # a tracked file deleted in the working tree is not there
            (into / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, into / name)
    return into


@pytest.fixture(scope="module")
def route(tmp_path_factory: pytest.TempPathFactory) -> Route:
    """A fresh venv with the working tree's wheel installed, and an empty project folder."""
    base = tmp_path_factory.mktemp("pip-route")
    assert not base.resolve().is_relative_to(ROOT), "the route must run outside the repository"
    source = _working_tree_copy(base / "src")
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(base / "dist"), str(source)],
        capture_output=True,
        text=True,
        timeout=INSTALL_TIMEOUT,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = (base / "dist").glob("journeys-*.whl")
    venv.EnvBuilder(with_pip=True, clear=True).create(base / "venv")
    installed = subprocess.run(
        [str(base / "venv" / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel)],
        capture_output=True,
        text=True,
        timeout=INSTALL_TIMEOUT,
        # A checkout on PYTHONPATH would make pip think journeys is installed already.
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    (base / "project").mkdir()
    return Route(base / "venv", base / "project")


def test_init_steps_lint_run_and_pytest_in_a_new_project(route: Route):
    init = route.run("journeys", "init")
    assert init.returncode == 0, init.stdout + init.stderr
    wrote = {line.split()[1] for line in init.stdout.splitlines() if line.startswith("wrote ")}
    assert wrote == PROJECT_FILES, f"the wheel lacks templates (package data?):\n{init.stdout}"

    doctor = route.run("journeys", "doctor")
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr

    steps = route.run("journeys", "steps", "--lang", "en")
    assert steps.returncode == 0, steps.stderr
    assert 'When she orders {quantity} "{sku}" on the web shop' in steps.stdout  # bundled
    assert "Then the order total is at most {amount}" in steps.stdout  # the project's own

    lint = route.run("journeys", "lint", "features")
    assert lint.returncode == 0 and "2 feature files, no problems" in lint.stdout, lint.stdout + lint.stderr
    # The skeleton map loads: lint only finds the facts the example journeys check and it does not map.
    own_map = route.run("journeys", "lint", "--system", "mysystem", "features")
    assert not [line for line in own_map.stdout.splitlines() if line.startswith("fixtures/")], own_map.stdout

    run = route.run("journeys", "run")
    assert run.returncode == 0 and "2 passed" in run.stdout, run.stdout + run.stderr
    assert list((route.project / "reports" / "latest").glob("junit.xml")), "journeys run wrote no junit.xml"

    plain = route.run("pytest")
    assert plain.returncode == 0 and "2 passed" in plain.stdout, plain.stdout + plain.stderr

    gate = route.run("journeys", "run", "--gate")
    assert gate.returncode == 0 and "1 passed" in gate.stdout, gate.stdout + gate.stderr

    again = route.run("journeys", "init")
    assert again.returncode == 0 and "wrote" not in again.stdout, again.stdout + again.stderr

    # Locust is an extra (journeys[simulate]): a plain install says in one line what to add.
    crowd = route.run("journeys", "simulate", "--help")
    assert crowd.returncode == 3 and not crowd.stdout, crowd.stdout + crowd.stderr
    assert crowd.stderr.strip() == "journeys simulate: Locust is not installed: pip install 'journeys[simulate]'"


def test_run_and_pytest_with_pytest_playwright_installed(route: Route):
    if not (route.project / "features").is_dir():  # run on its own (-k, another xdist worker)
        assert route.run("journeys", "init").returncode == 0
    added = route.run("python", "-m", "pip", "install", "-q", "pytest-playwright", timeout=INSTALL_TIMEOUT)
    assert added.returncode == 0, added.stdout + added.stderr

    run = route.run("journeys", "run", "--browser", "chromium")
    assert run.returncode == 0 and "2 passed" in run.stdout, run.stdout + run.stderr
    assert "playwright" in run.stdout  # pytest-playwright was loaded beside journeys
    assert _screenshots(route) == 6  # journeys' default (on) holds beside pytest-playwright's (off)

    plain = route.run("pytest", "--browser", "chromium")
    assert plain.returncode == 0 and "2 passed" in plain.stdout, plain.stdout + plain.stderr
    assert _screenshots(route) == 6

    # pytest-playwright's options, with its meaning: a device emulated, its output folder, several browsers.
    output = route.project / "test-results"
    device = route.run("journeys", "run", "-k", "tablet", "--device", "iPhone 13", "--output", str(output))
    assert device.returncode == 0 and "2 passed" in device.stdout, device.stdout + device.stderr
    copied = sorted(output.glob("*/*.png"))
    assert len(copied) == 6 and {int.from_bytes(p.read_bytes()[16:20], "big") for p in copied} == {390}
    both = route.run("journeys", "run", "--browser", "chromium", "--browser", "webkit", "--co", "-q")
    assert both.stdout.count("[chromium]") == 2 and both.stdout.count("[webkit]") == 2, both.stdout
    off = route.run("journeys", "run", "--screenshot", "off")
    assert off.returncode == 0 and _screenshots(route) == 0, off.stdout + off.stderr
    bogus = route.run("journeys", "run", "--bogus")
    assert bogus.returncode == 4 and "no such option: --bogus" in bogus.stdout + bogus.stderr


def _screenshots(route: Route) -> int:
    """The screenshots of the project's last run."""
    return len(list((route.project / "reports" / "latest" / "evidence").glob("*/*.png")))
