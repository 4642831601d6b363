"""The language server end to end over stdio: a writer opens a feature, types, and asks."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsp_editor import Editor
from lsprotocol import types
from pytest_lsp import LanguageClient

from journeys.vocabulary.lint import lint

pytestmark = pytest.mark.asyncio(loop_scope="module")

ORDERED = """
    Feature: Ordering

      Scenario: A tablet ordered on the web
        Given a customer
        When she orders a "tablet-10" on the web shop
        Then{cursor}
    """

BESTELD = """
    # language: nl
    Functionaliteit: Bestellen

      Scenario: Een tablet besteld in de webwinkel
        Gegeven een klant
        Als ze een "tablet-10" bestelt in de webwinkel
        Dan{cursor}
    """


def labels(items: list[types.CompletionItem]) -> list[str]:
    return [item.label for item in items]


async def test_after_an_order_the_checks_on_the_order_come_first(client: LanguageClient, project: Path):
    editor = Editor(client, project / "features" / "ordered.feature")
    await editor.open(ORDERED.replace("{cursor}", " "))
    after_order = await editor.complete("    Then ")
    agrees = "every touchpoint agrees on the "
    first = next(i for i, item in enumerate(after_order) if item.label.startswith(agrees))
    assert first < 5, labels(after_order)[:8]
    assert all(not label.startswith(("Given", "When", "Then")) for label in labels(after_order))  # the keyword is there
    assert all(item.label_details is None for item in after_order)  # each can come here, as it is

    await editor.type(
        ORDERED.replace("{cursor}", " ").replace('    When she orders a "tablet-10" on the web shop\n', "")
    )
    before_order = await editor.complete("    Then ")
    assert not any(item.label.startswith(agrees) for item in before_order)  # nothing to agree on yet

    await editor.type(editor.text.replace("    Then ", "    Then every"))
    asked = await editor.complete("    Then every")
    not_yet = next(item for item in asked if item.label.startswith(agrees))
    assert not_yet.label_details is not None and not_yet.label_details.description == (
        "not here (yet), or not on these systems"
    )


async def test_dutch_sentences_after_dan_in_the_files_language(client: LanguageClient, project: Path):
    editor = Editor(client, project / "features" / "besteld.feature")
    await editor.open(BESTELD.replace("{cursor}", " "))
    found = labels(await editor.complete("    Dan "))
    assert "is elk contactpunt het eens over het totaalbedrag" in found[:5], found[:8]
    assert not any(label.startswith(("every ", "she ")) for label in found)


async def test_a_blank_line_offers_the_keyword_and_the_sentence(client: LanguageClient, project: Path):
    editor = Editor(client, project / "features" / "blank.feature")
    await editor.open(ORDERED.replace("{cursor}", " every touchpoint agrees on the order total\n        A"))
    items = await editor.complete("order total\n    A")
    continuing = [item for item in items if item.label.startswith("And ")]
    assert "And every touchpoint agrees on the order total" in labels(continuing)  # a Then step after a Then
    assert not any(item.label.startswith("Then ") for item in items)
    assert {item.label.split()[0] for item in items} == {"And", "Given", "When"}
    edit = continuing[0].text_edit
    assert isinstance(edit, types.TextEdit) and edit.new_text.startswith("And ")
    assert edit.range.start == types.Position(editor.position("    A", after=False).line, 4)


async def test_the_words_of_a_parameter(client: LanguageClient, project: Path):
    editor = Editor(client, project / "features" / "words.feature")
    await editor.open(ORDERED.replace("{cursor}", " every touchpoint agrees on the "))
    found = labels(await editor.complete("agrees on the "))
    assert found[:2] == ["order number", "order reference"], found[:5]
    assert "delivery date" in found

    dutch = Editor(client, project / "features" / "woorden.feature")
    await dutch.open(
        BESTELD.replace("{cursor}", " is elk contactpunt het eens over ").replace(
            "een klant", 'een klant in het segment "ge"'
        )
    )
    segments = labels(await dutch.complete('segment "ge'))
    assert "gezin" in segments and "student" in segments
    facts = labels(await dutch.complete("het eens over "))
    assert "het totaalbedrag" in facts and "order total" not in facts


async def test_diagnostics_are_exactly_lints_findings_as_she_types(client: LanguageClient, project: Path):
    editor = Editor(client, project / "features" / "typed.feature")
    clean = ORDERED.replace("{cursor}", " every touchpoint agrees on the order total")
    assert await editor.open(clean) == []

    typo = clean.replace("agrees on the order total", "agres on the order total").replace(
        "Scenario:", "@smoke\n  Scenario:"
    )
    found = await editor.type(typo)
    editor.path.write_text(editor.text, encoding="utf-8")
    expected = lint([str(editor.path)], root=project)
    assert sorted((d.range.start.line + 1, d.message) for d in found) == sorted((p.line, p.message) for p in expected)
    undefined = next(d for d in found if "undefined step" in d.message)
    assert undefined.range.start.line == editor.position("Then every", after=False).line
    assert "closest known steps: 'Then every touchpoint agrees on the order total'" in undefined.message


async def test_dutch_diagnostics_say_what_is_missing_in_dutch(client: LanguageClient, project: Path):
    editor = Editor(client, project / "features" / "vergeten.feature")
    text = BESTELD.replace("{cursor}", " is elk contactpunt het eens over het totaalbedrag").replace(
        '    Als ze een "tablet-10" bestelt in de webwinkel\n', ""
    )
    found = await editor.open(text)
    assert len(found) == 1, found
    assert found[0].message.startswith("voor 'Dan is elk contactpunt het eens over het totaalbedrag'")

    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(editor.uri), found[0].range, types.CodeActionContext(diagnostics=found)
        )
    )
    assert actions, "no quick fix for a missing step"
    first = actions[0]
    assert isinstance(first, types.CodeAction) and first.title.startswith("Zet '")
    assert first.edit is not None and first.edit.changes is not None
    edit = first.edit.changes[editor.uri][0]
    assert edit.range.start == types.Position(found[0].range.start.line, 0)
    fixed = editor.text.splitlines(keepends=True)
    fixed.insert(edit.range.start.line, edit.new_text)
    assert await editor.type("".join(fixed)) == []


async def test_quick_fixes_replace_the_step_and_register_the_tag(client: LanguageClient, project: Path):
    editor = Editor(client, project / "features" / "fixes.feature")
    text = "@smoke\n" + ORDERED.replace("{cursor}", " every touchpoint agres on the order total").lstrip()
    found = await editor.open(text)
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(editor.uri), found[0].range, types.CodeActionContext(diagnostics=found)
        )
    )
    titles = [a.title for a in actions if isinstance(a, types.CodeAction)]
    assert "Write 'Then every touchpoint agrees on the order total'" in titles
    assert "Register @smoke in pyproject.toml" in titles
    register = next(a for a in actions if isinstance(a, types.CodeAction) and a.title.startswith("Register"))
    assert register.edit is not None and register.edit.document_changes
    change = register.edit.document_changes[-1]
    assert isinstance(change, types.TextDocumentEdit)
    assert change.text_document.uri == (project / "pyproject.toml").resolve().as_uri()
    assert change.edits[0].new_text == '\n[tool.journeys]\ntags = ["smoke"]\n'


async def test_hover_in_the_files_language(client: LanguageClient, project: Path):
    editor = Editor(client, project / "features" / "hover.feature")
    await editor.open(BESTELD.replace("{cursor}", " is elk contactpunt het eens over het totaalbedrag"))
    found = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(editor.uri), editor.position("bestelt in", after=False))
    )
    assert found is not None and isinstance(found.contents, types.MarkupContent)
    shown = found.contents.value
    assert "Productpagina" in shown or "productpagina" in shown, shown
    assert "Gebruikt: taak `place order`" in shown
    assert "`web.order_confirmation`" in shown
    assert "geeft: een bestelling" in shown


async def test_go_to_the_steps_function_and_the_touchpoints_line(client: LanguageClient, project: Path):
    editor = Editor(client, project / "features" / "definition.feature")
    await editor.open(
        ORDERED.replace(
            "{cursor}", " the order total is at most € 500,00\n    When she visits the touchpoint web.checkout"
        )
    )
    own = await client.text_document_definition_async(
        types.DefinitionParams(types.TextDocumentIdentifier(editor.uri), editor.position("at most", after=False))
    )
    assert isinstance(own, types.Location) and own.uri == (project / "steps" / "my_steps.py").resolve().as_uri()
    assert "@then(" in (project / "steps" / "my_steps.py").read_text().splitlines()[own.range.start.line]

    mapped = await client.text_document_definition_async(
        types.DefinitionParams(types.TextDocumentIdentifier(editor.uri), editor.position("web.chec"))
    )
    assert isinstance(mapped, types.Location) and mapped.uri.endswith("journeys/maps/refshop.yaml")
    line = Path(mapped.uri.removeprefix("file://")).read_text().splitlines()[mapped.range.start.line]
    assert line.strip().startswith("web.checkout:"), line


async def test_a_changed_step_file_is_read_again(client: LanguageClient, project: Path):
    steps = project / "steps" / "my_steps.py"
    mine = steps.read_text()

    async def save(text: str) -> None:
        steps.write_text(text)
        client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams([types.FileEvent(steps.as_uri(), types.FileChangeType.Changed)])
        )

    smiles = """

@then(en="she smiles at the {fact}", nl="glimlacht ze om {fact}", example={"fact": "order total"})
def smiles(journey: Journey, fact: str) -> None:
    \"\"\"She smiles.\"\"\"
"""
    await save(mine + smiles)
    editor = Editor(client, project / "features" / "smiles.feature")
    assert await editor.open(ORDERED.replace("{cursor}", " she smiles at the order total")) == []
    assert "she smiles at the order number" in labels(await editor.complete("    Then "))

    await save(mine + smiles.replace("she smiles at", "she laughs at"))
    found = await editor.type(editor.text + "\n")
    assert [d.message.split(":")[0] for d in found] == ["undefined step 'Then she smiles at the order total'"]
    offered = labels(await editor.complete("    Then "))
    assert "she laughs at the order number" in offered and "she smiles at the order number" not in offered

    await save(mine + "\ndef broken(:\n")
    found = await editor.type(editor.text.replace("smiles", "laughs") + "\n")
    assert found == [] or all("order total is at most" not in d.message for d in found)
    assert any("my_steps.py" in m.message and "SyntaxError" in m.message for m in client.messages)
    assert "she laughs at the order number" in labels(await editor.complete("    Then "))  # kept as it was
    await save(mine)


async def test_a_dutch_typo_is_said_in_dutch_and_fixed_with_the_sentence_it_resembles(
    client: LanguageClient, project: Path
):
    editor = Editor(client, project / "features" / "tikfout.feature")
    found = await editor.open(BESTELD.replace("{cursor}", " is elk contactpunt het eens over het totaalbedrag"))
    assert found == []
    found = await editor.type(editor.text.replace("bestelt in de webwinkel", "besteld in de webwinkel"))
    assert [d.message.split(":")[0] for d in found] == [
        "onbekende stap 'Als ze een \"tablet-10\" besteld in de webwinkel'"
    ]
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(editor.uri), found[0].range, types.CodeActionContext(diagnostics=found)
        )
    )
    assert [a.title for a in actions if isinstance(a, types.CodeAction)][0] == (
        "Schrijf 'Als ze een \"tablet-10\" bestelt in de webwinkel'"
    )
