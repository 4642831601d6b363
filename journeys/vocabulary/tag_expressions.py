"""``--tags``: a Cucumber tag expression, with the ``@`` optional (``gate and not slow``).

Shared by the pytest run (:mod:`journeys.plugin.selection`) and the dry run,
so both choose the same journeys.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["parse_tags", "tags_named", "with_at_signs"]

_BARE_TAG = re.compile(r"(?<![@\w])(?!(?:and|or|not)\b)([\w.-]+)")


def with_at_signs(text: str) -> str:
    """``gate and not slow`` -> ``@gate and not @slow`` (what Cucumber's parser reads)."""
    return _BARE_TAG.sub(r"@\1", text.replace("\\", ""))


def tags_named(text: str) -> list[str]:
    """The tags an expression names, without ``@``."""
    return re.findall(r"@([\w.-]+)", with_at_signs(text))


def parse_tags(text: str) -> Any:
    """The expression, with ``evaluate([\"@tag\", ...])``.

    Raises:
        ValueError: not a tag expression (the message quotes it and says why).
    """
    from cucumber_tag_expressions import parse
    from cucumber_tag_expressions.parser import TagExpressionError

    try:
        return parse(with_at_signs(text))
    except TagExpressionError as exc:
        raise ValueError(f"--tags {text!r} is not a tag expression: {exc}") from None
