"""The mix of journeys a population walks: which scenarios, and how often each.

A mix is read from feature files and folders (the same ``.feature`` files the
suite runs) and, optionally, weights written ``SELECTOR=WEIGHT``:

- ``features/order`` or ``features/order/web_order.feature``: a folder or file;
- ``@gate`` or ``@web and not @slow``: a Cucumber tag expression;
- ``A tablet ordered on the web is confirmed the same way everywhere``: a scenario's name.

Weights are either all relative (``3``, ``1``: three times as often) or all
shares in percent that add up to 100 (``70%``, ``30%``). A selector's weight
is split evenly over the scenarios it picks. Without weights every scenario
in the paths is equally likely. Which scenario customer ``n`` walks depends
only on the run's seed and ``n``: a run can be replayed.
"""

from __future__ import annotations

import difflib
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from journeys.errors import JourneysError
from journeys.vocabulary.feature import Scenario, feature_files, read_feature

__all__ = ["Mix", "MixError", "Share", "build_mix"]


class MixError(JourneysError):
    """The mix cannot be made: an unknown journey, a bad weight, no scenarios."""


@dataclass(frozen=True)
class Share:
    """One scenario of the mix and its probability."""

    scenario: Scenario
    share: float


@dataclass(frozen=True)
class Mix:
    """Scenarios with their shares (adding up to 1)."""

    shares: tuple[Share, ...]

    def pick(self, seed: int, index: int) -> Scenario:
        """The scenario customer ``index`` of a run with ``seed`` walks."""
        chooser = random.Random(f"{seed}:{index}")
        weights = [s.share for s in self.shares]
        return chooser.choices(self.shares, weights=weights)[0].scenario

    def describe(self) -> list[dict[str, object]]:
        """The mix as a table: location, scenario, share (for the report)."""
        return [
            {"location": s.scenario.location, "scenario": s.scenario.title, "share": round(s.share, 4)}
            for s in self.shares
        ]


def build_mix(paths: Sequence[str], weights: Sequence[str] = ()) -> Mix:
    """The mix of the scenarios in ``paths``, weighted by ``weights`` (``SELECTOR=WEIGHT``).

    Raises:
        MixError: a path that does not exist, a selector that picks no scenario,
            a weight that is not a positive number, percentages that do not add
            up to 100, a scenario picked twice, or nothing to walk.
    """
    scenarios = _scenarios(paths)
    if not weights:
        return Mix(tuple(Share(s, 1 / len(scenarios)) for s in scenarios))
    parsed = [_weight(item) for item in weights]
    percent = {is_percent for _, _, is_percent in parsed}
    if len(percent) > 1:
        raise MixError("the mix mixes percentages and relative weights: write all weights as 70% or all as 3.")
    if percent == {True}:
        total = sum(w for _, w, _ in parsed)
        if abs(total - 100) > 0.01:
            written = " + ".join(f"{w:g}%" for _, w, _ in parsed)
            raise MixError(f"the weights do not add up: {written} = {total:g}%, not 100%.")
    picked: dict[Scenario, tuple[str, float]] = {}
    for selector, weight, _ in parsed:
        chosen = _select(selector, scenarios)
        for scenario in chosen:
            if scenario in picked:
                raise MixError(
                    f"{scenario.location} ({scenario.title}) is in the mix twice: by '{picked[scenario][0]}' and"
                    f" by '{selector}'. Give each scenario one weight."
                )
            picked[scenario] = (selector, weight / len(chosen))
    total = sum(w for _, w in picked.values())
    return Mix(tuple(Share(s, w / total) for s, (_, w) in picked.items()))


def _scenarios(paths: Sequence[str]) -> list[Scenario]:
    for path in paths:
        if not Path(path).exists():
            raise MixError(f"{path}: no such file or folder: give feature files or folders of them.")
    files = feature_files(list(paths))
    scenarios = [scenario for path in files for scenario in read_feature(path)]
    if not scenarios:
        raise MixError(f"no scenarios in {', '.join(paths)}: nothing to walk.")
    return scenarios


def _weight(item: str) -> tuple[str, float, bool]:
    selector, sep, text = item.rpartition("=")
    selector, text = selector.strip(), text.strip()
    if not sep or not selector:
        raise MixError(f"'{item}': write a weight as SELECTOR=WEIGHT, e.g. features/order=3 or @gate=70%.")
    is_percent = text.endswith("%")
    try:
        weight = float(text.rstrip("%"))
    except ValueError:
        raise MixError(f"'{item}': the weight '{text}' is not a number.") from None
    if not weight > 0:
        raise MixError(f"'{item}': a weight must be more than 0 (leave a journey out instead).")
    return selector, weight, is_percent


def _select(selector: str, scenarios: list[Scenario]) -> list[Scenario]:
    if selector.startswith("@"):
        from cucumber_tag_expressions import parse  # type: ignore[import-untyped]

        try:
            expression = parse(selector)
        except Exception as exc:  # noqa: BLE001 - the library's own parse errors, said in our words
            raise MixError(f"'{selector}' is not a tag expression: {exc}") from None
        chosen = [s for s in scenarios if expression.evaluate([f"@{t}" for t in s.tags])]
        known = sorted({f"@{t}" for s in scenarios for t in s.tags})
    elif selector.endswith(".feature") or Path(selector).exists():
        root = Path(selector).resolve()
        chosen = [s for s in scenarios if s.path == root or root in s.path.parents]
        known = sorted({str(s.location.rsplit(":", 1)[0]) for s in scenarios})
    else:
        chosen = [s for s in scenarios if selector.casefold() in (s.name.casefold(), s.title.casefold())]
        known = sorted({s.name for s in scenarios})
    if not chosen:
        match = difflib.get_close_matches(selector, known, n=1, cutoff=0.5)
        hint = f" Did you mean '{match[0]}'?" if match else ""
        raise MixError(
            f"unknown journey '{selector}' in the mix: no scenario in the given paths has that"
            f" {'tag' if selector.startswith('@') else 'file' if '/' in selector else 'name'}.{hint}"
        )
    return chosen
