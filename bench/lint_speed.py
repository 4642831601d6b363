"""How fast ``journeys lint`` checks 100 feature files, against just parsing them.

Generates 100 feature files (5 scenarios each, English and Dutch mixed, one in
ten with mistyped steps) from the examples of the bundled step catalogue, in
a temporary folder; untyped values (a product code) differ per file, so not
every step text is one lint has seen before. Times ``lint()`` over them and, as the baseline in the
same run, gherkin-official parsing the same files. Prints the medians and the
ratio; the target is under 1 s for ``lint()``.

    .venv/bin/python bench/lint_speed.py [--files 100] [--repeat 7]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import parse  # noqa: E402
from gherkin.parser import Parser  # noqa: E402

from journeys.vocabulary.catalogue import load_steps, steps  # noqa: E402
from journeys.vocabulary.lint import lint  # noqa: E402
from journeys.vocabulary.params import kind_of  # noqa: E402
from journeys.vocabulary.sentences import KEYWORDS, Sentence  # noqa: E402

TARGET_SECONDS = 1.0
_AND = {"en": "And", "nl": "En"}


def write_features(folder: Path, count: int) -> list[Path]:
    """``count`` feature files made of the catalogue's examples; every other one in Dutch."""
    by_kind = {kind: [s for s in steps(load_steps(ROOT)) if s.kind == kind] for kind in KEYWORDS}
    paths = []
    for number in range(count):
        language = "nl" if number % 2 else "en"
        lines = ["# language: nl"] if language == "nl" else []
        lines += [
            "@nightly @web",
            f"{'Functionaliteit' if language == 'nl' else 'Feature'}: Journey {number}",
            "",
        ]
        for scenario in range(5):
            lines.append(f"  Scenario: Journey {number} scenario {scenario}")
            for kind in ("given", "when", "then"):
                chosen = by_kind[kind][scenario % len(by_kind[kind]) :][:2] or by_kind[kind][:2]
                for position, step in enumerate(chosen):
                    keyword = KEYWORDS[kind][language] if position == 0 else _AND[language]
                    text = _vary(step.sentences[language], number)
                    if number % 10 == 9 and scenario == 4 and kind == "when":
                        text = text.replace("e", "a", 1)  # a writer's typo: exercises suggestions
                    lines.append(f"    {keyword} {text}")
            lines.append("")
        path = folder / f"journey_{number:03d}.feature"
        path.write_text("\n".join(lines), encoding="utf-8")
        paths.append(path)
    return paths


def _vary(sentence: Sentence, number: int) -> str:
    """The sentence's example with its untyped values made unique to file ``number``."""
    found = parse.parse(sentence.pattern, sentence.example)
    if not found or not found.named:
        return sentence.example
    values = {name: f"{value}-{number}" if kind_of(name) is None else value for name, value in found.named.items()}
    return sentence.pattern.format(**values)


def parse_only(paths: list[Path]) -> int:
    """The baseline: read and gherkin-parse every file."""
    parser = Parser()
    return sum(len(parser.parse(p.read_text(encoding="utf-8"))["feature"]["children"]) for p in paths)


def timed(function, repeat: int) -> list[float]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--files", type=int, default=100)
    options.add_argument("--repeat", type=int, default=7)
    args = options.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_features(Path(tmp), args.files)
        names = [str(p) for p in paths]
        start = time.perf_counter()
        problems = lint(names, root=ROOT)  # first run: also loads the map
        first = time.perf_counter() - start
        baseline = statistics.median(timed(lambda: parse_only(paths), args.repeat))
        linting = statistics.median(timed(lambda: lint(names, root=ROOT), args.repeat))
    scenarios = args.files * 5
    print(
        f"{args.files} feature files, {scenarios} scenarios, {len(problems)} problems found "
        f"(two mistyped steps in every tenth file)"
    )
    print(f"gherkin parse only (baseline)  median {baseline * 1000:8.1f} ms")
    print(f"journeys lint                  median {linting * 1000:8.1f} ms   (first run {first * 1000:.1f} ms)")
    print(f"ratio lint / parse             {linting / baseline:8.2f}x")
    verdict = "within" if linting < TARGET_SECONDS else "OVER"
    print(f"target < {TARGET_SECONDS:.0f} s: {verdict}")
    return 0 if linting < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
