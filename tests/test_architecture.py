"""The folder tree is the architecture: these checks keep it so."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import journeys
import journeys.errors

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
    assert users and all(u.startswith("channels/") or u.startswith("systems/probe") for u in users), users


def test_only_the_plugin_imports_pytest():
    users = {
        str(p.relative_to(PACKAGE))
        for p in modules()
        if any(name.split(".")[0] in ("pytest", "_pytest", "pytest_bdd") for name in imports_of(p))
    }
    # cli runs pytest; lint borrows pytest-bdd's parse messages; the vocabulary registers steps with
    # pytest-bdd only where it is already loaded. The runtime path stays free of it (next test).
    allowed = {"cli.py", "vocabulary/lint.py", "vocabulary/decorators.py"}
    assert users and all(u.startswith("plugin/") or u in allowed for u in users), users


def test_a_scenario_runs_outside_pytest():
    import subprocess
    import sys

    code = (
        "import sys; import journeys.steps, journeys.journey.runner, journeys.journey.session,"
        " journeys.journey.journey; sys.exit('pytest' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, "importing the runner and the steps imported pytest " + done.stderr


# The layers, from the ground up: a module imports its own folder, the folders below it, and journeys.errors.
LAYERS = [
    "messages",  # what journeys tells, in English and Dutch
    "values",  # typed values and their normalizers
    "core",  # the customer, the ledger and its records, the rules, the promise store
    "systems",  # maps of the systems under test, their tasks
    "vocabulary",  # steps' sentences, parameters, feature files, lint
    "channels",  # the edge: browser, mail, HTTP
    "journey",  # one customer walking: session, journey, runner
    "steps",  # the bundled step library
    "maps",  # the maps journeys ships (the reference shop's)
    "reporting",  # the side: what the ledgers told, for people and CI
    "run",  # a run's settings, options and commands
    "promises",  # `journeys promises`
    "population",  # `journeys simulate`
    "plugin",  # pytest
    "lsp",  # the writers' editor
    "templates",  # what `journeys init` writes
]


def test_the_folders_are_the_layers_and_no_two_modules_share_a_name():
    """A newcomer reads the architecture from the tree: the layers of docs/architecture.md, nothing loose."""
    loose = sorted(p.name for p in PACKAGE.glob("*.py"))
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and not p.name.startswith("__")}
    assert loose == ["__init__.py", "cli.py", "errors.py"] and folders == set(LAYERS), (loose, folders ^ set(LAYERS))
    names: dict[str, list[str]] = {}
    for path in modules():
        if path.stem != "__init__" and "templates" not in path.parts:
            names.setdefault(path.stem, []).append(str(path.relative_to(PACKAGE)))
    assert {name: where for name, where in names.items() if len(where) > 1} == {}
    documented = (PACKAGE.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    assert [layer for layer in LAYERS if not re.search(rf"^ +{layer}/ ", documented, re.M)] == []


def test_dependencies_point_one_way():
    """No folder imports one above it: the core knows no channel, no channel knows the journey, and so on."""
    climbs = []
    for path in modules():
        parts = path.relative_to(PACKAGE).parts
        if len(parts) == 1:
            continue  # __init__.py (the public layer) and cli.py stand above all; errors.py beneath all
        floor = LAYERS.index(parts[0])
        for name in imports_of(path):
            target = name.split(".")
            if target[0] == "journeys" and len(target) > 1 and target[1] in LAYERS:
                if LAYERS.index(target[1]) > floor:
                    climbs.append(f"{'/'.join(parts)} -> {name}")
    assert climbs == []


def test_public_names_are_pinned():
    assert journeys.__all__ == [
        "AgentDriver",
        "ApiDriver",
        "ChannelError",
        "ChatDriver",
        "ConfigError",
        "Customer",
        "DateRange",
        "Journey",
        "JourneyFailed",
        "JourneysError",
        "Ledger",
        "MailDriver",
        "MailNotReceived",
        "Money",
        "Observation",
        "PromiseCheck",
        "Provenance",
        "Reading",
        "Retired",
        "RuleConfigError",
        "Step",
        "StepError",
        "SystemSession",
        "SystemUnreachable",
        "Violation",
        "WebDriver",
        "fact_named",
        "find_map",
        "given",
        "params",
        "read_value",
        "show",
        "task",
        "then",
        "when",
    ]


def test_every_public_name_is_there_and_no_module_hides_it():
    import subprocess
    import sys

    # In a fresh process: a submodule imported under a public name would replace it (journeys.core.effort).
    code = "import journeys, journeys.plugin; print([n for n in journeys.__all__ if getattr(journeys, n) is None])"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "[]", done.stderr
    modules_named = {p.stem for p in PACKAGE.glob("*.py")} | {p.name for p in PACKAGE.iterdir() if p.is_dir()}
    assert sorted(set(journeys.__all__) & modules_named) == []
    from journeys.vocabulary import decorators as vocabulary
    from journeys.vocabulary import params

    assert journeys.when is vocabulary.when and journeys.params is params


# What a project may import: the package itself and its documented public submodules.
PUBLIC_MODULES = {"journeys", "journeys.errors", "journeys.core.effort"}
_IMPORT = re.compile(r"^\s*(?:from\s+(journeys(?:\.\w+)*)\s+import|import\s+(journeys(?:\.\w+)*))", re.M)
_INLINE = re.compile(r"\b(?:from\s+(journeys(?:\.\w+)*)\s+import|import\s+(journeys(?:\.\w+)*))")


def private_imports(text: str, pattern: re.Pattern[str] = _IMPORT) -> list[str]:
    found = (m[1] or m[2] for m in pattern.finditer(text))
    return [name for name in found if name not in PUBLIC_MODULES]


def test_the_project_template_imports_only_the_public_layer():
    template = PACKAGE / "templates" / "project"
    offenders = {
        str(p.relative_to(template)): private_imports(p.read_text(encoding="utf-8"))
        for p in sorted(template.rglob("*.py"))
    }
    assert offenders and {p: names for p, names in offenders.items() if names} == {}


def test_docs_examples_import_only_the_public_layer():
    docs = sorted((PACKAGE.parent / "docs").glob("*.md")) + [PACKAGE.parent / "README.md"]
    offenders = {p.name: private_imports(p.read_text(encoding="utf-8"), _INLINE) for p in docs}
    assert {p: names for p, names in offenders.items() if names} == {}


def test_the_guard_sees_a_private_import():
    assert private_imports("    from journeys.vocabulary import params\n    from journeys import Journey\n") == [
        "journeys.vocabulary"
    ]
    assert private_imports('run `python -c "import journeys.systems"`', _INLINE) == ["journeys.systems"]


def test_nothing_in_the_package_writes_the_environment():
    """Settings and secrets are passed down (journeys.run.settings, SystemPart.environ), never exported."""
    writes = re.compile(r"os\.environ(\[[^]]+\]\s*=[^=]|\.(update|setdefault|pop|clear)\()|os\.putenv|del os\.environ")
    offenders = [
        f"{p.relative_to(PACKAGE)}:{n}"
        for p in modules()
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if writes.search(line)
    ]
    assert offenders == []
    assert writes.search('os.environ["X"] = "1"') and writes.search("os.environ.update(env)")


# The edge: the only modules that read the process's environment, each where a process starts (a command,
# the pytest plugin, a worker) or hands its environment on to a child. Everything else is passed what they read
# (RunSettings, its variables for the maps' ${NAME} and *_env, ReportSettings, BrowserSettings).
ENVIRONMENT_READERS = {
    "cli.py": "`journeys run`, `demo`, `doctor` start: their settings are built here",
    "plugin/options.py": "the pytest plugin's start (and PYTEST_ADDOPTS, read as pytest reads it)",
    "population/simulate_command.py": "`journeys simulate` starts",
    "promises/promises_command.py": "`journeys promises` starts",
    "run/report_command.py": "`journeys report` starts",
    "reporting/allure_cli.py": "`python -m journeys.reporting.allure_cli` starts (scripts/bootstrap)",
    "population/worker.py": "a Locust worker process learns its parent at its start",
    "journey/embedded.py": "a child process's environment: ours handed on, with its own secrets, never read",
    "population/workforce.py": "a child process's environment: ours handed on, never read",
    "channels/browser_launch.py": "whether the browser it launches has a display (DISPLAY), as the browser reads it",
}
_READS = re.compile(r"\bos\.(environ|getenv|environb)\b|\bgetenv\(|from os import [^#]*\b(environ|getenv)\b")


def test_only_the_edge_reads_the_environment():
    """Settings, secrets and the maps' variables are read once where a process starts and passed down typed."""
    readers = {
        str(p.relative_to(PACKAGE))
        for p in modules()
        if any(_READS.search(line) for line in p.read_text(encoding="utf-8").splitlines())
    }
    assert readers - set(ENVIRONMENT_READERS) == set()
    assert set(ENVIRONMENT_READERS) - readers == set()  # the list stays the truth: no module on it without need
    assert all(_READS.search(code) for code in ('os.environ.get("X")', "os.getenv('X')", "from os import environ"))
    assert not _READS.search("environ.get('X')")  # a mapping passed down is read freely


# Run in a process of its own: importing every module patches gevent (Locust) into whoever imports it.
_WALK = """
import importlib, inspect, json, pkgutil, journeys
found = {}
for info in pkgutil.walk_packages(journeys.__path__, "journeys."):
    if ".templates" in info.name or info.name.endswith("__main__"):
        continue
    module = importlib.import_module(info.name)
    for value in vars(module).values():
        if inspect.isclass(value) and issubclass(value, BaseException) and value.__module__ == module.__name__:
            name = value.__module__ + "." + value.__qualname__
            found[name] = [c.__module__ + "." + c.__name__ for c in value.__mro__]
print(json.dumps(found))
"""


def test_every_exception_is_in_the_one_error_tree():
    import json
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", _WALK], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    classes: dict[str, list[str]] = json.loads(done.stdout)
    assert len(classes) > 20  # the walk found the package's errors, not nothing
    outside = [
        name
        for name, mro in classes.items()
        if ("journeys.errors.JourneysWarning" if "builtins.Warning" in mro else "journeys.errors.JourneysError")
        not in mro
    ]
    assert outside == []
    tree = journeys.errors.__doc__ or ""
    short = {name: name.rsplit(".", 1)[1] for name in classes}
    assert [n for n, cls in short.items() if not cls.startswith("_") and f" {cls} " not in tree] == []


def test_the_package_and_the_repositorys_own_steps_and_tasks_type_check():
    import subprocess
    import sys

    # steps/ and fixtures/ are the repository as a journeys project: the code a user writes, held to the same types.
    own = [str(p) for folder in ("steps", "fixtures") for p in sorted((PACKAGE.parent / folder).rglob("*.py"))]
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "journeys", *own], capture_output=True, text=True, cwd=PACKAGE.parent
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
    runtime = (
        "journeys.journey.session",
        "journeys.journey.journey",
        "journeys.channels",
        "journeys.plugin",
        "journeys.population",
    )
    reaches = {
        str(p.relative_to(PACKAGE)): sorted(n for n in imports_of(p) if n.startswith(runtime))
        for p in (PACKAGE / "lsp").glob("*.py")
    }
    assert {m: n for m, n in reaches.items() if n} == {}
