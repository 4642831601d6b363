"""Per-touchpoint overhead of ``BrowserWebDriver.read`` against plain Playwright reads.

A local static page with N fact elements is read over and over, in one
browser page, three ways:

    locators   ``page.get_by_test_id(id).inner_text()`` per element, as a user would write it
    evaluate   one plain ``page.evaluate`` returning every element's text
    driver     ``BrowserWebDriver.read(touchpoint, screenshot=False)``: one evaluate that also
               checks visibility, notes the form fields asked for, and builds a Reading

It prints the medians and the ratio driver/plain (target: at most 1.2 against the
single evaluate). ``driver+shot`` (the default read, with its screenshot evidence)
is printed too, so the price of evidence is visible rather than hidden.

    python bench/web_read_overhead.py [--facts 10] [--rounds 100]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from journeys.channels.browser import BrowserSession
from journeys.channels.web import BrowserWebDriver
from journeys.core.evidence import EvidenceStore
from journeys.core.secrets import Secrets
from journeys.systems.fact_reader import FactReader
from journeys.systems.touchpoint_map import Touchpoint


def page_with(facts: int) -> bytes:
    items = "".join(f'<p>Fact {i}: <span data-testid="fact-{i}">waarde {i} € {i},00</span></p>' for i in range(facts))
    form = '<form><input name="email"><input name="postcode"><button>Verder</button></form>'
    return f"<!doctype html><html><head><meta charset='utf-8'></head><body>{items}{form}</body></html>".encode()


def serve(body: bytes) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def medians_ms(ways: dict[str, Callable[[], object]], rounds: int) -> dict[str, float]:
    """Median time of each way, interleaved round by round so drift in the machine hits all alike."""
    names = list(ways)
    for name in names:  # warm up
        for _ in range(3):
            ways[name]()
    times: dict[str, list[float]] = {name: [] for name in names}
    for round_number in range(rounds):
        order = names[round_number % len(names) :] + names[: round_number % len(names)]
        for name in order:
            started = time.perf_counter()
            ways[name]()
            times[name].append(time.perf_counter() - started)
    return {name: statistics.median(values) * 1000 for name, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--facts", type=int, default=10, help="fact elements on the page (default 10)")
    parser.add_argument("--rounds", type=int, default=100, help="timed reads per way (default 100)")
    args = parser.parse_args()

    server = serve(page_with(args.facts))
    ids = [f"fact-{i}" for i in range(args.facts)]
    tp = Touchpoint(
        "bench.page",
        "web",
        "/",
        None,
        None,
        None,
        {i: FactReader(i, "text", testid=i) for i in ids},
        1,
        "bench",
    )
    browser = BrowserSession()
    with tempfile.TemporaryDirectory() as reports:
        driver = BrowserWebDriver(
            browser,
            f"http://127.0.0.1:{server.server_address[1]}",
            EvidenceStore(reports, "bench"),
            "bench",
            Secrets(),
        )
        try:
            driver.visit(tp)
            page = driver.page  # the bench compares against Playwright itself, so it may touch the page
            script = '(ids) => ids.map((id) => document.querySelector(`[data-testid="${id}"]`).innerText)'
            expected = page.evaluate(script, ids)
            assert list(driver.read(tp, screenshot=False).raw.values()) == expected

            fast = medians_ms(
                {
                    "locators": lambda: [page.get_by_test_id(i).inner_text() for i in ids],
                    "evaluate": lambda: page.evaluate(script, ids),
                    "driver": lambda: driver.read(tp, screenshot=False),
                },
                args.rounds,
            )
            shot = medians_ms({"driver+shot": lambda: driver.read(tp)}, max(5, args.rounds // 4))["driver+shot"]
            locators, evaluate, read = fast["locators"], fast["evaluate"], fast["driver"]
        finally:
            driver.close()
            browser.close()
            server.shutdown()

    print(f"web read overhead: {args.facts} facts, median of {args.rounds} interleaved reads, one page")
    print(f"  plain locators (inner_text each)  {locators:8.2f} ms")
    print(f"  plain single page.evaluate        {evaluate:8.2f} ms")
    print(f"  BrowserWebDriver.read, no screenshot     {read:8.2f} ms")
    print(f"  BrowserWebDriver.read, with screenshot   {shot:8.2f} ms   (evidence: the default)")
    print(f"  ratio driver / plain evaluate     {read / evaluate:8.2f}    (target <= 1.2)")
    print(f"  ratio driver / plain locators     {read / locators:8.2f}")


if __name__ == "__main__":
    main()
