"""Helpers for touchpoint map tests: write a map, load it, get the error text."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from journeys.errors import ConfigError
from journeys.systems.map_files import load_map
from journeys.systems.touchpoint_map import TouchpointMap

HEADER = """\
system: shop
base_url: http://127.0.0.1:1
"""


@pytest.fixture
def write_map(tmp_path: Path) -> Callable[[str], Path]:
    def write(body: str, name: str = "shop.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(body), encoding="utf-8")
        return path

    return write


@pytest.fixture
def refused(write_map: Callable[[str], Path]) -> Callable[[str], tuple[str, Path]]:
    """Load a map that must be refused; returns the error message and the map's path."""

    def load(body: str) -> tuple[str, Path]:
        path = write_map(body)
        with pytest.raises(ConfigError) as info:
            load_map(path)
        return str(info.value), path

    return load


@pytest.fixture
def loads(write_map: Callable[[str], Path]) -> Callable[..., TouchpointMap]:
    """Load a map, its ``${NAME}`` from ``variables`` (the run's, read where it started)."""

    def load(body: str, variables: dict[str, str] | None = None) -> TouchpointMap:
        return load_map(write_map(body), variables)

    return load
