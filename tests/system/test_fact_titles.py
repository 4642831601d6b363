"""A violation names a map's own fact by the words the map declared for it, not by its id."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from journeys.channels.fake import FakeDriver
from journeys.core.customer import Customer
from journeys.core.rules.fact_kinds import words
from journeys.journey.journey import Journey
from journeys.systems.map_files import load_map

MAP = """\
system: helpdesk
base_url: http://127.0.0.1:9
facts:
  ticket.due: {en: [due date, answer date], nl: de antwoorddatum, kind: date}
touchpoints:
  web.ticket:
    channel: web
    url: /ticket
    facts:
      ticket.due: {testid: due, kind: date}
  api.ticket:
    channel: api
    request: {path: /api/ticket}
    facts:
      ticket.due: {jsonpath: $.due, kind: date}
"""


def test_a_contradiction_is_headed_with_the_declared_words(tmp_path: Path):
    (tmp_path / "helpdesk.yaml").write_text(MAP, encoding="utf-8")
    desk = load_map(tmp_path / "helpdesk.yaml")
    readings = {"web.ticket": {"ticket.due": "3 december 2026"}, "api.ticket": {"ticket.due": "2026-12-04"}}

    def driver(channel: str, journey: Any) -> Any:
        return FakeDriver(readings, channel=channel)

    system = SimpleNamespace(
        map=desk,
        reports_dir=tmp_path / "reports",
        clock=SimpleNamespace(controllable=False, now=lambda: datetime(2026, 12, 1, tzinfo=UTC)),
        driver=driver,
        touchpoint=desk.touchpoint,
    )
    journey = Journey(system, Customer.create(5, run_id="titles"), name="titles")  # type: ignore[arg-type]
    journey.visit("web.ticket")
    journey.visit("api.ticket")
    journey.agree("ticket.due")
    titles = [v.title for v in journey.ledger.violations]
    journey.close()
    assert titles and titles[0].startswith("due date ") and "ticket due" not in titles[0]
    assert words("ticket.due") == "ticket due"  # outside the journey, the id's words again
