"""A question is recorded as the thing it asks for, and asking a guest again for it is a repeat."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from journeys.channels.fake import FakeDriver
from journeys.core.customer import Customer
from journeys.errors import ConfigError
from journeys.journey.journey import Journey
from journeys.systems.map_files import load_map

MAP = """\
system: helpdesk
base_url: http://127.0.0.1:9
fields:
  ref: ticket reference
touchpoints:
  web.new_ticket:
    channel: web
    url: /tickets/new
    facts:
      title: {css: h1}
  web.followup:
    channel: web
    url: /tickets/followup
    facts:
      title: {css: h1}
"""


def journey_on(tmp_path: Path, asked: dict[str, list[str]]) -> Journey:
    (tmp_path / "helpdesk.yaml").write_text(MAP, encoding="utf-8")
    desk = load_map(tmp_path / "helpdesk.yaml")
    readings = {name: {"title": "Ticket"} for name in asked}

    def driver(channel: str, journey: Any) -> Any:
        return FakeDriver(readings, channel=channel, asked=asked)

    system = SimpleNamespace(
        map=desk,
        reports_dir=tmp_path / "reports",
        clock=SimpleNamespace(controllable=False, now=lambda: datetime(2026, 12, 1, tzinfo=UTC)),
        driver=driver,
        touchpoint=desk.touchpoint,
    )
    return Journey(system, Customer.create(5, run_id="asked"), name="asked")  # type: ignore[arg-type]


def test_a_guest_asked_again_under_another_field_name_is_asked_twice(tmp_path):
    journey = journey_on(
        tmp_path, {"web.new_ticket": ["submitter_email", "ref"], "web.followup": ["email_address", "ref"]}
    )
    journey.visit("web.new_ticket")
    journey.gave("submitter_email", journey.customer.email, "web.new_ticket")  # a task gives the form's field
    journey.gave("ref", "T-1", "web.new_ticket")
    assert not journey.identified  # a guest: nobody set a flag
    journey.visit("web.followup")
    journey.not_asked_twice()
    titles = sorted(v.title for v in journey.ledger.violations)
    journey.close()
    assert [q.what for q in journey.ledger.questions] == ["email", "ticket_reference"] * 2
    assert titles == ["email asked again at web.followup", "ticket reference asked again at web.followup"]


def test_a_field_the_map_gives_no_meaning_is_refused(tmp_path):
    (tmp_path / "helpdesk.yaml").write_text(MAP.replace("ref: ticket reference", "ref: ''"), encoding="utf-8")
    with pytest.raises(ConfigError, match=r"helpdesk.yaml:4: fields/ref: must name what the field asks for"):
        load_map(tmp_path / "helpdesk.yaml")


def test_a_task_learns_what_a_touchpoint_asked_her_last_time_by_meaning(tmp_path):
    journey = journey_on(tmp_path, {"web.new_ticket": ["submitter_email", "ref"], "web.followup": []})
    assert journey.asked("web.new_ticket") == ()  # not been there yet
    journey.visit("web.new_ticket")
    journey.visit("web.followup")
    assert journey.asked("web.new_ticket") == ("email", "ticket_reference")
    assert journey.asked("web.followup") == ()  # it asked nothing
    journey.close()
