"""``journeys simulate``: a population of synthetic customers through a mix of journeys, on Locust.

Registered on the ``journeys`` command by one line in ``journeys/cli.py``.
Nothing heavy is imported until the command runs, and then Locust first:
its gevent monkey-patching must come before any socket, thread or SSL
context is made.
"""

from __future__ import annotations

import secrets
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import click

__all__ = ["simulate"]

MAX_CUSTOMERS = 100_000
MAX_SECONDS = 24 * 3600
DEFAULT_CUSTOMERS = 100  # when neither --customers nor --duration bounds the run


@click.command()
@click.argument("paths", nargs=-1)
@click.option(
    "--mix", "weights", multiple=True, metavar="SELECTOR=WEIGHT", help="file/folder, @tag or name (repeatable)"
)
@click.option("--customers", type=click.IntRange(1, MAX_CUSTOMERS), help="customers to let arrive")
@click.option("--rate", type=click.FloatRange(0.01, 1000), default=5.0, show_default=True, help="arrivals per second")
@click.option("--duration", type=click.FloatRange(0.1, MAX_SECONDS), help="seconds of arrivals")
@click.option("--browser-share", type=click.FloatRange(0, 1), default=0.0, show_default=True)
@click.option("--out", default="reports/simulation", show_default=True, type=click.Path(path_type=Path))
@click.option("--threshold", "thresholds", multiple=True, metavar="EXPR", help="e.g. 'violation_rate < 0.001'")
@click.option("--system", default="refshop", show_default=True, help="touchpoint map: name or path")
@click.option("--base-url", help="URL of the system under test (default: start the embedded shop)")
@click.option("--fault", "faults", multiple=True, help="fault to switch on in the embedded shop (repeatable)")
@click.option("--seed", type=int, help="seed for the customers and the mix (replay a run)")
@click.option("--max-active", type=click.IntRange(1, 5000), default=100, show_default=True, help="customers at once")
@click.option("--drain", type=click.FloatRange(0, 3600), default=60.0, show_default=True, help="seconds to finish")
def simulate(paths: tuple[str, ...], **options: Any) -> None:
    """Let a population of synthetic customers walk PATHS' journeys (default: features/) at --rate a second.

    \b
    Without a browser: web pages through HTTP, forms posted, the map's selectors read from the HTML.
    Writes OUT/simulation.json, summary.md, simulation.html, Locust's CSV and HTML, and every ledger.
    Exit status: 0 done (thresholds met), 1 a threshold crossed, 2 interrupted,
    3 the system did not start or went down, 4 usage error.
    """
    import locust  # noqa: F401 - first of all: gevent patches the process before anything else is made

    sys.exit(_simulate(list(paths) or ["features"], options))


def _simulate(paths: list[str], o: dict[str, Any]) -> int:
    from journeys.errors import JourneysError, SystemUnreachable
    from journeys.population import privacy
    from journeys.population.engine import Engine, PopulationSession
    from journeys.population.report import write_report
    from journeys.population.results import summarize
    from journeys.population.thresholds import evaluate

    try:
        plan, thresholds = _plan(paths, o)
    except JourneysError as exc:
        click.echo(f"journeys simulate: {exc}", err=True)
        return 4
    out: Path = o["out"]
    bound = f"{plan.customers} customers" if plan.customers else ""
    bound += (" or " if bound and plan.duration else "") + (f"{plan.duration:g} s" if plan.duration else "")
    click.echo(f"simulating {bound} at {plan.rate:g}/s, {len(plan.mix.shares)} scenarios, seed {plan.seed} -> {out}")
    try:
        session = PopulationSession(
            o["system"], base_url=o["base_url"], faults=tuple(o["faults"]), reports_dir=out, seed=plan.seed
        )
    except (SystemUnreachable, JourneysError) as exc:
        click.echo(f"journeys simulate: the system is not there: {exc}", err=True)
        return 3
    try:
        run = Engine(plan, session, say=click.echo).run()
    finally:
        session.close()
    results = summarize(run, privacy.check(w.digest for w in run.walked))
    results["thresholds"] = evaluate(thresholds, results)
    write_report(out, results, run.env)
    return _verdict(run, results, out)


def _plan(paths: list[str], o: dict[str, Any]) -> tuple[Any, list[Any]]:
    from journeys.errors import JourneysError
    from journeys.gherkin.catalogue import load_steps
    from journeys.population.engine import Plan
    from journeys.population.mix import build_mix
    from journeys.population.thresholds import parse
    from journeys.system.map_files import find_map

    if o["browser_share"] > 0:
        raise JourneysError(
            "--browser-share: browser customers in a population are not built yet (Playwright's sync API"
            " cannot run under Locust's gevent; they need a process pool of their own). Use 0: every"
            " customer walks without a browser."
        )
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
    system_map = find_map(o["system"], "fixtures/systems")
    thresholds = [parse(t, touchpoints=system_map.touchpoints) for t in o["thresholds"]]
    seed = o["seed"] if o["seed"] is not None else secrets.randbelow(10**6) + 1
    run_id = f"sim-{datetime.now():%Y%m%d-%H%M%S}-{secrets.token_hex(2)}"
    plan = Plan(mix, o["rate"], customers, duration, seed, run_id, max_active=o["max_active"], drain=o["drain"])
    return plan, thresholds


def _verdict(run: Any, results: dict[str, Any], out: Path) -> int:
    r = results["run"]
    click.echo(
        f"{r['walked']} customers walked in {r['seconds']:g} s: {results['journeys']['passed']} passed,"
        f" {results['journeys']['failed']} failed; violation rate {results['journeys']['violation_rate']:.2%};"
        f" privacy leaks {results['privacy']['leaks']}"
    )
    if r["arrived"] and r["rate_reached"] < 0.9 * r["rate_asked"]:
        click.echo(
            f"the rate asked was not reached: {r['rate_reached']:g}/s of {r['rate_asked']:g}/s (arrivals waited"
            f" {r['late_p95_ms']:g} ms at p95): the machine or --max-active could not keep up."
        )
    crossed = [t for t in results["thresholds"] if not t["passed"]]
    for t in results["thresholds"]:
        click.echo(f"  {'met    ' if t['passed'] else 'CROSSED'} {t['threshold']}  (value {t['value']}) {t['note']}")
    click.echo(f"report: {out / 'simulation.html'}")
    if run.stopped.startswith("the system stopped"):
        return 3
    if run.stopped.startswith("interrupted"):
        return 2
    return 1 if crossed else 0
