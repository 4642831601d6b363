"""``--shard 2/4``: a deterministic part of the journeys, for one of several machines.

Every shard computes the same split from the same inputs: the journeys'
ids (sorted, so the collection order, shuffled or not, does not matter) and
the durations the trend remembers (:mod:`journeys.reporting.durations`).
Journeys with a known duration are dealt longest first to the shard with the
least work so far, as pytest-split's ``least_duration`` does; journeys
without one are spread round-robin, as Playwright's ``--shard`` spreads
tests. Each shard's run folder keeps the whole split in ``shard.json``, so
``journeys report --merge`` can tell a missing shard from an empty one.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["SHARD_FILE", "Shard", "ShardRecord", "split"]

SHARD_FILE = "shard.json"
_FORM = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")


@dataclass(frozen=True)
class Shard:
    """Shard ``index`` (1-based) of ``total``."""

    index: int
    total: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        """``"2/4"`` -> shard 2 of 4.

        Raises:
            ValueError: not ``k/n`` with 1 <= k <= n (the message says how to write it).
        """
        found = _FORM.match(text)
        if not found or not 1 <= int(found[1]) <= int(found[2]):
            raise ValueError(f"--shard {text!r}: write k/n with 1 <= k <= n, e.g. --shard 2/4 for the second of four")
        return cls(int(found[1]), int(found[2]))

    def __str__(self) -> str:
        return f"{self.index}/{self.total}"


def split(
    journeys: Sequence[str],
    total: int,
    durations: Mapping[str, float],
    name: Callable[[str], str] = lambda journey: journey,
) -> list[list[str]]:
    """The journeys of each of ``total`` shards, each in the order ``journeys`` has them.

    Args:
        journeys: the ids of the selected journeys (unique).
        total: how many shards.
        durations: seconds a journey took, by name (what the trend remembers).
        name: a journey's name from its id (the key of ``durations``).
    """
    shards: list[list[str]] = [[] for _ in range(total)]
    load = [0.0] * total
    known = [j for j in journeys if durations.get(name(j), 0) > 0]
    for journey in sorted(known, key=lambda j: (-durations[name(j)], j)):
        least = min(range(total), key=lambda i: (load[i], i))
        shards[least].append(journey)
        load[least] += durations[name(journey)]
    unknown = sorted(set(journeys) - set(known))
    for number, journey in enumerate(unknown):
        shards[number % total].append(journey)
    order = {journey: position for position, journey in enumerate(journeys)}
    return [sorted(shard, key=order.__getitem__) for shard in shards]


@dataclass(frozen=True)
class ShardRecord:
    """``shard.json``: which shard a run folder holds, and the split every shard made."""

    shard: Shard
    split: list[list[str]]  # journey ids, per shard
    gate: bool = False  # run with --gate: the merged run is judged as a gate

    @property
    def journeys(self) -> list[str]:
        return self.split[self.shard.index - 1]

    def write(self, folder: Path) -> Path:
        """Write ``shard.json`` into ``folder`` (atomically: xdist workers each write the same one)."""
        target = folder / SHARD_FILE
        data = {"version": 1, "shard": self.shard.index, "of": self.shard.total, "gate": self.gate, "split": self.split}
        temporary = folder / f".{SHARD_FILE}.{os.getpid()}"
        temporary.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
        temporary.replace(target)
        return target

    @classmethod
    def read(cls, folder: Path) -> ShardRecord | None:
        """The folder's ``shard.json``; None when there is none (a run that was not a shard).

        Raises:
            ValueError: the file is there but not a shard record (the message names it).
        """
        path = folder / SHARD_FILE
        if not path.is_file():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            shard = Shard(int(data["shard"]), int(data["of"]))
            parts = [[str(j) for j in part] for part in data["split"]]
            if len(parts) != shard.total or not 1 <= shard.index <= shard.total:
                raise ValueError(f"{len(parts)} parts for shard {shard}")
        except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}: not a readable shard record ({exc})") from None
        return cls(shard, parts, bool(data.get("gate")))
