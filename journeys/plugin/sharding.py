"""``--shard k/n`` in a pytest run: keep this shard's journeys, and say which split it made.

The split (:func:`journeys.reporting.shards.split`) is made after ``--tags`` and line
numbers chose the journeys, from the durations in the trend's database, in
every process alike (xdist workers collect on their own: they make the same
split). The run folder gets ``shard.json``; a shard left without journeys
(more shards than journeys) passes with a line saying so, and still writes
its folder, so the merge knows it ran. A shard's run is not kept in the
trend: ``journeys report --merge`` keeps the whole, once.
"""

from __future__ import annotations

from typing import Any

import pytest

from journeys.plugin import runtime
from journeys.reporting.shards import Shard, ShardRecord, split

_RECORD = pytest.StashKey[ShardRecord]()  # the split this run made, and its part


def shard_of(config: pytest.Config) -> Shard | None:
    """The ``--shard`` of this run, or None."""
    text = config.getoption("shard", None)
    if not text:
        return None
    try:
        return Shard.parse(text)
    except ValueError as exc:
        raise pytest.UsageError(str(exc)) from None


def select(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Deselect the journeys of the other shards."""
    shard = shard_of(config)
    if shard is None:
        return
    from journeys.reporting.durations import remembered

    journeys = [item.nodeid for item in items if hasattr(item, "scenario")]
    settings = runtime.settings(config)
    durations = remembered(settings.reports_dir, settings.report.trend_db)
    parts = split(journeys, shard.total, durations, name=lambda nodeid: nodeid.rsplit("::", 1)[-1])
    config.stash[_RECORD] = ShardRecord(shard, parts, gate=bool(config.getoption("gate", False)))
    mine = set(parts[shard.index - 1])
    drop = [item for item in items if hasattr(item, "scenario") and item.nodeid not in mine]
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = [item for item in items if item not in drop]


def record(config: pytest.Config) -> None:
    """Write ``shard.json`` into the run folder (made here for a shard left without journeys)."""
    found = config.stash.get(_RECORD, None)
    if found is None or config.option.collectonly:
        return
    folder = runtime.current(config).folder
    if not found.journeys:
        folder.mkdir(parents=True, exist_ok=True)
        runtime.point_latest(folder.parent.parent, folder)
    if folder.is_dir():
        found.write(folder)


def is_shard(config: pytest.Config) -> bool:
    """Whether this run is one shard (the xdist controller, which collects nothing, too)."""
    return bool(config.getoption("shard"))


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """A shard without journeys ran as asked: it passes (the merge counts it), it is not 'nothing selected'."""
    found = session.config.stash.get(_RECORD, None)
    others_have_some = found is not None and not found.journeys and any(found.split)
    if others_have_some and session.exitstatus == pytest.ExitCode.NO_TESTS_COLLECTED:
        session.exitstatus = pytest.ExitCode.OK  # (nothing selected in the whole suite stays exit 5)


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    found = config.stash.get(_RECORD, None)
    if found is None:
        return
    count = sum(len(part) for part in found.split)
    terminalreporter.write_line(
        f"journeys: shard {found.shard}: {len(found.journeys)} of {count} journeys"
        " (merge the shards' run folders with `journeys report --merge`)"
    )
