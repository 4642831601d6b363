"""How long all rules take over a big ledger, against a plain equality loop.

Builds one ledger of 1,000 observations (50 facts of five kinds, each seen at
20 touchpoints on five channels; one fact in five has one touchpoint that disagrees), plus inputs,
questions and promises; then times every rule over it: *agree* on every fact,
*channel parity* and *known at* on ten facts each, *not asked twice*, every
due promise checked, and the effort score. Violations are rendered, as a
report would. The baseline, in the same run, is the plainest check there is:
a dict of lists of the same raw strings, a fact failing when its set has more
than one member. Prints the medians and the ratio; the target is < 50 ms.

    .venv/bin/python bench/core_rules.py [--repeat 21]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from journeys.core import rules  # noqa: E402
from journeys.core.effort import effort  # noqa: E402
from journeys.core.ledger import Ledger  # noqa: E402
from journeys.core.promise_records import PromiseCheck  # noqa: E402
from journeys.core.records import Provenance  # noqa: E402

TARGET_MS = 50.0
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
CHANNELS = ("web", "email", "api", "agent", "store")
TOUCHPOINTS = [f"{channel}.tp{n}" for channel in CHANNELS for n in range(4)]
VOCABULARY = {"Onderweg": "shipped", "Verzonden": "shipped", "Bezorgd": "delivered"}
RAWS = {  # per kind: the agreeing texts (several spellings of one value) and the odd one out
    "money": (["€ 1.299,00", "EUR 1299.00", "1299.00", "€1.299,-"], "€ 1.349,00"),
    "date": (
        ["woensdag 25 november 2026", "2026-11-25", "25-11-2026", "overmorgen"],
        "donderdag 26 november",
    ),
    "order_ref": (["RS-10001", "rs 10001", "#RS-10001", "Bestelnummer: RS-10001"], "RS-10002"),
    "status": (["Onderweg", "Verzonden", "onderweg", "shipped"], "Bezorgd"),
    "text": (["Voor 18:00 besteld, morgen in huis"] * 4, "Binnen 2 weken in huis"),
}


def build() -> tuple[Ledger, dict[str, list[str]], list[str]]:
    ledger = Ledger({"name": "Bench"}, 1, "bench")
    plain: dict[str, list[str]] = {}
    facts = [f"{kind}.fact{n}" for kind in RAWS for n in range(10)]
    count = 0
    for fact in facts:
        kind = fact.split(".")[0]
        agreeing, odd = RAWS[kind]
        for index, touchpoint in enumerate(TOUCHPOINTS):
            raw = odd if count % 100 == 7 else agreeing[index % len(agreeing)]
            where = Provenance(
                touchpoint,
                touchpoint.split(".")[0],
                "Then ...",
                f"features/bench.feature:{index + 1}",
                NOW,
                (f"evidence/bench/{touchpoint}.png",),
            )
            ledger.observe(fact, raw, kind=kind, where=where, vocabulary=VOCABULARY)
            plain.setdefault(fact, []).append(raw)
            count += 1
    for touchpoint in TOUCHPOINTS:
        where = Provenance(touchpoint, touchpoint.split(".")[0], None, None, NOW)
        ledger.visited(touchpoint, where.channel, NOW, 0.2)
        ledger.gave("email", "bench@journeys.test", touchpoint, where)
        ledger.asked("email", touchpoint, where)
    for n in range(10):
        check = PromiseCheck("api.tp0", "date.fact0", "not_after")
        ledger.promise(
            "date.fact0",
            "morgen",
            kind="date",
            due=NOW + timedelta(hours=n),
            check=check,
            where=Provenance("web.tp0", "web", None, None, NOW),
        )
    return ledger, plain, facts


def run_rules(ledger: Ledger, facts: list[str]) -> list[rules.Violation]:
    found: list[rules.Violation] = []
    for fact in facts:
        found += rules.agree(ledger, fact)
    for fact in facts[::5]:
        found += rules.channel_parity(ledger, fact, ("web", "store"))
        found += rules.known_at(ledger, "agent.tp0", fact)
    found += rules.not_asked_twice(ledger)
    for promise in rules.due_promises(ledger, NOW + timedelta(days=1)):
        found += rules.promise_kept(
            promise,
            ledger.latest(promise.check.fact, touchpoint=promise.check.touchpoint),
            NOW + timedelta(days=1),
        )
    effort(ledger)
    "\n\n".join(v.render() for v in found)
    return found


def run_baseline(plain: dict[str, list[str]]) -> int:
    return sum(1 for raws in plain.values() if len(set(raws)) > 1)


def median_ms(func, repeat: int, before=None) -> float:
    times = []
    for _ in range(repeat):
        if before:
            before()
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=21)
    args = parser.parse_args()
    ledger, plain, facts = build()

    def reset() -> None:
        for promise in ledger.promises:
            promise.status, promise.verdict = "pending", None

    rules_ms = median_ms(lambda: run_rules(ledger, facts), args.repeat, reset)
    baseline_ms = median_ms(lambda: run_baseline(plain), args.repeat)
    print(f"ledger: {len(ledger.observations)} observations, {len(facts)} facts, {len(TOUCHPOINTS)} touchpoints")
    print(f"all rules (typed, rendered):  median {rules_ms:8.3f} ms   target < {TARGET_MS:.0f} ms")
    print(f"baseline (raw-string sets):    median {baseline_ms:8.3f} ms")
    print(f"ratio rules / baseline:        {rules_ms / baseline_ms:8.1f}x")
    reset()
    found = run_rules(ledger, facts)
    flagged = run_baseline(plain)
    disagreeing = sum(1 for v in found if v.rule == "agree")
    print(
        f"facts that disagree: rules {disagreeing} of {len(facts)},"
        f" baseline {flagged} of {len(facts)}"
        " (the baseline flags every fact written two ways: € 1.299,00 vs 1299.00)"
    )
    return 0 if rules_ms < TARGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
