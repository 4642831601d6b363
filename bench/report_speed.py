"""How fast the journey map and summary are built for 500 journeys, and how big the page is.

Generates 500 ledger files (the web order journey of tests/reporting/ledger_factory.py:
one in five with a stale mail total, one in seven with a broken promise, some
Dutch, some slow) into a temporary run folder, then times what the end of a
run does: read every ledger, record the trend, write journey-map.html and
summary.md (``build_reports``). As the baseline in the same run, only reading
and parsing the ledger files as JSON. With ``--browser``, also opens the page
in Chromium and times until the overview is drawn.
Targets: under 5 s to build, a page under 10 MB, under 2 s to open.

    .venv/bin/python bench/report_speed.py [--journeys 500] [--repeat 3] [--browser]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "reporting"))

from ledger_factory import journey_dict, write_run  # noqa: E402

from journeys.reporting.build import build_reports  # noqa: E402

TARGET_SECONDS, TARGET_MB, TARGET_OPEN_SECONDS = 5.0, 10.0, 2.0


def make_run(folder: Path, count: int) -> Path:
    """``count`` journeys in a run folder, varied as a nightly suite's would be."""
    journeys = [
        journey_dict(
            i,
            lang="nl" if i % 3 == 0 else "en",
            stale_total=i % 5 == 0,
            promise_broken=i % 7 == 0,
            asked_again=i % 11 == 0,
            slow_seconds=6.0 if i % 13 == 0 else 0.0,
            name=f"Journey {i:03d}: a tablet ordered on the web is confirmed the same way everywhere",
        )
        for i in range(count)
    ]
    return write_run(folder / "runs" / "20261130-152200-bench", journeys)


def open_seconds(page: Path) -> float:
    """Seconds from navigation until the overview table is drawn, in Chromium."""
    from playwright.sync_api import sync_playwright

    from journeys.channels.browser_launch import ARGS

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        tab = browser.new_page()
        started = time.perf_counter()
        tab.goto(page.as_uri())
        tab.locator("tr.row").last.wait_for()
        seconds = time.perf_counter() - started
        browser.close()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--journeys", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--browser", action="store_true", help="also time opening the page in Chromium")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = make_run(Path(tmp), args.journeys)
        baseline, build = [], []
        for _ in range(args.repeat):
            started = time.perf_counter()
            for path in folder.glob("evidence/*/ledger.json"):
                json.loads(path.read_text(encoding="utf-8"))
            baseline.append(time.perf_counter() - started)
            started = time.perf_counter()
            built = build_reports(folder, rootdir=Path(tmp))
            build.append(time.perf_counter() - started)
        megabytes = built.map_path.stat().st_size / 1e6
        summary_lines = len(built.summary_path.read_text(encoding="utf-8").splitlines())
        build_s, json_s = statistics.median(build), statistics.median(baseline)
        print(f"journeys            {args.journeys}")
        print(f"map + summary       {build_s:.2f} s (median of {args.repeat}; target < {TARGET_SECONDS:g} s)")
        print(f"json.loads baseline {json_s:.2f} s (ratio {build_s / json_s:.0f}x)")
        print(f"page size           {megabytes:.2f} MB (target < {TARGET_MB:g} MB)")
        print(f"summary.md          {summary_lines} lines")
        if args.browser:
            print(f"page opens in       {open_seconds(built.map_path):.2f} s (target < {TARGET_OPEN_SECONDS:g} s)")


if __name__ == "__main__":
    main()
