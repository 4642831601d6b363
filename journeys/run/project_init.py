"""``journeys init``: a small journeys project of one's own, written from templates.

The templates are real files in ``journeys/templates/project/`` (package
data), copied as they are: example journeys in English and Dutch, one step of
the project's own, a skeleton touchpoint map with its tasks, the pytest
setting that makes plain ``pytest`` run the journeys, the project's own tags
in ``pyproject.toml`` (where lint and ``--tags`` read them), a ``.gitignore``,
a README section, and the editors' settings for ``journeys lsp`` (VS Code,
Neovim, Helix; docs/editors.md). A file that is already there is never overwritten: it is
skipped, and the report says what to add to it by hand.
"""

from __future__ import annotations

import configparser
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

__all__ = ["InitReport", "init_project", "templates"]

# Stored without the leading dot: a `.gitignore` inside the package would be
# read by git as the package folder's own, and `*` globs in package data skip dotfiles
# (the editors' folders and files too).
_RENAMED = {"gitignore": ".gitignore", "vscode": ".vscode", "nvim.lua": ".nvim.lua", "helix": ".helix"}
_SKIPPED_NAMES = {"__pycache__"}


@dataclass
class InitReport:
    """What ``init_project`` did: the files written and the files left alone, with why."""

    root: Path
    written: list[Path] = field(default_factory=list)
    skipped: dict[Path, str] = field(default_factory=dict)  # relative path -> why, and what to do

    def lines(self) -> list[str]:
        """The report for a person: one line per file, then what to run next."""
        shown = [f"wrote    {path.as_posix()}" for path in self.written]
        shown += [f"skipped  {path.as_posix()}: {why}" for path, why in self.skipped.items()]
        where = "" if self.root.resolve() == Path.cwd().resolve() else f"cd {self.root} && "
        shown += [
            "",
            f"Next: {where}journeys run   (or plain `pytest`; `journeys steps` lists the steps you can write)",
            "Write journeys in your editor with `journeys lsp`: .vscode/, .nvim.lua and .helix/ are set up for it",
        ]
        return shown


def templates() -> Iterator[tuple[Path, Traversable]]:
    """Every template file: its path in a new project, and the file in the package."""
    root = files("journeys") / "templates" / "project"
    yield from _walk(root, Path())


def _walk(folder: Traversable, relative: Path) -> Iterator[tuple[Path, Traversable]]:
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name in _SKIPPED_NAMES or entry.name.endswith(".pyc"):
            continue
        if entry.is_dir():
            yield from _walk(entry, relative / _RENAMED.get(entry.name, entry.name))
        else:
            yield relative / _RENAMED.get(entry.name, entry.name), entry


def init_project(folder: str | Path = ".") -> InitReport:
    """Write the project templates into ``folder`` (made when missing); never overwrite a file.

    Args:
        folder: the project's root; default: the working directory.

    Returns:
        The files written and those skipped, each with what to do about it.

    Raises:
        NotADirectoryError: ``folder`` is a file.
        FileNotFoundError: the installed package has no templates.
        OSError: a file could not be written (a read-only folder, a full disk).
    """
    found = list(templates())
    if not any(relative.suffix == ".feature" for relative, _ in found):
        # A wheel built without the templates' package data: say so rather than write half a project.
        raise FileNotFoundError("this installation of journeys has no project templates: reinstall journeys")
    root = Path(folder)
    if root.exists() and not root.is_dir():
        raise NotADirectoryError(f"{root} is a file: give a folder for the new project")
    root.mkdir(parents=True, exist_ok=True)
    report = InitReport(root)
    for relative, template in found:
        target = root / relative
        why = _why_not(root, relative, template)
        if why:
            report.skipped[relative] = why
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        # Exclusive creation: a file that appeared since the check is still not overwritten.
        try:
            with target.open("xb") as out:
                out.write(template.read_bytes())
        except FileExistsError:
            report.skipped[relative] = "exists: left as it is"
            continue
        report.written.append(relative)
    return report


def _why_not(root: Path, relative: Path, template: Traversable) -> str:
    """Why the template at ``relative`` is not written (empty: write it), and what to do instead."""
    target = root / relative
    name = relative.as_posix()
    if name == "pytest.ini":
        elsewhere = _pytest_settings(root)
        if elsewhere and not target.exists():
            # A new pytest.ini would silently replace the project's pytest settings there.
            return f"the pytest settings are in {elsewhere}: add `testpaths = features` there"
    if not target.exists():
        return ""
    if name == "pytest.ini":
        return "exists: left as it is; make sure it has `testpaths = features` under [pytest]"
    if name == ".gitignore":
        ignored = {line.strip() for line in target.read_text(encoding="utf-8", errors="replace").splitlines()}
        if ignored & {"reports/", "reports", "/reports/", "/reports"}:
            return "exists and already ignores reports/"
        return "exists: left as it is; add the line `reports/` to it"
    if name == "README.md":
        return f"exists: left as it is; the section 'Journeys' to add is in {template}"
    if name == "pyproject.toml":
        return _tags_to_add(target)
    return "exists: left as it is"


def _tags_to_add(pyproject: Path) -> str:
    """What an existing pyproject.toml lacks of the example journeys' own tag."""
    try:
        tags = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {}).get("journeys", {}).get("tags")
    except (tomllib.TOMLDecodeError, UnicodeDecodeError):
        tags = None
    if isinstance(tags, list) and "order" in tags:
        return "exists and already registers the tag @order"
    return 'exists: left as it is; register the example journeys\' tag: `tags = ["order"]` under [tool.journeys]'


def _pytest_settings(root: Path) -> str | None:
    """The file other than pytest.ini that holds ``root``'s pytest settings, if any."""
    pyproject = root / "pyproject.toml"
    if pyproject.is_file():
        try:
            tool = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {})
        except tomllib.TOMLDecodeError:
            tool = {}
        if "ini_options" in tool.get("pytest", {}):
            return "pyproject.toml [tool.pytest.ini_options]"
    for name, section in (("tox.ini", "pytest"), ("setup.cfg", "tool:pytest")):
        path = root / name
        if path.is_file():
            parser = configparser.ConfigParser(interpolation=None)
            try:
                parser.read(path, encoding="utf-8")
            except configparser.Error:
                continue
            if parser.has_section(section):
                return f"{name} [{section}]"
    return None
