"""Go to definition: from a step to the Python function behind it, from a touchpoint's name to its
line in the map (the bundled ``journeys/maps/refshop.yaml`` or the project's own)."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

from lsprotocol import types

from journeys.lsp.document import FeatureText
from journeys.lsp.project import Project
from journeys.lsp.story_at import matched

__all__ = ["definition"]

_NAME = re.compile(r"[\w.\-]+")


def definition(project: Project, document: FeatureText, line: int, column: int) -> types.Location | None:
    """Where what is at ``line``:``column`` is defined; None: nothing known there."""
    text = document.lines[line] if line < len(document.lines) else ""
    word = next((m[0] for m in _NAME.finditer(text) if m.start() <= column <= m.end()), "")
    for tmap in project.maps:
        touchpoint = tmap.touchpoints.get(word)
        if touchpoint is not None:
            return _location(Path(touchpoint.file), touchpoint.line)
    step = document.step_at(line)
    found = matched(project, step, document.language) if step else None
    if found is None or found[0].func is None:
        return None
    func = inspect.unwrap(found[0].func)
    try:
        source = inspect.getsourcefile(func)
        _, first = inspect.getsourcelines(func)
    except (OSError, TypeError):
        return None
    return _location(Path(source), first) if source else None


def _location(path: Path, line: int) -> types.Location:
    at = types.Position(max(line - 1, 0), 0)
    return types.Location(uri=path.resolve().as_uri(), range=types.Range(at, at))
