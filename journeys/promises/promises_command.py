"""``journeys promises``: list the project's stored promises; with ``--verify``, check the due ones as a run."""

from __future__ import annotations

import os
import shutil
import sys
from datetime import datetime
from typing import TYPE_CHECKING, Any

import click

from journeys.promises.promises_settings import PROMISES_OWN, PromisesSettings
from journeys.reporting.report_settings import point_latest
from journeys.run.command_line import Command, UsageError, options_from
from journeys.run.run_options import PROMISES_SHARED

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from journeys.promises.digest import Checked

__all__ = ["promises"]


@click.command(cls=Command)
@click.option("--verify", is_flag=True, help="check the promises due now (or --as-of), writing a run folder")
@options_from(PROMISES_OWN)
@options_from(PROMISES_SHARED)  # as `journeys run` takes them: journeys/run/settings.py
@click.option("--store", hidden=True, help="the old name of --promise-store")
def promises(verify: bool, store: str | None, **given: Any) -> None:
    """List the project's stored promises (pending, kept, broken); with --verify, check those due.

    A journey against a system without a test clock stores the promises it
    cannot check yet ("delivered Monday"); a later run checks them here, each
    against its own system's map and address. --verify writes a run folder
    like `journeys run` (summary.md, junit.xml with one test case per promise,
    journey-map.html, a trend row).

    \b
    Exit status: 0 all due promises kept, 1 a promise broken, 3 a promise could
    not be checked (it stays pending) or the store or a system could not be
    opened, 4 usage error, 5 nothing due (or no store yet).
    """
    from pathlib import Path

    from journeys.core.promise_file import project_name, store_path
    from journeys.core.promise_store import PromiseStore
    from journeys.errors import ConfigError

    if store and given["promise_store"]:
        raise UsageError("--store is the old name of --promise-store: give one of them.")
    settings = PromisesSettings.build({**given, "promise_store": given["promise_store"] or store}, os.environ)
    url = settings.store
    try:
        if not store_path(url).exists():  # no run has stored a promise here yet: nothing to check, not a pass
            click.echo(
                f"journeys promises: no promise store at {store_path(url)}: nothing to check. `journeys run` keeps"
                " promises not yet due there; if it should be there, run from the project's folder or set"
                " --promise-store / JOURNEYS_PROMISE_STORE.",
                err=True,
            )
            sys.exit(5)
        found = PromiseStore(url, create=False, project=project_name(Path.cwd()))
    except ConfigError as exc:
        click.echo(f"journeys promises: {exc}", err=True)
        sys.exit(3)
    if not verify:
        sys.exit(_list(found))
    sys.exit(_verify(found, settings))


def _list(store: object) -> int:
    from journeys.core.promise_store import PromiseStore

    assert isinstance(store, PromiseStore)
    report = store.report()
    click.echo(f"promise store {store.path}")
    for status in ("pending", "kept", "broken"):
        click.echo(f"{status}: {len(report[status])}")
        for stored in report[status]:
            p = stored.promise
            said = stored.verdict or (f"not checked yet: {stored.problem}" if stored.problem else "")
            click.echo(
                f"  {stored.label()} (made at {p.where.touchpoint}), due {p.due:%Y-%m-%d %H:%M},"
                f" checked at {p.check.touchpoint} on {stored.system}" + (f": {said}" if said else "")
            )
    return 1 if report["broken"] else 0


def _write_version(folder: Path, checked: Sequence[Checked], base_url: str | None) -> None:
    """``version.json``: the systems whose promises this run checked, for its trend row."""
    from pathlib import Path

    from journeys.reporting.versions import RunVersion, code_version

    systems = dict.fromkeys(f"{c.stored.system} at {base_url or c.stored.base_url}" for c in checked)
    RunVersion(code_version(Path.cwd()), "promises of " + "; ".join(systems)).write(folder)


def _verify(store: object, settings: PromisesSettings) -> int:
    from journeys.core.promise_store import PromiseStore
    from journeys.errors import ConfigError
    from journeys.promises.digest import verify_digest, write_digest
    from journeys.promises.verify import Target, verify_due, write_junit
    from journeys.reporting.build import build_reports

    assert isinstance(store, PromiseStore)
    pending = store.pending()
    if not pending:
        click.echo(f"journeys promises: no pending promises in {store.path}: nothing to check.", err=True)
        return 5
    moment, run_id, folder = settings.as_of, settings.run.run_id, settings.run.folder
    reports = settings.run.reports_dir
    folder.mkdir(parents=True, exist_ok=True)
    as_of = f"as of {moment.isoformat()}" if moment else "as of now"
    click.echo(f"journeys promises: store {store.path}; {as_of}; run {run_id} -> {folder}")
    try:
        target = Target(
            settings.system,
            settings.base_url,
            settings.run.smtp_port,
            browser=settings.run.browser,
            variables=settings.run.variables,
        )
        checked = verify_due(store, moment, target, folder, click.echo)
    except ConfigError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        click.echo(f"journeys promises: {exc}", err=True)
        return 3
    if not checked:
        shutil.rmtree(folder, ignore_errors=True)
        upcoming = min(p.promise.due for p in pending)
        click.echo(
            f"journeys promises: nothing due {as_of}; {len(pending)} pending, next due {upcoming:%Y-%m-%d %H:%M}."
        )
        return 5
    write_junit(folder, checked)
    _write_version(folder, checked, settings.base_url)
    write_digest(folder, verify_digest(store, checked, moment or datetime.now().astimezone()))
    point_latest(reports, folder)
    built = build_reports(folder, report=settings.run.report)
    for found in checked:
        stored = found.stored
        click.echo(
            f"{found.status:>12}  {stored.label()}, made at {stored.promise.where.touchpoint},"
            f" due {stored.promise.due:%Y-%m-%d %H:%M}, checked at {found.checked_at}: {found.verdict}"
        )
    for problem in built.results.problems:
        click.echo(f"journeys: {problem}", err=True)
    click.echo(f"journeys: journey map {built.map_path}")
    click.echo(f"journeys: summary     {built.summary_path}")
    statuses = {found.status for found in checked}
    return 1 if "broken" in statuses else 3 if "unverifiable" in statuses else 0
