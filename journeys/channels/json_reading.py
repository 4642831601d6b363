"""JSON as the API channel reads it: an answer's body, a request body's template filled, facts read by JSONPath."""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import httpx

from journeys.systems.fact_reader import FactReader
from journeys.systems.templates import fill as fill_template
from journeys.systems.touchpoint_map import Touchpoint

__all__ = ["NOT_JSON", "fill_body", "json_of", "read_jsonpath"]

NOT_JSON = object()
"""What ``json_of`` answers for a body that is not JSON (None is JSON's null, or an empty body)."""


def json_of(response: httpx.Response) -> Any:
    """The answer's JSON; None for an empty body; ``NOT_JSON`` when it is something else."""
    if not response.content:
        return None
    try:
        return response.json()
    except ValueError:
        return NOT_JSON


def fill_body(body: Any, params: Mapping[str, Any], tp: Touchpoint) -> Any:
    """A request body with the ``{placeholders}`` of its strings filled, however deep they are."""
    if isinstance(body, str):
        return fill_template(body, params, touchpoint=tp)
    if isinstance(body, Mapping):
        return {k: fill_body(v, params, tp) for k, v in body.items()}
    if isinstance(body, list):
        return [fill_body(v, params, tp) for v in body]
    return body


@lru_cache(maxsize=512)
def _compiled(expression: str) -> Any:
    from jsonpath_ng.ext.parser import parse

    return parse(expression)


def read_jsonpath(reader: FactReader, data: Any) -> str | list[str] | None:
    """Raw text of a JSONPath reader: the first match (or all, ``many``); None when absent or null.

    With ``currency_path`` the currency is appended (``"329.00 EUR"``), so a money value keeps it.
    """
    matches = [m.value for m in _compiled(reader.jsonpath or "$").find(data) if m.value is not None]
    texts = [_text(v) for v in matches]
    if reader.currency_path and texts:
        currency = [m.value for m in _compiled(reader.currency_path).find(data) if m.value is not None]
        if currency:
            texts = [f"{t} {currency[0]}" for t in texts]
    if reader.many:
        return texts
    return texts[0] if texts else None


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return json.dumps(value, ensure_ascii=False)
