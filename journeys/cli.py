"""The ``journeys`` command: run journeys, start the demo shop, help writers (steps, lint, lsp)."""

from __future__ import annotations

import re
import signal
import sys
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import click

from journeys.population.simulate_command import simulate
from journeys.promises.promises_command import promises
from journeys.run.command_line import Command, options_from, usage
from journeys.run.report_command import report
from journeys.run.run_options import OPTIONS_BY_DEST, RUN_OPTIONS


class _Journeys(click.Group):
    """The command group: a usage error (an unknown option, a bad value) exits 4 in every command."""

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        try:
            return super().make_context(*args, **kwargs)
        except click.UsageError as exc:
            raise usage(exc) from exc

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            raise usage(exc) from exc


@click.group(cls=_Journeys, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="journeys", message="journeys %(version)s")
def main() -> None:
    """Customer journeys across channels, checked for consistency."""


@main.command(
    cls=Command,
    context_settings={"ignore_unknown_options": True, "allow_extra_args": True},
    options_metavar="[OPTIONS] [PATHS]... [PYTEST OPTIONS]...",
)
@options_from(RUN_OPTIONS)  # the plugin's options are made from the same table
@click.option("--pytest-arg", "extra", multiple=True, help="an argument for pytest that looks like a path (repeatable)")
@click.option("--dry-run", is_flag=True, help="list and lint the journeys it would run; start nothing, write nothing")
@click.pass_context
def run(ctx: click.Context, extra: tuple[str, ...], dry_run: bool, **options: Any) -> None:
    """Run journeys: PATHS are feature files or folders (default: features/); `file.feature:LINE` runs
    the scenario at that line.

    \b
    Any other option goes to pytest as pytest takes it: -k tablet, -v, -x, -q, -n 2, --lf, --co,
    --maxfail=2, -p no:randomly. Settings come from these options, then the environment
    (each option's [env ...] variable, read once), then the map, then the defaults.

    \b
    Exit status: 0 all passed, 1 violations or failed steps, 2 interrupted,
    3 configuration or system error, 4 usage error, 5 nothing selected.
    With --dry-run: 0 no lint problems, 1 problems, 4 usage error, 5 nothing selected.
    """
    import os

    import pytest

    from journeys.run.settings import RunSettings

    if options["gate"]:  # the @gate journeys (within --tags, when given); the plugin holds them to the thresholds
        options["tags"] = f"({options['tags']}) and @gate" if options["tags"] else "@gate"
    settings = RunSettings.build(options, os.environ)  # the environment's settings checked before pytest starts
    if dry_run:
        from journeys.run.dry_run import dry_run as list_and_lint

        targets = [arg for arg in [*ctx.args, *extra] if not arg.startswith("-")] or ["features"]
        sys.exit(
            list_and_lint(
                targets,
                tags=settings.tags,
                shard=options["shard"],
                system=settings.system,
                reports_dir=settings.reports_dir,
                trend_db=settings.report.trend_db,
                out=sys.stdout,
            )
        )
    options["run_id"] = settings.run_id  # the plugin takes it: the folder below is the run's
    folder = settings.folder
    args = [
        "--alluredir",
        str(folder / "allure-results"),
        "--junitxml",
        str(folder / "junit.xml"),
        "-o",
        "junit_family=xunit2",
        # journeys is imported before pytest starts: its plugin cannot be assert-rewritten.
        "-W",
        "ignore::pytest.PytestAssertRewriteWarning",
    ]
    for name, value in options.items():
        flag = "--" + name.replace("_", "-")
        if value is True:
            args.append(flag)
        elif isinstance(value, tuple):
            args += [f"{flag}={each}" for each in value]
        elif value not in (None, False):
            args.append(f"{flag}={value}")  # one token: a leading '@' is not read as pytest's @file
    from journeys.run.command_line import PipeSafe

    sys.stdout = PipeSafe(sys.stdout)  # type: ignore[assignment]  # `| tee` gone after Ctrl-C: finish anyway
    sys.exit(int(pytest.main([*ctx.args, *args, *extra], plugins=[_RunCommand()])))


class _RunCommand:
    """pytest as ``journeys run`` starts it: an unknown option said as such, features/ when no path is
    given (and no testpaths), and one message for a path that is not there, hinting at `journeys init`."""

    def __init__(self) -> None:
        import pytest

        @pytest.hookimpl(wrapper=True)
        def pytest_cmdline_parse(pluginmanager: Any, args: list[str]) -> Any:
            try:
                return (yield)
            except pytest.UsageError as exc:
                raise pytest.UsageError(self._unknown(str(exc)) or str(exc)) from None

        self.pytest_cmdline_parse = pytest_cmdline_parse

    @staticmethod
    def _unknown(message: str) -> str | None:
        found = re.search(r"unrecognized arguments: (.+)", message)
        if found is None:
            return None
        if re.match(r"(-n|--numprocesses|--dist)\b", found[1]) and find_spec("xdist") is None:
            return f"journeys run: {found[1]} needs pytest-xdist, an extra: pip install 'journeys[parallel]'"
        return (
            f"journeys run: no such option: {found[1]}. `journeys run -h` lists journeys' options;"
            " every other option goes to pytest (`pytest -h` lists pytest's and its plugins')."
        )

    def pytest_configure(self, config: Any) -> None:
        import pytest

        if config.args_source != pytest.Config.ArgsSource.ARGS:  # no paths given: not a project's testpaths
            config.args[:] = ["features"]
        for target in config.args:
            path = Path(re.sub(r"(\.feature)(:\d+)+$", r"\1", target.split("::")[0]))
            if not (config.invocation_params.dir / path).exists():
                given = config.args_source == pytest.Config.ArgsSource.ARGS
                hint = "" if given else " Write one with `journeys init`, or give the folder of your .feature files."
                raise pytest.UsageError(f"journeys: {target}: no such file or folder.{hint}")


@main.command()
def faults() -> None:
    """List the reference shop's faults: what the customer experiences with each."""
    import subprocess

    done = subprocess.run([sys.executable, "-m", "refshop", "--list-faults"], capture_output=True, text=True)
    if done.returncode != 0:
        raise click.ClickException(f"the reference shop would not list its faults: {done.stderr.strip()}")
    click.echo(done.stdout, nl=False)


@main.command()
@click.option("--fault", multiple=True, help="fault to switch on (repeatable)")
@click.option("--port", type=int, default=0, help="storefront port (default: a free one)")
def demo(fault: tuple[str, ...], port: int) -> None:
    """Start the reference shop and its mailbox for a person to click through."""
    import os

    from journeys.channels.mail import MailCapture
    from journeys.errors import SystemUnreachable
    from journeys.journey import embedded

    capture = MailCapture()
    capture.start()
    mailbox_url = capture.serve_view()
    try:
        shop = embedded.start("refshop", smtp_port=capture.port, faults=fault, port=port, variables=os.environ)
    except SystemUnreachable as exc:
        capture.stop()
        raise click.ClickException(str(exc)) from None
    click.echo(f"storefront     {shop.url}/")
    click.echo(
        f"agent console  {shop.info['agent_url']}   login: {shop.env['REFSHOP_AGENT_USER']}"
        f" / {shop.env['REFSHOP_AGENT_PASSWORD']}"
    )
    click.echo(f"mailbox        {mailbox_url}")
    click.echo(f"faults         {', '.join(fault) or 'none (a clean shop)'}")
    click.echo("Press Ctrl-C to stop.")
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        while True:
            signal.pause()
    except KeyboardInterrupt:
        pass
    finally:
        shop.stop()
        capture.stop()


@main.command()
@click.argument("folder", default=".", type=click.Path(path_type=Path))
def init(folder: Path) -> None:
    """Write a small journeys project into FOLDER (default: here); never overwrites a file.

    \b
    features/     example journeys, English and Dutch, against the reference shop
    steps/        a step of the project's own (journeys run, pytest, steps and lint find it)
    fixtures/systems/mysystem.yaml, mysystem_tasks.py
                  a skeleton touchpoint map and tasks for your own system
    pytest.ini    testpaths = features, so plain `pytest` runs the journeys
    pyproject.toml  the project's own tags ([tool.journeys] tags), read by lint and --tags
    .gitignore, README.md
    """
    from journeys.run.project_init import init_project

    try:
        report = init_project(folder)
    except OSError as exc:
        raise click.ClickException(str(exc)) from None
    for line in report.lines():
        click.echo(line)


@main.command()
@click.option("--lang", type=click.Choice(["en", "nl"]), help="only this language")
@click.option("--markdown", is_flag=True, help="as markdown (docs/steps.md)")
@click.option("--system", multiple=True, help="also list this system's fact words and what it lacks (repeatable)")
@click.option("--bundled", is_flag=True, help="only the steps journeys ships, not the project's own (steps/)")
def steps(lang: str | None, markdown: bool, system: tuple[str, ...], bundled: bool) -> None:
    """Print the catalogue of steps with an example of each and what it needs of a system."""
    from journeys.errors import ConfigError
    from journeys.vocabulary.catalogue import bundled_steps, render

    try:
        catalogue = bundled_steps() if bundled else None
        click.echo(render(lang, markdown=markdown, system=list(system) or None, catalogue=catalogue), nl=False)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from None


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--system", multiple=True, help="touchpoint map name or path [default: refshop]; repeatable")
def lint(paths: tuple[str, ...], system: tuple[str, ...]) -> None:
    """Check feature files without a browser: file:line: message, non-zero exit on problems."""
    from journeys.vocabulary.lint import run_lint

    sys.exit(run_lint(list(paths), system=list(system) or "refshop"))


@main.command()
@click.option("--system", multiple=True, help="touchpoint map name or path [default: refshop]; repeatable")
@click.option("--project", type=click.Path(file_okay=False), help="the project's folder [default: the editor's]")
@click.option("--stdio", is_flag=True, hidden=True, help="accepted for editors that pass it: stdio is the only way")
def lsp(system: tuple[str, ...], project: str | None, stdio: bool) -> None:
    """Serve the language server for .feature files over stdio (docs/editors.md): completion, lint's
    findings as you type, hover, quick fixes, go to definition."""
    try:
        from journeys.lsp import serve
    except ImportError as exc:  # pygls is a dependency: an installation without it is broken
        raise click.ClickException(f"{exc}: reinstall journeys (`pip install journeys`)") from None
    serve(project, system)


@main.command(cls=Command)
@options_from([OPTIONS_BY_DEST["chromium"]])
def doctor(chromium: str | None) -> None:
    """Check that a browser for Playwright is there, and say which."""
    import os

    from journeys.channels.browser_launch import find_chromium
    from journeys.errors import BrowserMissing
    from journeys.run.settings import RunSettings

    try:
        settings = RunSettings.build({"chromium": chromium}, os.environ, taken=[OPTIONS_BY_DEST["chromium"]])
        click.echo(find_chromium(named=settings.browser.executable))
    except BrowserMissing as exc:
        raise click.ClickException(str(exc)) from None


main.add_command(report)
main.add_command(simulate)
main.add_command(promises)

if __name__ == "__main__":
    main()
