"""The ``journeys`` command: run journeys, start the demo shop, help writers."""

from __future__ import annotations

import os
import re
import signal
import sys
from pathlib import Path
from typing import Any

import click

from journeys.population.command import simulate
from journeys.reporting.command import report

USAGE_ERROR = 4  # every command's exit status for a usage error (click's own would be 2: "interrupted")


class _UsageError(click.UsageError):
    exit_code = USAGE_ERROR


class _Journeys(click.Group):
    """The command group: a usage error (an unknown option, a bad value) exits 4 in every command."""

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        try:
            return super().make_context(*args, **kwargs)
        except click.UsageError as exc:
            raise _usage(exc) from exc

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            raise _usage(exc) from exc


def _usage(exc: click.UsageError) -> click.UsageError:
    """The same message and usage line, with exit status 4."""
    return exc if isinstance(exc, _UsageError) else _UsageError(exc.format_message(), exc.ctx)


@click.group(cls=_Journeys, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="journeys", message="journeys %(version)s")
def main() -> None:
    """Customer journeys across channels, checked for consistency."""


_EVIDENCE = click.Choice(["on", "off", "only-on-failure"])
_KEEP = click.Choice(["on", "off", "retain-on-failure"])


@main.command(context_settings={"ignore_unknown_options": True})
@click.argument("paths", nargs=-1)
@click.option("--system", multiple=True, help="touchpoint map: name or path [default: refshop]; repeat for several")
@click.option("--base-url", help="URL of the system under test (default: start the embedded shop)")
@click.option("--smtp-port", type=int, help="port of the SMTP capture the systems send mail to [default: free]")
@click.option("--fault", multiple=True, help="fault to switch on in the embedded shop (repeatable; `journeys faults`)")
@click.option("--tags", help="Cucumber tag expression, e.g. '@gate and not @slow' ('@' optional)")
@click.option("--seed", type=int, help="seed for the synthetic customers (replay a run)")
@click.option("-n", "workers", help="parallel workers (pytest-xdist), e.g. 2 or auto")
@click.option("--reports-dir", default="reports", show_default=True, help="each run writes to <dir>/runs/<id>/")
@click.option("--browser", type=click.Choice(["chromium", "firefox", "webkit"]), help="browser engine")
@click.option("--headed", is_flag=True, help="show the browser (needs a display: use xvfb-run without one)")
@click.option("--slowmo", type=float, help="milliseconds between browser actions")
@click.option("--screenshot", type=_EVIDENCE, help="a screenshot per touchpoint [default: on]")
@click.option("--tracing", type=_KEEP, help="Playwright trace per customer [default: off]")
@click.option("--video", type=_KEEP, help="video per customer [default: off]")
@click.option("--element-timeout", type=float, help="seconds to wait for an element [default: 5]")
@click.option("--mail-timeout", type=float, help="seconds to wait for a mail [default: 30]")
@click.option("--lf", "--last-failed", "last_failed", is_flag=True, help="run only the journeys that failed last time")
@click.option("--pytest-arg", "extra", multiple=True, help="extra argument passed to pytest (repeatable)")
@click.option("--gate", is_flag=True, help="the release gate: the @gate journeys, and [tool.journeys.gate] thresholds")
def run(paths: tuple[str, ...], workers: str | None, extra: tuple[str, ...], gate: bool, **options: Any) -> None:
    """Run journeys: PATHS are feature files or folders (default: features/); `file.feature:LINE` runs
    the scenario at that line.

    \b
    Exit status: 0 all passed, 1 violations or failed steps, 2 interrupted,
    3 configuration or system error, 4 usage error, 5 nothing selected.
    """
    import pytest

    from journeys.plugin.runtime import new_run_id

    targets = list(paths) or ["features"]
    unknown = [target for target in targets if target.startswith("-")]
    if unknown:  # options run does not know come through as paths (pytest's own go with --pytest-arg)
        click.echo(
            f"journeys run: no such option {unknown[0]}. `journeys run --help` lists them;"
            f" pass an option of pytest's own as --pytest-arg={unknown[0]}.",
            err=True,
        )
        sys.exit(USAGE_ERROR)
    for target in targets:
        if not Path(re.sub(r"(\.feature)(:\d+)+$", r"\1", target)).exists():
            hint = " Write one with `journeys init`, or give the folder of your .feature files." if not paths else ""
            click.echo(f"journeys: {target}: no such file or folder.{hint}", err=True)
            sys.exit(4)
    if gate:  # the @gate journeys (within --tags, when given); the plugin holds them to the thresholds
        options["tags"] = f"({options['tags']}) and @gate" if options["tags"] else "@gate"
        os.environ["JOURNEYS_GATE"] = "1"
    run_id = os.environ.setdefault("JOURNEYS_RUN_ID", new_run_id())
    folder = Path(options["reports_dir"]) / "runs" / run_id
    args = [
        *targets,
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
        if name in ("fault", "system"):
            args += [a for f in value for a in (flag, f)]
        elif name == "last_failed":
            args += ["--lf"] if value else []
        elif name == "headed":
            args += [flag] if value else []
        elif value is not None:
            args.append(f"{flag}={value}")  # one token: a leading '@' is not read as pytest's @file
    if workers:
        args += ["-n", workers]
    from journeys.pipe_safe import PipeSafe

    sys.stdout = PipeSafe(sys.stdout)  # type: ignore[assignment]  # `| tee` gone after Ctrl-C: finish anyway
    sys.exit(int(pytest.main([*args, *extra])))


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
    from journeys import embedded
    from journeys.channels.mail import MailCapture
    from journeys.errors import SystemUnreachable

    capture = MailCapture()
    capture.start()
    mailbox_url = capture.serve_view()
    try:
        shop = embedded.start("refshop", smtp_port=capture.port, faults=fault, port=port)
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
    .gitignore, README.md
    """
    from journeys.project_init import init_project

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
def steps(lang: str | None, markdown: bool, system: tuple[str, ...]) -> None:
    """Print the catalogue of steps with an example of each and what it needs of a system."""
    from journeys.errors import ConfigError
    from journeys.gherkin.catalogue import render

    try:
        click.echo(render(lang, markdown=markdown, system=list(system) or None), nl=False)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from None


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--system", multiple=True, help="touchpoint map name or path [default: refshop]; repeatable")
def lint(paths: tuple[str, ...], system: tuple[str, ...]) -> None:
    """Check feature files without a browser: file:line: message, non-zero exit on problems."""
    from journeys.gherkin.lint import run_lint

    sys.exit(run_lint(list(paths), system=list(system) or "refshop"))


@main.command()
@click.option("--system", default="refshop", show_default=True, help="touchpoint map name or path")
@click.option("--base-url", help="URL of the system whose promises to check")
@click.option("--verify", is_flag=True, help="check the promises that are due now")
@click.option("--reports-dir", default="reports", show_default=True)
def promises(system: str, base_url: str | None, verify: bool, reports_dir: str) -> None:
    """List stored promises (pending, kept, broken); with --verify, check those now due.

    Systems without a test clock cannot be fast-forwarded: a journey stores the
    promises it cannot check yet (JOURNEYS_PROMISE_STORE, default
    reports/promises.sqlite) and a later run checks them here.
    """
    from journeys.customer import Customer
    from journeys.journey import Journey
    from journeys.promise_store import PromiseStore

    url = os.environ.get("JOURNEYS_PROMISE_STORE") or f"sqlite:///{Path(reports_dir) / 'promises.sqlite'}"
    store = PromiseStore(url)
    if verify:
        from journeys.session import SystemSession

        session = SystemSession(system, base_url=base_url, reports_dir=reports_dir)
        try:
            for stored in store.due(session.clock.now(), system=session.map.system):
                journey = Journey(session, Customer.from_dict(stored.customer), name=stored.journey_id)
                journey.settle(stored.promise)
                journey.close()
                store.settle(stored.id, stored.promise.status, stored.promise.verdict)
        finally:
            session.close()
    report = store.report()
    for status in ("pending", "kept", "broken"):
        click.echo(f"{status}: {len(report[status])}")
        for stored in report[status]:
            p = stored.promise
            click.echo(
                f"  {stored.journey_id}: {p.fact} {p.raw!r} due {p.due:%Y-%m-%d %H:%M}"
                f" at {p.check.touchpoint}" + (f": {stored.verdict}" if stored.verdict else "")
            )
    sys.exit(1 if report["broken"] else 0)


@main.command()
def doctor() -> None:
    """Check that a browser for Playwright is there, and say which."""
    from journeys.channels.browser import BrowserMissing, find_chromium

    try:
        click.echo(find_chromium())
    except BrowserMissing as exc:
        raise click.ClickException(str(exc)) from None


main.add_command(report)
main.add_command(simulate)

if __name__ == "__main__":
    main()
