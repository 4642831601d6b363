"""The server on the project's own system, named in the client's initialization options."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import pytest_lsp
from lsp_editor import SERVER, Editor
from lsprotocol import types
from pytest_lsp import LanguageClient, client_capabilities

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest_lsp.fixture(config=SERVER, scope="module")
async def client(lsp_client: LanguageClient, project: Path):
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities("neovim"),
            root_uri=project.as_uri(),
            initialization_options={"system": ["mysystem"]},
        )
    )
    yield
    await lsp_client.shutdown_session()


async def test_the_words_and_the_lacks_are_those_of_the_system_named(client: LanguageClient, project: Path):
    editor = Editor(client, project / "features" / "mine.feature")
    found = await editor.open(
        """
        Feature: My system
          Scenario: A visit
            Given a customer
            When she visits the touchpoint web.p
            And she phones customer service about her order
        """
    )
    offered = await editor.complete("touchpoint web.p")
    touchpoints = [item.label for item in offered if item.kind == types.CompletionItemKind.Value]
    mapped = (project / "fixtures" / "systems" / "mysystem.yaml").read_text()
    assert touchpoints and all(f"  {name}:" in mapped for name in touchpoints)
    assert "agent.customer" not in touchpoints  # the reference shop's, not this system's
    order = next(item for item in offered if re.fullmatch(r'she orders a "[\w-]+" on the web shop', item.label))
    assert order.sort_text and order.sort_text[0] == "4"  # this system has no task 'place order' yet
    messages = [d.message for d in found]
    assert any("mysystem" in m and "phones customer service" in m for m in messages), messages
