"""The folder tree is the architecture: these checks keep it so."""

from __future__ import annotations

import ast
from pathlib import Path

import journeys

PACKAGE = Path(journeys.__file__).parent


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_the_harness_never_imports_the_reference_shop():
    offenders = [
        str(p.relative_to(PACKAGE))
        for p in modules()
        if any(name == "refshop" or name.startswith("refshop.") for name in imports_of(p))
    ]
    assert offenders == []


def test_only_the_allure_report_imports_allure():
    users = {
        str(p.relative_to(PACKAGE))
        for p in modules()
        if any(name.split(".")[0] in ("allure", "allure_commons") for name in imports_of(p))
    }
    assert users == {"reporting/allure_report.py"}


def test_only_channels_touch_playwright_smtp_and_http():
    tools = ("playwright", "httpx", "aiosmtpd", "smtplib", "imaplib")
    users = [
        str(p.relative_to(PACKAGE)) for p in modules() if any(name.split(".")[0] in tools for name in imports_of(p))
    ]
    assert users and all(u.startswith("channels/") or u.startswith("system/probe") for u in users), users


def test_only_the_plugin_imports_pytest():
    users = {
        str(p.relative_to(PACKAGE))
        for p in modules()
        if any(name.split(".")[0] in ("pytest", "_pytest", "pytest_bdd") for name in imports_of(p))
    }
    # cli runs pytest; lint borrows pytest-bdd's parse messages; the vocabulary registers steps with
    # pytest-bdd only where it is already loaded. The runtime path stays free of it (next test).
    allowed = {"cli.py", "gherkin/lint.py", "gherkin/vocabulary.py"}
    assert users and all(u.startswith("plugin/") or u in allowed for u in users), users


def test_a_scenario_runs_outside_pytest():
    import subprocess
    import sys

    code = (
        "import sys; import journeys.steps, journeys.gherkin.runner, journeys.session, journeys.journey;"
        " sys.exit('pytest' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, "importing the runner and the steps imported pytest " + done.stderr


def test_the_core_does_not_depend_on_the_edges():
    core = [
        "ledger.py",
        "customer.py",
        "effort.py",
        "promise_store.py",
        *(str(p.relative_to(PACKAGE)) for p in (PACKAGE / "values").glob("*.py")),
        *(str(p.relative_to(PACKAGE)) for p in (PACKAGE / "rules").glob("*.py")),
    ]
    edges = ("journeys.channels", "journeys.system", "journeys.reporting", "journeys.session")
    offenders = {m: sorted(n for n in imports_of(PACKAGE / m) if n.startswith(edges)) for m in core}
    assert {m: n for m, n in offenders.items() if n} == {}


def test_public_names_are_pinned():
    assert journeys.__all__ == [
        "Customer",
        "DateRange",
        "Journey",
        "JourneyFailed",
        "JourneysError",
        "Ledger",
        "Money",
        "PromiseCheck",
        "Provenance",
        "Step",
        "SystemSession",
        "Violation",
        "effort",
        "read_value",
    ]


def test_the_package_type_checks():
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "mypy", "journeys"], capture_output=True, text=True, cwd=PACKAGE.parent
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_only_the_language_server_speaks_the_protocol():
    """pygls and lsprotocol stay in journeys/lsp; only the command line starts it, and it reads the project
    through the writers' tools (gherkin), never through the runtime (session, journey, channels)."""
    speakers = {
        str(p.relative_to(PACKAGE))
        for p in modules()
        if any(name.split(".")[0] in ("pygls", "lsprotocol") for name in imports_of(p))
    }
    assert speakers and all(s.startswith("lsp/") for s in speakers), speakers
    starters = {
        str(p.relative_to(PACKAGE))
        for p in modules()
        if not str(p.relative_to(PACKAGE)).startswith("lsp/")
        and any(name == "journeys.lsp" or name.startswith("journeys.lsp.") for name in imports_of(p))
    }
    assert starters == {"cli.py"}
    runtime = ("journeys.session", "journeys.journey", "journeys.channels", "journeys.plugin", "journeys.population")
    reaches = {
        str(p.relative_to(PACKAGE)): sorted(n for n in imports_of(p) if n.startswith(runtime))
        for p in (PACKAGE / "lsp").glob("*.py")
    }
    assert {m: n for m, n in reaches.items() if n} == {}
