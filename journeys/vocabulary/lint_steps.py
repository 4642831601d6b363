"""One step of a feature checked against the catalogue (``journeys lint``).

A step must match exactly one step of its language after the right keyword;
then its values are read (:mod:`journeys.vocabulary.lint_params`) and what it
needs is looked up in the systems (:mod:`journeys.vocabulary.offers`). Each
message says what to write instead: the step in the other language, the
right keyword, or the closest known steps.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from journeys.vocabulary import params
from journeys.vocabulary.lint_gherkin import LANGUAGE_NAMES, Problem, and_keyword, other_language_message
from journeys.vocabulary.lint_params import value_messages
from journeys.vocabulary.offers import Offers
from journeys.vocabulary.sentences import KEYWORDS, Catalogue, Sentence, fill
from journeys.vocabulary.skeleton import step_skeleton
from journeys.vocabulary.story_facts import Told

__all__ = ["StepChecker", "retired_note"]


def retired_note(keyword: str, text: str, sentence: Sentence, catalogue: Catalogue, language: str) -> str:
    """``'<keyword> <text>' is an older phrasing: it still runs; write '<keyword> <the step's own>'``."""
    own = next(
        (s for s in catalogue.sentences if s.key == sentence.key and s.language == language and s.own),
        sentence,
    )
    now = fill(own.pattern, sentence.arguments(text) or {})
    if language == "nl":
        return f"'{keyword} {text}' is een oudere formulering: die werkt nog, maar schrijf '{keyword} {now}'"
    return f"'{keyword} {text}' is an older phrasing: it still runs, but write '{keyword} {now}'"


@dataclass(frozen=True)
class _Match:
    sentence: Sentence
    values: dict[str, Any]


class _StepIndex:
    """The catalogue's sentences looked up by the literal text they start with (each sentence reads its
    parameters with the parser the runner uses, compiled once per process)."""

    def __init__(self, sentences: Iterable[Sentence]) -> None:
        self._by_language: dict[str, list[tuple[str, Sentence]]] = {}
        for sentence in sentences:
            # Case-insensitive, like pytest-bdd's parsers.parse.
            prefix = sentence.pattern.split("{", 1)[0].lower()
            self._by_language.setdefault(sentence.language, []).append((prefix, sentence))
        self._found: dict[tuple[str, str], list[_Match]] = {}

    def find(self, text: str, language: str) -> list[_Match]:
        key = (language, text)
        if key not in self._found:
            lowered = text.lower()
            found = []
            for prefix, sentence in self._by_language.get(language, []):
                if lowered.startswith(prefix) and (values := sentence.arguments(text)) is not None:
                    found.append(_Match(sentence, values))
            self._found[key] = found
        return self._found[key]

    def sentences(self, language: str) -> list[Sentence]:
        return [sentence for _, sentence in self._by_language.get(language, [])]


class StepChecker:
    """The problems of one step's text, remembered: outlines and backgrounds repeat steps."""

    def __init__(self, catalogue: Catalogue, known: params.Known, offers: Offers | None, now: datetime) -> None:
        self.catalogue = catalogue
        self.index = _StepIndex(catalogue.sentences)
        self.known = known
        self.offers = offers
        self.now = now
        self._messages: dict[tuple[str, str, str, str], list[str]] = {}
        self._skeletons: set[str] = set()  # each step of one's own is offered once

    def problems(
        self, shown: str, line: int, keyword: str, text: str, kind: str, language: str, prefix: str = ""
    ) -> list[Problem]:
        """The problems of the step at ``shown``:``line``, each message after ``prefix``; an undefined step
        carries a step of one's own to paste, the first time only."""
        skeleton = self.skeleton(text, kind, language)
        if skeleton in self._skeletons:
            skeleton = ""  # shown once: an outline's rows and a repeated step need one step of their own
        self._skeletons.add(skeleton)
        found = [
            Problem(shown, line, prefix + message, detail=skeleton if message.startswith("undefined step") else "")
            for message in self.messages(keyword, text, kind, language)
        ]
        if note := self.retired(keyword, text, kind, language):
            found.append(Problem(shown, line, prefix + note, note=True))
        return found

    def match(self, text: str, kind: str, language: str) -> _Match | None:
        """The step ``text`` says after a ``kind`` keyword, with its values (None: no such step)."""
        fitting = [m for m in self.index.find(text, language) if m.sentence.kind == kind]
        return fitting[0] if fitting else None

    def told(self, line: int, keyword: str, text: str, kind: str, language: str) -> list[Told]:
        """The step as the story reads it: its sentence and values (empty: no such step)."""
        found = self.match(text, kind, language)
        return [Told(line, keyword, text, found.sentence, found.values)] if found else []

    def retired(self, keyword: str, text: str, kind: str, language: str) -> str | None:
        """A note when ``text`` is an older phrasing of its step, quoting the step's own sentence."""
        found = self.match(text, kind, language)
        if found is None or not found.sentence.retired:
            return None
        return retired_note(keyword.strip(), text, found.sentence, self.catalogue, language)

    def messages(self, keyword: str, text: str, kind: str, language: str) -> list[str]:
        """What is wrong with ``keyword text`` as a ``kind`` step in ``language``; empty: nothing."""
        key = (language, kind, keyword, text)
        if key not in self._messages:
            self._messages[key] = self._check(keyword.strip(), text, kind, language)
        return self._messages[key]

    def skeleton(self, text: str, kind: str, language: str) -> str:
        """A step of one's own to paste into ``steps/``, when no step of either language says ``text``."""
        if self.index.find(text, language) or self.index.find(text, "nl" if language == "en" else "en"):
            return ""
        return step_skeleton(kind, text, language)

    def _check(self, keyword: str, text: str, kind: str, language: str) -> list[str]:
        matches = self.index.find(text, language)
        fitting = [m for m in matches if m.sentence.kind == kind]
        # One sentence declared twice (a project's step over a bundled one) or two phrasings of one
        # step (its aliases) are one step; two steps that read the same text are ambiguous.
        patterns = {m.sentence.pattern: m for m in fitting}
        if len(patterns) > 1 and len({m.sentence.key or m.sentence.pattern for m in patterns.values()}) > 1:
            both = " and ".join(f"'{m.sentence.pattern}' ({m.sentence.group})" for m in patterns.values())
            return [f"'{keyword} {text}' matches more than one step: {both}; make the step sentences differ"]
        if fitting:
            match = fitting[0]
            said = f"'{keyword} {text}'"
            needs = self.offers.lacks(match.sentence, match.values, said=said, language=language) if self.offers else []
            return value_messages(match.values, self.known, self.now, language) + needs
        if matches:
            right = KEYWORDS[matches[0].sentence.kind][language]
            wrong = KEYWORDS[kind][language]
            if language == "nl":
                return [
                    f"'{keyword} {text}' is een {right}-stap, geen {wrong}-stap: schrijf "
                    f"'{right} {text}' (of '{and_keyword(language)}' na een {right}-stap)"
                ]
            return [
                f"'{keyword} {text}' is a {right} step, not a {wrong} step: write "
                f"'{right} {text}' (or '{and_keyword(language)}' after a {right} step)"
            ]
        other = "nl" if language == "en" else "en"
        if translated := self.index.find(text, other):
            sentence = self._translation(translated[0].sentence, language)
            hint = (
                f", or write it in {LANGUAGE_NAMES[language]}: '{KEYWORDS[sentence.kind][language]} {sentence.example}'"
                if sentence
                else ""
            )
            return [other_language_message(other, "", step=True) + hint]
        if language == "nl":
            return [f"onbekende stap '{keyword} {text}'{self._closest(text, kind, language)}"]
        return [f"undefined step '{keyword} {text}'{self._closest(text, kind, language)}"]

    def _closest(self, text: str, kind: str, language: str) -> str:
        # Only each step's own sentence: an alias may read wrong after the keyword ("Dan haar is ...").
        pool = [s for s in self.index.sentences(language) if s.own]
        by_example = {s.example: s for s in pool if s.kind == kind} | {
            s.example: s for s in pool if s.kind != kind and s.example
        }
        close = difflib.get_close_matches(text, list(by_example), n=3, cutoff=0.6)
        if not close:
            if language == "nl":
                return ": zie `journeys steps --lang nl` voor de stappen die er zijn"
            return ": see `journeys steps` for the steps there are"
        found = "; ".join(f"'{KEYWORDS[by_example[c].kind][language]} {c}'" for c in close)
        return f": stappen die erop lijken: {found}" if language == "nl" else f": closest known steps: {found}"

    def _translation(self, sentence: Sentence, language: str) -> Sentence | None:
        """The same step's own sentence in ``language``: the one declared with it (the same ``key``)."""
        sentences = self.catalogue.sentences
        if sentence.key:
            return next(
                (s for s in sentences if s.key == sentence.key and s.language == language and s.alias_of is None),
                None,
            )
        # A sentence made without a declaration: vocabulary registers both languages side by side.
        position = sentences.index(sentence)
        for neighbour in sentences[max(position - 1, 0) : position + 2]:
            if (
                neighbour.language == language
                and neighbour.kind == sentence.kind
                and neighbour.group == sentence.group
                and neighbour.doc == sentence.doc
            ):
                return neighbour
        return None
