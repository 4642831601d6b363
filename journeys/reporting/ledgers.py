"""A run folder's results, read robustly: every ledger, the JUnit XML, and what could not be read.

Reports read ledgers, not pytest internals, so a population run (no pytest)
can write ledgers into a folder of the same shape and get the same journey
map. A ledger that cannot be read (corrupt JSON, written by a newer or an
older journeys) is one message naming the file; the others are still read.
``planned.json``, written when the journeys were collected, says which
journeys a run meant to run, so a run cut short can name those that never did.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from journeys.core.effort import effort
from journeys.core.ledger import Ledger
from journeys.errors import JourneysError

__all__ = [
    "PLANNED_FILE",
    "JourneyRecord",
    "RunResults",
    "TestCase",
    "first_lines",
    "read_junit",
    "read_ledger",
    "read_run",
    "run_folder",
    "write_planned",
]

PLANNED_FILE = "planned.json"

# The first word of a Gherkin step tells the language of its feature file.
_DUTCH_KEYWORDS = {"Gegeven", "Stel", "Als", "Wanneer", "Dan", "En", "Maar"}
_OUTCOMES = ("passed", "failed", "interrupted")
_FAILING_LINE = re.compile(r"\s*(\S+\.feature:\d+) \(")
_MOST_TEXT = 4000


class LedgerUnreadable(JourneysError, ValueError):
    """A ledger file that cannot be read; the message names the file and says why."""


@dataclass(frozen=True)
class JourneyRecord:
    """One journey as its ledger file tells it."""

    path: Path
    name: str
    outcome: str  # passed, failed, interrupted, or unknown (a ledger from before outcomes were written)
    ledger: Ledger
    effort: dict[str, Any]

    @property
    def key(self) -> str:
        """The customer's key (the evidence folder's name)."""
        return str(self.ledger.customer.get("key") or self.path.parent.name)

    @property
    def location(self) -> str:
        """``features/order/web_order.feature:8``: the first step that recorded anything."""
        for event in self.ledger.events:
            where = getattr(event, "where", None)
            if where is not None and where.location:
                return str(where.location)
        return ""

    @property
    def feature(self) -> str:
        """The feature file the journey was written in (empty when nothing was recorded)."""
        return self.location.rsplit(":", 1)[0]

    @property
    def language(self) -> str:
        """``nl`` when the journey's steps were written with Dutch keywords, else ``en``."""
        for event in self.ledger.events:
            step = getattr(getattr(event, "where", None), "step", None)
            if step:
                return "nl" if step.split(" ", 1)[0] in _DUTCH_KEYWORDS else "en"
        return "en"


@dataclass(frozen=True)
class TestCase:
    """One testcase of junit.xml: name, status (passed, failed, error, skipped), first message lines,
    seconds, whole text."""

    name: str
    classname: str
    status: str
    message: str = ""
    seconds: float = 0.0
    text: str = ""  # the whole failure, for a banner that wraps rather than cuts

    @property
    def failing_line(self) -> str:
        """``features/x.feature:12``: the step that could not be carried out, as its error names it first."""
        found = _FAILING_LINE.match(self.text or self.message)
        return found.group(1) if found else ""


@dataclass
class RunResults:
    """Everything a report needs of one run folder."""

    folder: Path
    journeys: list[JourneyRecord] = field(default_factory=list)
    testcases: list[TestCase] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    junit_found: bool = False
    planned: list[str] = field(default_factory=list)  # the journeys the run meant to run (planned.json)

    @property
    def run_id(self) -> str:
        return self.folder.name

    @property
    def language(self) -> str:
        """The language most of the run's journeys were written in (English on a tie)."""
        dutch = sum(1 for j in self.journeys if j.language == "nl")
        return "nl" if dutch * 2 > len(self.journeys) else "en"

    def failed_without_ledger(self) -> list[TestCase]:
        """Testcases that failed or errored before a journey wrote its ledger: an unreadable feature file,
        a run that could not start, a worker that died. Each is a failure of the run like a journey's."""
        with_ledger = {j.name for j in self.journeys}
        return [c for c in self.testcases if c.status in ("failed", "error") and c.name not in with_ledger]

    def not_finished(self, *, errors: bool = True) -> list[str]:
        """Journeys that did not run to their end: interrupted ones, and testcases without a ledger.

        Args:
            errors: include testcases that errored (a report that lists errors on their own leaves them out).
        """
        names = [f"{j.name} (interrupted)" for j in self.journeys if j.outcome == "interrupted"]
        with_ledger = {j.name for j in self.journeys}
        for case in self.testcases:
            if case.status not in ("passed", "skipped") and case.name not in with_ledger:
                if case.status == "error" and not errors:
                    continue
                names.append(f"{case.name} ({case.status}: {case.message or 'no ledger written'})")
        told = with_ledger | {case.name for case in self.testcases}
        stopped = [name for name in self.planned if name not in told]
        names += [f"{name} (no result: the run stopped before this journey ended)" for name in stopped]
        if (self.journeys or self.planned) and not self.junit_found:
            unknown = "" if self.planned else ", so journeys that never started are not known"
            names.append(f"junit.xml is missing: the run did not finish{unknown}")
        return names


def run_folder(path: str | Path = "reports/latest") -> Path:
    """The run folder ``path`` names: a run folder, ``reports/latest`` (a link or ``latest.txt``), or ``reports``."""
    folder = Path(path)
    if (folder / "latest").exists():
        folder = folder / "latest"
    elif not folder.exists() and (folder.parent / "latest.txt").is_file():
        folder = Path((folder.parent / "latest.txt").read_text(encoding="utf-8").strip())
    return folder.resolve()


def read_run(folder: str | Path, testcases: list[TestCase] | None = None) -> RunResults:
    """Read every ``evidence/*/ledger.json`` and ``junit.xml`` of a run folder.

    Args:
        folder: the run folder (``reports/runs/<id>``).
        testcases: what the caller already knows of the testcases (the plugin, before
            junit.xml is written); by default read from ``junit.xml``.
    """
    results = RunResults(Path(folder))
    for path in sorted(results.folder.glob("evidence/*/ledger.json")):
        try:
            results.journeys.append(read_ledger(path))
        except LedgerUnreadable as exc:
            results.problems.append(str(exc))
    results.journeys.sort(key=lambda j: (j.feature, _line(j.location), j.name))
    results.planned = _read_planned(results.folder / PLANNED_FILE, results.problems)
    junit = results.folder / "junit.xml"
    if testcases is not None:
        results.testcases, results.junit_found = list(testcases), True
    elif junit.is_file():
        results.junit_found = True
        try:
            results.testcases = read_junit(junit)
        except ValueError as exc:
            results.problems.append(str(exc))
    return results


def read_ledger(path: Path) -> JourneyRecord:
    """One ledger file as a record.

    Raises:
        LedgerUnreadable: the file is not a ledger this journeys can read (the message says which and why).
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LedgerUnreadable(f"{path}: not a readable ledger ({exc}); this journey is left out") from None
    if not isinstance(data, dict):
        raise LedgerUnreadable(f"{path}: not a ledger (a JSON {type(data).__name__}); this journey is left out")
    try:
        ledger = Ledger.from_dict(data)
    except ValueError as exc:  # written by a newer journeys
        raise LedgerUnreadable(f"{path}: {exc}; this journey is left out") from None
    except (KeyError, TypeError, AttributeError) as exc:
        raise LedgerUnreadable(
            f"{path}: a ledger in a form this journeys does not read ({type(exc).__name__}: {exc});"
            " this journey is left out"
        ) from None
    outcome = data.get("outcome")
    if outcome not in _OUTCOMES:
        # Written before ledgers carried their verdict: what the violations say is all there is.
        outcome = "unknown"
    written = data.get("effort")
    score = written if isinstance(written, dict) and "score" in written else effort(ledger).to_dict()
    name = data.get("journey") or f"journey of {ledger.customer.get('key') or path.parent.name}"
    return JourneyRecord(path, str(name), outcome, ledger, score)


def read_junit(path: Path) -> list[TestCase]:
    """The testcases of a JUnit XML file.

    Raises:
        ValueError: the file is not JUnit XML (the message names it).
    """
    try:
        root = ElementTree.parse(path).getroot()
    except (OSError, ElementTree.ParseError) as exc:
        raise ValueError(f"{path}: not readable JUnit XML ({exc}); the report is built from the ledgers") from None
    cases = []
    for case in root.iter("testcase"):
        status, message, text = "passed", "", ""
        for child in case:
            if child.tag in ("failure", "error", "skipped"):
                status = {"failure": "failed"}.get(child.tag, child.tag)
                text = (child.text or child.get("message") or "").strip()[:_MOST_TEXT]
                message = first_lines(text)
                break
        cases.append(
            TestCase(case.get("name", ""), case.get("classname", ""), status, message, _seconds(case), text=text)
        )
    return cases


def _seconds(case: ElementTree.Element) -> float:
    try:
        return float(case.get("time") or 0)
    except ValueError:
        return 0.0


def write_planned(folder: Path, names: list[str]) -> Path:
    """Write ``planned.json``: the names of the journeys this run is about to run."""
    target = Path(folder) / PLANNED_FILE
    target.write_text(json.dumps({"version": 1, "journeys": names}, indent=1, ensure_ascii=False), encoding="utf-8")
    return target


def _read_planned(path: Path, problems: list[str]) -> list[str]:
    if not path.is_file():
        return []  # a run from before planned.json, or a population run: what did not start is not known
    try:
        names = json.loads(path.read_text(encoding="utf-8")).get("journeys")
        if not isinstance(names, list):
            raise ValueError("no list of journeys in it")
    except (OSError, UnicodeDecodeError, ValueError, AttributeError) as exc:
        problems.append(f"{path}: not readable ({exc}); journeys that never started are not known")
        return []
    return [str(name) for name in names]


def first_lines(text: str, count: int = 2, width: int = 300) -> str:
    """The first lines of an error, on one line: where it happened and what happened."""
    joined = " ".join(line.strip() for line in text.strip().splitlines()[:count])
    return joined if len(joined) <= width else joined[: width - 1] + "…"


def _line(location: str) -> int:
    tail = location.rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else 0
