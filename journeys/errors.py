"""Everything journeys raises, in one tree.

::

    JourneysError                     base of every error below
     ├── ConfigError                  a setting or map entry is wrong (file, line, key)
     ├── RuleConfigError              a rule was pointed at a fact it cannot check (rule, fact)
     ├── FeatureFileError             a .feature file cannot be read (file:line in the message)
     ├── StepError                    a Gherkin step cannot be carried out as written
     ├── SystemUnreachable            the system under test did not answer or start (url)
     ├── MailNotReceived              an expected mail did not arrive in time (address, touchpoint)
     ├── Unreadable                   raw text is not a value of its kind (kind, raw);
     │                                defined in ``journeys.values``, caught by the ledger
     └── JourneyFailed                the journey broke consistency rules (violations);
                                      also an ``AssertionError`` so pytest reports it as a failure

Configuration errors (``ConfigError``, ``RuleConfigError``) are raised at once:
they are mistakes in the test, not findings about the system. Findings about
the system are collected as violations and raised together, once, as
``JourneyFailed`` at the end of a journey.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journeys.rules.violation import Violation

__all__ = [
    "ConfigError",
    "FeatureFileError",
    "JourneyFailed",
    "JourneysError",
    "MailNotReceived",
    "RuleConfigError",
    "StepError",
    "SystemUnreachable",
]


class JourneysError(Exception):
    """Base class of every error journeys raises."""


class ConfigError(JourneysError):
    """A configuration value is wrong: says which file, line and key, and what to do.

    Args:
        message: what is wrong and what to do about it.
        file: the file the setting came from, when known.
        line: its line number, when known.
        key: the setting's name (``touchpoints.web.checkout.url``, ``promise_store``).
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        key: str | None = None,
    ) -> None:
        self.file = file
        self.line = line
        self.key = key
        where = file if file else ""
        if file and line:
            where = f"{file}:{line}"
        prefix = f"{where}: " if where else ""
        if key:
            prefix += f"{key}: "
        super().__init__(prefix + message)


class RuleConfigError(JourneysError):
    """A rule was asked to check a fact it cannot check (a test mistake, not a finding).

    Args:
        rule: the rule's name (``agree``, ``channel_parity``...).
        fact: the fact it was pointed at.
        message: why it cannot, and what to do.
    """

    def __init__(self, rule: str, fact: str, message: str) -> None:
        self.rule = rule
        self.fact = fact
        super().__init__(f"{rule}({fact}): {message}")


class FeatureFileError(JourneysError):
    """A feature file cannot be parsed; the message starts with ``file:line``."""


class StepError(JourneysError):
    """A Gherkin step cannot be carried out as written (unknown fact, wrong order...)."""


class SystemUnreachable(JourneysError):
    """The system under test did not start or does not answer.

    Args:
        message: what was tried and what happened.
        url: the address that did not answer, when there is one.
    """

    def __init__(self, message: str, *, url: str | None = None) -> None:
        self.url = url
        super().__init__(message)


class MailNotReceived(JourneysError):
    """An expected mail did not arrive within its timeout.

    Args:
        message: which mail was awaited, where and for how long.
        address: the mailbox it was expected in.
        touchpoint: the touchpoint (``email.order_confirmation``).
    """

    def __init__(self, message: str, *, address: str | None = None, touchpoint: str | None = None) -> None:
        self.address = address
        self.touchpoint = touchpoint
        super().__init__(message)


class JourneyFailed(JourneysError, AssertionError):
    """The journey found violations: all of them, rendered one after another.

    Args:
        violations: every violation the journey's rules found.
    """

    def __init__(self, violations: Sequence[Violation]) -> None:
        self.violations = list(violations)
        count = len(self.violations)
        header = f"{count} violation{'s' if count != 1 else ''} in this journey"
        body = "\n\n".join(v.render() for v in self.violations)
        super().__init__(f"{header}:\n\n{body}" if body else header)
