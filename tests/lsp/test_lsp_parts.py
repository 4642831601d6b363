"""The language server's parts, in process: reading a half-written feature, the parameter under the
cursor, lint's words turned into fixes, a tag registered in pyproject.toml."""

from __future__ import annotations

import importlib
import re
import sys
import textwrap
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from lsprotocol import types

from journeys.lsp.actions import code_actions
from journeys.lsp.completion import complete
from journeys.lsp.diagnostics import diagnose, suggested
from journeys.lsp.document import read
from journeys.lsp.project import Project, Settings
from journeys.lsp.story_at import field_at
from journeys.vocabulary import catalogue
from journeys.vocabulary.decorators import CATALOGUE
from journeys.vocabulary.lint import lint

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module", autouse=True)
def catalogue_as_it_was() -> Iterator[None]:
    """A project read here imports its own steps into this process: they go again afterwards."""
    importlib.import_module("journeys.steps")  # the bundled steps first, or the restored catalogue would lack them
    sentences, modules, path = list(CATALOGUE.sentences), set(sys.modules), list(sys.path)
    loaded = set(catalogue._LOADED)
    yield
    CATALOGUE.sentences[:] = sentences
    for name in set(sys.modules) - modules:
        if not name.startswith(("journeys.", "refshop")):  # journeys' own stay: a second copy of a class is not it
            del sys.modules[name]
    sys.path[:] = path
    catalogue._LOADED.intersection_update(loaded)


@pytest.fixture(scope="module")
def project() -> Project:
    return Project(Settings.of(ROOT))


def feature(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def test_a_half_written_feature_has_its_steps_scenarios_and_backgrounds():
    document = read(
        feature(
            """
            # language: nl
            Functionaliteit: Bestellen
              Achtergrond:
                Gegeven een klant
              Scenario: Eén
                Als ze een "tablet-10" bestelt in de webwinkel
                En
              Regel: Retouren
                Scenario: Twee
                  Dan is elk contactpunt het eens over
            """
        )
    )
    assert document.language == "nl"
    assert [(s.line, s.keyword, s.kind, s.text) for s in document.steps()] == [
        (3, "Gegeven", "given", "een klant"),
        (5, "Als", "when", 'ze een "tablet-10" bestelt in de webwinkel'),
        (6, "En", "when", ""),
        (9, "Dan", "then", "is elk contactpunt het eens over"),
    ]
    assert [s.line for s in document.before(6)] == [3, 5]  # the background, then her scenario up to the line
    assert [s.line for s in document.before(9)] == [3]  # a rule's scenario lives the feature's background too
    assert document.kind_before(7) == "when"


def test_the_parameter_under_the_cursor_quoted_or_not(project: Project):
    document = read(
        feature(
            """
            Feature: Words
              Scenario: One
                Given a customer in the "stu" segment
                Then every touchpoint agrees on the ord
                And she was told the order total is €
            """
        )
    )
    quoted = field_at(project, document, document.steps()[0], document.lines[2].index("stu") + 3)
    assert quoted is not None and quoted.name == "segment"
    assert (quoted.start, quoted.end) == (document.lines[2].index("stu"), document.lines[2].index('" segment'))
    unquoted = field_at(project, document, document.steps()[1], len(document.lines[3]))
    assert unquoted is not None and unquoted.name == "fact" and unquoted.end == len(document.lines[3])
    second = field_at(project, document, document.steps()[2], len(document.lines[4]))
    assert second is not None and second.name == "amount"  # the later field wins over "order total"


def test_snippets_offer_each_parameters_words_escaped(project: Project):
    document = read(feature("Feature: x\n  Scenario: y\n    Given a customer\n    When \n"))
    then = read(feature("Feature: x\n  Scenario: y\n    Given a customer\n    Then she was told\n"))
    items = complete(project, document, 3, 9, snippets=True)
    order = next(i for i in items if re.fullmatch(r'she orders a "[\w-]+" on the web shop', i.label))
    assert isinstance(order.text_edit, types.TextEdit)
    snippet = r'she orders \$\{1\|a,2\|\} "\$\{2\|([\w,-]+)\|\}" on the web shop\$0'
    edit = re.fullmatch(snippet, order.text_edit.new_text)
    assert edit is not None and {"tablet-10", "headphones", "game-quest"} <= set(edit[1].split(","))
    told = next(
        i
        for i in complete(project, then, 3, len("    Then she was told"), snippets=True)
        if i.label.startswith("she was told the order total is €")
    )
    assert isinstance(told.text_edit, types.TextEdit)
    assert "|€ 329\\,00" in told.text_edit.new_text  # a comma inside a choice is escaped


def test_the_fixes_a_message_offers_are_the_quoted_steps_other_than_her_own():
    message = (
        "voor 'Dan is elk contactpunt het eens over het totaalbedrag' is eerst een bestelling nodig: zet"
        " 'Als ze een \"tablet-10\" bestelt in de webwinkel' of 'Als ze de agent's lijst opent' ervoor"
    )
    assert suggested(message, "Dan is elk contactpunt het eens over het totaalbedrag") == [
        'Als ze een "tablet-10" bestelt in de webwinkel',
        "Als ze de agent's lijst opent",
    ]


def test_diagnostics_are_lints_own_problems_on_the_unsaved_text(project: Project, tmp_path: Path):
    text = feature(
        """
        @nightly @smok
        Feature: Typos
          Scenario: A typo and a step too early
            Given a customer
            Then every touchpoint agrees on the order total
            When she orders a "tablet-11" on the webshop
        """
    )
    path = tmp_path / "typos.feature"
    path.write_text(text, encoding="utf-8")
    found = diagnose(project, read(text), text, str(path))
    assert sorted((d.range.start.line + 1, d.message) for d in found) == sorted(
        (p.line, p.message) for p in lint([str(path)], root=ROOT)
    )
    assert found


def test_registering_a_tag_adds_it_to_the_tags_already_there(tmp_path: Path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.journeys]\ntags = ["smoke"]\n')
    (tmp_path / "steps").mkdir()
    project = Project(Settings.of(tmp_path))
    text = "@black-friday\nFeature: x\n  Scenario: y\n    Given a customer\n"
    document = read(text)
    found = diagnose(project, document, text, "x.feature")
    actions = code_actions(project, document, "file:///x.feature", found)
    register = next(a for a in actions if a.title == "Register @black-friday in pyproject.toml")
    assert register.edit is not None and register.edit.document_changes
    change = register.edit.document_changes[-1]
    assert isinstance(change, types.TextDocumentEdit)
    lines = (tmp_path / "pyproject.toml").read_text().splitlines()
    edit = change.edits[0]
    lines[edit.range.start.line] = edit.new_text
    assert tomllib.loads("\n".join(lines))["tool"]["journeys"]["tags"] == ["smoke", "black-friday"]


def test_an_empty_file_offers_the_lines_a_journey_starts_with(project: Project):
    def offered(text: str, line: int) -> list[str]:
        return [item.label for item in complete(project, read(text), line, 0, snippets=False)]

    assert offered("", 0) == ["# language: nl", "Feature:"]
    assert offered("# language: nl\n", 1) == ["Functionaliteit:"]
    assert offered("# language: nl\nFunctionaliteit: Bestellen\n\n", 3) == ["Scenario:"]
    assert offered("Feature: Ordering\n  # a comment", 1) == []
    given = offered("Feature: Ordering\n  Scenario: One\n", 2)  # the empty line after the last newline
    assert "Given a customer" in given and all(label.startswith("Given ") for label in given)


def test_the_projects_own_map_gives_its_words_and_its_lines(tmp_path: Path):
    from journeys.lsp.under_cursor import definition
    from journeys.run.project_init import init_project

    init_project(tmp_path)
    project = Project(Settings.of(tmp_path, ["mysystem"]))
    assert project.errors == []
    assert project.words.of("touchpoint", "en") == sorted(project.maps[0].touchpoints)
    text = "Feature: x\n  Scenario: y\n    Given a customer\n    When she visits the touchpoint web.product\n"
    found = definition(project, read(text), 3, text.splitlines()[3].index("web.product") + 2)
    assert found is not None and found.uri == (tmp_path / "fixtures" / "systems" / "mysystem.yaml").resolve().as_uri()
    line = (tmp_path / "fixtures" / "systems" / "mysystem.yaml").read_text().splitlines()[found.range.start.line]
    assert line.strip().startswith("web.product:")


def test_right_after_the_keyword_the_sentences_come_with_it(project: Project):
    document = read(
        "# language: nl\nFunctionaliteit: x\n  Scenario: y\n    Gegeven een klant\n"
        '    Als ze een "tablet-10" bestelt in de webwinkel\n    Dan\n'
    )
    items = complete(project, document, 5, len("    Dan"), snippets=False)
    assert items and all(item.label.startswith("Dan ") for item in items)
    edit = items[0].text_edit
    assert isinstance(edit, types.TextEdit) and edit.range.start.character == 4
