"""A step of one's own to fill in, for a sentence no step says (lint and the run's error).

The skeleton is ready to paste into ``steps/*.py`` (docs/own-steps.md): the
vocabulary decorator with both languages, ``requires=`` / ``gives=``, a
docstring and the call into the journey. The values the writer gave become
parameters, as Cucumber's snippets do: a quoted text ``"{value}"``, an amount
of money ``{amount}``, a whole number ``{count}`` (the last two typed by their
names, docs/own-steps.md "Typed parameters"). The sentence in the other
language is left for the developer, marked ``TODO``, with the same parameters
(one step's sentences must take the same ones).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["step_skeleton"]

_LANGUAGE_NAMES = {"en": "English", "nl": "Dutch"}
# Longest first: a quoted amount is a quoted text; an amount's digits are not a count.
_VALUES = re.compile(
    r'(?P<quoted>"[^"]*")'
    r"|(?P<amount>(?:€|EUR)\s?\d+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?\s?(?:€|EUR|euro)\b)"
    r"|(?P<count>(?<![\w.,])\d+(?![\w.,]))"
)
_READERS = {"amount": "params.amount({name})", "count": "params.quantity({name})"}


def step_skeleton(kind: str, text: str, language: str) -> str:
    """Python source of a step that says ``text`` after a ``kind`` keyword (given, when, then) in ``language``.

    >>> print(step_skeleton("when", 'she pays with a "gift card"', "en").splitlines()[5])
        en='she pays with a "{value}"',
    """
    pattern, example = _pattern(text)
    names = list(example)
    other = "nl" if language == "en" else "en"
    sentences = {
        language: pattern,
        other: f"TODO in {_LANGUAGE_NAMES[other]}: {pattern}",
    }
    typed = [name for name in names if name.split("_")[0] in _READERS]
    imports = [f"from journeys import Journey, {'params, ' if typed else ''}{kind}"]  # the public layer only
    lines = [*imports, "", "", f"@{kind}("]
    lines += [f"    {lang}={_literal(sentences[lang])}," for lang in ("en", "nl")]
    if example:
        shown = ", ".join(f"{_literal(k)}: {_literal(v)}" for k, v in example.items())
        lines.append(f"    example={{{shown}}},")
    lines += [
        '    requires=(),  # what must have happened before it: moments such as "online order", "logged in"',
        "    gives=(),  # what it leaves behind for the steps after it",
        ")",
        f"def {_function_name(pattern)}({', '.join(['journey: Journey', *(f'{n}: str' for n in names)])}) -> None:",
    ]
    arguments = ", ".join(
        f"{n}={_READERS[n.split('_')[0]].format(name=n)}" if n in typed else f"{n}={n}" for n in names
    )
    if kind == "then":
        lines += [
            '    """TODO: what every touchpoint must have told her, in one line (`journeys steps` shows it)."""',
            '    journey.agree("TODO: the fact")  # or expect, expect_everywhere... (docs/own-steps.md)',
        ]
        if names:
            lines.append(f"    # the values of the sentence: {', '.join(names)}")
    else:
        call = f'    journey.do("TODO: a task of your system"{", " + arguments if arguments else ""})'
        if len(call) > 100:  # one argument a line, as a formatter would
            call = "\n".join(
                [
                    "    journey.do(",
                    '        "TODO: a task of your system",',
                    *(f"        {a}," for a in arguments.split(", ")),
                    "    )",
                ]
            )
        lines += ['    """TODO: what she does, in one line (`journeys steps` shows it)."""', call]
    return "\n".join(lines) + "\n"


def _pattern(text: str) -> tuple[str, dict[str, str]]:
    """The sentence with ``{name}`` for each value, and the values by name (the step's example)."""
    example: dict[str, str] = {}
    parts: list[str] = []
    at = 0
    for found in _VALUES.finditer(text):
        kind = found.lastgroup or "value"
        base = "value" if kind == "quoted" else kind
        name = base if base not in example else f"{base}_{sum(1 for n in example if n.split('_')[0] == base) + 1}"
        parts.append(_escape(text[at : found.start()]))
        if kind == "quoted":
            parts.append(f'"{{{name}}}"')
            example[name] = found.group()[1:-1]
        else:
            parts.append(f"{{{name}}}")
            example[name] = found.group()
        at = found.end()
    parts.append(_escape(text[at:]))
    return "".join(parts), example


def _escape(literal: str) -> str:
    """Braces the writer typed are text, not parameters."""
    return literal.replace("{", "{{").replace("}", "}}")


def _literal(text: str) -> str:
    """A Python string literal, in double quotes unless the text has them (as docs/own-steps.md writes)."""
    if '"' in text and "'" not in text:
        return "'" + text.replace("\\", "\\\\") + "'"
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _function_name(pattern: str) -> str:
    """``she_pays_with_a_value``: the sentence's words, as a Python name."""
    plain = unicodedata.normalize("NFKD", pattern).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", plain.lower().replace("{", " ").replace("}", " "))
    name = "_".join(words[:8]) or "my_step"
    return name if name[0].isalpha() else f"step_{name}"
