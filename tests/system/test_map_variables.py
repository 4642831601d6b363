"""The maps' variables are read once, where a run starts, into its settings: only those the maps name."""

from __future__ import annotations

from pathlib import Path

from journeys.run.settings import RunSettings
from journeys.systems.map_files import load_map, map_variables
from journeys.systems.templates import variable_names

DESK = """\
system: desk
base_url: ${DESK_URL}
mail: {driver: capture, port: "${DESK_SMTP_PORT:-0}"}
credentials:
  agent: {user_env: DESK_USER, password_env: 'DESK_PASSWORD'}
touchpoints:
  desk.home: {channel: web, url: "${DESK_HOME:-/}", facts: {title: {css: h1}}}
"""


def test_a_map_names_its_addresses_and_the_variables_of_its_secrets():
    assert variable_names(DESK) == {"DESK_URL", "DESK_SMTP_PORT", "DESK_USER", "DESK_PASSWORD", "DESK_HOME"}


def test_only_the_variables_the_maps_name_are_read_from_the_environment(tmp_path: Path):
    systems = tmp_path / "fixtures" / "systems"
    systems.mkdir(parents=True)
    (systems / "desk.yaml").write_text(DESK, encoding="utf-8")
    given = tmp_path / "elsewhere.yaml"
    given.write_text("system: other\nbase_url: ${OTHER_URL}\ntouchpoints: {}\n", encoding="utf-8")
    environ = {"DESK_URL": "http://desk.test", "DESK_PASSWORD": "pw-1", "OTHER_URL": "http://o.test", "HOME": "/x"}
    environ |= {"REFSHOP_AGENT_PASSWORD": "shop-pw"}  # the bundled map's
    found = map_variables([str(given), "desk"], environ, systems)
    assert found == {
        "DESK_PASSWORD": "pw-1",
        "DESK_URL": "http://desk.test",
        "OTHER_URL": "http://o.test",
        "REFSHOP_AGENT_PASSWORD": "shop-pw",
    }


def test_a_map_read_with_the_variables_is_resolved_and_says_what_was_not_set(tmp_path: Path):
    path = tmp_path / "desk.yaml"
    path.write_text(DESK, encoding="utf-8")
    shape = load_map(path)  # lint, the catalogue, the editor: no variables
    assert shape.base_url is None and [(u.name, u.line, u.key) for u in shape.unset] == [("DESK_URL", 2, "base_url")]
    assert shape.unset_problems(base_url_given=True) == []
    run = load_map(path, {"DESK_URL": "http://desk.test/", "DESK_HOME": "/home"})
    assert run.base_url == "http://desk.test/" and run.unset == ()
    assert run.touchpoint("desk.home").url == "/home"


def test_the_settings_carry_the_variables_to_workers_and_never_show_them(monkeypatch, tmp_path: Path):
    monkeypatch.chdir(tmp_path)  # no fixtures/systems here: the bundled map's variables only
    settings = RunSettings.build({}, {"REFSHOP_AGENT_PASSWORD": "Shop-pw-9", "UNRELATED_TOKEN": "t"})
    assert settings.variables == {"REFSHOP_AGENT_PASSWORD": "Shop-pw-9"}
    assert "Shop-pw-9" not in repr(settings)
    assert RunSettings.from_dict(settings.to_dict()).variables == settings.variables


def test_journeys_promises_reads_the_variables_of_the_map_it_is_given(monkeypatch, tmp_path: Path):
    from journeys.promises.promises_settings import PromisesSettings

    monkeypatch.chdir(tmp_path)
    given = tmp_path / "desk.yaml"
    given.write_text(DESK, encoding="utf-8")
    settings = PromisesSettings.build({"system": str(given)}, {"DESK_PASSWORD": "pw-2", "OTHER": "x"})
    assert settings.run.variables == {"DESK_PASSWORD": "pw-2"} and settings.system == str(given)
