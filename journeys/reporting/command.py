"""``journeys report``: the journey map and summary of a run folder, and Allure's HTML with ``--allure``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click

__all__ = ["report"]


@click.command()
@click.argument("run_folder", default="reports/latest", type=click.Path(path_type=Path))
@click.option("--allure", "with_allure", is_flag=True, help="also build Allure's HTML report (Allure 3, needs Node.js)")
@click.option("--lang", type=click.Choice(["en", "nl"]), help="language of the map (default: as the features were)")
def report(run_folder: Path, with_allure: bool, lang: str | None) -> None:
    """Write journey-map.html and summary.md into RUN_FOLDER (default: reports/latest).

    \b
    Reads the ledgers in RUN_FOLDER/evidence/*/ledger.json and junit.xml; a file
    that cannot be read is named and left out, the rest is still reported.
    Exit status: 0 written, 1 --allure could not build Allure's report, 4 no such run folder (or
    one where nothing ran).
    """
    from journeys.reporting.allure_cli import AllureUnavailable, generate, unreadable_results
    from journeys.reporting.build import build_reports
    from journeys.reporting.ledgers import run_folder as resolve

    folder = resolve(run_folder)
    if not folder.is_dir():
        click.echo(f"journeys: {run_folder}: no such run folder; run `journeys run` first, or name one.", err=True)
        sys.exit(4)
    if not (folder / "junit.xml").is_file() and not any(folder.glob("evidence/*/ledger.json")):
        # Nothing ran here: a report would say "all 0 journeys passed" of nothing.
        click.echo(
            f"journeys: {run_folder}: not a run folder (no junit.xml, no evidence/*/ledger.json);"
            " name a folder under reports/runs/, or run `journeys run` first.",
            err=True,
        )
        sys.exit(4)
    built = build_reports(folder, language=lang)
    for problem in built.results.problems:
        click.echo(f"journeys: {problem}", err=True)
    click.echo(f"journey map  {built.map_path}")
    click.echo(f"summary      {built.summary_path}")
    if with_allure:
        for problem in unreadable_results(folder / "allure-results"):
            click.echo(f"journeys: {problem}", err=True)
        try:
            click.echo(f"allure       {generate(folder) / 'index.html'}")
        except AllureUnavailable as exc:
            click.echo(f"journeys: no Allure report: {exc}", err=True)
            sys.exit(1)
        except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
            click.echo(f"journeys: {exc}", err=True)
            sys.exit(1)
