"""The run's header names each system and the address its journeys go to."""

from __future__ import annotations

from journeys.plugin import systems_at

SHOP = """\
system: shop
base_url: ${SHOP_URL}
touchpoints:
  web.home: {channel: web, url: /, facts: {title: {css: h1}}}
"""
HELPDESK = """\
system: helpdesk
base_url: http://127.0.0.1:8001/desk
touchpoints:
  desk.home: {channel: web, url: /, facts: {title: {css: h1}}}
"""


def test_two_external_systems_are_each_named_with_their_address(tmp_path):
    variables = {"SHOP_URL": "http://127.0.0.1:8000"}  # the run's, read where it started
    (tmp_path / "shop.yaml").write_text(SHOP, encoding="utf-8")
    (tmp_path / "helpdesk.yaml").write_text(HELPDESK, encoding="utf-8")
    systems = [str(tmp_path / "shop.yaml"), str(tmp_path / "helpdesk.yaml")]
    assert systems_at(systems, None, variables) == (
        "systems shop at http://127.0.0.1:8000, helpdesk at http://127.0.0.1:8001/desk"
    )
    assert systems_at(systems, "http://10.0.0.5:80", variables) == (
        "systems shop at http://10.0.0.5:80, helpdesk at http://127.0.0.1:8001/desk"
    )


def test_the_embedded_shop_is_said_to_be_started_for_the_run(monkeypatch):
    monkeypatch.delenv("JOURNEYS_BASE_URL", raising=False)
    monkeypatch.delenv("JOURNEYS_TEST_BASE_URL", raising=False)
    assert systems_at("refshop", None) == "system refshop at an embedded refshop started for this run"
