"""``journeys promises``: list the project's stored promises; with ``--verify``, check the due ones as a run."""

from __future__ import annotations

import os
import shutil
import sys
from datetime import datetime
from pathlib import Path

import click

from journeys.run_folders import new_run_id, point_latest

__all__ = ["promises"]


@click.command()
@click.option("--verify", is_flag=True, help="check the promises due now (or --as-of), writing a run folder")
@click.option("--as-of", "as_of", metavar="ISO", help="check as of this moment: 2026-12-08T09:00 [env JOURNEYS_NOW]")
@click.option("--system", help="only this system's promises, checked with this map (name or path)")
@click.option("--base-url", help="that system's address now [default: where the promise was made]")
@click.option("--smtp-port", type=int, help="port of the SMTP capture, for promises checked by mail [default: free]")
@click.option("--store", help="the promise store [env JOURNEYS_PROMISE_STORE; default: <reports-dir>/promises.sqlite]")
@click.option("--reports-dir", default="reports", show_default=True, help="a verify run writes to <dir>/runs/<id>/")
def promises(
    verify: bool,
    as_of: str | None,
    system: str | None,
    base_url: str | None,
    smtp_port: int | None,
    store: str | None,
    reports_dir: str,
) -> None:
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
    from journeys.errors import ConfigError
    from journeys.promise_file import project_name, store_location, store_path
    from journeys.promise_store import PromiseStore
    from journeys.promises.as_of import parse_moment

    try:
        moment = parse_moment(as_of if as_of is not None else os.environ.get("JOURNEYS_NOW"))
    except ValueError as exc:
        click.echo(f"journeys promises: --as-of: {exc}", err=True)
        sys.exit(4)
    url = store_location(reports_dir, store or os.environ.get("JOURNEYS_PROMISE_STORE"))
    try:
        if not store_path(url).exists():  # no run has stored a promise here yet: nothing to check, not a pass
            click.echo(
                f"journeys promises: no promise store at {store_path(url)}: nothing to check. `journeys run` keeps"
                " promises not yet due there; if it should be there, run from the project's folder or set"
                " --store / JOURNEYS_PROMISE_STORE.",
                err=True,
            )
            sys.exit(5)
        found = PromiseStore(url, create=False, project=project_name(Path.cwd()))
    except ConfigError as exc:
        click.echo(f"journeys promises: {exc}", err=True)
        sys.exit(3)
    if not verify:
        sys.exit(_list(found))
    sys.exit(_verify(found, moment, system, base_url, smtp_port, Path(reports_dir)))


def _list(store: object) -> int:
    from journeys.promise_store import PromiseStore

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


def _verify(
    store: object,
    moment: datetime | None,
    system: str | None,
    base_url: str | None,
    smtp_port: int | None,
    reports: Path,
) -> int:
    from journeys.errors import ConfigError
    from journeys.promise_store import PromiseStore
    from journeys.promises.digest import verify_digest, write_digest
    from journeys.promises.junit import write_junit
    from journeys.promises.verify import Target, verify_due
    from journeys.reporting.build import build_reports

    assert isinstance(store, PromiseStore)
    pending = store.pending()
    if not pending:
        click.echo(f"journeys promises: no pending promises in {store.path}: nothing to check.", err=True)
        return 5
    run_id = os.environ.get("JOURNEYS_RUN_ID") or new_run_id()
    folder = reports / "runs" / run_id
    folder.mkdir(parents=True, exist_ok=True)
    as_of = f"as of {moment.isoformat()}" if moment else "as of now"
    click.echo(f"journeys promises: store {store.path}; {as_of}; run {run_id} -> {folder}")
    try:
        checked = verify_due(store, moment, Target(system, base_url, smtp_port), folder, click.echo)
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
    write_digest(folder, verify_digest(store, checked, moment or datetime.now().astimezone()))
    point_latest(reports, folder)
    built = build_reports(folder)
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
