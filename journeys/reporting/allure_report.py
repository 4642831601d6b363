"""Allure results: every Gherkin step, every touchpoint with its evidence, the ledger.

The only module that imports allure. When pytest runs without
``--alluredir`` these calls cost next to nothing: Allure's hooks have no
listener then. Evidence is attached, the facts and violations as tables
(``allure_attachments``), and a path in what a person reads is shown from the run
folder and linked (``allure_links``).
"""

from __future__ import annotations

import mimetypes
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any
from uuid import uuid4

import allure
import allure_commons
from allure_commons import plugin_manager
from allure_commons.model2 import Link, StatusDetails

from journeys.core.effort import effort
from journeys.core.rules.odd import shown, split
from journeys.reporting.allure_attachments import facts_csv, mail_parts, violations_html
from journeys.reporting.allure_config import product_defect
from journeys.reporting.allure_links import LinkedPaths, link_url
from journeys.reporting.journey_map import MAP_FILE, lane

if TYPE_CHECKING:
    from journeys.channels.base import Reading
    from journeys.core.records import Observation
    from journeys.journey.journey import Journey
    from journeys.vocabulary.feature import Scenario

_TYPES = {
    ".png": allure.attachment_type.PNG,
    ".json": allure.attachment_type.JSON,
    ".zip": None,
    ".html": allure.attachment_type.HTML,
}
_LINKS_PLUGIN = "journeys-linked-paths"


class _RewriteResults:
    """An allure-commons plugin: each result, before it is written, as a reader should see it.

    The touchpoint steps that showed an odd value (``rules.odd``) failed, with both values in their
    names; a mail that never came or a system down is the product's defect (failed, not broken);
    paths are linked (``allure_links``).
    """

    def __init__(self) -> None:
        self.paths: LinkedPaths | None = None
        self.base = ""  # where CI publishes the run folder (--report-url): paths become links there
        self.touchpoints: list[tuple[str, frozenset[int]]] = []  # each touchpoint step's title, what it showed
        self.odd: dict[int, str] = {}  # an odd observation's seq -> what its step adds to its name

    @allure_commons.hookimpl(tryfirst=True)  # before allure-pytest's file logger writes the result
    def report_result(self, result: object) -> None:
        try:
            self._mark(result)
        except Exception:  # noqa: BLE001 - inside pytest's hooks an error here would end the run: keep the result
            pass
        if self.paths is None:
            return
        try:
            links = self.paths.rewrite_result(result)
        except Exception:  # noqa: BLE001 - inside pytest's hooks an error here would end the run: keep the result
            return
        for name, url in links:
            result.links.append(Link(type="link", url=url, name=name))  # type: ignore[attr-defined]

    def _mark(self, result: Any) -> None:
        pending = list(self.touchpoints)
        for step in _steps(result):
            if product_defect(getattr(step.statusDetails, "message", None)) and step.status == "broken":
                step.status = "failed"
            if pending and step.name == pending[0][0]:
                _, seqs = pending.pop(0)
                notes = [self.odd[seq] for seq in sorted(seqs) if seq in self.odd]
                if notes:
                    step.name = f"{step.name} ✗ {'; '.join(notes)}"
                    step.status = "failed"
                    step.statusDetails = StatusDetails(message="\n".join(notes))
        for step in getattr(result, "steps", None) or []:
            _fail_above(step)
        if result.status == "broken" and product_defect(getattr(result.statusDetails, "message", None)):
            result.status = "failed"
        self.touchpoints, self.odd = [], {}


def _fail_above(step: Any) -> str | None:
    """A step holding a failed step fails with it (the Gherkin step of the touchpoint that showed the odd value):
    a green step must not hide a red one. Returns the failure's message, None when nothing under it failed."""
    below = [message for child in getattr(step, "steps", None) or [] if (message := _fail_above(child)) is not None]
    if below and step.status == "passed":
        step.status = "failed"
        step.statusDetails = StatusDetails(message="\n".join(below))
    if step.status == "failed":
        return getattr(step.statusDetails, "message", None) or step.name
    return None


def _steps(part: Any) -> Iterator[Any]:
    """Every step of a result or step, depth first, in the order they were taken."""
    for step in getattr(part, "steps", None) or []:
        yield step
        yield from _steps(step)


def _plugin() -> _RewriteResults:
    plugin = plugin_manager.get_plugin(_LINKS_PLUGIN)
    if plugin is None:
        plugin = _RewriteResults()
        plugin_manager.register(plugin, _LINKS_PLUGIN)
    return plugin


def rewrite_paths_under(folder: Path, base: str = "") -> None:
    """From now on, rewrite the paths into ``folder`` (the run folder; published at ``base``) in every result this
    process writes."""
    _plugin().base = base
    _plugin().paths = LinkedPaths(folder, base=base)


def _linked(folder: Path) -> LinkedPaths:
    """Paths into ``folder`` as the results show them (under the URL ``follow`` was given)."""
    return LinkedPaths(folder, base=_plugin().base)


def scenario(scenario: Scenario) -> None:
    """Name the test after the scenario; suites by journey folder and feature; example values as parameters.

    Tags are not labelled here: allure-pytest already labels each marker, and the
    plugin marks each scenario with its tags (labelling them again showed them twice).
    """
    allure.dynamic.title(scenario.title)
    allure.dynamic.feature(scenario.feature)
    allure.dynamic.description(scenario.location)
    allure.dynamic.parent_suite(scenario.path.parent.name)  # the journey type: features/<order>/...
    allure.dynamic.suite(scenario.feature)
    if scenario.example:
        allure.dynamic.sub_suite(scenario.name)  # an outline's rows together, each titled with its values
        for column, value in scenario.example:
            allure.dynamic.parameter(column, value)


def start_step(title: str) -> str:
    """Open a step; returns the handle ``stop_step`` closes."""
    uuid = str(uuid4())
    plugin_manager.hook.start_step(uuid=uuid, title=title, params={})
    return uuid


def stop_step(uuid: str, exception: BaseException | None = None) -> None:
    """Close a step: passed, or failed / broken / skipped as ``exception`` says."""
    plugin_manager.hook.stop_step(
        uuid=uuid,
        exc_type=type(exception) if exception else None,
        exc_val=exception,
        exc_tb=exception.__traceback__ if exception else None,
    )


def follow(journey: Journey, report_url: str = "") -> None:
    """Report each touchpoint of ``journey`` as a sub-step with its facts and evidence (linked under ``report_url``,
    where CI publishes the run folder)."""
    root = Path(journey.system.reports_dir)
    rewrite_paths_under(root, report_url)
    _plugin().touchpoints, _plugin().odd = [], {}
    journey_map = link_url(MAP_FILE, report_url)
    if journey_map:
        allure.dynamic.link(journey_map, name="journey map")
    journey.on_touchpoint(lambda name, reading, seen: _touchpoint(journey, name, reading, seen, root))
    # Excluded from Allure's history id: the same journey with another customer is the same test.
    allure.dynamic.parameter("customer", f"{journey.customer.name} <{journey.customer.email}>", excluded=True)
    allure.dynamic.parameter(
        "seed", f"{journey.customer.seed} (replay with --seed {journey.customer.seed})", excluded=True
    )
    allure.dynamic.label("customer_segment", journey.customer.segment)


def _touchpoint(journey: Journey, name: str, reading: Reading, seen: dict[str, Observation], root: Path) -> None:
    visits = journey.ledger.visits
    moment = visits[-1].started if visits and visits[-1].touchpoint == name else reading.seen_at
    when = f" · {moment:%a %d %b %H:%M}" if moment else ""  # the simulated clock, not the wall clock
    title = f"{lane(name, reading.channel)} · {name}{when}"  # app · app.order, as the writer calls it
    _plugin().touchpoints.append((title, frozenset(o.seq for o in seen.values())))
    with allure.step(title):
        secrets = getattr(journey.system, "secrets", None)
        table = facts_csv(seen.values(), reading.url)
        allure.attach(
            _linked(root).text(secrets.redact(table) if secrets is not None else table),
            name=f"{name}: facts",
            attachment_type=allure.attachment_type.CSV,
        )
        for path in reading.evidence:
            attach_file(root / path, name=f"{name}: {Path(path).name}")


def attach_file(full: Path, *, name: str | None = None) -> None:
    if not full.exists():
        return
    if full.suffix == ".eml":  # decoded, as a mail client shows it; the .eml itself stays in the run folder
        text, html_part = mail_parts(full)
        allure.attach(text, name=name or full.name, attachment_type=allure.attachment_type.TEXT)
        if html_part is not None:
            html_name = f"{name or full.name} (HTML part)"
            allure.attach(html_part, name=html_name, attachment_type=allure.attachment_type.HTML)
        return
    kind = _TYPES.get(full.suffix)
    if kind is None and full.suffix == ".zip":
        allure.attach.file(str(full), name=name or full.name, extension="zip")
        return
    allure.attach.file(
        str(full), name=name or full.name, attachment_type=kind or (mimetypes.guess_type(full.name)[0] or "text/plain")
    )


def conclude(journey: Journey) -> None:
    """At the scenario's end, on the test itself: channels, the violations and the effort score."""
    for channel in dict.fromkeys(lane(visit.touchpoint, visit.channel) for visit in journey.ledger.visits):
        allure.dynamic.label("channel", channel)
    score = effort(journey.ledger)
    allure.dynamic.parameter(
        "effort score",
        excluded=True,
        value=f"{score.score} ({score.touchpoints} touchpoints,"
        f" {score.channel_switches} channel switches, {score.repeated_questions} repeated"
        f" questions, {score.broken_promises} broken promises)",
    )
    for violation in journey.ledger.violations:
        parts = split(violation)
        for odd in parts.odd:  # the touchpoint step that showed it fails, saying what and what was expected
            expected = f" ≠ {parts.expected}" if parts.expected else ""
            _plugin().odd.setdefault(odd.seq, f"{violation.name} {odd.fact}: {shown(odd)}{expected}")
    if journey.ledger.violations:
        rendered = "\n\n".join(v.render() for v in journey.ledger.violations)
        allure.attach(
            _linked(Path(journey.system.reports_dir)).text(rendered),
            name="violations",
            attachment_type=allure.attachment_type.TEXT,
        )


def attach_ledger(journey: Journey, ledger_path: Path) -> None:
    """After the journey: the whole ledger as JSON, the browser trace and the violations side by side.

    The table comes last so the text of the violations, the ledger and the trace keep their places.
    The attached ledger names its evidence from the run folder, as the rest of the report does.
    """
    folder = Path(journey.system.reports_dir)
    ledger = _linked(folder).text(ledger_path.read_text(encoding="utf-8"))
    allure.attach(ledger, name="ledger", attachment_type=allure.attachment_type.JSON)
    attach_file(ledger_path.parent / "trace.zip", name="Playwright trace (open with `playwright show-trace`)")
    if journey.ledger.violations:
        allure.attach(
            violations_html(journey.ledger.violations, folder, _plugin().base),
            name="violations (side by side)",
            attachment_type=allure.attachment_type.HTML,
        )
