"""The step vocabulary: every sentence in English and Dutch, with an example.

A step is declared once with both languages; this registers both sentences
with pytest-bdd and keeps a catalogue that ``journeys steps`` prints and
``journeys lint`` checks feature files against, without a browser.

    @vocabulary.when(
        en='she orders a "{sku}" on the web shop',
        nl='ze een "{sku}" bestelt in de webwinkel',
        example={"sku": "tablet-10"},
        needs=("task:place order", "web.order_confirmation"),
    )
    def order_on_web(journey, sku): ...

``needs`` is the step's contract with a system: the tasks (``task:<name>``)
and touchpoints it uses. Left out, it is read from the step's own body
(``journeys.gherkin.needs``); ``journeys steps`` shows it and ``journeys
lint --system X`` checks it against X.
"""

from __future__ import annotations

import difflib
import functools
import inspect
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import parse as parse_lib

from journeys.gherkin.needs import infer

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

    def matches(self, text: str) -> bool:
        return _compiled(self.pattern).parse(text) is not None

    def arguments(self, text: str) -> dict[str, Any] | None:
        """The sentence's parameters read from ``text``, or None when it does not match."""
        found = _compiled(self.pattern).parse(text)
        return None if found is None else dict(found.named)


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
        pool = [s for s in self.sentences if language is None or s.language == language]
        by_example = {s.example: s for s in pool}
        names = difflib.get_close_matches(text, list(by_example), n=n, cutoff=0.4)
        return [by_example[name] for name in names]


CATALOGUE = Catalogue()


@functools.cache
def _compiled(pattern: str) -> parse_lib.Parser:
    return parse_lib.compile(pattern)


def _register(
    kind: str,
    en: str,
    nl: str,
    example: dict[str, str] | None,
    example_nl: dict[str, str] | None,
    target_fixture: str | None,
    needs: tuple[str, ...] | None = None,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    # Registered with pytest-bdd too where it is loaded (a pytest run), for projects that bind
    # their features with pytest-bdd; a script or a load-test user never imports pytest.
    pytest_bdd = sys.modules.get("pytest_bdd")

    def wrap(func: Callable[..., Any]) -> Callable[..., Any]:
        doc = inspect.getdoc(func) or ""
        group = func.__module__.rsplit(".", 1)[-1]
        contract = tuple(needs) if needs is not None else infer(func)
        for language, pattern, values in (("en", en, example), ("nl", nl, example_nl or example)):
            filled = _fill(pattern, values or {})
            CATALOGUE.sentences.append(Sentence(kind, language, pattern, filled, doc, group, func, contract))
            if pytest_bdd is not None:
                from pytest_bdd import parsers

                # stacklevel=2: pytest-bdd injects the step fixture into the module that declares it.
                decorator = getattr(pytest_bdd, kind)
                func = decorator(parsers.parse(pattern), target_fixture=target_fixture, stacklevel=2)(func)
        return func

    return wrap


def _fill(pattern: str, values: dict[str, str]) -> str:
    """The pattern with example values in place of its ``{name}`` / ``{name:d}`` fields."""
    return re.sub(r"\{(\w+)(?::[^}]*)?\}", lambda m: str(values.get(m[1], m[0])), pattern)


def _declarer(kind: str) -> Callable[..., Callable[[Callable[..., Any]], Callable[..., Any]]]:
    def declare(
        en: str,
        nl: str,
        *,
        example: dict[str, str] | None = None,
        example_nl: dict[str, str] | None = None,
        target_fixture: str | None = None,
        needs: tuple[str, ...] | None = None,
    ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        return _register(kind, en, nl, example, example_nl, target_fixture, needs)

    declare.__name__ = declare.__qualname__ = kind
    declare.__doc__ = (
        f"Declare a *{kind}* step in English and Dutch; ``example_nl`` defaults to ``example``;"
        " ``needs``: the tasks (``task:<name>``) and touchpoints it uses (default: read from its body)."
    )
    return declare


given, when, then = _declarer("given"), _declarer("when"), _declarer("then")


def suggest(text: str, *, language: str | None = None) -> str:
    """`` Closest known steps: ...`` for an unknown step, or an empty string."""
    found = CATALOGUE.closest(text, language)
    if not found:
        return ""
    return " Closest known steps: " + "; ".join(f"'{s.example}'" for s in found) + "."
