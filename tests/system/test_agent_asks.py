"""What an agent's screen asks: its forms ask the agent; what the map says it asks, the customer is asked."""

from __future__ import annotations

import textwrap
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

from journeys.channels.base import Reading
from journeys.channels.fake import FakeDriver
from journeys.core.customer import Customer
from journeys.core.secrets import Secrets
from journeys.journey.journey import Journey
from journeys.systems.map_files import load_map
from journeys.systems.tasks import load_tasks

MAP = """\
system: desk
base_url: http://127.0.0.1:9
touchpoints:
  phone.case:
    channel: agent
    url: /cases/{case_number}
    facts:
      case.number: {testid: case-number, kind: text}
      asked: {css: "[data-asks]", attr: data-asks, kind: text, many: true}
"""


class _Clock:
    controllable = False

    def now(self) -> datetime:
        return datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def journey_on(tmp_path: Path) -> Journey:
    (tmp_path / "desk.yaml").write_text(textwrap.dedent(MAP), encoding="utf-8")
    desk = load_map(tmp_path / "desk.yaml")
    system = SimpleNamespace(
        map=desk,
        reports_dir=tmp_path / "reports",
        clock=_Clock(),
        touchpoint=desk.touchpoint,
        tasks=load_tasks(desk),
        secrets=Secrets(),
        driver=lambda channel, journey: FakeDriver({}, channel=channel),
    )
    return Journey(system, Customer.create(5, run_id="desk"), name="desk")  # type: ignore[arg-type]


def test_the_agents_form_asks_the_agent_but_the_script_on_the_screen_asks_her(tmp_path):
    journey = journey_on(tmp_path)
    journey.logged_in("chat.conversation")  # she chatted logged in; the agent asks her all the same
    journey.gave("order_number", "RS-10001", "chat.conversation")
    raw = {"case.number": "C-1002", "asked": ["order_number"]}
    journey.observe(Reading("phone.case", "agent", "/cases/C-1002", raw, asked=["message"]))

    assert [(q.what, q.touchpoint) for q in journey.ledger.questions] == [("order_number", "phone.case")]
    journey.not_asked_twice("order_number")
    [violation] = journey.ledger.violations
    assert "order number asked again at phone.case" in violation.render()
