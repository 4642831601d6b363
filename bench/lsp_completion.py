"""Completion latency of ``journeys lsp`` per keystroke, on a generated feature file of 200 scenarios.

The server runs as an editor starts it (``journeys lsp`` over stdio). A writer
types one more step at the end of the file, a key every 80 ms and a pause
after each word (so the linter runs between words, as it does for a person);
after every key the editor sends the change and asks for completion. The
time from request to answer is measured per key; the target is a median
under 50 ms. The baseline, measured in the same run, is parsing the same
file with the Gherkin parser alone (what any tool that reads the file pays).

    .venv/bin/python bench/lsp_completion.py [--scenarios 200]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

from gherkin.parser import Parser
from lsprotocol import types
from pygls.lsp.client import LanguageClient

ROOT = Path(__file__).resolve().parents[1]
TYPED = "    Then every touchpoint agrees on the order total"
SCENARIO = """
  Scenario: Order {n} on the web shop
    Given a customer
    When she orders a "tablet-10" on the web shop
    And she reads the order confirmation email
    Then every touchpoint agrees on the order total
"""


def feature(scenarios: int) -> str:
    """A feature of ``scenarios`` order journeys, the last one ending on an empty line to type on."""
    text = "Feature: Many orders\n" + "".join(SCENARIO.format(n=n) for n in range(scenarios))
    return text.replace("    Then every touchpoint agrees on the order total\n", "", 1) + "\n"


def parse_baseline(text: str, rounds: int) -> float:
    """Median seconds to parse ``text`` with the Gherkin parser alone."""
    parser = Parser()
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        parser.parse(text)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


async def typing(text: str) -> tuple[list[float], float, int]:
    """Per key, the seconds completion took; the seconds until the first diagnostics; items at the end."""
    client = LanguageClient("bench", "1")
    linted = asyncio.Event()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def published(params: types.PublishDiagnosticsParams) -> None:
        linted.set()

    await client.start_io(sys.executable, "-m", "journeys.cli", "lsp", "--project", str(ROOT))
    try:
        await client.initialize_async(
            types.InitializeParams(capabilities=types.ClientCapabilities(), root_uri=ROOT.as_uri())
        )
        client.initialized(types.InitializedParams())
        uri = (ROOT / "features" / "bench-many-orders.feature").as_uri()  # never written: the editor's buffer
        started = time.perf_counter()
        client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "gherkin", 1, text)))
        await asyncio.wait_for(linted.wait(), 120)
        opened = time.perf_counter() - started
        line = text.count("\n") - 1  # the empty last line
        took: list[float] = []
        items = 0
        for column, key in enumerate(TYPED):
            version = column + 2
            at = types.Position(line, column)
            client.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    types.VersionedTextDocumentIdentifier(version, uri),
                    [types.TextDocumentContentChangePartial(types.Range(at, at), key)],
                )
            )
            started = time.perf_counter()
            found = await client.text_document_completion_async(
                types.CompletionParams(types.TextDocumentIdentifier(uri), types.Position(line, column + 1))
            )
            took.append(time.perf_counter() - started)
            items = len(found.items) if isinstance(found, types.CompletionList) else len(found or [])
            await asyncio.sleep(0.4 if key == " " and column > 4 else 0.08)
        await client.shutdown_async(None)
        client.exit(None)
        return took, opened, items
    finally:
        await client.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenarios", type=int, default=200)
    args = parser.parse_args()
    text = feature(args.scenarios)
    took, opened, items = asyncio.run(typing(text))
    baseline = parse_baseline(text, len(took))
    median = statistics.median(took)
    p90 = statistics.quantiles(took, n=10)[-1]
    print(f"{args.scenarios} scenarios, {text.count(chr(10))} lines; {len(took)} keys typed; {items} items at the end")
    print(f"first diagnostics after opening: {opened * 1000:.0f} ms (the project read and the whole file linted)")
    print(f"completion per key: median {median * 1000:.1f} ms, p90 {p90 * 1000:.1f} ms, max {max(took) * 1000:.1f} ms")
    print(f"baseline, the Gherkin parser alone on the file: median {baseline * 1000:.1f} ms")
    print(f"ratio completion / parse: {median / baseline:.2f}  (target: median under 50 ms)")
    return 0 if median < 0.050 else 1


if __name__ == "__main__":
    raise SystemExit(main())
