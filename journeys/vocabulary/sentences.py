"""A step's sentences: each as the catalogue holds it, the step they make up, and the catalogue.

A ``Sentence`` is one way to say a step in one language (its own, an alias or
a retired phrasing), with a pytest-bdd ``parse`` pattern whose ``{fact}`` fields
are typed (``typed``) so that a fact takes every word up to the amount. The
decorators of :mod:`journeys.vocabulary.decorators` fill the catalogue.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import parse as parse_lib

__all__ = ["KEYWORDS", "TYPES", "Catalogue", "Sentence", "Step", "fill", "typed"]

KEYWORDS = {
    "given": {"en": "Given", "nl": "Gegeven"},
    "when": {"en": "When", "nl": "Als"},
    "then": {"en": "Then", "nl": "Dan"},
}


@dataclass(frozen=True)
class Sentence:
    """One step sentence of the catalogue."""

    kind: str  # given / when / then
    language: str  # en / nl
    pattern: str  # pytest-bdd "parse" pattern
    example: str  # the pattern filled with example values
    doc: str
    group: str
    func: Callable[..., Any] | None = field(default=None, compare=False, repr=False)
    needs: tuple[str, ...] = ()  # tasks ("task:place order") and touchpoints the step uses
    key: int = 0  # which declaration: the sentences of one step, both languages and aliases, share it
    alias_of: str | None = None  # the step's own sentence in this language, when this is an alias
    doc_nl: str = ""  # the description in Dutch
    requires: tuple[str, ...] = ()  # what must have happened before it (journeys.vocabulary.story)
    gives: tuple[str, ...] = ()  # what it leaves behind for the steps after it
    retired: bool = False  # an older phrasing: it still runs, and lint quotes the step's own sentence

    @property
    def description(self) -> str:
        """What the step does, in the sentence's language (English where no Dutch was given)."""
        return self.doc_nl if self.language == "nl" and self.doc_nl else self.doc

    @property
    def own(self) -> bool:
        """The step's own sentence in its language (not an alias, not a retired phrasing)."""
        return self.alias_of is None

    def matches(self, text: str) -> bool:
        return _compiled(self.pattern).parse(text) is not None

    def arguments(self, text: str) -> dict[str, Any] | None:
        """The sentence's parameters read from ``text``, or None when it does not match."""
        found = _compiled(self.pattern).parse(text)
        return None if found is None else dict(found.named)


@dataclass
class Step:
    """One step: its sentence per language (``en``, ``nl``), declared together."""

    kind: str
    group: str
    doc: str
    sentences: dict[str, Sentence] = field(default_factory=dict)
    aliases: dict[str, list[Sentence]] = field(default_factory=dict)  # other phrasings, per language
    doc_nl: str = ""

    def description(self, language: str) -> str:
        """What the step does, in ``language`` (English where no Dutch was given)."""
        return self.doc_nl if language == "nl" and self.doc_nl else self.doc

    @property
    def needs(self) -> tuple[str, ...]:
        """The tasks (``task:<name>``) and touchpoints the step uses (its ``needs``)."""
        return next((sentence.needs for sentence in self.sentences.values()), ())

    @property
    def requires(self) -> tuple[str, ...]:
        """What must have happened before the step (:mod:`journeys.vocabulary.story`)."""
        return next((sentence.requires for sentence in self.sentences.values()), ())

    @property
    def gives(self) -> tuple[str, ...]:
        """What the step leaves behind for the steps after it."""
        return next((sentence.gives for sentence in self.sentences.values()), ())

    @property
    def fields(self) -> list[str]:
        """Names of the step's parameters (``{segment}`` -> ``segment``), in order."""
        names: list[str] = []
        for sentence in self.sentences.values():
            for name in re.findall(r"\{(\w+)", sentence.pattern):
                if name not in names:
                    names.append(name)
        return names


@dataclass
class Catalogue:
    sentences: list[Sentence] = field(default_factory=list)

    def in_language(self, language: str) -> list[Sentence]:
        return [s for s in self.sentences if s.language == language]

    def find(self, text: str, language: str | None = None) -> Sentence | None:
        for sentence in self.sentences:
            if (language is None or sentence.language == language) and sentence.matches(text):
                return sentence
        return None

    def match(self, text: str, language: str, kind: str | None = None) -> tuple[Sentence, dict[str, Any]] | None:
        """The sentence of ``language`` that ``text`` says, with its parameters.

        A sentence declared for ``kind`` wins; as in Cucumber, the keyword does
        not otherwise matter. Project steps declared later win over bundled ones.
        """
        found = None
        for sentence in reversed(self.sentences):
            if sentence.language != language:
                continue
            arguments = sentence.arguments(text)
            if arguments is not None:
                if sentence.kind == kind or kind is None:
                    return sentence, arguments
                found = found or (sentence, arguments)
        return found

    def closest(self, text: str, language: str | None = None, n: int = 3) -> list[Sentence]:
        # Only each step's own sentence: an alias may read wrong after the keyword ("Dan haar is ...").
        pool = [s for s in self.sentences if s.own and (language is None or s.language == language)]
        by_example = {s.example: s for s in pool}
        names = difflib.get_close_matches(text, list(by_example), n=n, cutoff=0.4)
        return [by_example[name] for name in names]


@functools.cache
def _compiled(pattern: str) -> parse_lib.Parser:
    return parse_lib.compile(typed(pattern), extra_types=TYPES)


def typed(pattern: str) -> str:
    """``pattern`` with each ``{fact}`` typed: fact words hold no digit nor currency sign, so in
    ``she was told the {fact} is {amount}`` or ``dat {fact} {amount} is`` the fact takes every
    word up to the amount ("het totaalbedrag"), not only the first."""
    return re.sub(r"\{(\w*fact\w*)\}", r"{\1:Fact}", pattern)


@parse_lib.with_pattern(r"[^\d€$£]+")
def _fact_words(text: str) -> str:
    return text


TYPES = {"Fact": _fact_words}


def fill(pattern: str, values: Mapping[str, Any]) -> str:
    """The pattern with example values in place of its ``{name}`` / ``{name:d}`` fields."""
    return re.sub(r"\{(\w+)(?::[^}]*)?\}", lambda m: str(values.get(m[1], m[0])), pattern)
