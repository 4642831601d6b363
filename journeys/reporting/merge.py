"""``journeys report --merge``: the run folders of a suite's shards as one run folder.

Each shard (``journeys run --shard k/n``, one per machine) writes a run
folder of its own; merged, they are one run: the customers' evidence, one
``junit.xml`` with every testcase, one set of Allure results, one
``planned.json``. The reports are then built on the whole
(:func:`journeys.reporting.build.build_reports`): one map, one summary, one
trend entry, and the gate judged on every journey. Files are hard-linked
where the file system allows, else copied; the shards' folders are left as
they are.

Nothing missing may look like a pass: a shard whose folder was not given
(its ``shard.json`` split names its journeys), a shard that did not finish
(no ``junit.xml``), a journey in two shards (the shards read different
trends) are each said, and the missing journeys count as not finished.
"""

from __future__ import annotations

import json
import os
import shutil
import xml.etree.ElementTree as ElementTree
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from journeys.reporting.allure_cli import carry_history
from journeys.reporting.ledgers import PLANNED_FILE, write_planned
from journeys.reporting.shards import ShardRecord
from journeys.reporting.versions import RunVersion, read_version

__all__ = ["Merged", "merge_runs"]

# Written once for the whole run, not once per shard.
_RUN_WIDE_RESULTS = {"categories.json", "environment.properties", "history"}


@dataclass
class Merged:
    """The merged run folder, what was wrong with the shards, and whether they ran as a gate."""

    folder: Path
    problems: list[str] = field(default_factory=list)
    gate: bool = False


def merge_runs(folders: Sequence[Path], target: Path) -> Merged:
    """Merge the run folders ``folders`` into the new run folder ``target``.

    Raises:
        FileExistsError: ``target`` exists already.
    """
    target.mkdir(parents=True, exist_ok=False)
    merged = Merged(target)
    shards = _shards(folders, merged.problems)
    merged.gate = any(record is not None and record.gate for _, record in shards)
    planned: list[str] = []
    cases: list[ElementTree.Element] = []
    seconds = 0.0
    for folder, record in shards:
        _link_tree(folder / "evidence", target / "evidence", merged.problems)
        _link_results(folder / "allure-results", target / "allure-results", first=folder == shards[0][0])
        planned += _planned(folder, record)
        found, took = _testcases(folder, record, merged.problems)
        cases += found
        seconds += took
    planned += _missing(shards, merged.problems)
    _twice(cases, merged.problems)
    write_planned(target, list(dict.fromkeys(planned)))
    _write_junit(target / "junit.xml", cases, seconds)
    _environment(target, [folder for folder, _ in shards], [record for _, record in shards])
    _version(target, [folder for folder, _ in shards], merged.problems)
    carry_history(target)
    return merged


def _version(target: Path, folders: list[Path], problems: list[str]) -> None:
    """The shards' code and system version, for the trend to tell a regression from a flake: one, or none."""
    versions = {read_version(folder) for folder in folders} - {RunVersion()}
    if len(versions) == 1:
        versions.pop().write(target)
    elif versions:
        said = "; ".join(sorted(f"{v.code or '?'} against {v.system or '?'}" for v in versions))
        problems.append(f"the shards tested different versions ({said}): the trend cannot call any journey flaky")


def _shards(folders: Sequence[Path], problems: list[str]) -> list[tuple[Path, ShardRecord | None]]:
    """Each folder with its shard record; a shard given twice, or split otherwise, is said."""
    found: list[tuple[Path, ShardRecord | None]] = []
    by_index: dict[int, Path] = {}
    first: ShardRecord | None = None
    for folder in folders:
        try:
            record = ShardRecord.read(folder)
        except ValueError as exc:
            problems.append(str(exc))
            record = None
        if record is not None:
            if record.shard.index in by_index:
                problems.append(f"{folder}: shard {record.shard} again (also {by_index[record.shard.index]}); left out")
                continue
            by_index[record.shard.index] = folder
            first = first or record
            if record.split != first.split:
                problems.append(
                    f"{folder}: shard {record.shard} split the journeys otherwise than shard {first.shard}:"
                    " the shards read different trends; give every shard the same trend.sqlite"
                    " (restore the same CI cache) and run them again"
                )
        found.append((folder, record))
    return found


def _missing(shards: list[tuple[Path, ShardRecord | None]], problems: list[str]) -> list[str]:
    """The journeys of shards no folder was given for (named in the others' split)."""
    records = [record for _, record in shards if record is not None]
    if not records:
        return []
    split, total = records[0].split, records[0].shard.total
    given = {record.shard.index for record in records}
    names: list[str] = []
    for index in range(1, total + 1):
        if index not in given:
            lost = [_name(journey) for journey in split[index - 1]]
            problems.append(
                f"shard {index}/{total} is missing: no run folder of it was given, so its {len(lost)}"
                " journeys have no result; merge the run folders of every shard"
            )
            names += lost
    return names


def _planned(folder: Path, record: ShardRecord | None) -> list[str]:
    """The journeys the folder's run meant to run: its planned.json, else its shard's part of the split."""
    try:
        names = json.loads((folder / PLANNED_FILE).read_text(encoding="utf-8")).get("journeys")
        if isinstance(names, list):
            return [str(name) for name in names]
    except (OSError, UnicodeDecodeError, ValueError, AttributeError):
        pass
    return [_name(journey) for journey in record.journeys] if record else []


def _testcases(
    folder: Path, record: ShardRecord | None, problems: list[str]
) -> tuple[list[ElementTree.Element], float]:
    """The folder's testcases and the time its junit.xml says they took."""
    junit = folder / "junit.xml"
    if not junit.is_file():
        if record is None or record.journeys:
            which = f"shard {record.shard}" if record else "this run"
            problems.append(f"{folder}: no junit.xml: {which} did not finish; its journeys without a result are named")
        return [], 0.0
    try:
        root = ElementTree.parse(junit).getroot()
    except ElementTree.ParseError as exc:
        problems.append(f"{junit}: not readable JUnit XML ({exc}); its journeys are reported from their ledgers")
        return [], 0.0
    suites = [root] if root.tag == "testsuite" else list(root.iter("testsuite"))
    took = sum(float(suite.get("time") or 0) for suite in suites)
    return list(root.iter("testcase")), took


def _twice(cases: list[ElementTree.Element], problems: list[str]) -> None:
    seen: set[str] = set()
    for case in cases:
        key = f"{case.get('classname')}::{case.get('name')}"
        if key in seen:
            problems.append(
                f"{case.get('name')}: ran in more than one shard: the shards read different trends;"
                " give every shard the same trend.sqlite"
            )
        seen.add(key)


def _write_junit(path: Path, cases: list[ElementTree.Element], seconds: float) -> None:
    """One testsuite with every shard's testcases, its counts made again."""
    counts = {"failure": 0, "error": 0, "skipped": 0}
    for case in cases:
        for child in case:
            if child.tag in counts:
                counts[child.tag] += 1
                break
    root = ElementTree.Element("testsuites", name="journeys")
    suite = ElementTree.SubElement(
        root,
        "testsuite",
        name="journeys",
        errors=str(counts["error"]),
        failures=str(counts["failure"]),
        skipped=str(counts["skipped"]),
        tests=str(len(cases)),
        time=f"{seconds:.3f}",
    )
    suite.extend(cases)
    ElementTree.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)


def _environment(target: Path, folders: list[Path], records: list[ShardRecord | None]) -> None:
    """The first shard's ``environment.properties``, naming this run and every shard."""
    source = next((f / "allure-results" / "environment.properties" for f in folders), None)
    if source is None or not source.is_file():
        return
    lines = [line for line in source.read_text(encoding="utf-8").splitlines() if not line.startswith("run=")]
    shown = ", ".join(f"{r.shard if r else '?'} {f.name}" for f, r in zip(folders, records, strict=True))
    lines += [f"run={target.name}", f"shards={shown}"]
    written = target / "allure-results" / "environment.properties"
    written.unlink(missing_ok=True)  # a link to the shard's own file: write a file of the merge's own
    written.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _link_tree(source: Path, target: Path, problems: list[str]) -> None:
    """Each customer's evidence folder, linked into the merged run (a customer in two shards: said)."""
    if not source.is_dir():
        return
    target.mkdir(parents=True, exist_ok=True)
    for customer in sorted(p for p in source.iterdir() if p.is_dir()):
        into = target / customer.name
        if customer.name.startswith("_"):  # the run's own evidence (``_clock``): every shard's, side by side
            into.mkdir(exist_ok=True)
            for path in sorted(p for p in customer.iterdir() if p.is_file()):
                name = path.name if not (into / path.name).exists() else f"{source.parent.name}-{path.name}"
                _link_or_copy(str(path), str(into / name))
        elif into.exists():
            problems.append(f"{customer}: a customer of the same key is in another shard; this one is left out")
        else:
            shutil.copytree(customer, into, copy_function=_link_or_copy)


def _link_results(source: Path, target: Path, *, first: bool) -> None:
    """Every Allure result and attachment (uniquely named); the run-wide files from the first shard only."""
    if not source.is_dir():
        return
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted(source.iterdir()):
        if path.is_file() and (first or path.name not in _RUN_WIDE_RESULTS) and not (target / path.name).exists():
            _link_or_copy(str(path), str(target / path.name))


def _link_or_copy(source: str, target: str) -> str:
    try:
        os.link(source, target)
    except OSError:  # another file system, or links not allowed
        shutil.copy2(source, target)
    return target


def _name(journey: str) -> str:
    """A journey's name from its id (``features/x.feature::name``), as planned.json and the trend have it."""
    return journey.rsplit("::", 1)[-1]
