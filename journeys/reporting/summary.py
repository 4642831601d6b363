"""``summary.md``: the run in a few lines, short enough for a pull-request comment.

What failed, for which customer, where (the feature line of the touchpoint
that told something else, or of the step that could not be carried out),
what was expected and what was seen: one row per contradicting pair, the
reference value (``rules.odd``) against each odd one out. Then the gate's
crossed thresholds, what changed since the previous run, and a link to the
journey map for everything else. In Dutch when the journeys were.
"""

from __future__ import annotations

import re
from pathlib import Path

from journeys.core.records import Observation
from journeys.core.rules.odd import split
from journeys.messages import speaking
from journeys.reporting.journey_map import MAP_FILE, missing_mail, relative
from journeys.reporting.ledgers import JourneyRecord, RunResults, TestCase
from journeys.reporting.promise_lines import promise_lines
from journeys.reporting.report_words import TREND_KINDS
from journeys.reporting.summary_words import counted, summary_words
from journeys.reporting.timeline import shown

__all__ = ["SUMMARY_FILE", "headline", "summary_markdown", "write_summary"]

SUMMARY_FILE = "summary.md"
_MOST_JOURNEYS = 10  # a PR comment, not a report: the map has the rest
_MOST_ROWS = 4  # per journey
_MOST_PLACES = 3  # touchpoints named for the reference value
_STEP_PREFIX = re.compile(r"^\S+\.feature:\d+ \(.*?\):\s*")  # "features/x.feature:12 (And she ...):"
_KIND = re.compile(r"(\w+): (.*)", re.DOTALL)
_ICONS = {"passed": "✅", "failed": "❌", "interrupted": "⏸️", "unknown": "❔"}


def write_summary(
    results: RunResults,
    *,
    gate: list[str] | None = None,
    trend: dict[str, str] | None = None,
    gate_run: bool = False,
    language: str | None = None,
    report_url: str = "",
) -> Path:
    """Write ``summary.md`` into the run folder; returns its path."""
    target = results.folder / SUMMARY_FILE
    text = summary_markdown(
        results, gate=gate, trend=trend, gate_run=gate_run, language=language, report_url=report_url
    )
    target.write_text(text, encoding="utf-8")
    return target


def headline(results: RunResults, language: str = "en") -> str:
    """``2 of 3 journeys did not pass, 1 error`` / ``1 journey passed``: the run in one phrase."""
    w = summary_words(language)
    failing = sum(1 for j in results.journeys if j.outcome != "passed")
    errors = sum(1 for c in results.testcases if c.status == "error")
    total = len(results.journeys)
    if not total:
        said = w["none_ran"]
    elif failing:
        said = w["one_not_passed"] if total == 1 else w["not_passed"].format(n=failing, total=total)
    else:
        said = w["one_passed"] if total == 1 else w["all_passed"].format(n=total)
    if errors:
        count = counted(errors, w["error"], w["errors"])
        said = f"{said}, {count}"
    return said


def summary_markdown(
    results: RunResults,
    *,
    gate: list[str] | None = None,
    trend: dict[str, str] | None = None,
    gate_run: bool = False,
    language: str | None = None,
    report_url: str = "",
) -> str:
    """The summary as Markdown.

    Args:
        results: the run's ledgers and testcases.
        gate: thresholds crossed (``gate.crossings``).
        trend: journey name -> ``started`` / ``again`` / ``stopped`` / ``flaky`` (``TrendStore.changes``).
        gate_run: a ``--gate`` run: the headline says whether the gate passed.
        language: ``en`` or ``nl`` (default: the language the journeys were written in).
        report_url: where CI publishes the run folder (``--report-url``): its files are linked there.
    """
    lang = language or results.language
    with speaking(lang):  # the values' words too: a date's weekday
        return _markdown(results, gate or [], trend or {}, gate_run, lang, report_url)


def _markdown(
    results: RunResults, gate: list[str], trend: dict[str, str], gate_run: bool, lang: str, report_url: str
) -> str:
    w = summary_words(lang)
    failing = [j for j in results.journeys if j.outcome != "passed"]
    errors = [c for c in results.testcases if c.status == "error"]
    # Not finished: a run cut short, a merge missing a shard, a journey that failed before its ledger
    # was written (an unreadable feature file): none of them green.
    unfinished = results.not_finished(errors=False)
    said = headline(results, lang)
    if unfinished:
        said = f"{said}; {w['unfinished'].format(n=len(unfinished))}"
    bad = bool(failing or errors or gate or unfinished)
    verdict = f" · {w['gate_failed'] if bad else w['gate_passed']}" if gate_run else ""
    lines = [f"## {'❌' if bad else '✅'} journeys: {said}{verdict}", ""]
    lines.append(f"{w['run']} `{results.run_id}` · [{w['map']}]({_link(MAP_FILE, report_url)}) · `junit.xml`")
    if failing:
        lines += ["", w["head"], "|---|---|---|---|---|---|---|"]
        cases = {case.name: case for case in results.testcases}
        for journey in failing[:_MOST_JOURNEYS]:
            lines += _rows(journey, cases.get(journey.name), w, results.folder, report_url)
        if len(failing) > _MOST_JOURNEYS:
            lines.append("\n" + w["more"].format(n=len(failing) - _MOST_JOURNEYS))
    lines += promise_lines(results.folder, _cell)  # stored, checked, still outstanding (promises.json)
    sections = [
        (w["Errors"], [f"{c.name}: {c.message}" for c in errors]),
        (w["gate"], gate),
        *((w[kind], sorted(n for n, k in trend.items() if k == kind)) for kind in TREND_KINDS),
        (w["problems"], results.problems),
        (w["not_finished"], results.not_finished(errors=False)),
    ]
    for title, items in sections:
        if items:
            lines += ["", f"**{title}**", *(f"- {_cell(item)}" for item in items[:_MOST_JOURNEYS])]
            if len(items) > _MOST_JOURNEYS:
                lines.append("- " + w["and_more"].format(n=len(items) - _MOST_JOURNEYS))
    return "\n".join(lines) + "\n"


def _rows(journey: JourneyRecord, case: TestCase | None, w: dict[str, str], folder: Path, base: str) -> list[str]:
    """One row per contradicting pair (the first few), or one for a journey stopped by a step error."""
    icon, name = _ICONS.get(journey.outcome, "❔"), _cell(journey.name)
    customer = _cell(str(journey.ledger.customer.get("name") or journey.key))
    if not journey.ledger.violations:
        where = (case.failing_line if case else "") or journey.location
        kind, why = _step_error(relative(case.text or case.message, folder, base=base) if case else "")
        what = f"**{kind}**" if kind else w["step_failed"]
        expected, mail = "", missing_mail(f"{kind}: {why}")
        if mail is not None:  # the mail she waited for, and how long: the rest is in the map's banner
            expected = w["mail"].format(touchpoint=mail.touchpoint)
            why = w["no_mail"].format(seconds=f"{mail.waited:g}") if mail.waited is not None else why
        return [
            f"| {icon} | {name} | {customer} | {_cell(where)} | {what} | {expected} | {_cell(why or w['no_step'])} |"
        ]
    rows = []
    for violation in journey.ledger.violations:
        parts = split(violation)
        what = f"**{violation.name}** {violation.fact}"
        places = list(dict.fromkeys(o.where.touchpoint for o in parts.reference))
        more = f" +{len(places) - _MOST_PLACES}" if len(places) > _MOST_PLACES else ""
        named = ", ".join(places[:_MOST_PLACES]) + more
        expected = f"`{parts.expected}`" if parts.expected else ""
        expected += f" {w['at']} {named}" if named else ""
        odd_ones: list[Observation | None] = [odd for _, odd in parts.pairs] or [None]
        for odd in odd_ones:
            if odd is None:  # nothing was seen at all: the violation's own words
                seen, where = _cell(violation.title), journey.location
            else:
                seen, where = f"`{shown(odd)}` {w['at']} {odd.where.touchpoint}", odd.where.location or ""
            cells = (icon, name, customer, _cell(where), what, _cell(expected), _cell(seen))
            rows.append("| " + " | ".join(cells) + " |")
            icon = name = customer = ""  # the journey's further rows under it
    if len(rows) > _MOST_ROWS:
        rows = [*rows[:_MOST_ROWS], f"| | | | | {w['more_rows'].format(n=len(rows) - _MOST_ROWS)} | | |"]
    return rows


def _step_error(text: str) -> tuple[str, str]:
    """``("MailNotReceived", "dana at email.shipping_notice: no mail ...")`` of a step's error (after its line)."""
    rest = _STEP_PREFIX.sub("", text.strip(), count=1)
    found = _KIND.match(rest)
    return (found.group(1), found.group(2)) if found else ("", rest)


def _cell(text: str) -> str:
    """Text that stays in its table cell: no pipes, no line breaks, not too long."""
    flat = " ".join(str(text).replace("|", "\\|").split())
    return flat if len(flat) <= 240 else flat[:237] + "…"


def _link(name: str, base: str) -> str:
    """A link to a file of the run: under ``base`` (``--report-url``) when CI publishes the run folder there."""
    base = base.rstrip("/")
    return f"{base}/{name}" if base else name
