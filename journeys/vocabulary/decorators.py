"""The step vocabulary: every sentence in English and Dutch, with an example.

A step is declared once with both languages; this registers both sentences
with pytest-bdd and keeps a catalogue (:mod:`journeys.vocabulary.sentences`)
that ``journeys steps`` prints and ``journeys lint`` checks feature files
against, without a browser.

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

import inspect
import re
import sys
from collections.abc import Callable
from typing import Any

from journeys.messages import Language, say
from journeys.vocabulary.needs import infer
from journeys.vocabulary.sentences import TYPES, Catalogue, Sentence, fill, typed

CATALOGUE = Catalogue()


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
