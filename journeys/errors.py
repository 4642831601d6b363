"""Everything journeys raises, in one tree.

::

    JourneysError                     base of every error below, and of every exception journeys defines
     ├── ConfigError                  a setting or map entry is wrong (file, line, key)
     │    └── SettingError            a setting's variable of the wrong kind (settings): exit status 4
     ├── RuleConfigError              a rule was pointed at a fact it cannot check (rule, fact)
     ├── FeatureFileError             a .feature file cannot be read (file:line in the message)
     ├── StepError                    a Gherkin step cannot be carried out as written
     ├── SystemUnreachable            the system under test did not answer or start (url)
     ├── MailNotReceived              an expected mail did not arrive in time (address, touchpoint)
     ├── ChannelError                 a channel could not do what was asked (navigate, click, fill, call):
     │    │                           drivers raise it instead of Playwright's, smtplib's or httpx's errors
     │    └── BrowserMissing          no browser to drive (the message says how to install one)
     ├── UserCodeError                a user's task or step function raised (what, error, file:line);
     │                                built by ``journeys.systems.user_code.user_error``, traceback in evidence
     ├── Unreadable                   raw text is not a value of its kind (kind, raw);
     │                                defined in ``journeys.values``, caught by the ledger
     ├── StepFailed                   a step's error, told with the step's feature:line and text
     ├── JourneyInterrupted           Ctrl-C stopped the journey between two steps
     ├── JourneyFailed                the journey broke consistency rules (violations);
     │                                also an ``AssertionError`` so pytest reports it as a failure
     │
     │   Raised by the commands (``journeys simulate``, ``report``...), defined beside their use:
     ├── UsageError                   a command line that cannot be used (command_line): exit status 4;
     │                                also click's ``UsageError``
     ├── MixError                     a scenario mix cannot be read (population.mix)
     ├── ThresholdError               a threshold cannot be read (population.thresholds)
     ├── RunNotStarted                a population run could not start (population.launch)
     ├── WorkersNotReady              Locust workers did not come up (population.workforce)
     ├── BrowserPoolError             a browser process could not be started (population.browsers)
     ├── BrowserCustomerFailed        a customer in a browser process failed (population.browsers)
     ├── CustomerLost                 a customer lost with the worker walking her (population.plan)
     ├── Failure                      a touchpoint's failure as Locust shows it (population.engine)
     ├── Closed                       a browser process's socket closed (population.browser_process);
     │                                also a ``ConnectionError``
     ├── AllureUnavailable            no Allure command line (reporting.allure_cli); also a ``RuntimeError``
     └── LedgerUnreadable             a ledger file cannot be read (reporting.ledgers); also a ``ValueError``

    JourneysWarning                   base of journeys' warnings (a ``UserWarning``)
     └── RetiredPhrasing              a step written in an older phrasing (gherkin.runner)

Configuration errors (``ConfigError``, ``RuleConfigError``) are raised at once:
they are mistakes in the test, not findings about the system. Findings about
the system are collected as violations and raised together, once, as
``JourneyFailed`` at the end of a journey.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol


class _Violation(Protocol):
    """What ``JourneyFailed`` needs of a violation (``journeys.core.rules.violation.Violation``)."""

    def render(self) -> str: ...


__all__ = [
    "BrowserMissing",
    "ChannelError",
    "ConfigError",
    "FeatureFileError",
    "JourneyFailed",
    "JourneyInterrupted",
    "JourneysError",
    "JourneysWarning",
    "MailNotReceived",
    "RuleConfigError",
    "StepError",
    "StepFailed",
    "SystemUnreachable",
    "UserCodeError",
]


class JourneysError(Exception):
    """Base class of every error journeys raises."""


class JourneysWarning(UserWarning):
    """Base class of every warning journeys gives (``-W error::journeys.errors.JourneysWarning``)."""


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


class ChannelError(JourneysError):
    """A channel could not do what was asked: navigate, click, fill, call.

    Drivers catch the tool's own errors (Playwright, smtplib, imaplib, httpx)
    and raise this instead, with the customer, the touchpoint and the URL in
    the message, so nothing above a driver has to know which tool was used.
    """


class BrowserMissing(ChannelError):
    """No browser found for Playwright to drive; the message says how to install one."""


class UserCodeError(JourneysError):
    """Code the user wrote (a task, a custom step) raised something that is not ours.

    The message is the whole story in a few lines: the feature line and step,
    which task or step raised what, and the line of the user's file it came
    from. The full traceback is in an evidence file, named by ``traceback``.
    Build one with ``journeys.systems.user_code.user_error``; the original exception
    is its ``__cause__``.

    Args:
        message: the rendered message (see ``user_error``).
        what: what raised, as the user knows it (``task 'place order'``, ``step '...'``).
        error_type: the original exception's class name (``KeyError``).
        error_message: the original exception's message, secrets masked.
        file: the user's file it came from, relative to the working folder when inside it.
        line: the line number in ``file``.
        source: that line's text, stripped.
        traceback: the evidence file holding the full traceback, when one was written.
        step_text: the Gherkin step being run (``When she orders ...``), when known.
        location: where that step is written (``features/order.feature:8``), when known.
    """

    # Every argument but the message has a default, so the error pickles (its
    # attributes come back through ``__dict__``) for reports made in other processes.
    def __init__(
        self,
        message: str,
        *,
        what: str = "",
        error_type: str = "",
        error_message: str = "",
        file: str | None = None,
        line: int | None = None,
        source: str | None = None,
        traceback: str | None = None,
        step_text: str | None = None,
        location: str | None = None,
    ) -> None:
        self.what = what
        self.error_type = error_type
        self.error_message = error_message
        self.file = file
        self.line = line
        self.source = source
        self.traceback = traceback
        self.step_text = step_text
        self.location = location
        super().__init__(message)


class StepFailed(JourneysError):
    """The error of one step, told as ``feature:line (step):`` then ``Type: message``.

    Args:
        error: what the step raised (kept as ``__cause__`` too).
        location: ``features/x.feature:12``.
        step: the step as written (``When she orders ...``).
    """

    def __init__(self, error: BaseException, location: str, step: str) -> None:
        self.error = error
        self.location = location
        self.step = step
        super().__init__(f"{location} ({step}):\n{type(error).__name__}: {error}")
        self.__cause__ = error

    def __reduce__(self) -> tuple[object, ...]:
        return (StepFailed, (self.error, self.location, self.step))


class JourneyInterrupted(JourneysError):
    """Ctrl-C stopped the journey: it neither passed nor failed (the run exits 2)."""


class JourneyFailed(JourneysError, AssertionError):
    """The journey found violations: all of them, rendered one after another.

    Args:
        violations: every violation the journey's rules found.
        cause: the step error that stopped the journey, when one did: it is
            told first, the violations found before it follow.
    """

    def __init__(self, violations: Sequence[_Violation], *, cause: BaseException | None = None) -> None:
        from journeys.messages import language_of, say, spoken

        self.violations = list(violations)
        self.cause = cause
        count = len(self.violations)
        # Told in the journey's language, which its violations remember (a report renders them later).
        language = language_of(getattr(self.violations[0], "language", "en")) if self.violations else spoken()
        header = say("failed.one" if count == 1 else "failed.many", language, count=count)
        body = "\n\n".join(v.render() for v in self.violations)
        text = f"{header}:\n\n{body}" if body else header
        if cause is not None:
            text = f"{type(cause).__name__}: {cause}\n\n" + say("failed.before", language, text=text)
        super().__init__(text)

    def __reduce__(self) -> tuple[object, ...]:  # xdist sends errors between processes
        return (_journey_failed, (self.violations, self.cause))


def _journey_failed(violations: Sequence[_Violation], cause: BaseException | None) -> JourneyFailed:
    return JourneyFailed(violations, cause=cause)
