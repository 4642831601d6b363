"""How many raw money and date strings the normalizers read per second.

Makes 10,000 raw strings as shops write them (5,000 amounts in Dutch,
English, German and JSON styles; 5,000 dates: long Dutch and English dates,
numeric dates, relative words, ranges, "binnen N werkdagen", and one in
twenty in a shape only dateparser reads, such as "over 3 dagen"), all
different, and reads them three ways:

- cold: every string for the first time (the caches cleared);
- warm: the same strings again (the caches hit, as a suite reading the same
  pages does);
- baseline: the same dates through dateparser alone (on 1,000 of them, it is
  slow), the reader the fast paths stand in front of.

    .venv/bin/python bench/normalize_rate.py [--count 10000]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import datetime, timedelta
from datetime import time as clock_time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from babel.dates import format_date  # noqa: E402
from babel.numbers import format_currency  # noqa: E402

from journeys.values import dates as date_module  # noqa: E402
from journeys.values import money as money_module  # noqa: E402
from journeys.values import read_value  # noqa: E402

SEEN = datetime(2026, 11, 23, 10, 0)


def money_strings(count: int, pick: random.Random) -> list[str]:
    made: set[str] = set()
    while len(made) < count:
        amount = Decimal(pick.randrange(1, 500_000)) / 100
        style = pick.randrange(5)
        if style == 0:
            made.add(format_currency(amount, "EUR", locale="nl_NL"))
        elif style == 1:
            made.add(format_currency(amount, "EUR", locale="en_GB"))
        elif style == 2:
            made.add(format_currency(amount, "EUR", locale="de_DE"))
        elif style == 3:
            made.add(f"{amount:.2f}")
        else:
            made.add(f"EUR {amount:.2f}")
    return sorted(made)


def date_strings(count: int, pick: random.Random) -> list[str]:
    made: set[str] = set()
    while len(made) < count:
        day = SEEN.date() + timedelta(days=pick.randrange(-400, 4000))
        style = pick.randrange(20)
        if style < 6:
            made.add(format_date(day, "EEEE d MMMM y", locale="nl_NL"))
        elif style < 10:
            made.add(format_date(day, "full", locale=pick.choice(["en_GB", "en_US"])))
        elif style < 14:
            made.add(day.strftime(pick.choice(["%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y"])))
        elif style < 16:
            made.add(
                f"tussen {day.day} en {(day + timedelta(days=2)).day} {format_date(day, 'MMMM y', locale='nl')}"
                if day.day < 27
                else format_date(day, "d MMMM y", locale="nl")
            )
        elif style < 18:
            made.add(f"binnen {pick.randrange(1, 400)} werkdagen")
        elif style < 19:
            made.add(pick.choice(["morgen", "overmorgen", "vandaag", "tomorrow"]) + " " * pick.randrange(200))
        else:
            made.add(f"over {pick.randrange(1, 4000)} dagen")  # only dateparser reads these
    return sorted(made)


def rate(kind: str, raws: list[str]) -> float:
    start = time.perf_counter()
    for raw in raws:
        read_value(kind, raw, seen_at=SEEN)
    return len(raws) / (time.perf_counter() - start)


def clear_caches() -> None:
    money_module._read.cache_clear()
    date_module._read_cached.cache_clear()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    args = parser.parse_args()
    pick = random.Random(4711)
    amounts = money_strings(args.count // 2, pick)
    days = date_strings(args.count - args.count // 2, pick)
    read_value("date", "over 3 dagen", seen_at=SEEN)  # import dateparser before timing
    clear_caches()

    cold_money, cold_dates = rate("money", amounts), rate("date", days)
    clear_caches()
    start = time.perf_counter()
    for kind, raws in (("money", amounts), ("date", days)):
        for raw in raws:
            read_value(kind, raw, seen_at=SEEN)
    cold_all = (len(amounts) + len(days)) / (time.perf_counter() - start)
    warm_all = (rate("money", amounts) * len(amounts) + rate("date", days) * len(days)) / len(amounts + days)

    import dateparser

    sample = days[:: max(1, len(days) // 1000)]
    settings = {
        "RELATIVE_BASE": datetime.combine(SEEN.date(), clock_time(12)),
        "PREFER_DATES_FROM": "future",
        "DATE_ORDER": "DMY",
    }
    start = time.perf_counter()
    unread = sum(1 for raw in sample if dateparser.parse(raw, languages=["nl", "en"], settings=settings) is None)
    dateparser_rate = len(sample) / (time.perf_counter() - start)
    clear_caches()
    fast_rate = rate("date", sample)

    print(f"{len(amounts)} money strings, {len(days)} date strings, all different")
    print(f"money, cold:                  {cold_money:10,.0f} /s")
    print(f"dates, cold:                  {cold_dates:10,.0f} /s")
    print(f"all {len(amounts) + len(days)}, cold:              {cold_all:10,.0f} /s")
    print(f"all {len(amounts) + len(days)}, warm (cached):     {warm_all:10,.0f} /s")
    print(
        f"{len(sample)} dates, dateparser alone: {dateparser_rate:10,.0f} /s"
        f"  ({unread} it could not read:"
        " ranges, working days)"
    )
    print(
        f"{len(sample)} dates, read_value cold:  {fast_rate:10,.0f} /s  = {fast_rate / dateparser_rate:.1f}x dateparser"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
