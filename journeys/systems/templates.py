"""``{placeholder}`` templates and ``${ENV}`` interpolation used by touchpoint maps.

Two kinds of braces, on purpose: ``${NAME}`` is resolved once, when the map
is loaded, from the variables the run read from its environment where it
started (``RunSettings.variables``: where a system is); ``{name}`` is filled per
customer, from what the journey knows (which order, which email address).
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from typing import Any, Protocol

from journeys.errors import ConfigError


class _Named(Protocol):
    """A touchpoint, as far as an error message needs it."""

    @property
    def name(self) -> str: ...

    @property
    def where(self) -> str: ...


ENV_REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}")
NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}")
"""A ``{name}`` placeholder (group 1), or an escaped ``{{`` / ``}}`` (no group)."""


def placeholders(text: str) -> list[str]:
    """The ``{names}`` in ``text``, in order, without the escaped ``{{literal}}`` braces."""
    return [m.group(1) for m in PLACEHOLDER.finditer(text) if m.group(1)]


def interpolate(text: str, variables: Mapping[str, str]) -> str:
    """Replace ``${NAME}`` and ``${NAME:-default}`` with the values of ``variables``.

    A variable not set (or empty) without a default becomes empty: ``unset`` names it,
    for the caller to tell when it needs the value.

    Raises:
        ValueError: a ``${`` that is not a well-formed reference.
    """
    if "${" in ENV_REF.sub("", text):
        raise ValueError(f"'{text}' has a malformed ${{...}}: write ${{NAME}} or ${{NAME:-default}}.")
    return ENV_REF.sub(lambda m: variables.get(m.group(1)) or (m.group(2) or ""), text)


def unset(text: str, variables: Mapping[str, str]) -> list[str]:
    """The ``${NAME}`` in ``text`` without a default that ``variables`` does not set."""
    return [m.group(1) for m in ENV_REF.finditer(text) if m.group(2) is None and not variables.get(m.group(1))]


ENV_KEY = re.compile(r"\b\w+_env\s*:\s*[\"']?([A-Za-z_][A-Za-z0-9_]*)")
"""A map's ``user_env: NAME``, ``password_env: NAME``, ``token_env: NAME``... (group 1: the name)."""


def variable_names(text: str) -> set[str]:
    """Every variable a map's text names: ``${NAME}`` and the ``*_env: NAME`` of its secrets and logins."""
    return {m.group(1) for m in ENV_REF.finditer(text)} | {m.group(1) for m in ENV_KEY.finditer(text)}


def template_problem(text: str) -> str | None:
    """What is wrong with the ``{placeholders}`` of ``text``, or None."""
    try:
        parts = list(string.Formatter().parse(text))
    except ValueError as exc:
        return f"bad placeholder in '{text}' ({exc}): write {{name}}, and {{{{ or }}}} for a literal brace."
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        if not NAME.match(name) or spec or conversion:
            shown = "{" + name + ("!" + conversion if conversion else "") + (":" + spec if spec else "") + "}"
            return (
                f"bad placeholder {shown} in '{text}': placeholders are plain names such as"
                f" {{order_number}},"
                " filled from what the journey knows."
            )
    return None


def fill(
    template: str,
    params: Mapping[str, Any],
    *,
    touchpoint: _Named | None = None,
    quote_values: bool = False,
) -> str:
    """``template`` with its ``{placeholders}`` filled from ``params``.

    Raises:
        ConfigError: a placeholder has no value; the message names the
            touchpoint, where it is in the map, and what is known.
    """
    from urllib.parse import quote

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if not name:
            return match.group(0)[0]
        if name not in params or params[name] is None:
            where = f"{touchpoint.where}: touchpoint {touchpoint.name}" if touchpoint else f"'{template}'"
            known = ", ".join(sorted(k for k, v in params.items() if v is not None)) or "nothing yet"
            raise ConfigError(
                f"{where} needs {{{name}}} but the journey does not know it (it knows: {known})."
                f" Write a step that shows the {name.replace('_', ' ')} before this one"
                f" (a developer's task may pass {name}=... to journey.visit instead)."
            )
        text = str(params[name])
        return quote(text, safe="") if quote_values else text

    return PLACEHOLDER.sub(value, template)


def fill_reader(text: str, reader: str, params: Mapping[str, Any], *, where: str, touchpoint: str) -> str:
    """A fact reader (``css``, ``testid``, ``regex``, ``jsonpath``) with its ``{placeholders}`` filled.

    Values are escaped for the reader they go into: a regex gets them
    literally (``re.escape``), a selector or JSONPath with its quotes
    escaped, so an order number can never change what the reader means.

    Raises:
        ConfigError: a placeholder the journey does not know; names the reader's line.
    """

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if not name:
            # An escaped brace; a regex keeps both (``\d{{2}}`` is written as such), others one.
            return match.group(0) if reader == "regex" else match.group(0)[0]
        if params.get(name) is None:
            known = ", ".join(sorted(k for k, v in params.items() if v is not None)) or "nothing yet"
            raise ConfigError(
                f"{where}: touchpoint {touchpoint}: the {reader} reader needs {{{name}}} but the journey"
                f" does not know it (it knows: {known}). Visit a touchpoint that shows it first."
            )
        text = str(params[name])
        if reader == "regex":
            return re.escape(text)
        return text.replace("\\", "\\\\").replace('"', '\\"').replace("'", "\\'")

    return PLACEHOLDER.sub(value, text)


def subject_pattern(subject: str, params: Mapping[str, Any]) -> str:
    """The regex for a subject: known ``{names}`` filled in as whole tokens, others captured."""
    seen: set[str] = set()

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if not name:
            return match.group(0)  # doubled braces belong to the regex: kept as written
        if params.get(name) is not None:
            # A whole token: order RS-10 must not match the mail of order RS-1001.
            return r"(?<![\w-])" + re.escape(str(params[name])) + r"(?![\w-])"
        if name in seen:
            return f"(?P={name})"
        seen.add(name)
        return f"(?P<{name}>.+?)"

    return PLACEHOLDER.sub(value, subject)


def strings(value: Any) -> list[str]:
    """Every string inside a JSON-like value (for checking the placeholders of a body)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, Mapping):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []
