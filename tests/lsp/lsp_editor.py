"""A writer's editor over the protocol, shared by the language server's end-to-end tests."""

from __future__ import annotations

import asyncio
import sys
import textwrap
from concurrent.futures import Future
from pathlib import Path

from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "journeys.cli", "lsp"])


def _recorded(client: LanguageClient) -> list[types.PublishDiagnosticsParams]:
    """Every publishDiagnostics the client received since the first call (one recorder per client)."""
    if not hasattr(client, "published"):
        published: list[types.PublishDiagnosticsParams] = []

        def record(future: Future[types.PublishDiagnosticsParams]) -> None:
            if future.exception() is None:  # else the server has gone: nothing more to record
                published.append(future.result())
                listen()

        def listen() -> None:
            client.protocol.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS).add_done_callback(record)

        listen()
        client.published = published  # type: ignore[attr-defined]
    return client.published  # type: ignore[attr-defined, no-any-return]


class Editor:
    """A writer's editor on one feature file: open, type, ask."""

    def __init__(self, client: LanguageClient, path: Path) -> None:
        self.client = client
        self.path = path
        self.uri = path.as_uri()
        self.version = 0
        self.text = ""
        _recorded(client)

    async def open(self, text: str) -> list[types.Diagnostic]:
        self.text = textwrap.dedent(text).lstrip("\n")
        self.path.write_text(self.text, encoding="utf-8")
        self.version = 1
        waiting = self._published()
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(types.TextDocumentItem(self.uri, "gherkin", self.version, self.text))
        )
        return await waiting

    async def type(self, text: str) -> list[types.Diagnostic]:
        """Replace the whole text, as a client with full sync sends it, and wait for lint's answer."""
        self.text = textwrap.dedent(text).lstrip("\n")
        self.version += 1
        waiting = self._published()
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(self.version, self.uri),
                [types.TextDocumentContentChangeWholeDocument(self.text)],
            )
        )
        return await waiting

    def _published(self) -> asyncio.Task[list[types.Diagnostic]]:
        """What the server publishes for this version of the text (it says which version it linted)."""
        published = _recorded(self.client)
        uri, version = self.uri, self.version

        async def wait() -> list[types.Diagnostic]:
            for _ in range(1200):
                for params in published:
                    if params.uri == uri and params.version == version:
                        return list(params.diagnostics)
                await asyncio.sleep(0.05)
            raise AssertionError(f"no diagnostics for version {version} of {uri} within 60 s")

        return asyncio.ensure_future(wait())

    def position(self, needle: str, after: bool = True) -> types.Position:
        """Where ``needle`` ends (``after``) or starts in the text."""
        offset = self.text.index(needle) + (len(needle) if after else 0)
        line = self.text.count("\n", 0, offset)
        return types.Position(line, offset - (self.text.rfind("\n", 0, offset) + 1))

    async def complete(self, needle: str) -> list[types.CompletionItem]:
        found = await self.client.text_document_completion_async(
            types.CompletionParams(types.TextDocumentIdentifier(self.uri), self.position(needle))
        )
        items = found.items if isinstance(found, types.CompletionList) else list(found or [])
        return sorted(items, key=lambda item: item.sort_text or item.label)
