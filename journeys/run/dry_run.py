"""``journeys run --dry-run``: the journeys a run would run, listed and linted; nothing started or written.

The same choice as the run makes (paths, ``file.feature:LINE``, ``--tags``,
``--gate``, ``--shard``), without pytest, a browser or a system: each journey
it would run on one line (``file:line: name  @tags``), then ``journeys
lint`` over their feature files. No run folder is written and no trend kept.

Exit status, as lint's: 0 no problems, 1 problems; and as the run's: 3 a
``pyproject.toml`` whose tags cannot be read, 4 a usage error (a tag
expression or shard that cannot be read, a tag nobody uses), 5 nothing
selected.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from journeys.errors import ConfigError, FeatureFileError
from journeys.reporting.shards import Shard, split
from journeys.vocabulary.catalogue import project_root
from journeys.vocabulary.feature import Scenario, feature_files, read_feature, relative, unique_name
from journeys.vocabulary.lint import run_lint
from journeys.vocabulary.tags import parse_tags, registered_tags, tags_named

__all__ = ["dry_run"]

_LINE_ARG = re.compile(r"^(?P<path>.+\.feature):(?P<lines>\d+(?::\d+)*)$")
USAGE, NOTHING = 4, 5


def dry_run(
    paths: Sequence[str],
    *,
    tags: str | None = None,
    shard: str | None = None,
    system: str | Sequence[str] = "refshop",
    reports_dir: Path = Path("reports"),
    trend_db: str | None = None,
    out: TextIO,
) -> int:
    """List the journeys ``journeys run`` would run with these arguments, then lint their files.

    Returns:
        The exit status (module docstring).
    """
    files, lines = _targets(paths)
    found: list[tuple[Scenario, str]] = []  # each journey with its id, as pytest names it
    unreadable: list[Path] = []
    root = project_root()
    for path in files:
        try:
            scenarios = read_feature(path)
        except FeatureFileError:
            unreadable.append(path)  # lint says why; a run would fail it as one journey
            continue
        taken: set[str] = set()
        for scenario in scenarios:
            wanted = lines.get(path)
            if wanted is None or any(scenario.covers(n) for n in wanted):
                found.append((scenario, f"{_from(root, path)}::{unique_name(scenario.title, taken)}"))
    try:
        chosen = _by_tags(found, tags, root)
        chosen = _by_shard(chosen, shard, reports_dir, trend_db)
    except ValueError as exc:
        print(f"journeys: {exc}", file=out)
        return USAGE
    except ConfigError as exc:  # a pyproject.toml whose tags cannot be read
        print(f"journeys: {exc}", file=out)
        return 3
    for scenario, _ in chosen:
        shown = " ".join(f"@{t}" for t in scenario.tags)
        print(
            f"{relative(scenario.path)}:{scenario.row_line or scenario.line}: {scenario.title}  {shown}".rstrip(),
            file=out,
        )
    holding = sorted({scenario.path for scenario, _ in chosen} | set(unreadable))
    part = f" (shard {shard})" if shard else ""
    print(
        f"journeys: {len(chosen)} of {len(found)} journeys would run{part}, in {len(holding)} feature"
        f" file{'s' if len(holding) != 1 else ''}; nothing started, no run folder written",
        file=out,
    )
    if not holding:
        return NOTHING
    status = run_lint([str(path) for path in holding], system=system, out=out)
    return status if chosen or status else NOTHING


def _targets(paths: Sequence[str]) -> tuple[list[Path], dict[Path, set[int]]]:
    """The feature files, and the lines ``file.feature:LINE`` asks for."""
    lines: dict[Path, set[int]] = {}
    plain: list[str | Path] = []
    for given in paths:
        match = _LINE_ARG.match(given)
        if match and Path(match["path"]).is_file():
            lines.setdefault(Path(match["path"]).resolve(), set()).update(int(n) for n in match["lines"].split(":"))
            given = match["path"]
        plain.append(given)
    return feature_files(plain), lines


def _by_tags(found: list[tuple[Scenario, str]], tags: str | None, root: Path) -> list[tuple[Scenario, str]]:
    if not tags:
        return found
    expression = parse_tags(tags)
    known = {t for scenario, _ in found for t in scenario.tags} | set(registered_tags(root))
    for tag in tags_named(tags):
        if tag not in known:
            close = difflib.get_close_matches(tag, sorted(known), n=3)
            hint = f" Did you mean {', '.join('@' + t for t in close)}?" if close else ""
            raise ValueError(
                f"--tags {tags!r}: no journey is tagged @{tag}.{hint}"
                f" Tags in use: {', '.join('@' + t for t in sorted(known)) or 'none'}."
            )
    return [(s, i) for s, i in found if expression.evaluate([f"@{t}" for t in s.tags])]


def _by_shard(
    found: list[tuple[Scenario, str]], text: str | None, reports_dir: Path, trend_db: str | None
) -> list[tuple[Scenario, str]]:
    if not text:
        return found
    from journeys.reporting.durations import remembered

    shard = Shard.parse(text)
    durations = remembered(reports_dir, trend_db)
    mine = set(
        split([i for _, i in found], shard.total, durations, name=lambda i: i.rsplit("::", 1)[-1])[shard.index - 1]
    )
    return [(s, i) for s, i in found if i in mine]


def _from(root: Path, path: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
