"""The language server (``journeys lsp``): pygls over stdio, for ``.feature`` files.

Each open document is read once per version (:mod:`journeys.lsp.document`);
the project once per change of its files (:mod:`journeys.lsp.project`).
Diagnostics follow the writer's typing after a short pause, so a burst of
keystrokes is linted once; completion answers at once.
"""

from __future__ import annotations

import asyncio
import traceback
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from journeys.lsp.actions import code_actions
from journeys.lsp.completion import complete, resolve
from journeys.lsp.diagnostics import diagnose
from journeys.lsp.document import FeatureText, read
from journeys.lsp.project import Project, Settings
from journeys.lsp.under_cursor import definition, hover

__all__ = ["JourneysServer", "make_server"]

PAUSE = 0.25  # seconds of no typing before a document is linted again
_WATCHED = ["**/steps/*.py", "**/fixtures/systems/*", "**/pyproject.toml"]


class JourneysServer(LanguageServer):
    """The server and what it holds: the project, each document read at its version."""

    def __init__(self, settings: Settings | None, systems: tuple[str, ...]) -> None:
        super().__init__("journeys", "1")
        self.settings = settings
        self.systems = systems
        self._project: Project | None = None
        self._read: dict[str, tuple[int, int, FeatureText]] = {}  # uri -> (version, generation, text)
        self._pending: dict[str, asyncio.Task[None]] = {}
        self._linting = ThreadPoolExecutor(max_workers=1, thread_name_prefix="journeys-lint")  # one lint at a time

    @property
    def project(self) -> Project:
        if self._project is None:
            self._project = Project(self.settings or Settings.of(None, self.systems))
        return self._project

    def document(self, uri: str) -> FeatureText:
        """``uri``'s text as read at its current version."""
        held = self.workspace.get_text_document(uri)
        version = held.version or 0
        cached = self._read.get(uri)
        if cached is None or cached[0] != version or cached[1] != self.project.generation:
            cached = (version, self.project.generation, read(held.source))
            self._read[uri] = cached
        return cached[2]

    def forget(self, uri: str) -> None:
        """A closed document: its reading and its pending lint go."""
        self._read.pop(uri, None)
        if (pending := self._pending.pop(uri, None)) is not None:
            pending.cancel()

    def lint_soon(self, uri: str, pause: float = PAUSE) -> None:
        """Lint ``uri`` once the writer pauses (a later keystroke postpones it)."""
        if (pending := self._pending.get(uri)) is not None:
            pending.cancel()
        self._pending[uri] = asyncio.get_running_loop().create_task(self._lint_after(uri, pause))

    async def _lint_after(self, uri: str, pause: float) -> None:
        await asyncio.sleep(pause)
        held = self.workspace.get_text_document(uri)
        version, text, document, project = held.version, held.source, self.document(uri), self.project
        # In a thread of its own: a long file takes a while, and completion answers meanwhile.
        try:
            found = await asyncio.get_running_loop().run_in_executor(
                self._linting, diagnose, project, document, text, _path(uri)
            )
        except Exception as exc:  # a bug of ours: the writer hears it, and the other files are still linted
            self.window_log_message(types.LogMessageParams(types.MessageType.Error, traceback.format_exc()))
            at = types.Range(types.Position(0, 0), types.Position(0, 0))
            message = f"journeys could not lint this file ({type(exc).__name__}: {exc}): see the server's log"
            found = [types.Diagnostic(at, message, severity=types.DiagnosticSeverity.Error, source="journeys lsp")]
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=found, version=version)
        )

    def refresh(self, changed: list[Path]) -> None:
        """Read the project again when its files changed, tell what went wrong, lint the open documents."""
        if not self.project.refresh(changed):
            return
        self.say_errors()
        for uri in list(self.workspace.text_documents):
            self.lint_soon(uri, 0)

    def say_errors(self) -> None:
        for error in self.project.errors:
            self.window_show_message(types.ShowMessageParams(types.MessageType.Warning, f"journeys: {error}"))


def make_server(settings: Settings | None = None, systems: tuple[str, ...] = ()) -> JourneysServer:
    """A server for the project of ``settings`` (default: the workspace the client opens)."""
    server = JourneysServer(settings, systems)

    @server.feature(types.INITIALIZE)
    def initialize(ls: JourneysServer, params: types.InitializeParams) -> None:
        options = params.initialization_options
        if isinstance(options, dict) and not ls.systems:  # {"system": ["mysystem"]}: for clients without args
            named = options.get("system") or ()
            ls.systems = (named,) if isinstance(named, str) else tuple(str(n) for n in named)
        if ls.settings is None:
            folder = params.workspace_folders[0].uri if params.workspace_folders else params.root_uri
            ls.settings = Settings.of(_path(folder) if folder else None, ls.systems)

    @server.feature(types.INITIALIZED)
    async def initialized(ls: JourneysServer, params: types.InitializedParams) -> None:
        ls.say_errors()
        watching = ls.client_capabilities.workspace
        changes = watching.did_change_watched_files if watching else None
        if changes and changes.dynamic_registration:
            watchers = [types.FileSystemWatcher(glob_pattern=glob) for glob in _WATCHED]
            options = types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers)
            registration = types.Registration("journeys-files", types.WORKSPACE_DID_CHANGE_WATCHED_FILES, options)
            try:
                await ls.client_register_capability_async(types.RegistrationParams([registration]))
            except Exception as exc:  # a client that offers it and then refuses: saving a feature re-reads
                said = f"journeys: the editor would not watch the step files and maps ({exc}); saving reads them"
                ls.window_log_message(types.LogMessageParams(types.MessageType.Info, said))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: JourneysServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.refresh([])
        ls.lint_soon(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: JourneysServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.lint_soon(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: JourneysServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.refresh([])  # a client that does not watch files: a save re-reads what changed
        ls.lint_soon(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: JourneysServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.forget(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: JourneysServer, params: types.DidChangeWatchedFilesParams) -> None:
        ls.refresh([Path(_path(change.uri)) for change in params.changes])

    @server.feature(types.COMPLETION_ITEM_RESOLVE)
    def completion_resolve(ls: JourneysServer, item: types.CompletionItem) -> types.CompletionItem:
        return resolve(ls.project, item)

    @server.feature(
        types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=[" ", '"'], resolve_provider=True)
    )
    def completion(ls: JourneysServer, params: types.CompletionParams) -> types.CompletionList:
        document = ls.document(params.text_document.uri)
        snippets = _snippets(ls.client_capabilities)
        where = params.position
        items = complete(ls.project, document, where.line, where.character, snippets=snippets)
        # Incomplete: what is offered depends on what she typed (her own claims show once she asks for them).
        return types.CompletionList(is_incomplete=True, items=items)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def on_hover(ls: JourneysServer, params: types.HoverParams) -> types.Hover | None:
        where = params.position
        return hover(ls.project, ls.document(params.text_document.uri), where.line, where.character)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix])
    )
    def on_code_action(ls: JourneysServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        return code_actions(ls.project, ls.document(uri), uri, list(params.context.diagnostics))

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    def on_definition(ls: JourneysServer, params: types.DefinitionParams) -> types.Location | None:
        where = params.position
        return definition(ls.project, ls.document(params.text_document.uri), where.line, where.character)

    return server


def _snippets(capabilities: types.ClientCapabilities) -> bool:
    document = capabilities.text_document
    completion = document.completion if document else None
    item = completion.completion_item if completion else None
    return bool(item and item.snippet_support)


def _path(uri: str) -> str:
    parsed = urlparse(uri)
    return unquote(parsed.path) if parsed.scheme == "file" else uri
