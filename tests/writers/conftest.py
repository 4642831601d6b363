"""Fixtures for the writers' tools: a project folder with a map, a pyproject and features."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from writer_steps import MAP, PYPROJECT, make_catalogue

from journeys.vocabulary.lint import lint


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project root with the map ``shop`` and a pyproject registering @smoke and @black-friday."""
    (tmp_path / "fixtures" / "systems").mkdir(parents=True)
    (tmp_path / "fixtures" / "systems" / "shop.yaml").write_text(MAP, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    (tmp_path / "features").mkdir()
    return tmp_path


@pytest.fixture
def write(project: Path) -> Callable[[str, str], Path]:
    """Write a feature file (dedented) under the project's features/; returns its path."""

    def write_feature(text: str, name: str = "journey.feature") -> Path:
        path = project / "features" / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write_feature


@pytest.fixture
def check(project: Path, write: Callable[[str, str], Path]) -> Callable[..., list[str]]:
    """Write one feature and lint it: the problems as ``file:line: message`` lines."""

    def check_feature(text: str, name: str = "journey.feature") -> list[str]:
        path = write(text, name)
        return [str(p) for p in lint([str(path)], system="shop", root=project, catalogue=make_catalogue())]

    return check_feature
