"""Why a customer's journey did not pass: one cause each, so a crowd's failures can be told apart.

A timeout under load, a mail that never came and a contradiction between two
touchpoints are different findings: a CX lead acts on the last, an operator
on the first. Each journey that did not pass gets exactly one cause, the most
telling one (``CAUSES`` is ranked by severity, privacy first):

- ``privacy leak``: she was shown another customer's data (the population rule, or ``kept_private``);
- ``contradiction``: two touchpoints told her different things (``agree``, ``channel_parity``...);
- ``broken promise``: a promise was not kept by its deadline;
- ``mail never came``: a mail she was to get did not arrive within the mail wait;
- ``system error``: the system answered with an error status, or stopped answering;
- ``too slow``: a request or a page took longer than its timeout (or ``answered_within``);
- ``rule broken``: another rule of the journey was not kept (asked twice, a fact not shown);
- ``harness error``: the harness could not carry a step out (a click that found nothing,
  a map out of date, a crash): the verdict says nothing about the system.

Plain functions on plain data (the walker's digest, an exception): usable in any process.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

__all__ = [
    "CAUSES",
    "SEVERE",
    "cause_of_error",
    "cause_of_violations",
    "group_errors",
    "kind_of_message",
    "one_cause",
]

CAUSES = (
    "privacy leak",
    "contradiction",
    "broken promise",
    "mail never came",
    "system error",
    "too slow",
    "rule broken",
    "harness error",
)
# Causes that are the system's fault (a CX lead's red); the others are amber (the run, not the system).
SEVERE = frozenset(CAUSES[:6])

_BY_RULE = {
    "kept_private": "privacy leak",
    "agree": "contradiction",
    "channel_parity": "contradiction",
    "known_at": "contradiction",
    "shows": "contradiction",
    "promise_kept": "broken promise",
    "due_promises": "broken promise",
    "answered_within": "too slow",
}
_STATUS = re.compile(r"\(HTTP (\d{3})\)|answered (\d{3})\b")
_WITHIN = re.compile(r"(?:within|binnen) (\d+(?:\.\d+)?) s")  # English and Dutch messages (journeys.messages)


def cause_of_violations(violations: list[dict[str, Any]]) -> tuple[str, str, str] | None:
    """(cause, detail, touchpoint) of the most severe violation in a digest's ``violations``, if any."""
    found = []
    for v in violations:
        if v.get("heading") == "NothingToCompare":
            cause = "harness error"  # nothing was compared: the journey checked nothing there
        else:
            cause = _BY_RULE.get(v["rule"], "rule broken")
        blamed = v.get("blamed") or v.get("touchpoints") or [""]
        found.append((CAUSES.index(cause), cause, f"{v['rule']}({v['fact']}): {v['title']}", blamed[0]))
    if not found:
        return None
    _, cause, detail, touchpoint = min(found, key=lambda f: f[0])
    return cause, detail, touchpoint


def cause_of_error(error: BaseException) -> tuple[str, str]:
    """(cause, detail) of a step error: what in its chain says why the step could not be done."""
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and len(chain) < 10:
        chain.append(current)
        current = current.__cause__ or current.__context__
    names = {type(e).__name__ for e in chain}
    text = " ".join(str(e) for e in chain)
    if "MailNotReceived" in names:
        within = _WITHIN.search(text)
        return "mail never came", f"no mail within {within.group(1)} s" if within else "no mail"
    if names & {"TimeoutException", "ReadTimeout", "WriteTimeout", "PoolTimeout", "TimeoutError", "Timeout"}:
        within = _WITHIN.search(text)
        return "too slow", f"no answer within {within.group(1)} s" if within else "no answer in time"
    if "SystemUnreachable" in names:
        return "system error", "the system did not answer (connection refused)"
    status = _STATUS.search(text)
    if status and int(status.group(1) or status.group(2)) >= 400:
        return "system error", f"HTTP {status.group(1) or status.group(2)}"
    inner = next((e for e in chain if type(e).__name__ != "StepFailed"), error)
    said = next((line.strip() for line in str(inner).splitlines() if line.strip()), "")
    return "harness error", f"{type(inner).__name__}: {said}"[:200]


def one_cause(walked: Any, leaked: bool = False) -> dict[str, str] | None:
    """The one cause of a walked journey (``Walked``) that did not pass, or was shown someone else's data.

    Its own cause (set where the error happened) unless the population rule found a leak shown to her.
    """
    if leaked:
        return {"cause": "privacy leak", "detail": "shown another customer's data", "touchpoint": ""}
    if walked.outcome == "passed":
        return None
    if walked.cause:
        return dict(walked.cause)
    if walked.outcome == "interrupted":
        return {"cause": "harness error", "detail": "interrupted (cut off or Ctrl-C)", "touchpoint": ""}
    return {"cause": "harness error", "detail": walked.error or "failed", "touchpoint": ""}


_EMAIL = re.compile(r"[\w.+-]+(?:@|%40)[\w-]+(?:\.[\w-]+)+")
_KEY = re.compile(r"\b[a-z]+(?:-[a-z]+)*-(?:\d+|[0-9a-f]{6,})\b")  # a customer's key: anna-3, jolijn-99c627e471
_QUERY = re.compile(r"\?[^\s)]*")
_STEP = re.compile(r"^StepFailed: \S+ \(.*?\): ")  # which scenario's which step: not what went wrong
_URL_TAIL = re.compile(r"(https?://[^\s/]+)?(/[^\s?)]*)")
_NUMBER = re.compile(r"(?<!answered )(?<!HTTP )\b[A-Z]*-?\d[\d.,:-]*\b")  # a status stays: it is the kind
_QUOTED = re.compile(r"'[^']*\d[^']*'")
_SENTENCE = re.compile(r"(?<=\.) (?=[A-Z])")  # "... at 127.0.0.1:2525. What did arrive": not "e.g. the"


def kind_of_message(message: str) -> str:
    """A message with what varies per customer taken out (names, e-mails, numbers, URLs' ids)."""
    text = _EMAIL.sub("<e-mail>", message)
    text = _KEY.sub("<customer>", text)
    text = _QUERY.sub("?…", text)
    text = _URL_TAIL.sub(lambda m: (m.group(1) or "") + re.sub(r"\d+", "<n>", m.group(2)), text)
    text = _QUOTED.sub("'<value>'", text)
    text = _NUMBER.sub("<n>", text)
    return " ".join(text.split())


def group_errors(messages: list[str], names: Sequence[str] = ()) -> list[dict[str, Any]]:
    """Messages grouped by kind, most common first: ``{kind, count, example}``.

    ``names``: the customers' names, taken out before grouping (a name is not a kind of error).
    """
    kinds: Counter[str] = Counter()
    example: dict[str, str] = {}
    for message in messages:
        text = message
        for name in names:
            if name:
                text = text.replace(name, "<name>")
        # The same error in another scenario is the same kind; its first sentence is what went wrong (what
        # follows, "What did arrive: ...", varies per customer and is cut at varying lengths).
        kind = kind_of_message(_SENTENCE.split(_STEP.sub("", text), maxsplit=1)[0])[:240]
        kinds[kind] += 1
        example.setdefault(kind, message)
    return [{"kind": k, "count": n, "example": example[k]} for k, n in kinds.most_common()]
