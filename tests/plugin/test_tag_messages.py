"""A tag expression that does not parse is told in the writer's words, not the parser's."""

from __future__ import annotations

import pytest
from cucumber_tag_expressions import parse
from cucumber_tag_expressions.parser import TagExpressionError

from journeys.plugin.selection import tag_problem

pytest_plugins = ["pytester"]


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("@gate and", "'and' needs a tag on each side"),
        ("not", "'not' needs a tag after it"),
        ("@gate and (@web", "a '(' is not closed: add a ')'"),
        ("@gate)", "a ')' has no '(' before it"),
        ("@gate @web", "two tags in a row after @gate: join them with 'and' or 'or'"),
        ("and @gate", "it starts with 'and' or 'or': put a tag first"),
        ("@gate or or @web", "'or' is followed by another operator: put a tag after it"),
    ],
)
def test_the_tag_parsers_complaints_are_translated(written, said):
    with pytest.raises(TagExpressionError) as info:
        parse(written)
    told = tag_problem(str(info.value))
    assert told == said
    assert "operand" not in told and "BEGIN" not in told and "Literal" not in told


def test_a_bad_tag_expression_is_a_usage_error_in_plain_words(pytester):
    pytester.makefile(".feature", shop="Feature: Shop\n  @gate\n  Scenario: one\n    Given a customer\n")
    result = pytester.runpytest("--tags", "gate and", "-p", "no:pytest-lsp")
    assert result.ret == 4
    result.stderr.fnmatch_lines(
        ["*--tags 'gate and' is not a tag expression: 'and' needs a tag on each side. Tags are joined with*"]
    )
