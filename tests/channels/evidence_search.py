"""Searching a run's evidence for what must not be there (a secret, a token)."""

from __future__ import annotations

from pathlib import Path


def files_containing(folder: Path, needle: str) -> list[str]:
    """Evidence files (and members of zip files) whose bytes contain ``needle``."""
    import zipfile

    hits = []
    for path in folder.rglob("*"):
        if not path.is_file():
            continue
        if path.suffix == ".zip":
            with zipfile.ZipFile(path) as z:
                hits += [f"{path.name}:{n}" for n in z.namelist() if needle.encode() in z.read(n)]
        elif needle.encode() in path.read_bytes():
            hits.append(path.name)
    return hits
