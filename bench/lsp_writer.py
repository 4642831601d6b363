"""Journeys written from completion alone: how many lint accepts and how many run green, unedited.

A writer who has never seen the catalogue opens a new project (``journeys
init``) and writes journeys in English and Dutch with nothing but the
language server's completion: on each new line she takes one of the first
sentences it offers that can come there (Given first, then When and Then),
exactly as offered. Each journey is linted as a saved file, then walked on the
reference shop without a browser. The ratio printed last is the time per
written journey against a plain walk of the bundled order journey, measured
in the same run.

    .venv/bin/python bench/lsp_writer.py [--journeys 10] [--steps 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]

from journeys.core.customer import Customer  # noqa: E402
from journeys.journey.journey import Journey  # noqa: E402
from journeys.journey.runner import run_scenario  # noqa: E402
from journeys.journey.session import SystemSession  # noqa: E402
from journeys.lsp.completion import complete  # noqa: E402
from journeys.lsp.document import read  # noqa: E402
from journeys.lsp.project import Project, Settings  # noqa: E402
from journeys.run.project_init import init_project  # noqa: E402
from journeys.vocabulary.feature import read_feature  # noqa: E402
from journeys.vocabulary.lint import lint  # noqa: E402

_TITLE = {
    "en": "Feature: Journey {n}\n\n  Scenario: Journey {n}\n",
    "nl": "# language: nl\nFunctionaliteit: Reis {n}\n\n  Scenario: Reis {n}\n",
}
_STARTS = {"en": {"given": ("Given",), "when": ("When", "And"), "then": ("Then", "And")},
           "nl": {"given": ("Gegeven",), "when": ("Als", "En"), "then": ("Dan", "En")}}  # fmt: skip


def write(project: Project, number: int, steps: int) -> str:
    """Journey ``number``, one line at a time, from what completion offers on an empty line."""
    language = "nl" if number % 2 else "en"
    text = _TITLE[language].format(n=number)
    plan = ["given", "when", *(("then" if i % 2 else "when") for i in range(steps - 3)), "then"]
    for place, kind in enumerate(plan):
        line = text.count("\n")
        document = read(text + "    ")
        items = sorted(complete(project, document, line, 4, snippets=False), key=lambda i: i.sort_text or "")
        previous = document.kind_before(line)
        start = _STARTS[language][kind][-1 if previous == kind else 0]
        fitting = [i for i in items if i.sort_text and i.sort_text[0] != "4" and i.label.split(" ", 1)[0] == start]
        if not fitting:
            break
        chosen = fitting[(number * 7 + place * 3) % min(len(fitting), 5)]  # one of the first few, as a person would
        text += f"    {chosen.label}\n"
    return text


def plain_walk(session: SystemSession, rounds: int = 3) -> float:
    scenario = read_feature(ROOT / "features" / "order" / "web_order.feature")[0]
    times = []
    for index in range(rounds):
        journey = Journey(session, Customer.create(11, index=index, run_id="plain"), name=scenario.name)
        journey.browserless = True  # type: ignore[attr-defined]
        started = time.perf_counter()
        run_scenario(scenario, journey)
        times.append(time.perf_counter() - started)
        journey.close()
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--journeys", type=int, default=10)
    parser.add_argument("--steps", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "project"
        init_project(root)
        project = Project(Settings.of(root))
        session = SystemSession("refshop", reports_dir=Path(tmp) / "reports", seed=11)
        accepted = green = 0
        took: list[float] = []
        try:
            baseline = plain_walk(session)
            for number in range(1, args.journeys + 1):
                text = write(project, number, args.steps)
                path = root / "features" / f"written-{number}.feature"
                path.write_text(text, encoding="utf-8")
                problems = lint([str(path)], root=root)
                if problems:
                    print(f"--- lint refused journey {number}:\n{text}" + "\n".join(map(str, problems)))
                    continue
                accepted += 1
                scenario = read_feature(path)[0]
                journey = Journey(session, Customer.create(11, index=number, run_id="written"), name=scenario.name)
                journey.browserless = True  # type: ignore[attr-defined]
                started = time.perf_counter()
                result = run_scenario(scenario, journey)
                took.append(time.perf_counter() - started)
                journey.close(failed=not result.passed)
                if result.passed:
                    green += 1
                    print(f"--- green, journey {number}:\n{text}")
                else:
                    print(f"--- red, journey {number}:\n{text}{result.error}")
        finally:
            session.close()
    print(f"{args.journeys} journeys written from completion alone: lint accepted {accepted}, green {green}")
    if took:
        per = statistics.median(took)
        print(f"per written journey {per:.2f} s, the plain order journey {baseline:.2f} s: ratio {per / baseline:.2f}")
    return 0 if green == args.journeys else 1


if __name__ == "__main__":
    raise SystemExit(main())
