"""Which journeys run: ``file.feature:LINE``, Cucumber tag expressions, and ``--lf``'s record of failures.

``--tags '@gate and not @slow'`` is a Cucumber tag expression (the ``@`` may
be left out); a tag no feature uses and no project registered is a usage
error naming the closest tags, not a silent empty run.

``--lf`` records of runs at the same time are merged, not overwritten.
pytest's cache keeps one ``cache/lastfailed`` per project: each run reads it
at its start and writes it whole at its end, so of two runs at once the
later forgets what the earlier found failing. Just before pytest writes it,
the journeys this run did not report on take the record's state as it is
now (what another run wrote meanwhile); the ones it ran take this run's.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any

import pytest

from journeys.plugin import runtime

_LINE_ARG = re.compile(r"^(?P<path>.+\.feature):(?P<line>\d+(?::\d+)*)$")
_OPERATORS = {"and", "or", "not"}
_LINES = pytest.StashKey[dict[Path, set[int]]]()


def take_line_arguments(config: pytest.Config) -> None:
    """``x.feature:12`` on the command line runs the scenario at line 12 (Cucumber's form)."""
    lines: dict[Path, set[int]] = {}
    args = []
    for arg in config.args:
        found = _LINE_ARG.match(arg)
        if found and Path(found["path"]).is_file():
            lines.setdefault(Path(found["path"]).resolve(), set()).update(int(n) for n in found["line"].split(":"))
            arg = found["path"]
            if arg in args:
                continue
        args.append(arg)
    config.args[:] = args
    config.stash[_LINES] = lines


def select(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Deselect the scenarios the line arguments and ``--tags`` leave out."""
    lines = config.stash.get(_LINES, {})
    expression = runtime.settings(config).tags
    matches = _expression(expression, config, items) if expression else None
    keep: list[pytest.Item] = []
    drop: list[pytest.Item] = []
    for item in items:
        scenario = getattr(item, "scenario", None)  # a journey, not a plain test
        if scenario is not None:
            wanted = lines.get(scenario.path)
            if wanted is not None and not any(scenario.covers(n) for n in wanted):
                drop.append(item)
                continue
            if matches is not None and not matches.evaluate([f"@{t}" for t in scenario.tags]):
                drop.append(item)
                continue
        elif matches is not None:
            drop.append(item)  # a test without tags is not selected by a tag expression
            continue
        keep.append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


def _expression(text: str, config: pytest.Config, items: list[pytest.Item]) -> Any:
    from cucumber_tag_expressions import parse
    from cucumber_tag_expressions.parser import TagExpressionError

    from journeys.vocabulary.tags import with_at_signs

    written = with_at_signs(text)
    try:
        expression = parse(written)
    except TagExpressionError as exc:
        raise pytest.UsageError(
            f"--tags {text!r} is not a tag expression: {tag_problem(str(exc))}. Tags are joined with and, or,"
            " not and parentheses, e.g. '@gate and not @slow'."
        ) from None
    known = known_tags(config, items)
    for tag in re.findall(r"@([\w.-]+)", written):
        if tag not in known:
            close = difflib.get_close_matches(tag, sorted(known), n=3)
            hint = f" Did you mean {', '.join('@' + t for t in close)}?" if close else ""
            raise pytest.UsageError(
                f"--tags {text!r}: no journey is tagged @{tag}.{hint}"
                f" Tags in use: {', '.join('@' + t for t in sorted(known)) or 'none'}."
            )
    return expression


def tag_problem(parser_said: str) -> str:
    """The tag parser's complaint in the writer's words (it speaks of operands and BEGIN)."""
    first = parser_said.splitlines()[0] if parser_said else ""
    if found := re.match(r"(and|or|not): Too few operands", first):
        side = "after it" if found.group(1) == "not" else "on each side"
        return f"'{found.group(1)}' needs a tag {side}"
    if "Unclosed '('" in first:
        return "a '(' is not closed: add a ')'"
    if "Missing '('" in first:
        return "a ')' has no '(' before it"
    if found := re.search(r"Expected operator after (\S+)", first):
        return f"two tags in a row after {found.group(1)}: join them with 'and' or 'or'"
    if "Expected operand after BEGIN" in first:
        return "it starts with 'and' or 'or': put a tag first"
    if found := re.search(r"Expected operand after (\S+)", first):
        return f"'{found.group(1)}' is followed by another operator: put a tag after it"
    return first.rstrip(".") or "it cannot be read"


def known_tags(config: pytest.Config, items: list[pytest.Item]) -> set[str]:
    """Tags of the collected journeys and the tags registered for the project."""
    from journeys.vocabulary.tags import registered_tags

    found = {t for item in items for t in getattr(getattr(item, "scenario", None), "tags", ())}
    return found | set(registered_tags(config.rootpath))


def nothing_selected(config: pytest.Config, items_seen: set[str]) -> str:
    """Why nothing ran: the filters in use and the tags there are."""
    filters = []
    if runtime.settings(config).tags:
        filters.append(f"--tags {runtime.settings(config).tags!r}")
    for name, flag in (("keyword", "-k"), ("markexpr", "-m")):
        if getattr(config.option, name, ""):
            filters.append(f"{flag} {getattr(config.option, name)!r}")
    if config.getoption("shard", None):
        filters.append(f"--shard {config.getoption('shard')}")
    if config.stash.get(_LINES, {}):
        filters.append("line numbers " + ", ".join(f"{p.name}:{sorted(n)}" for p, n in config.stash[_LINES].items()))
    where = " ".join(config.args) or "."
    tags = ", ".join("@" + t for t in sorted(items_seen)) or "none"
    if not filters:
        return f"journeys: no journeys found in {where}: write a .feature file there, or give the folder that has them."
    return f"journeys: nothing selected in {where} by {' and '.join(filters)}. Tags in use: {tags}."


def merge_last_failed(config: pytest.Config) -> None:
    """``--lf``: merge the record in the process that writes it (the controller, not xdist workers)."""
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
