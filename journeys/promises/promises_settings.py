"""``journeys promises``' settings: its own options and those it shares with a run, read once where it starts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from journeys.core.promise_file import store_location
from journeys.promises.as_of import parse_moment
from journeys.run.run_options import PROMISES_SHARED, RunOption, SettingError, value_of
from journeys.run.settings import RunSettings

__all__ = ["PROMISES_OWN", "PromisesSettings"]

PROMISES_OWN: tuple[RunOption, ...] = (
    RunOption("--as-of", "check as of this moment: 2026-12-08T09:00 [default: now]", env="JOURNEYS_NOW"),
    RunOption("--system", "only this system's promises, checked with this map (name or path)"),
    RunOption("--base-url", "that system's address now [default: where the promise was made]"),
)
_AS_OF = PROMISES_OWN[0]


@dataclass(frozen=True)
class PromisesSettings:
    """What ``journeys promises`` was told, typed.

    Args:
        as_of: the moment to check as of; None: now.
        system: only this system's promises (a map's name or path), when given.
        base_url: that system's address now, when given.
        store: the project's promise store (``--promise-store``, else ``<reports-dir>/promises.sqlite``).
        run: what a verify run shares with ``journeys run``: reports folder, run id, SMTP port, browser.
    """

    as_of: datetime | None
    system: str | None
    base_url: str | None
    store: str
    run: RunSettings

    @classmethod
    def build(cls, given: Mapping[str, Any], environ: Mapping[str, str]) -> PromisesSettings:
        """From the options given (by dest) and the environment, read here once.

        Raises:
            SettingError: a moment that is not one (``--as-of``, ``JOURNEYS_NOW``), or a variable of the wrong kind.
        """
        shared = {option.dest: given.get(option.dest) for option in PROMISES_SHARED}
        # The maps' variables: --system's map's too (a path), beside the project's and the bundled ones.
        shared["system"] = (given["system"],) if given.get("system") else ()
        run = RunSettings.build(shared, environ, taken=PROMISES_SHARED)
        moment = value_of(_AS_OF, given.get("as_of"), environ)
        try:
            as_of = parse_moment(moment)
        except ValueError as exc:
            told = "--as-of" if given.get("as_of") else f"{_AS_OF.env} ({_AS_OF.flag})"
            raise SettingError(f"{told}: {exc}") from None
        return cls(
            as_of=as_of,
            system=given.get("system") or None,
            base_url=given.get("base_url") or None,
            store=store_location(run.reports_dir, run.promise_store),
            run=run,
        )
