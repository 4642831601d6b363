"""The release gate's softer findings: thresholds on effort and response time, from pyproject.toml.

A gate journey with a violation or an error already fails the run (exit 1
or 3). Thresholds catch what is not a violation but should still stop a
release, like k6's thresholds do for a load test::

    [tool.journeys.gate]
    max_effort_score = 20          # per journey (docs/effort.md)
    max_response_seconds = 5.0     # any touchpoint
    flaky_window = 5               # runs the trend looks back over

    [tool.journeys.gate.response_seconds]
    "returns.portal" = 8.0         # per touchpoint, instead of max_response_seconds

``journeys run --gate`` exits 1 when one is crossed and says which.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from journeys.errors import ConfigError
from journeys.reporting.ledgers import RunResults

__all__ = ["Thresholds", "crossings", "read_thresholds"]

_KEYS = {"max_effort_score", "max_response_seconds", "response_seconds", "flaky_window"}


@dataclass(frozen=True)
class Thresholds:
    """Limits a gate run holds every journey to (None: no limit)."""

    max_effort_score: float | None = None
    max_response_seconds: float | None = None
    response_seconds: dict[str, float] = field(default_factory=dict)
    flaky_window: int = 5
    source: str = "pyproject.toml"

    def response_limit(self, touchpoint: str) -> tuple[float | None, str]:
        """The response-time limit for ``touchpoint`` and the setting it comes from."""
        if touchpoint in self.response_seconds:
            return self.response_seconds[touchpoint], f'response_seconds."{touchpoint}"'
        return self.max_response_seconds, "max_response_seconds"


def read_thresholds(rootdir: Path) -> Thresholds:
    """``[tool.journeys.gate]`` of ``rootdir/pyproject.toml`` (no file or no table: no thresholds).

    Raises:
        ConfigError: the table has an unknown key or a value that is not a number (file and key named).
    """
    path = Path(rootdir) / "pyproject.toml"
    if not path.is_file():
        return Thresholds()
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {}).get("journeys", {}).get("gate", {})
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"not readable TOML ({exc})", file=str(path)) from None
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise ConfigError(
            f"unknown setting {', '.join(unknown)}; the gate knows {', '.join(sorted(_KEYS))}",
            file=str(path),
            key="tool.journeys.gate",
        )
    per_touchpoint = table.get("response_seconds", {})
    if not isinstance(per_touchpoint, dict):
        raise ConfigError("a table of touchpoint = seconds", file=str(path), key="tool.journeys.gate.response_seconds")
    return Thresholds(
        _number(table, "max_effort_score", path),
        _number(table, "max_response_seconds", path),
        {str(tp): _number(per_touchpoint, tp, path, prefix="response_seconds.") or 0.0 for tp in per_touchpoint},
        int(_number(table, "flaky_window", path) or 5),
        str(path),
    )


def _number(table: dict[str, object], key: str, path: Path, *, prefix: str = "") -> float | None:
    value = table.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ConfigError(f"a number, not {value!r}", file=str(path), key=f"tool.journeys.gate.{prefix}{key}")
    return float(value)


def crossings(results: RunResults, thresholds: Thresholds) -> list[str]:
    """Every threshold a journey of the run crossed, one line each, naming journey, value and limit."""
    found = []
    for journey in results.journeys:
        score = float(journey.effort.get("score", 0))
        limit = thresholds.max_effort_score
        if limit is not None and score > limit:
            found.append(f"{journey.name}: effort score {score:g} is above {limit:g} (max_effort_score)")
        for visit in journey.ledger.visits:
            seconds, setting = thresholds.response_limit(visit.touchpoint)
            if seconds is not None and visit.waited_seconds > seconds:
                found.append(
                    f"{journey.name}: {visit.touchpoint} took {visit.waited_seconds:.1f} s to answer,"
                    f" above {seconds:g} s ({setting})"
                )
    return found
