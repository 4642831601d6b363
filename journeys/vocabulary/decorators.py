"""The step vocabulary: every sentence in English and Dutch, with an example.

A step is declared once with both languages; this registers both sentences
with pytest-bdd and keeps a catalogue that ``journeys steps`` prints and
``journeys lint`` checks feature files against, without a browser.

    @vocabulary.when(
        en='she orders a "{sku}" on the web shop',
        nl=('ze een "{sku}" bestelt in de webwinkel', 'ze in de webwinkel een "{sku}" bestelt'),
        example={"sku": "tablet-10"},
        doc_nl="Productpagina, winkelwagen, afrekenen, bevestigingspagina.",
        needs=("task:place order", "web.order_confirmation"),
    )
    def order_on_web(journey, sku):
        '''Product page, cart, checkout, confirmation page.'''

A language may give several sentences: the first is the step's own, the
others are aliases, other common phrasings of the same meaning (same
parameters, one catalogue entry). The docstring describes the step in
English, ``doc_nl`` in Dutch.

``needs`` is the step's contract with a system: the tasks (``task:<name>``)
and touchpoints it uses. Left out, it is read from the step's own body
(``journeys.vocabulary.needs``); ``journeys steps`` shows it and ``journeys
lint --system X`` checks it against X.
"""

from __future__ import annotations

import difflib
import functools
import inspect
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import parse as parse_lib

from journeys.messages import Language, say
from journeys.vocabulary.needs import infer

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


CATALOGUE = Catalogue()


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


class Retired(str):
    """An older phrasing of a step, kept so that journeys written with it still run: ``nl=("the new one",
    Retired("the old one"))``. Lint points the writer to the step's own sentence."""


Sentences = str | tuple[str, ...]  # one sentence, or the step's own followed by its aliases


def _register(
    kind: str,
    en: Sentences,
    nl: Sentences,
    example: dict[str, str] | None,
    example_nl: dict[str, str] | None,
    target_fixture: str | None,
    needs: tuple[str, ...] | None = None,
    doc_nl: str = "",
    requires: tuple[str, ...] = (),
    gives: tuple[str, ...] = (),
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    # Registered with pytest-bdd too where it is loaded (a pytest run), for projects that bind
    # their features with pytest-bdd; a script or a load-test user never imports pytest.
    pytest_bdd = sys.modules.get("pytest_bdd")
    english, dutch = _as_tuple(en), _as_tuple(nl)
    _same_fields(english + dutch)

    def wrap(func: Callable[..., Any]) -> Callable[..., Any]:
        doc = inspect.getdoc(func) or ""
        group = func.__module__.rsplit(".", 1)[-1]
        contract = tuple(needs) if needs is not None else infer(func)
        # A module imported again (pytester, importlib.reload) declares the same step: it takes its old place.
        key = _KEYS.setdefault((func.__module__, func.__qualname__, kind, english[0]), len(_KEYS) + 1)
        # Both languages' own sentences first and side by side, then the aliases.
        ordered: list[tuple[str, str, str | None, dict[str, str] | None]] = [
            ("en", english[0], None, example),
            ("nl", dutch[0], None, example_nl or example),
        ]
        ordered += [("en", alias, english[0], example) for alias in english[1:]]
        ordered += [("nl", alias, dutch[0], example_nl or example) for alias in dutch[1:]]
        declared = [
            Sentence(
                kind,
                language,
                str(pattern),
                fill(pattern, values or {}),
                doc,
                group,
                func,
                contract,
                key,
                alias_of,
                doc_nl,
                tuple(requires),
                tuple(gives),
                isinstance(pattern, Retired),
            )
            for language, pattern, alias_of, values in ordered
        ]
        known = CATALOGUE.sentences
        place = next((i for i, sentence in enumerate(known) if sentence.key == key), None)
        if place is None:
            known.extend(declared)
        else:
            known[:] = [*known[:place], *declared, *(sentence for sentence in known[place:] if sentence.key != key)]
        for pattern in (*english, *dutch):
            if pytest_bdd is not None:
                from pytest_bdd import parsers

                # stacklevel=2: pytest-bdd injects the step fixture into the module that declares it.
                decorator = getattr(pytest_bdd, kind)
                parser = parsers.parse(typed(pattern), extra_types=TYPES)
                func = decorator(parser, target_fixture=target_fixture, stacklevel=2)(func)
        return func

    return wrap


_KEYS: dict[tuple[str, str, str, str], int] = {}  # (module, function, kind, English sentence) -> key


def _as_tuple(sentences: Sentences) -> tuple[str, ...]:
    found = (sentences,) if isinstance(sentences, str) else tuple(sentences)
    if not found:
        raise ValueError("a step needs at least one sentence in each language")
    return found


def _same_fields(patterns: tuple[str, ...]) -> None:
    """Every sentence of one step takes the same parameters: they mean the same."""
    fields = {pattern: sorted(re.findall(r"\{(\w+)", pattern)) for pattern in patterns}
    if len({tuple(names) for names in fields.values()}) > 1:
        shown = "; ".join(f"'{pattern}': {names}" for pattern, names in fields.items())
        raise ValueError(f"the sentences of one step take different parameters ({shown}): give them the same")


def fill(pattern: str, values: Mapping[str, Any]) -> str:
    """The pattern with example values in place of its ``{name}`` / ``{name:d}`` fields."""
    return re.sub(r"\{(\w+)(?::[^}]*)?\}", lambda m: str(values.get(m[1], m[0])), pattern)


def _declarer(kind: str) -> Callable[..., Callable[[Callable[..., Any]], Callable[..., Any]]]:
    def declare(
        en: Sentences,
        nl: Sentences,
        *,
        example: dict[str, str] | None = None,
        example_nl: dict[str, str] | None = None,
        target_fixture: str | None = None,
        needs: tuple[str, ...] | None = None,
        doc_nl: str = "",
        requires: tuple[str, ...] = (),
        gives: tuple[str, ...] = (),
    ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        return _register(kind, en, nl, example, example_nl, target_fixture, needs, doc_nl, requires, gives)

    declare.__name__ = declare.__qualname__ = kind
    declare.__doc__ = (
        f"Declare a *{kind}* step in English and Dutch (a sentence, or a tuple: the step's own, then aliases);"
        " ``example_nl`` defaults to ``example``; ``doc_nl``: what it does, in Dutch;"
        " ``needs``: the tasks (``task:<name>``) and touchpoints it uses (default: read from its body);"
        " ``requires`` / ``gives``: what must have happened before it, and what it leaves behind"
        " (:mod:`journeys.vocabulary.story`)."
    )
    return declare


given, when, then = _declarer("given"), _declarer("when"), _declarer("then")


def suggest(text: str, *, language: str | None = None, said: Language | None = None) -> str:
    """`` Closest known steps: ...`` for an unknown step (said in ``said``: the journey's), or an empty string."""
    found = CATALOGUE.closest(text, language)
    if not found:
        return ""
    return say("step.closest", said, steps="; ".join(f"'{s.example}'" for s in found))
