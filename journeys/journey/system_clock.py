"""The system's clock: a test clock the harness can move, or the real one.

Journeys span days. Where the system has a test clock (the map's ``clock``
section), the harness sets and advances it; where it has none, time is the
wall clock and promises not yet due are stored for a later run.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol
from zoneinfo import ZoneInfo

from journeys.errors import ConfigError, StepError
from journeys.systems.templates import fill as fill_template

if TYPE_CHECKING:
    from journeys.core.secrets import Secrets
    from journeys.systems.touchpoint_map import TouchpointMap


class Clock(Protocol):
    controllable: bool

    def now(self) -> datetime: ...

    def set(self, moment: datetime) -> None: ...

    def advance(self, seconds: float) -> None: ...


class WallClock:
    """The real time in the system's time zone; it cannot be moved."""

    controllable = False

    def __init__(self, timezone: str, system: str) -> None:
        self.zone = ZoneInfo(timezone)
        self.system = system

    def now(self) -> datetime:
        return datetime.now(self.zone)

    def set(self, moment: datetime) -> None:
        raise StepError(
            f"{self.system} has no test clock (no 'clock' in its touchpoint map): "
            "a journey there cannot set the time; run it at the time it needs"
        )

    def advance(self, seconds: float) -> None:
        self.set(self.now() + timedelta(seconds=seconds))


class TestClock:
    """A system's test clock, moved through the endpoints its map names."""

    __test__ = False  # not a pytest test class
    controllable = True

    def __init__(
        self,
        api: Any,
        spec: dict[str, dict[str, Any]],
        timezone: str,
        secrets: Any,
        environ: Mapping[str, str] | None = None,
    ) -> None:
        self.api = api
        self.environ: Mapping[str, str] = {} if environ is None else environ  # where ``token_env`` is looked up
        self.spec = spec
        self.zone = ZoneInfo(timezone)
        self.secrets = secrets
        # A test clock stands still until moved (the embedded shop starts frozen), so the
        # moment of the last move is the time: no request for every fact read.
        self._now: datetime | None = None

    def now(self) -> datetime:
        if self._now is None:
            self._now = self._call("now", {})
        return self._now

    def set(self, moment: datetime) -> None:
        self._now = self._call("set", {"iso": moment.astimezone(self.zone).isoformat()})

    def advance(self, seconds: float) -> None:
        self._now = self._call("advance", {"seconds": str(int(seconds))})

    def _call(self, action: str, values: dict[str, str]) -> datetime:
        endpoint = self.spec.get(action)
        if endpoint is None:
            raise ConfigError(f"the map's clock has no '{action}' endpoint", key=f"clock.{action}")
        headers = {}
        if endpoint.get("token_env"):
            token = self.environ.get(endpoint["token_env"], "")
            if not token:
                raise ConfigError(
                    f"environment variable {endpoint['token_env']} is not set: export the clock token there",
                    key=f"clock.{action}.token_env",
                )
            self.secrets.add(token)
            headers[endpoint.get("header", "Authorization")] = token
        body = _fill(endpoint.get("body"), values)
        answer = self.api.request(endpoint.get("method", "GET"), endpoint["path"], json=body, headers=headers)
        found = _jsonpath(endpoint.get("read", "$.now"), answer)
        moment = datetime.fromisoformat(str(found))
        return moment if moment.tzinfo else moment.replace(tzinfo=self.zone)


def _fill(body: Any, values: dict[str, str]) -> Any:
    if isinstance(body, dict):
        return {k: _fill(v, values) for k, v in body.items()}
    if isinstance(body, str):
        filled = fill_template(body, values)
        return int(filled) if filled.isdigit() else filled
    return body


def _jsonpath(path: str, data: Any) -> Any:
    from jsonpath_ng import parse

    found = [m.value for m in parse(path).find(data)]
    if not found:
        raise ConfigError(f"the clock's answer has nothing at {path}: {data!r}", key="clock.read")
    return found[0]


def clock_for(
    system_map: TouchpointMap,
    base_url: str,
    reports_dir: str | Path,
    secrets: Secrets,
    environ: Mapping[str, str] | None = None,
) -> Clock:
    """The test clock when the map has one, else the wall clock (``environ``: where its token is)."""
    if not system_map.clock:
        return WallClock(system_map.timezone, system_map.system)
    from journeys.channels.api import HttpApiDriver
    from journeys.core.evidence import EvidenceStore

    api = HttpApiDriver(base_url, EvidenceStore(reports_dir, "_clock", secrets), "clock", secrets, environ=environ)
    return TestClock(api, system_map.clock, system_map.timezone, secrets, environ)
