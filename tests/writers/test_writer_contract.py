"""The catalogue names each step's contract (its tasks and touchpoints); lint holds a system to it,
knows a map's own fact words, and checks a journey across several systems."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from journeys.vocabulary import decorators as vocabulary
from journeys.vocabulary.catalogue import render
from journeys.vocabulary.fact_words import fact_named, use_words
from journeys.vocabulary.lint import lint
from journeys.vocabulary.needs import infer, task_names
from journeys.vocabulary.sentences import Catalogue, Sentence

ROOT = Path(__file__).resolve().parents[2]

SHOP = """\
system: shop
base_url: http://127.0.0.1:9
tasks: shop_tasks
touchpoints:
  web.order_confirmation:
    channel: web
    url: /orders/{order_number}
    facts:
      order.number: {testid: order-number, kind: order_ref}
"""

DESK = """\
system: helpdesk
base_url: http://127.0.0.1:9
facts:
  ticket.reference: {en: ticket reference, nl: het ticketnummer}
touchpoints:
  desk.ticket:
    channel: agent
    url: /desk
    facts:
      ticket.reference: {testid: ref}
      order.number: {testid: order, kind: order_ref}
"""


def _order(journey, sku):
    journey.do("place order", sku=sku)
    journey.read("web.order_confirmation")


def _agree(journey, fact):
    journey.agree(fact)


def _knows(journey, touchpoint, fact):
    journey.known_at(touchpoint, fact)


def catalogue() -> Catalogue:
    found = Catalogue()
    steps = [
        ("when", 'she orders a "{sku}"', 'ze een "{sku}" bestelt', _order, None),
        ("when", "she files a ticket", "ze een ticket indient", None, ("task:file ticket", "desk.ticket")),
        ("then", "every touchpoint agrees on the {fact}", "is elk contactpunt het eens over {fact}", _agree, None),
        ("then", "{touchpoint} knows her {fact}", "kent {touchpoint} haar {fact}", _knows, ("{touchpoint}",)),
    ]
    for key, (kind, en, nl, func, needs) in enumerate(steps, start=1):
        contract = needs if needs is not None else infer(func)
        for language, pattern in (("en", en), ("nl", nl)):
            found.sentences.append(Sentence(kind, language, pattern, pattern, "A step.", "test", func, contract, key))
    return found


@pytest.fixture
def company(tmp_path: Path) -> Path:
    systems = tmp_path / "fixtures" / "systems"
    systems.mkdir(parents=True)
    (systems / "shop.yaml").write_text(SHOP, encoding="utf-8")
    (systems / "helpdesk.yaml").write_text(DESK, encoding="utf-8")
    (systems / "shop_tasks.py").write_text(
        'from journeys.systems.tasks import task\n\n\n@task("Place  Order")\ndef place(journey, sku):\n    pass\n'
    )
    (tmp_path / "features").mkdir()
    return tmp_path


def test_a_steps_needs_are_read_from_its_body_unless_declared():
    assert infer(_order) == ("task:place order", "web.order_confirmation")
    assert infer(_knows) == ()

    @vocabulary.then(en="a contract test step", nl="een contracttestzin", needs=("task:x", "web.y"))
    def declared(journey):
        journey.visit("web.z")

    sentence = next(s for s in vocabulary.CATALOGUE.sentences if s.func is declared)
    assert sentence.needs == ("task:x", "web.y")
    vocabulary.CATALOGUE.sentences[:] = [s for s in vocabulary.CATALOGUE.sentences if s.func is not declared]


def test_task_names_are_read_from_a_task_module_without_importing_it(company):
    assert task_names(company / "fixtures/systems/shop_tasks.py") == {"place order"}


def test_lint_reports_each_task_and_touchpoint_the_system_lacks(company):
    feature = company / "features" / "ticket.feature"
    feature.write_text(
        'Feature: F\n  Scenario: S\n    When she orders a "tab"\n    And she files a ticket\n'
        "    Then every touchpoint agrees on the order number\n",
        encoding="utf-8",
    )
    problems = [str(p) for p in lint([str(feature)], system="shop", root=company, catalogue=catalogue())]
    # In the writer's words, quoting her line: what the system lacks, and what her team's developer adds where.
    assert problems == [
        f"{_shown(feature)}:4: 'And she files a ticket' needs shop to know how to 'file ticket', and it does not"
        ' yet: your team\'s developer adds @task("file ticket") to'
        f" {_shown(company / 'fixtures/systems/shop_tasks.py')}"
        " (docs/new-system.md), or write a step that `journeys steps --system shop` lists",
        f"{_shown(feature)}:4: 'And she files a ticket' reads desk.ticket, which shop does not have: your team's"
        f" developer maps it under `touchpoints:` in {_shown(company / 'fixtures/systems/shop.yaml')}"
        " (docs/new-system.md), or write a step that `journeys steps --system shop` lists",
    ]


def test_lint_knows_a_maps_own_fact_words_and_touchpoints_across_systems(company):
    feature = company / "features" / "across.feature"
    feature.write_text(
        '# language: nl\nFunctionaliteit: F\n  Scenario: S\n    Als ze een "tab" bestelt\n'
        "    Dan is elk contactpunt het eens over het ticketnummer\n"
        "    En kent desk.ticket haar bestelnummer\n",
        encoding="utf-8",
    )
    both = lint([str(feature)], system=["shop", "helpdesk"], root=company, catalogue=catalogue())
    assert both == []
    shop_only = [str(p) for p in lint([str(feature)], system="shop", root=company, catalogue=catalogue())]
    assert any(":5: onbekend feit 'het ticketnummer'" in p for p in shop_only)
    assert any(":6: onbekend contactpunt 'desk.ticket'" in p for p in shop_only)


def test_a_maps_fact_words_are_the_words_of_the_journey_walking_it():
    with pytest.raises(Exception, match="unknown fact 'the ticket reference'"):
        fact_named("the ticket reference", {})
    token = use_words({"ticket reference": "ticket.reference", "het ticketnummer": "ticket.reference"})
    try:
        assert fact_named("the ticket reference") == "ticket.reference"
        assert fact_named("Het  Ticketnummer") == "ticket.reference"
        assert fact_named("het totaalbedrag") == "order.total"  # the shared words stay
    finally:
        from journeys.vocabulary.fact_words import _DECLARED

        _DECLARED.reset(token)


def test_the_catalogue_names_each_steps_contract():
    text = render("en", catalogue=catalogue())
    assert "needs: task 'place order'; touchpoint web.order_confirmation" in text
    assert "needs: task 'file ticket'; touchpoint desk.ticket" in text
    assert "needs: the touchpoint {touchpoint}" in text
    markdown = render("en", markdown=True, catalogue=catalogue())
    assert "needs: task `place order`; touchpoint `web.order_confirmation`" in markdown


def test_steps_for_a_system_lists_its_fact_words_and_what_it_lacks(company, monkeypatch):
    monkeypatch.chdir(company)
    text = render("en", catalogue=catalogue(), system="helpdesk")
    assert "helpdesk lacks: task 'place order'; touchpoint web.order_confirmation" in text
    assert "== facts of helpdesk ==" in text
    assert "  ticket.reference: ticket reference / het ticketnummer (text)" in text
    assert "  order.number: order number / order reference / het bestelnummer / het ordernummer" in text


def test_the_steps_command_takes_a_system(company, monkeypatch):
    from journeys.cli import main

    monkeypatch.chdir(company)
    result = CliRunner().invoke(main, ["steps", "--lang", "en", "--system", "helpdesk"])
    assert result.exit_code == 0, result.output
    assert "== facts of helpdesk ==" in result.output
    missing = CliRunner().invoke(main, ["steps", "--system", "nowhere"])
    assert missing.exit_code == 1 and "no touchpoint map for system 'nowhere'" in missing.output


def test_the_bundled_helpdesk_features_lint_clean_against_both_systems(monkeypatch):
    monkeypatch.chdir(ROOT)
    # The helpdesk's map is the repository's own (fixtures/systems/helpdesk.yaml), found by name as a project's.
    problems = lint([str(ROOT / "tests/systems/helpdesk/features")], system=["refshop", "helpdesk"])
    assert problems == []


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
