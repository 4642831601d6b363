"""The message tables: every message in both languages, every value a message names is given where it is said."""

from __future__ import annotations

import ast
import functools
import re
import string
from datetime import datetime
from pathlib import Path

import pytest

import journeys
from journeys.messages import LANGUAGES, MESSAGES, bare, language_of, moment, say, speak, spoken, stop_speaking

PACKAGE = Path(journeys.__file__).parent


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_message_has_an_english_and_a_dutch_text():
    english, dutch = set(MESSAGES["en"]), set(MESSAGES["nl"])
    assert sorted(english - dutch) == [], "English messages without a Dutch text"
    assert sorted(dutch - english) == [], "Dutch messages without an English text"
    assert all(MESSAGES["nl"][key].strip() for key in dutch)


def test_no_dutch_message_is_the_english_one_copied():
    # Values and file:line are the same in both languages, the words are not.
    same = [key for key in MESSAGES["en"] if MESSAGES["en"][key] == MESSAGES["nl"][key]]
    assert same == []


@functools.cache
def _said() -> list[tuple[str, int, str, set[str] | None]]:
    """Every ``say("key", ...)`` in the package: file, line, key and the values it passes (None: not all known)."""
    found = []
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imports_say = any(
            isinstance(node, ast.ImportFrom)
            and node.module == "journeys.messages"
            and "say" in {a.name for a in node.names}
            for node in ast.walk(tree)
        )
        if not imports_say:
            continue  # a ``say`` of its own (a printer), not the messages'
        dicts = {
            target.id: {k.value for k in node.value.keys if isinstance(k, ast.Constant)}
            for node in ast.walk(tree)
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict)
            for target in node.targets
            if isinstance(target, ast.Name)
        }
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "say" and node.args):
                continue
            first = node.args[0]
            if isinstance(first, ast.Constant):
                keys = [first.value]
            elif isinstance(first, ast.JoinedStr):  # f"missing.{where}": every key with that start
                start = first.values[0].value if isinstance(first.values[0], ast.Constant) else ""
                keys = [key for key in MESSAGES["en"] if key.startswith(str(start))]
            elif isinstance(first, ast.IfExp):
                keys = [b.value for b in (first.body, first.orelse) if isinstance(b, ast.Constant)]
            else:
                continue
            given: set[str] | None = set()
            for keyword in node.keywords:
                if keyword.arg is not None:
                    given.add(keyword.arg)
                elif isinstance(keyword.value, ast.Name) and keyword.value.id in dicts:
                    given |= dicts[keyword.value.id]
                else:
                    given = None
                    break
            found += [(str(path.relative_to(PACKAGE)), node.lineno, key, given) for key in keys]
    return found


def test_every_value_a_message_names_is_given_where_it_is_said():
    calls = _said()
    assert len(calls) > 80
    missing = [
        f"{file}:{line} {key} ({language}): {sorted(placeholders(MESSAGES[language][key]) - given)}"
        for file, line, key, given in calls
        if given is not None
        for language in LANGUAGES
        if placeholders(MESSAGES[language][key]) - given
    ]
    assert missing == []


def test_every_key_said_is_in_the_tables_and_every_message_is_said_somewhere():
    calls = _said()
    assert sorted({key for _, _, key, _ in calls} - set(MESSAGES["en"])) == []
    source = "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py") if "messages" not in p.parts)
    quoted = set(re.findall(r"[\"']([a-z_]+(?:\.[a-z_]+)*)", source))
    built = {"missing.", "noun.", "part.", "fact."}  # f"missing.{where}", f"noun.{kind}", ...; journey: "fact."
    unused = [key for key in MESSAGES["en"] if key not in quoted and not key.startswith(tuple(built))]
    assert unused == []


def test_a_message_is_said_in_the_journeys_language_until_it_stops():
    assert spoken() == "en"
    token = speak("nl")
    try:
        assert spoken() == "nl"
        assert say("none") == "geen"
        assert say("none", "en") == "none"
    finally:
        stop_speaking(token)
    assert say("none") == "none"


@pytest.mark.parametrize(("code", "language"), [("nl", "nl"), ("NL ", "nl"), ("en", "en"), ("de", "en"), (None, "en")])
def test_a_features_language_code_is_dutch_or_english(code, language):
    assert language_of(code) == language


def test_dutch_fact_words_lose_their_article_after_haar():
    assert bare("het bestelnummer") == "bestelnummer"
    assert bare("de bezorgdatum") == "bezorgdatum"
    assert bare("delivery date") == "delivery date"


def test_a_moment_is_written_with_the_languages_day_and_month():
    monday = datetime(2026, 11, 23, 9, 5)
    assert moment(monday, "en") == f"{monday:%a %d %b %H:%M}" == "Mon 23 Nov 09:05"
    assert moment(monday, "nl") == "ma 23 nov 09:05"
