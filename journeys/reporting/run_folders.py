"""A run's id and folder: ``<reports>/runs/<id>/``, with ``<reports>/latest`` pointing at the last one.

Used by the pytest run (:mod:`journeys.plugin.runtime`) and by ``journeys
report --merge``, which makes a run folder of its own without pytest.
"""

from __future__ import annotations

import os
import secrets
from datetime import datetime
from pathlib import Path

__all__ = ["new_run_id", "point_latest"]


def new_run_id() -> str:
    """``20261130-151230-3f2a``: sorts by time, unique among runs started in the same second."""
    return f"{datetime.now():%Y%m%d-%H%M%S}-{secrets.token_hex(2)}"


def point_latest(reports: Path, folder: Path) -> None:
    """``<reports>/latest`` -> this run's folder (replaced atomically; a copy where links fail)."""
    link = reports / "latest"
    temporary = reports / f".latest-{os.getpid()}"
    try:
        temporary.unlink(missing_ok=True)
        temporary.symlink_to(folder.relative_to(reports), target_is_directory=True)
        temporary.replace(link)
    except OSError:
        (reports / "latest.txt").write_text(str(folder) + "\n", encoding="utf-8")
