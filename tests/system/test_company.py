"""A company of several systems: maps loaded together, tasks found across them, one session for all."""

from __future__ import annotations

import textwrap
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from journeys.errors import ConfigError
from journeys.journey.session import SystemSession
from journeys.systems.company import CompanyTasks, load_maps

SHOP = """\
system: shop
base_url: {url}
tasks: shop_tasks
mail: {{driver: capture}}
credentials:
  agent: {{user_env: SHOP_AGENT_USER, password_env: SHOP_AGENT_PASSWORD}}
touchpoints:
  web.order:
    channel: web
    url: /orders/{{order_number}}
    facts:
      order.number: {{testid: order-number, kind: order_ref}}
"""

DESK = """\
system: helpdesk
base_url: {url}
tasks: helpdesk_tasks
mail: {{driver: capture}}
credentials:
  desk_agent: {{user_env: DESK_USER, password_env: DESK_PASSWORD}}
facts:
  ticket.reference: {{en: ticket reference, nl: het ticketnummer}}
segments: {{guest: family}}
touchpoints:
  {name}:
    channel: agent
    role: desk_agent
    url: /desk/{{order_number}}
    facts:
      order.number: {{testid: desk-order, kind: order_ref}}
"""

TASKS = """\
from journeys.systems.tasks import task


@task("{name}")
def run(journey):
    return "{system}"


@task("log in")
def log_in(journey):
    return "{system} login"
"""


@pytest.fixture
def site() -> Iterator[str]:
    """A system that answers every request (the session only checks that it is there)."""

    class Answer(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Answer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def systems(tmp_path: Path, url: str, desk_touchpoint: str = "desk.ticket") -> tuple[Path, Path]:
    shop, desk = tmp_path / "shop.yaml", tmp_path / "helpdesk.yaml"
    shop.write_text(SHOP.format(url=url), encoding="utf-8")
    desk.write_text(DESK.format(url=url, name=desk_touchpoint), encoding="utf-8")
    (tmp_path / "shop_tasks.py").write_text(TASKS.format(name="place order", system="shop"))
    (tmp_path / "helpdesk_tasks.py").write_text(TASKS.format(name="file complaint", system="helpdesk"))
    return shop, desk


def test_a_touchpoint_name_two_maps_share_is_refused_naming_both_files(tmp_path):
    shop, desk = systems(tmp_path, "http://127.0.0.1:9", desk_touchpoint="web.order")
    with pytest.raises(ConfigError) as info:
        load_maps([shop, desk])
    message = str(info.value)
    assert f"touchpoint 'web.order' is in two maps: {shop}:8 (shop) and {desk}:11 (helpdesk)." in message
    assert "rename one (e.g. helpdesk.order)" in message


def test_one_system_loaded_twice_is_refused(tmp_path):
    shop, _ = systems(tmp_path, "http://127.0.0.1:9")
    with pytest.raises(ConfigError, match="two maps are system 'shop'"):
        load_maps([shop, shop])


def test_tasks_are_found_across_systems_and_a_shared_name_can_be_qualified(tmp_path):
    maps = load_maps(list(systems(tmp_path, "http://127.0.0.1:9")))
    tasks = CompanyTasks.of(maps)
    assert tasks.names == ["file complaint", "log in", "place order"]
    assert tasks.system_of("File  Complaint") == "helpdesk"
    assert tasks.system_of("log in") == "shop"  # the first system that has it
    assert tasks.system_of("helpdesk: log in") == "helpdesk"
    assert tasks.run("helpdesk: log in", object()) == "helpdesk login"
    assert "helpdesk: place order" not in tasks
    with pytest.raises(ConfigError, match="no task 'file complain'.* Did you mean 'file complaint'"):
        tasks.system_of("file complain")


def test_one_session_holds_every_system_with_its_own_address_mail_and_staff(tmp_path, site, monkeypatch):
    monkeypatch.setenv("DESK_PASSWORD", "not-the-run's-1")  # the process's environment: never read inside
    variables = {"DESK_USER": "desk", "DESK_PASSWORD": "desk-secret-1"}  # the run's, read where it started
    session = SystemSession(list(systems(tmp_path, site)), reports_dir=tmp_path / "reports", environ=variables)
    try:
        assert session.systems == ["shop", "helpdesk"]
        assert session.touchpoint("desk.ticket").system == "helpdesk"
        assert session.part("helpdesk").base_url == site
        # Both maps capture mail with no port of their own: one capture serves both.
        assert session.part("helpdesk").mail_capture is session.mail_capture is not None
        assert session.segments == {"guest": "family"}
        assert session.fact_words() == {"ticket reference": "ticket.reference", "het ticketnummer": "ticket.reference"}
        assert session.secrets.redact("pw desk-secret-1") != "pw desk-secret-1"  # every map's secrets masked
        assert session.secrets.redact("pw not-the-run's-1") == "pw not-the-run's-1"
        with pytest.raises(ConfigError, match="no touchpoint 'desk.tiket' in the maps of shop, helpdesk"):
            session.touchpoint("desk.tiket")
    finally:
        session.close()


def test_a_staff_role_the_map_does_not_have_is_refused_naming_the_roles(tmp_path, site):
    from journeys.journey.parts import SystemView

    session = SystemSession(list(systems(tmp_path, site)), reports_dir=tmp_path / "reports")
    try:
        view = SystemView(session, session.part("helpdesk"), "desk_agent")
        assert view.map.credentials["agent"] == {"user_env": "DESK_USER", "password_env": "DESK_PASSWORD"}
        assert view.base_url == site and view.secrets is session.secrets
        with pytest.raises(ConfigError, match=r"no credentials for staff role 'supervisor' \(roles: desk_agent\)"):
            SystemView(session, session.part("helpdesk"), "supervisor")
    finally:
        session.close()


def test_a_chosen_smtp_port_is_where_every_captured_system_gets_its_mail(tmp_path, site, closed_port):
    session = SystemSession(list(systems(tmp_path, site)), reports_dir=tmp_path / "reports", smtp_port=closed_port)
    try:
        assert session.mail_capture.port == closed_port
        assert session.part("helpdesk").mail_capture is session.mail_capture
    finally:
        session.close()


def test_a_system_without_an_address_says_which_and_how_to_give_one(tmp_path):
    shop = tmp_path / "shop.yaml"
    shop.write_text(textwrap.dedent("system: shop\ntouchpoints: {}\n"), encoding="utf-8")
    with pytest.raises(ConfigError, match=r"no base_url and no embedded system for shop: .* base_url: \$\{SHOP_URL\}"):
        SystemSession(str(shop), reports_dir=tmp_path / "reports")


@pytest.fixture
def closed_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_variable_a_map_needs_and_the_run_was_not_given_stops_the_session_naming_its_line(tmp_path, monkeypatch):
    shop, desk = systems(tmp_path, "http://127.0.0.1:9")
    desk.write_text(desk.read_text(encoding="utf-8").replace("http://127.0.0.1:9", "${DESK_URL}"), encoding="utf-8")
    monkeypatch.setenv("DESK_URL", "http://127.0.0.1:9")  # in the process's environment: not the run's variables
    with pytest.raises(ConfigError) as info:
        SystemSession([shop, desk], reports_dir=tmp_path / "reports", environ={})
    line = next(i for i, text in enumerate(desk.read_text().splitlines(), 1) if "${DESK_URL}" in text)
    assert str(info.value) == (
        f"{desk}:{line}: base_url: ${{DESK_URL}} is not set. Set DESK_URL in the environment journeys starts in"
        " (export DESK_URL=...), or give the map a default: ${DESK_URL:-...}."
    )
