"""A language server (`journeys lsp`) over stdio in a subprocess, on a project `journeys init` wrote."""

from __future__ import annotations

from pathlib import Path

import pytest
import pytest_lsp
from lsp_editor import SERVER
from lsprotocol import types
from pytest_lsp import LanguageClient, client_capabilities

from journeys.run.project_init import init_project


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("project")
    init_project(root)
    (root / "pyproject.toml").write_text('[project]\nname = "shop-journeys"\n', encoding="utf-8")
    return root


@pytest_lsp.fixture(config=SERVER, scope="module")
async def client(lsp_client: LanguageClient, project: Path):
    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        """Like an editor: it watches the files the server asks it to (the tests send the events)."""

    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities("visual-studio-code"),
            root_uri=project.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=project.as_uri(), name="project")],
        )
    )
    yield
    await lsp_client.shutdown_session()
