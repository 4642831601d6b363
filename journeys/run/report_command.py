"""``journeys report``: the journey map and summary of a run folder, and Allure's HTML with ``--allure``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from journeys.run.command_line import Command, options_from
from journeys.run.run_options import OPTIONS_BY_DEST, value_of

if TYPE_CHECKING:
    from journeys.reporting.build import Built
    from journeys.reporting.report_settings import ReportSettings

_TREND_DB, _REPORT_URL = OPTIONS_BY_DEST["trend_db"], OPTIONS_BY_DEST["report_url"]  # as `journeys run` has them

__all__ = ["report"]


@click.command(cls=Command)
@click.argument("run_folders", nargs=-1, type=click.Path(path_type=Path))
@click.option("--allure", "with_allure", is_flag=True, help="also build Allure's HTML report (Allure 3, needs Node.js)")
@click.option("--lang", type=click.Choice(["en", "nl"]), help="language of the reports (default: as the features)")
@click.option("--merge", is_flag=True, help="merge the RUN_FOLDERS of a suite's shards into one new run, and report it")
@click.option("--reports-dir", default="reports", show_default=True, help="with --merge: the merged run goes here")
@options_from([_TREND_DB, _REPORT_URL])
def report(
    run_folders: tuple[Path, ...],
    with_allure: bool,
    lang: str | None,
    merge: bool,
    reports_dir: str,
    trend_db: str | None,
    report_url: str | None,
) -> None:
    """Write journey-map.html and summary.md into RUN_FOLDER (default: reports/latest).

    \b
    Reads the ledgers in RUN_FOLDER/evidence/*/ledger.json and junit.xml; a file
    that cannot be read is named and left out, the rest is still reported.
    Exit status: 0 written, 1 --allure could not build Allure's report, 4 no such run folder (or
    one where nothing ran).

    \b
    --merge SHARD_FOLDER...: the run folders of `journeys run --shard k/n` become
    one run, <reports-dir>/runs/<id>/, reported as a whole (one map, summary,
    junit.xml, Allure results, trend entry; the gate judged on every journey).
    Exit status as the whole run's: 0 all passed, 1 a journey failed or did not
    finish, a shard is missing, or a gate threshold was crossed, 3 a shard could
    not start its system, 4 no such run folder, 5 no journey ran in any shard.
    """
    from journeys.reporting.allure_cli import AllureUnavailable, generate, unreadable_results
    from journeys.reporting.build import build_reports
    from journeys.reporting.ledgers import run_folder as resolve
    from journeys.reporting.report_settings import ReportSettings
    from journeys.reporting.report_words import TREND_SAID

    trend, url = value_of(_TREND_DB, trend_db, os.environ), value_of(_REPORT_URL, report_url, os.environ)
    settings = ReportSettings.build(trend, url, os.environ)  # the environment, read once

    folders = [resolve(folder) for folder in run_folders or (Path("reports/latest"),)]
    for given, folder in zip(run_folders or (Path("reports/latest"),), folders, strict=True):
        if not folder.is_dir():
            click.echo(f"journeys: {given}: no such run folder; run `journeys run` first, or name one.", err=True)
            sys.exit(4)
    if len(folders) > 1 and not merge:
        click.echo("journeys: several run folders: give --merge to merge the shards of one run.", err=True)
        sys.exit(4)
    status = 0
    if merge:
        folder, built, status = _merge(folders, Path(reports_dir), lang, settings)
    else:
        from journeys.reporting.shards import SHARD_FILE

        folder = folders[0]
        if not (folder / "junit.xml").is_file() and not any(folder.glob("evidence/*/ledger.json")):
            # Nothing ran here: a report would say "all 0 journeys passed" of nothing.
            click.echo(
                f"journeys: {folder}: not a run folder (no junit.xml, no evidence/*/ledger.json);"
                " name a folder under reports/runs/, or run `journeys run` first.",
                err=True,
            )
            sys.exit(4)
        # A shard's run is kept in the trend by its merge, not on its own.
        built = build_reports(folder, language=lang, record=not (folder / SHARD_FILE).is_file(), report=settings)
    for problem in built.results.problems:
        click.echo(f"journeys: {problem}", err=True)
    for kind, said in TREND_SAID.items():
        names = sorted(name for name, found in built.trend.items() if found == kind)
        if names:
            click.echo(f"journeys: {said}: {'; '.join(names)}")
    click.echo(f"journey map  {built.map_path}")
    click.echo(f"summary      {built.summary_path}")
    if with_allure:
        for problem in unreadable_results(folder / "allure-results"):
            click.echo(f"journeys: {problem}", err=True)
        try:
            report_folder = generate(folder, report=settings, language=lang or built.results.language)
            click.echo(f"allure       {report_folder / 'index.html'}")
        except AllureUnavailable as exc:
            click.echo(f"journeys: no Allure report: {exc}", err=True)
            sys.exit(1)
        except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
            click.echo(f"journeys: {exc}", err=True)
            sys.exit(1)
    sys.exit(status)


def _merge(folders: list[Path], reports: Path, lang: str | None, settings: ReportSettings) -> tuple[Path, Built, int]:
    """Merge the shards' folders into a new run, report it, and judge it: its folder, reports and exit status."""
    from journeys.reporting.build import build_reports
    from journeys.reporting.merge import merge_runs
    from journeys.reporting.report_settings import new_run_id, point_latest

    merged = merge_runs(folders, reports / "runs" / new_run_id())
    point_latest(reports, merged.folder)
    built = build_reports(merged.folder, gate_run=merged.gate, language=lang, problems=merged.problems, report=settings)
    cases = built.results.testcases
    if any(case.name.startswith("journeys-run-error") for case in cases):
        status, verdict = 3, "a shard could not start its system"
    elif not cases and not built.results.planned:
        status, verdict = 5, "no journey ran in any shard"
    elif merged.problems or built.results.not_finished() or any(c.status in ("failed", "error") for c in cases):
        status, verdict = 1, "not every journey passed"
    elif merged.gate and built.gate_failed:
        status, verdict = 1, "gate thresholds crossed"
    else:
        status, verdict = 0, "every journey passed"
    for line in built.crossed:
        click.echo(f"journeys gate: {line}", err=True)
    gate = " (gate)" if merged.gate else ""
    click.echo(f"merged{gate}     {len(folders)} run folders, {len(cases)} journeys: {verdict} (exit {status})")
    return merged.folder, built, status
