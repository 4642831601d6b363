"""`journeys init`: the files it writes, and that it never overwrites one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from journeys.cli import main
from journeys.run import project_init
from journeys.run.project_init import init_project, templates
from journeys.systems import find_map, load_tasks

EXPECTED = {
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


def written(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def test_init_writes_the_whole_project_into_a_new_folder(tmp_path: Path):
    root = tmp_path / "shop-journeys"

    report = init_project(root)

    assert written(root) == EXPECTED
    assert {p.as_posix() for p in report.written} == EXPECTED and report.skipped == {}
    assert "testpaths = features" in (root / "pytest.ini").read_text(encoding="utf-8")
    assert "reports/" in (root / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert (root / "features/voorbeeld/webbestelling.feature").read_text(encoding="utf-8").startswith("# language: nl")
    english = (root / "features/example/web_order.feature").read_text(encoding="utf-8")
    assert "the order total is at most" in english  # the project's own step, used
    assert (root / "README.md").read_text(encoding="utf-8").startswith("## Journeys")


def test_every_template_is_written_byte_for_byte(tmp_path: Path):
    init_project(tmp_path)

    for relative, template in templates():
        assert (tmp_path / relative).read_bytes() == template.read_bytes(), relative


def test_an_existing_file_is_never_overwritten_and_the_report_says_what_to_add(tmp_path: Path):
    (tmp_path / "README.md").write_text("# My shop\n", encoding="utf-8")
    (tmp_path / ".gitignore").write_text("*.pyc\n", encoding="utf-8")
    (tmp_path / "steps").mkdir()
    (tmp_path / "steps" / "my_steps.py").write_text("# mine\n", encoding="utf-8")

    report = init_project(tmp_path)

    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "# My shop\n"
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8") == "*.pyc\n"
    assert (tmp_path / "steps" / "my_steps.py").read_text(encoding="utf-8") == "# mine\n"
    skipped = {p.as_posix(): why for p, why in report.skipped.items()}
    assert set(skipped) == {"README.md", ".gitignore", "steps/my_steps.py"}
    assert "the section 'Journeys' to add is in" in skipped["README.md"]
    assert "add the line `reports/`" in skipped[".gitignore"]
    assert skipped["steps/my_steps.py"] == "exists: left as it is"
    assert {p.as_posix() for p in report.written} == EXPECTED - set(skipped)
    assert any(line.startswith("skipped  README.md: exists") for line in report.lines())


def test_a_second_init_writes_nothing(tmp_path: Path):
    init_project(tmp_path)
    (tmp_path / "features/example/web_order.feature").write_text("edited\n", encoding="utf-8")

    again = init_project(tmp_path)

    assert again.written == [] and len(again.skipped) == len(EXPECTED)
    assert again.skipped[Path(".gitignore")] == "exists and already ignores reports/"
    assert (tmp_path / "features/example/web_order.feature").read_text(encoding="utf-8") == "edited\n"


@pytest.mark.parametrize(
    ("name", "text", "where"),
    [
        ("pyproject.toml", '[tool.pytest.ini_options]\naddopts = "-q"\n', "pyproject.toml [tool.pytest.ini_options]"),
        ("tox.ini", "[pytest]\naddopts = -q\n", "tox.ini [pytest]"),
        ("setup.cfg", "[tool:pytest]\naddopts = -q\n", "setup.cfg [tool:pytest]"),
    ],
)
def test_no_pytest_ini_beside_pytest_settings_elsewhere(tmp_path: Path, name: str, text: str, where: str):
    # pytest.ini would win over them, and silently drop the project's own settings.
    (tmp_path / name).write_text(text, encoding="utf-8")

    report = init_project(tmp_path)

    assert not (tmp_path / "pytest.ini").exists()
    assert report.skipped[Path("pytest.ini")] == f"the pytest settings are in {where}: add `testpaths = features` there"


def test_a_pyproject_without_pytest_settings_gets_a_pytest_ini(tmp_path: Path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")

    report = init_project(tmp_path)

    assert (tmp_path / "pytest.ini").is_file()
    # The project's own pyproject.toml is left alone; the report says which tag to register in it.
    assert (tmp_path / "pyproject.toml").read_text(encoding="utf-8") == '[project]\nname = "x"\n'
    assert report.skipped[Path("pyproject.toml")] == (
        'exists: left as it is; register the example journeys\' tag: `tags = ["order"]` under [tool.journeys]'
    )


def test_a_pyproject_that_registers_the_tag_is_said_to_do_so(tmp_path: Path):
    (tmp_path / "pyproject.toml").write_text('[tool.journeys]\ntags = ["order", "vip"]\n', encoding="utf-8")

    report = init_project(tmp_path)

    assert report.skipped[Path("pyproject.toml")] == "exists and already registers the tag @order"


def test_the_new_project_registers_its_own_tag_and_has_a_gate_journey(tmp_path: Path):
    from journeys.vocabulary.feature import read_feature
    from journeys.vocabulary.tags import RUN_TAGS, registered_tags

    init_project(tmp_path)

    scenarios = [s for f in sorted((tmp_path / "features").rglob("*.feature")) for s in read_feature(f)]
    used = {tag for scenario in scenarios for tag in scenario.tags}
    assert any("gate" in scenario.tags for scenario in scenarios)
    assert "order" in used - RUN_TAGS  # a tag of the project's own, used ...
    assert used <= registered_tags(tmp_path)  # ... and registered where lint and --tags read it


def test_a_file_as_the_folder_is_refused(tmp_path: Path):
    (tmp_path / "taken").write_text("", encoding="utf-8")

    with pytest.raises(NotADirectoryError, match="give a folder"):
        init_project(tmp_path / "taken")


def test_an_installation_without_templates_says_so_and_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # A wheel built without the package data has the .py templates only.
    only_code = [(path, file) for path, file in templates() if path.suffix == ".py"]
    monkeypatch.setattr(project_init, "templates", lambda: iter(only_code))

    with pytest.raises(FileNotFoundError, match="no project templates: reinstall journeys"):
        init_project(tmp_path / "p")
    assert not (tmp_path / "p").exists()


def test_the_skeleton_map_and_tasks_load(tmp_path: Path):
    init_project(tmp_path)

    tmap = find_map(tmp_path / "fixtures/systems/mysystem.yaml")
    tasks = load_tasks(tmap)

    assert tmap.system == "mysystem" and list(tmap.touchpoints) == ["web.product"]
    assert tasks.names == ["look at product"]


def test_the_command_exits_0_when_it_writes_and_when_it_skips(tmp_path: Path):
    runner = CliRunner()
    first = runner.invoke(main, ["init", str(tmp_path / "p")])
    second = runner.invoke(main, ["init", str(tmp_path / "p")])

    assert first.exit_code == 0, first.output
    assert "wrote    steps/my_steps.py" in first.output and f"Next: cd {tmp_path / 'p'} && journeys run" in first.output
    assert second.exit_code == 0, second.output
    assert "wrote" not in second.output and second.output.count("skipped") == len(EXPECTED)


def test_the_new_project_lints_clean_and_lists_its_own_step(tmp_path: Path):
    # In a subprocess: loading the project's steps registers them for the whole process.
    init_project(tmp_path)
    env = {k: v for k, v in os.environ.items() if not k.startswith("JOURNEYS_")}
    command = [sys.executable, "-m", "journeys.cli"]

    lint = subprocess.run([*command, "lint", "features"], cwd=tmp_path, capture_output=True, text=True, env=env)
    steps = subprocess.run([*command, "steps", "--lang", "nl"], cwd=tmp_path, capture_output=True, text=True, env=env)

    assert lint.returncode == 0 and "2 feature files, no problems" in lint.stdout, lint.stdout + lint.stderr
    assert "Dan is het totaalbedrag hoogstens € 500,00" in steps.stdout, steps.stderr
    assert "== my_steps ==" in steps.stdout


def test_steps_and_lint_find_the_project_from_a_subfolder(tmp_path: Path):
    init_project(tmp_path)
    feature = tmp_path / "features" / "example" / "web_order.feature"
    feature.write_text(feature.read_text(encoding="utf-8") + "    Given a custmer\n", encoding="utf-8")
    env = {**os.environ, "CI": "true"}
    journeys = [sys.executable, "-m", "journeys.cli"]
    inside = tmp_path / "features" / "example"
    listed = subprocess.run([*journeys, "steps"], cwd=inside, capture_output=True, text=True, env=env)
    assert "== my_steps ==" in listed.stdout, listed.stdout + listed.stderr  # the project's own steps/
    linted = subprocess.run([*journeys, "lint"], cwd=inside, capture_output=True, text=True, env=env)
    assert linted.returncode == 1, linted.stdout + linted.stderr
    assert "web_order.feature:" in linted.stdout and "undefined step 'Given a custmer'" in linted.stdout
    assert "2 feature files" in linted.stdout  # the project's features/, not only this folder's
