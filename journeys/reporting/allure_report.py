"""Allure results: every Gherkin step, every touchpoint with its evidence, the ledger.

The only module that imports allure. When pytest runs without
``--alluredir`` these calls cost next to nothing: Allure's hooks have no
listener then.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import TYPE_CHECKING
from uuid import uuid4

import allure
from allure_commons import plugin_manager

from journeys.effort import effort

if TYPE_CHECKING:
    from journeys.channels.base import Reading
    from journeys.gherkin.feature import Scenario
    from journeys.journey import Journey
    from journeys.records import Observation

_TYPES = {
    ".png": allure.attachment_type.PNG,
    ".eml": allure.attachment_type.TEXT,
    ".json": allure.attachment_type.JSON,
    ".zip": None,
    ".html": allure.attachment_type.HTML,
}


def scenario(scenario: Scenario) -> None:
    """Name the test after the scenario and label it with its feature, folder and tags."""
    allure.dynamic.title(scenario.title)
    allure.dynamic.feature(scenario.feature)
    allure.dynamic.description(scenario.location)
    for tag in scenario.tags:
        allure.dynamic.tag(tag)


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


def follow(journey: Journey) -> None:
    """Report each touchpoint of ``journey`` as a sub-step with its facts and evidence."""
    root = Path(journey.system.reports_dir)
    journey.on_touchpoint(lambda name, reading, seen: _touchpoint(name, reading, seen, root))
    # Excluded from Allure's history id: the same journey with another customer is the same test.
    allure.dynamic.parameter("customer", f"{journey.customer.name} <{journey.customer.email}>", excluded=True)
    allure.dynamic.parameter(
        "seed", f"{journey.customer.seed} (replay with --seed {journey.customer.seed})", excluded=True
    )
    allure.dynamic.label("customer_segment", journey.customer.segment)


def _touchpoint(name: str, reading: Reading, seen: dict[str, Observation], root: Path) -> None:
    facts = {fact: (obs.raw if obs.raw is not None else "(not shown)") for fact, obs in seen.items()}
    with allure.step(f"{reading.channel} · {name}"):
        allure.attach(
            "\n".join(f"{k}: {v}" for k, v in facts.items()) + f"\n\nat {reading.url}",
            name=f"{name}: facts",
            attachment_type=allure.attachment_type.TEXT,
        )
        for path in reading.evidence:
            attach_file(root / path, name=f"{name}: {Path(path).name}")


def attach_file(full: Path, *, name: str | None = None) -> None:
    if not full.exists():
        return
    kind = _TYPES.get(full.suffix)
    if kind is None and full.suffix == ".zip":
        allure.attach.file(str(full), name=name or full.name, extension="zip")
        return
    allure.attach.file(
        str(full), name=name or full.name, attachment_type=kind or (mimetypes.guess_type(full.name)[0] or "text/plain")
    )


def conclude(journey: Journey) -> None:
    """At the scenario's end, on the test itself: the violations and the effort score."""
    score = effort(journey.ledger)
    allure.dynamic.parameter(
        "effort score",
        excluded=True,
        value=f"{score.score} ({score.touchpoints} touchpoints,"
        f" {score.channel_switches} channel switches, {score.repeated_questions} repeated"
        f" questions, {score.broken_promises} broken promises)",
    )
    if journey.ledger.violations:
        allure.attach(
            "\n\n".join(v.render() for v in journey.ledger.violations),
            name="violations",
            attachment_type=allure.attachment_type.TEXT,
        )


def attach_ledger(journey: Journey, ledger_path: Path) -> None:
    """After the journey: the whole ledger as JSON and the browser trace of a failed journey."""
    allure.attach.file(str(ledger_path), name="ledger", attachment_type=allure.attachment_type.JSON)
    attach_file(ledger_path.parent / "trace.zip", name="Playwright trace (open with `playwright show-trace`)")
