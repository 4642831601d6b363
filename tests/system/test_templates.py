"""Placeholders, environment interpolation and subject patterns."""

from __future__ import annotations

import re

import pytest

from journeys.errors import ConfigError
from journeys.systems.templates import fill, interpolate, subject_pattern, template_problem
from journeys.systems.touchpoint_map import Touchpoint


def test_interpolate_reads_the_environment_with_defaults():
    env = {"URL": "http://a", "EMPTY": ""}
    assert interpolate("${URL}/x", env) == "http://a/x"
    assert interpolate("${NOPE:-http://b}", env) == "http://b"
    assert interpolate("${EMPTY:-http://c}", env) == "http://c"
    assert interpolate("${NOPE}", env) == ""
    with pytest.raises(ValueError, match="malformed"):
        interpolate("${URL", env)


def test_fill_quotes_values_for_urls_and_names_what_is_missing():
    tp = Touchpoint("agent.customer", "agent", "/agent/customers?q={email}", line=12, file="shop.yaml")
    assert fill(tp.url or "", {"email": "a+b@c.test"}, quote_values=True) == "/agent/customers?q=a%2Bb%40c.test"
    assert fill("{{literal}} {x}", {"x": 1}) == "{literal} 1"
    with pytest.raises(ConfigError) as info:
        fill(tp.url or "", {"name": "Anna", "order_number": None}, touchpoint=tp)
    assert str(info.value) == (
        "shop.yaml:12: touchpoint agent.customer needs {email} but the journey does not"
        " know it (it knows: name). Write a step that shows the email before this one"
        " (a developer's task may pass email=... to journey.visit instead)."
    )


def test_template_problems():
    assert template_problem("/orders/{order_number}") is None
    assert "bad placeholder {0}" in (template_problem("/orders/{0}") or "")
    assert "bad placeholder" in (template_problem("/orders/{x") or "")


def test_subject_patterns_match_known_values_as_whole_tokens_and_capture_unknown_ones():
    known = re.compile(subject_pattern("Bestelling {order_number} is onderweg", {"order_number": "RS-10"}))
    assert known.search("Bestelling RS-10 is onderweg")
    assert not known.search("Bestelling RS-1001 is onderweg")
    unknown = re.compile(subject_pattern(r"Bestelling {order_number} (?:is|werd) \w+", {}))
    match = unknown.search("Bestelling RS-1001 werd verzonden")
    assert match and match.group("order_number") == "RS-1001"
