"""``journeys simulate``: a population of synthetic customers through a mix of journeys, on Locust.

Registered on the ``journeys`` command by one line in ``journeys/cli.py``.
Nothing heavy is imported until the command runs, and then Locust first:
its gevent monkey-patching must come before any socket, thread or SSL
context is made.
"""

from __future__ import annotations

import os
import sys
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from journeys.run.command_line import Command, UsageError, options_from
from journeys.run.run_options import SIMULATE_SHARED

if TYPE_CHECKING:
    from journeys.run.settings import RunSettings

__all__ = ["simulate"]

MAX_CUSTOMERS = 100_000
MAX_SECONDS = 24 * 3600
DEFAULT_CUSTOMERS = 100  # when neither --customers nor --duration bounds the run
NOT_INSTALLED = 3  # a configuration error, as a run's: the command cannot be carried out here
NO_LOCUST = "journeys simulate: Locust is not installed: pip install 'journeys[simulate]'"


class _NeedsLocust(Command):
    """Locust is an extra (``journeys[simulate]``): without it, ``journeys simulate`` (its ``-h`` too) says
    in one line what to install and exits 3. Looked up, not imported: gevent patches whoever imports it."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if find_spec("locust") is None:
            click.echo(NO_LOCUST, err=True)
            ctx.exit(NOT_INSTALLED)
        return super().parse_args(ctx, args)


@click.command(cls=_NeedsLocust)
@click.argument("paths", nargs=-1)
@click.option(
    "--mix", "weights", multiple=True, metavar="SELECTOR=WEIGHT", help="file/folder, @tag or name (repeatable)"
)
@click.option("--customers", type=click.IntRange(1, MAX_CUSTOMERS), help="customers to let arrive")
@click.option("--rate", type=click.FloatRange(0.01, 1000), default=5.0, show_default=True, help="arrivals per second")
@click.option("--duration", type=click.FloatRange(0.1, MAX_SECONDS), help="seconds of arrivals")
@click.option(
    "--browser-share", type=click.FloatRange(0, 1), default=0.0, show_default=True, help="share walked in a browser"
)
@click.option("--browsers", type=click.IntRange(1, 32), default=2, show_default=True, help="browser processes")
@click.option("--out", default="reports/simulation", show_default=True, type=click.Path(path_type=Path))
@click.option("--threshold", "thresholds", multiple=True, metavar="EXPR", help="e.g. 'violation_rate < 0.001'")
@options_from(SIMULATE_SHARED)  # as `journeys run` takes them: journeys/run/settings.py
@click.option(
    "--max-active",
    type=click.IntRange(1, 5000),
    help="customers at once [default: as many as the system answers in time: ramp up until it slows, then hold]",
)
@click.option(
    "--coverage",
    default="90%",
    show_default=True,
    help="share of the customers that were to reach what a threshold reads that must have: below, 'not measured'",
)
@click.option("--drain", type=click.FloatRange(0, 3600), default=60.0, show_default=True, help="seconds to finish")
@click.option("--progress/--no-progress", default=None, help="progress lines [default: on a terminal, outside CI]")
@click.option("--workers", type=click.IntRange(0, 64), default=0, help="Locust workers to start here (distributed)")
@click.option("--master", is_flag=True, help="be the master of workers started elsewhere")
@click.option("--expect-workers", type=click.IntRange(1, 1000), help="workers the master waits for")
@click.option("--master-bind-host", default="127.0.0.1", show_default=True)
@click.option("--worker", is_flag=True, help="be a worker of a master (--master-host, --master-port)")
@click.option("--master-host", default="127.0.0.1", show_default=True)
@click.option("--master-port", type=click.IntRange(0, 65535), default=0, help="the master's port (0: a free one)")
def simulate(paths: tuple[str, ...], **options: Any) -> None:
    """Let a population of synthetic customers walk PATHS' journeys (default: features/) at --rate a second.

    \b
    Without a browser: web pages through HTTP, forms posted, the map's selectors read from the HTML;
    --browser-share of the customers walk in a real browser (--browsers processes of one browser each).
    Distributed: --workers N starts N Locust workers here; --master waits for --expect-workers started
    elsewhere with --worker --master-host HOST --master-port PORT.
    Writes OUT/simulation.json, summary.md, simulation.html, Locust's CSV and HTML, and every ledger.
    The options it shares with `journeys run` mean the same, and read the same variables (CI: no
    progress lines).
    Exit status: 0 done (thresholds met), 1 a threshold crossed, 2 interrupted, 3 the run could not
    be carried out (the system, browsers or workers did not start; the system went down; every worker
    was lost), 4 usage error.
    """
    import locust  # noqa: F401 - first of all: gevent patches the process before anything else is made

    if options["worker"]:
        sys.exit(_work(paths, options))
    sys.exit(_simulate(list(paths) or ["features"], options, simulate_settings(options, os.environ)))


def simulate_settings(o: dict[str, Any], environ: Any) -> RunSettings:
    """The settings ``simulate`` shares with a run, read once (its run id starts ``sim-``).

    Raises:
        UsageError: several systems or browser engines (a population walks one of each).
    """
    from journeys.reporting.report_settings import new_run_id
    from journeys.run.settings import RunSettings

    given = {option.dest: o[option.dest] for option in SIMULATE_SHARED}
    settings = RunSettings.build(given, environ, new_id=lambda: f"sim-{new_run_id()}", taken=SIMULATE_SHARED)
    if len(settings.systems) > 1:
        raise UsageError(f"--system {' --system '.join(settings.systems)}: a population walks one system; give one.")
    if len(settings.browsers) > 1:
        raise UsageError("--browser: a population's browser customers walk in one engine; give it once.")
    return settings


def _work(paths: tuple[str, ...], o: dict[str, Any]) -> int:
    from journeys.population.worker import run_worker

    if paths or o["master"] or o["workers"]:
        click.echo(
            "journeys simulate --worker: a worker takes its journeys and options from the master: give only"
            " --master-host and --master-port.",
            err=True,
        )
        return 4
    if not o["master_port"]:
        click.echo("journeys simulate --worker: --master-port is needed (the master prints it).", err=True)
        return 4
    return run_worker(o["master_host"], o["master_port"], lambda line: click.echo(line, err=True))


def _simulate(paths: list[str], o: dict[str, Any], settings: RunSettings) -> int:
    from journeys.core.promise_file import store_location
    from journeys.errors import JourneysError, SystemUnreachable
    from journeys.population import crowd_privacy as privacy
    from journeys.population.engine import PopulationSession
    from journeys.population.launch import RunNotStarted, launch
    from journeys.population.report import write_report
    from journeys.population.results import summarize
    from journeys.population.telling import verdict
    from journeys.population.thresholds import evaluate

    try:
        plan, thresholds, where = _plan(paths, o, settings)
    except JourneysError as exc:
        click.echo(f"journeys simulate: {exc}", err=True)
        return 4
    out: Path = o["out"]
    bound = f"{plan.customers} customers" if plan.customers else ""
    bound += (" or " if bound and plan.duration else "") + (f"{plan.duration:g} s" if plan.duration else "")
    click.echo(f"simulating {bound} at {plan.rate:g}/s, {len(plan.mix.shares)} scenarios, seed {plan.seed} -> {out}")
    store = store_location(settings.reports_dir, settings.promise_store)  # the project's, as run's (not --out's)
    try:
        session = PopulationSession(
            settings.system,
            base_url=settings.base_url,
            faults=settings.faults,
            reports_dir=out,
            seed=plan.seed,
            promise_store=store,
            smtp_port=settings.smtp_port,
            browser=settings.browser,
            environ=settings.variables,
        )
    except (SystemUnreachable, JourneysError) as exc:
        click.echo(f"journeys simulate: the system is not there: {exc}", err=True)
        return 3
    faults = ", ".join(settings.faults) or "none"
    click.echo(f"{systems_at(session)}; faults: {faults}; promises not yet due -> {store}")
    try:
        run = launch(plan, session, settings.systems[0], where, click.echo)
    except RunNotStarted as exc:
        click.echo(f"journeys simulate: {exc}", err=True)
        return 3
    finally:
        session.close()
    results = summarize(run, privacy.check(w.digest for w in run.walked))
    results["thresholds"] = evaluate(thresholds, results, coverage=plan.coverage)
    write_report(out, results, run.env)
    return verdict(run, results, out, click.echo)


def systems_at(session: Any) -> str:
    """``system shop at http://…`` / ``systems shop at http://…, helpdesk at http://…``: where the customers go."""
    told = [f"{name} at {part.base_url}" for name, part in session.parts.items()]
    return ("system " if len(told) == 1 else "systems ") + ", ".join(told)


def _plan(paths: list[str], o: dict[str, Any], settings: RunSettings) -> tuple[Any, list[Any], Any]:
    from journeys.errors import JourneysError
    from journeys.population.launch import Distribution
    from journeys.population.mix import build_mix
    from journeys.population.plan import Plan
    from journeys.population.telling import wanted
    from journeys.population.thresholds import Known, parse, parse_share
    from journeys.systems.map_files import find_map
    from journeys.vocabulary.catalogue import load_steps

    if o["expect_workers"] and not (o["master"] or o["workers"]):
        raise JourneysError("--expect-workers is for a master: add --master (or --workers N).")
    expect = max(o["expect_workers"] or (1 if o["master"] else 0), o["workers"])
    where = Distribution(o["workers"], expect, o["master_bind_host"], o["master_port"])
    customers, duration = o["customers"], o["duration"]
    if customers is None and duration is None:
        customers = DEFAULT_CUSTOMERS
        click.echo(f"no --customers or --duration: at most {customers} customers")
    mix = build_mix(paths, o["weights"])
    catalogue = load_steps(Path.cwd())
    for share in mix.shares:
        scenario = share.scenario
        for step in scenario.steps:
            if catalogue.match(step.text, scenario.language, step.kind) is None:
                raise JourneysError(
                    f"{scenario.location}: unknown step '{step.keyword} {step.text}': the mix cannot walk it"
                    " (`journeys lint` says more)."
                )
    system_map = find_map(settings.systems[0], "fixtures/systems")
    known = Known.of(system_map)
    thresholds = [parse(t, known=known) for t in o["thresholds"]]
    coverage = parse_share(o["coverage"], "--coverage")
    plan = Plan(
        mix,
        o["rate"],
        customers,
        duration,
        settings.seed,
        settings.run_id,
        max_active=o["max_active"] or 0,  # 0: as many as the system answers in time (engine's ramp)
        drain=o["drain"],
        progress_every=5.0 if wanted(o["progress"], ci=settings.ci) else None,
        browser_share=o["browser_share"],
        browsers=o["browsers"],
        coverage=coverage,
    )
    return plan, thresholds, where
