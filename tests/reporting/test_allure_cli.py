"""Allure's command line: one pinned version in one folder, installed by bootstrap where npm is."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from journeys.reporting import allure_cli
from journeys.reporting.report_settings import ReportSettings

# A stand-in for npm: records its arguments, and installs what `npm install --prefix DIR allure@V` would.
FAKE_NPM = """#!/bin/sh
echo "$@" >> "{log}"
[ -n "{fail}" ] && {{ echo "npm error code E404" >&2; exit 1; }}
while [ "$1" != "--prefix" ]; do shift; done
folder="$2"; eval "package=\\${{$#}}"
mkdir -p "$folder/node_modules/allure" "$folder/node_modules/.bin"
printf '{{"name": "allure", "version": "%s"}}' "${{package#allure@}}" > "$folder/node_modules/allure/package.json"
printf '#!/bin/sh\\n' > "$folder/node_modules/.bin/allure"; chmod +x "$folder/node_modules/.bin/allure"
"""


@pytest.fixture
def npm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A fake npm (and node) first on PATH. Returns a maker."""
    bin_dir, log = tmp_path / "bin", tmp_path / "npm.log"
    bin_dir.mkdir()

    def make(*, fail: bool = False) -> Path:
        for name, text in (("npm", FAKE_NPM.format(log=log, fail="yes" if fail else "")), ("node", "#!/bin/sh\n")):
            (bin_dir / name).write_text(text, encoding="utf-8")
            (bin_dir / name).chmod(0o755)
        monkeypatch.setenv("PATH", f"{bin_dir}:/usr/bin:/bin")
        return log

    return make


def test_bootstrap_installs_the_pinned_version_once(npm, capsys: pytest.CaptureFixture[str], tmp_path: Path):
    log = npm()

    folder = tmp_path / "cache" / "allure"
    first = allure_cli.main(["install"], folder)
    second = allure_cli.main(["install"], folder)

    out = capsys.readouterr().out.splitlines()
    assert (first, second) == (0, 0)
    assert out == [
        f"allure {allure_cli.ALLURE_VERSION} installed into {folder}",
        f"allure {allure_cli.ALLURE_VERSION} found in {folder}",
    ]
    calls = log.read_text(encoding="utf-8").splitlines()
    assert len(calls) == 1  # the second run asks npm nothing: bootstrap stays fast
    assert calls[0].startswith(f"install --prefix {folder} --save-exact")
    assert calls[0].endswith(f"allure@{allure_cli.ALLURE_VERSION}")
    settings = ReportSettings.build(None, None, {"JOURNEYS_CACHE": str(tmp_path / "cache")})
    assert allure_cli.allure_executable(settings) == str(folder / "node_modules" / ".bin" / "allure")
    assert allure_cli.allure_executable(ReportSettings(allure="/opt/allure")) == "/opt/allure"


def test_another_installed_version_is_replaced_by_the_pinned_one(npm, capsys, tmp_path: Path):
    log = npm()
    allure_cli.install(tmp_path / "cache" / "allure")
    manifest = tmp_path / "cache" / "allure" / "node_modules" / "allure" / "package.json"
    manifest.write_text('{"version": "3.0.0"}', encoding="utf-8")

    assert allure_cli.main(["install"], tmp_path / "cache" / "allure") == 0

    assert capsys.readouterr().out.strip().endswith("(was 3.0.0)")
    assert len(log.read_text(encoding="utf-8").splitlines()) == 2


def test_without_npm_bootstrap_says_so_in_one_line_and_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    monkeypatch.setattr(allure_cli.shutil, "which", lambda name: None)

    assert allure_cli.main(["install"], tmp_path / "cache" / "allure") == 0

    assert capsys.readouterr().out == (
        "no npm here: Allure's command line not installed (only `journeys report --allure` needs it)\n"
    )
    assert not (tmp_path / "cache").exists()


def test_a_failing_npm_is_named_with_its_error(npm, capsys: pytest.CaptureFixture[str], tmp_path: Path):
    npm(fail=True)

    assert allure_cli.main(["install"], tmp_path / "cache" / "allure") == 1

    out = capsys.readouterr().out
    assert f"npm could not install allure@{allure_cli.ALLURE_VERSION} into {tmp_path / 'cache' / 'allure'}" in out
    assert "npm error code E404" in out and "`journeys report --allure` tries again" in out


def test_the_folder_is_the_virtual_environments_own_unless_moved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    def folder(**environ: str) -> Path:
        return ReportSettings.build(None, None, environ).allure_folder

    monkeypatch.setattr(sys, "prefix", str(tmp_path / ".venv"))
    monkeypatch.setattr(sys, "base_prefix", "/usr")
    in_venv = folder(XDG_CACHE_HOME=str(tmp_path / "xdg"))
    monkeypatch.setattr(sys, "base_prefix", str(tmp_path / ".venv"))
    outside = folder(XDG_CACHE_HOME=str(tmp_path / "xdg"))

    assert in_venv == tmp_path / ".venv" / "allure"
    assert outside == tmp_path / "xdg" / "journeys" / "allure"
    assert folder(JOURNEYS_CACHE=str(tmp_path / "moved")) == tmp_path / "moved" / "allure"
