"""The editors' settings `journeys init` writes are the ones docs/editors.md shows, and they start
`journeys lsp`."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "journeys" / "templates" / "project"
DOC = (ROOT / "docs" / "editors.md").read_text(encoding="utf-8")


def block(language: str) -> str:
    found = re.search(rf"```{language}\n(.*?)```", DOC, re.S)
    assert found, f"no {language} block in docs/editors.md"
    return found[1]


def code(text: str, comment: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith(comment)]


def test_the_neovim_and_helix_settings_are_the_documented_ones():
    assert code(block("lua"), "--") == code((TEMPLATES / "nvim.lua").read_text(encoding="utf-8"), "--")
    assert code(block("toml"), "#") == code((TEMPLATES / "helix" / "languages.toml").read_text(encoding="utf-8"), "#")
    helix = tomllib.loads((TEMPLATES / "helix" / "languages.toml").read_text(encoding="utf-8"))
    assert helix["language-server"]["journeys"] == {"command": "journeys", "args": ["lsp"]}


def test_the_vscode_settings_fit_the_extension_and_the_generic_client():
    settings = json.loads((TEMPLATES / "vscode" / "settings.json").read_text(encoding="utf-8"))
    extension = json.loads((ROOT / "editors" / "vscode" / "package.json").read_text(encoding="utf-8"))
    declared = extension["contributes"]["configuration"]["properties"]["journeys.command"]
    assert settings["journeys.command"] == declared["default"] == ["journeys", "lsp"]
    assert [settings["glspc.server.command"], *settings["glspc.server.commandArguments"]] == ["journeys", "lsp"]
    for key in ("journeys.command", "glspc.server.command", "glspc.server.languageId"):
        assert f'"{key}"' in DOC
