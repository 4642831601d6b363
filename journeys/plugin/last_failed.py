"""``--lf`` records of runs at the same time are merged, not overwritten.

pytest's cache keeps one ``cache/lastfailed`` per project: each run reads it
at its start and writes it whole at its end, so of two runs at once the
later forgets what the earlier found failing. Just before pytest writes it,
the journeys this run did not report on take the record's state as it is
now (what another run wrote meanwhile); the ones it ran take this run's.
"""

from __future__ import annotations

import pytest


def register(config: pytest.Config) -> None:
    """Merge the record in the process that writes it (the controller, not xdist workers)."""
    if not hasattr(config, "workerinput"):
        config.pluginmanager.register(LastFailedMerge(config), "journeys-last-failed")


class LastFailedMerge:
    """Knows what this run reported on; merges the record before pytest's cache plugin writes it."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.reported: set[str] = set()

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        self.reported.add(report.nodeid)

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        self.reported.add(report.nodeid)

    @pytest.hookimpl(tryfirst=True)  # before the cache plugin writes its record
    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        recorder = self.config.pluginmanager.get_plugin("lfplugin")
        cache = getattr(self.config, "cache", None)
        if recorder is None or cache is None or not hasattr(recorder, "lastfailed"):
            return
        now = cache.get("cache/lastfailed", {})
        if not isinstance(now, dict):
            return
        # pytest keys its record by node ids that print as the text the file holds.
        mine = {str(key): key for key in recorder.lastfailed}
        for nodeid in set(now) | set(mine):
            if nodeid in self.reported:
                continue  # this run's own verdict stands
            if nodeid in now:
                recorder.lastfailed[mine.get(nodeid, nodeid)] = now[nodeid]
            else:
                recorder.lastfailed.pop(mine[nodeid], None)  # another run saw it pass meanwhile
