"""The catalogue as a grammar: which sentences a writer can put next, with values she would use.

A scenario is who the customer is (Given), then what she does and what must
hold (When and Then, in any order a customer lives them). ``Composer.next``
lists the sentences of one language that could come next, each with values
taken from the catalogue's own examples and the map's words, and whether its
requirements are met by what came before (:mod:`journeys.vocabulary.story`).

The composition test draws journeys from it with Hypothesis and holds lint to
its promise: what lint accepts runs green on the reference shop.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from journeys.vocabulary.sentences import KEYWORDS, Sentence, fill
from journeys.vocabulary.story import Lived, Story

__all__ = ["WRITERS_OWN", "Candidate", "Composer"]

#: Parameters whose value is the writer's claim about the system (a day, an amount, a reason, seconds, a
#: password, an account's variables): right or wrong only against a particular system and moment, so a
#: composed journey cannot choose them blindly.
WRITERS_OWN = frozenset({"day", "amount", "reason", "n", "count", "password", "account"})

_AND = {"en": "And", "nl": "En"}
_MORE_VALUES = {
    "duration": {  # 16 days: past the 14 in which she may return what came
        "en": ["1 day", "2 days", "3 days", "6 days", "16 days"],
        "nl": ["1 dag", "2 dagen", "3 dagen", "6 dagen", "16 dagen"],
    },
    "quantity": {"en": ["a", "2"], "nl": ["een", "twee"]},
    "moment": {
        "en": ["Monday 10:00", "Tuesday 09:30", "Wednesday 11:00"],
        "nl": ["maandag 10:00", "dinsdag 09:30", "woensdag 11:00"],
    },
}


@dataclass(frozen=True)
class Candidate:
    """A sentence that could come next, with its values filled in."""

    sentence: Sentence
    text: str
    values: Mapping[str, Any]
    fits: bool  # its requirements are met by what came before

    def __repr__(self) -> str:
        return repr(self.text)


class Composer:
    """Sentences of one catalogue that can follow one another, in one language."""

    def __init__(
        self,
        sentences: Iterable[Sentence],
        story: Story,
        *,
        fact_words: Mapping[str, Sequence[str]],
        touchpoints: Sequence[str],
        leave_out: Iterable[str] = (),
    ) -> None:
        self.story = story
        left_out = set(leave_out)
        self.sentences = [
            s
            for s in sentences
            if s.own
            and not s.retired
            and getattr(s.func, "__name__", "") not in left_out
            and not set(_fields(s.pattern)) & WRITERS_OWN
        ]
        self.values = _example_values(self.sentences)
        for name, by_language in _MORE_VALUES.items():
            for language, more in by_language.items():
                self.values.setdefault((name, language), [])
                self.values[(name, language)] += [v for v in more if v not in self.values[(name, language)]]
        for language, words in fact_words.items():
            self.values[("fact", language)] = list(words)
        for language in ("en", "nl"):
            self.values[("touchpoint", language)] = list(touchpoints)

    def next(self, kind: str, language: str, lived: Lived) -> list[Candidate]:
        """Every ``kind`` sentence of ``language`` with each choice of values, fitting ones first."""
        found: list[Candidate] = []
        for sentence in self.sentences:
            if sentence.kind != kind or sentence.language != language:
                continue
            for values in self._choices(sentence, language):
                text = fill(sentence.pattern, values)
                arguments = sentence.arguments(text) or {}
                found.append(Candidate(sentence, text, arguments, self.story.met(sentence, arguments, lived)))
        found.sort(key=lambda c: not c.fits)
        return found

    def _choices(self, sentence: Sentence, language: str) -> list[dict[str, str]]:
        choices: list[dict[str, str]] = [{}]
        for name in _fields(sentence.pattern):
            pool = self.values.get((name, language)) or self.values.get((name.removesuffix("_2"), language)) or []
            if name == "fact" and re.search(r"\b(her|haar) \{fact", sentence.pattern):
                pool = [re.sub(r"^(the|de|het) ", "", value) for value in pool]  # "haar bezorgdatum"
            if name == "duration":  # "1 day passes", "2 days pass": the sentence's own number
                one = str((sentence.arguments(sentence.example) or {}).get(name, "")).startswith("1 ")
                pool = [value for value in pool if value.startswith("1 ") == one]
            choices = [{**c, name: v} for c in choices for v in pool[:6]]
        return choices


def feature(language: str, title: str, steps: Sequence[tuple[str, str]]) -> str:
    """A feature file of one scenario: ``steps`` as ``(kind, text)``, with And/En for a repeated keyword."""
    lines = ["# language: nl"] if language == "nl" else []
    lines += [f"{'Functionaliteit' if language == 'nl' else 'Feature'}: {title}", ""]
    lines.append(f"  Scenario: {title}")
    previous = None
    for kind, text in steps:
        keyword = _AND[language] if kind == previous else KEYWORDS[kind][language]
        lines.append(f"    {keyword} {text}")
        previous = kind
    return "\n".join(lines) + "\n"


def _fields(pattern: str) -> list[str]:
    return re.findall(r"\{(\w+)", pattern)


def _example_values(sentences: Iterable[Sentence]) -> dict[tuple[str, str], list[str]]:
    """Every value the catalogue's own examples give a parameter, per language."""
    found: dict[tuple[str, str], list[str]] = {}
    for sentence in sentences:
        for name, value in (sentence.arguments(sentence.example) or {}).items():
            pool = found.setdefault((name, sentence.language), [])
            if str(value) not in pool:
                pool.append(str(value))
    return found
