"""journeys: synthetic customers across channels, checked for one consistent story.

The public surface: everything a step, a task or a script needs is imported
from ``journeys`` itself (``from journeys import when, Journey, params,
StepError``); ``journeys.errors`` holds the whole error tree and
``journeys.core.effort`` the effort score. Other modules are the house's own and
may change (tests/test_architecture.py keeps the templates and docs to these).

The names are listed once, in the ``TYPE_CHECKING`` block below: type checkers
read it, and at run time it is read (not executed) to import each name on
first use (PEP 562, as SPEC 1's lazy loading does), so that the pytest plugin,
registered at pytest's start, loads nothing heavy and ``pytest --help`` stays
fast.
"""

from __future__ import annotations

import ast
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from journeys.channels.base import Reading
    from journeys.channels.drivers import AgentDriver, ApiDriver, ChatDriver, MailDriver, WebDriver
    from journeys.core.customer import Customer
    from journeys.core.ledger import Ledger
    from journeys.core.promise_records import PromiseCheck
    from journeys.core.records import Observation, Provenance
    from journeys.core.rules import Violation
    from journeys.errors import (
        ChannelError,
        ConfigError,
        JourneyFailed,
        JourneysError,
        MailNotReceived,
        RuleConfigError,
        StepError,
        SystemUnreachable,
    )
    from journeys.journey.journey import Journey
    from journeys.journey.journey_touchpoints import Step
    from journeys.journey.session import SystemSession
    from journeys.systems import find_map
    from journeys.systems.tasks import task
    from journeys.values import DateRange, Money, read_value, show
    from journeys.vocabulary import params
    from journeys.vocabulary.decorators import Retired, given, then, when
    from journeys.vocabulary.fact_words import fact_named


def _public_names() -> dict[str, str]:
    """``{name: module}`` from the ``TYPE_CHECKING`` block above: the one list of the public names."""
    tree = ast.parse(Path(__file__).read_text(encoding="utf-8"))
    block = next(n for n in tree.body if isinstance(n, ast.If) and ast.unparse(n.test) == "TYPE_CHECKING")
    return {
        alias.name: node.module
        for node in block.body
        if isinstance(node, ast.ImportFrom) and node.module
        for alias in node.names
    }


_WHERE = _public_names()
__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'journeys' has no attribute {name!r}")
    module = import_module(_WHERE[name])
    value = getattr(module, name, None)
    if value is None:  # a module of a package (``params``)
        value = import_module(f"{_WHERE[name]}.{name}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
