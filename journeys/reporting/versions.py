"""Which code and which system a run tested: what the trend needs to tell a flake from a regression.

A journey that failed, passed and failed again is flaky only when nothing
changed between those runs; when the fault was switched off, or the code
changed, it is failing again. So each run folder keeps ``version.json``:
the project's code (the CI's commit, else git's, with a digest of what is
not committed yet) and the system under test (its name, its URL when one
was given, the faults switched on). ``journeys report`` reads it back, so
recording a run again keeps its versions.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
from dataclasses import asdict, dataclass
from pathlib import Path

__all__ = ["VERSION_FILE", "RunVersion", "code_version", "read_version"]

VERSION_FILE = "version.json"


@dataclass(frozen=True)
class RunVersion:
    """The code and the system one run tested ("" where not known)."""

    code: str = ""
    system: str = ""

    def write(self, folder: Path) -> Path:
        target = Path(folder) / VERSION_FILE
        target.write_text(json.dumps(asdict(self), indent=1), encoding="utf-8")
        return target


def read_version(folder: Path) -> RunVersion:
    """The run's ``version.json``; an unknown version when it is missing or unreadable."""
    try:
        data = json.loads((Path(folder) / VERSION_FILE).read_text(encoding="utf-8"))
        return RunVersion(str(data.get("code", "")), str(data.get("system", "")))
    except (OSError, ValueError, AttributeError):
        return RunVersion()


def code_version(root: Path, commit: str = "") -> str:
    """The project's code: the CI's ``commit`` (``ReportSettings.commit``), else git's HEAD plus a digest of
    uncommitted changes ("" if no git)."""
    if commit:
        return commit
    try:
        head = _git(root, "rev-parse", "HEAD").strip()
        changes = _git(root, "diff", "HEAD")
    except (OSError, subprocess.SubprocessError):
        return ""
    if not changes:
        return head
    return f"{head}+{hashlib.sha1(changes.encode()).hexdigest()[:10]}"


def _git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=20, check=True)
    return done.stdout
