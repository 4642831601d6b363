"""What a run tells a writer, in the language her feature file is written in.

A journey speaks its feature's language (``# language: nl``: Dutch, else
English). ``Journey`` says so once, as a ``Language``, with ``speak``; rules,
steps, tasks and channels then word what they find with ``say``, from one
table per language (``rule_texts``, ``step_texts``, ``param_texts``). Only the words change:
touchpoints, values and ``file:line`` are the same in every language.

The language is a context variable, as the facts' words are
(``journeys.core.rules.fact_kinds.say_facts``): concurrent journeys of a population,
each in a greenlet of its own, keep their own. A violation remembers the
language it was found in, so a report made later renders it in the same one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar, Token
from datetime import datetime
from typing import Any, Literal

from journeys.messages.param_texts import PARAM_TEXTS
from journeys.messages.rule_texts import RULE_TEXTS
from journeys.messages.step_texts import STEP_TEXTS

__all__ = [
    "LANGUAGES",
    "MESSAGES",
    "Language",
    "bare",
    "language_of",
    "moment",
    "say",
    "speak",
    "speaking",
    "spoken",
    "stop_speaking",
]

Language = Literal["en", "nl"]
LANGUAGES: tuple[Language, ...] = ("en", "nl")

#: Every message per language: key -> a template with ``{named}`` values.
MESSAGES: dict[Language, dict[str, str]] = {
    language: {**RULE_TEXTS[language], **STEP_TEXTS[language], **PARAM_TEXTS[language]} for language in LANGUAGES
}

_SPOKEN: ContextVar[Language] = ContextVar("journeys_language", default="en")


def language_of(code: str | None) -> Language:
    """The language a feature's ``# language:`` code stands for: ``nl`` is Dutch, anything else English."""
    return "nl" if (code or "").strip().lower() == "nl" else "en"


def speak(language: Language) -> Token[Language]:
    """Word every message in ``language`` from now on, in this context (a journey's start)."""
    return _SPOKEN.set(language)


def stop_speaking(token: Token[Language]) -> None:
    """Forget what ``speak`` set, in the context that set it (a journey's end)."""
    try:
        _SPOKEN.reset(token)
    except ValueError:  # set in another context (a population's greenlet): that context ends with it
        pass


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Word what is said inside in ``language`` (a report of Dutch journeys, a violation rendered)."""
    token = speak(language_of(language))
    try:
        yield
    finally:
        stop_speaking(token)


def spoken() -> Language:
    """The language of the journey being walked in this context (English outside one)."""
    return _SPOKEN.get()


def say(key: str, language: Language | None = None, /, **values: Any) -> str:
    """The message ``key`` in ``language`` (default: the journey's), with ``values`` filled in."""
    return MESSAGES[language or _SPOKEN.get()][key].format(**values)


_ARTICLE = re.compile(r"^(?:de|het|een)\s+", re.IGNORECASE)


def bare(words: str) -> str:
    """``het bestelnummer`` -> ``bestelnummer``: a fact's words after ``haar`` (Dutch words carry their article)."""
    return _ARTICLE.sub("", words)


_DAYS = {"en": "Mon Tue Wed Thu Fri Sat Sun".split(), "nl": "ma di wo do vr za zo".split()}
_MONTHS = {
    "en": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(),
    "nl": "jan feb mrt apr mei jun jul aug sep okt nov dec".split(),
}


def moment(when: datetime, language: Language | None = None) -> str:
    """``Mon 03 Nov 15:22`` / ``ma 03 nov 15:22``: a clock time in a violation's lines."""
    lang = language or _SPOKEN.get()
    return f"{_DAYS[lang][when.weekday()]} {when.day:02d} {_MONTHS[lang][when.month - 1]} {when:%H:%M}"
