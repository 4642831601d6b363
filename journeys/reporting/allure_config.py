"""What journeys tells Allure beyond the results: its categories, the run's environment, the trend per journey.

Categories sort what failed into what a CX lead and a QA engineer act on.
Product defects (the result *failed*): a privacy leak, a contradiction, a
broken promise, a mail that never came, a system slow or down, a fact not
shown, a question asked again. Test errors (*broken*): the journeys'
configuration, and the harness. Allure 3 reads them from the ``categories``
of its configuration (``allurerc.json``, written by ``allure_cli.generate``),
Allure 2 from ``categories.json`` in the results: both get the same list.
The regular expressions work in both (Java matches the whole message, so
each is wrapped in ``[\\s\\S]*``; JavaScript has no ``(?s)``).

A mail that never came or a system that did not answer is the product's
defect, though the step raised an error rather than an assertion: its
result is turned from *broken* to *failed* (``product_defect``).

No allure import here: ``allure_report`` and ``allure_cli`` use it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

__all__ = ["CATEGORIES", "allure3_categories", "mark_trend", "product_defect", "write_categories", "write_environment"]

# (name, status, the headings and error kinds that put a result in it); the first that matches wins.
_PRODUCT = "failed"
_TEST = "broken"
_KINDS: list[tuple[str, str, tuple[str, ...]]] = [
    ("Privacy leak", _PRODUCT, ("PrivacyBreach", "UnprotectedPage", "NotRefused")),
    ("Contradiction", _PRODUCT, ("InconsistentFact", "ChannelMismatch", "UnexpectedFact")),
    ("Broken promise", _PRODUCT, ("BrokenPromise",)),
    ("Mail never came", _PRODUCT, ("MailNotReceived",)),
    ("System slow or down", _PRODUCT, ("SlowTouchpoint", "SystemUnreachable", "TimeoutError")),
    ("Not shown", _PRODUCT, ("MissingFact", "Missing", "NotKnown", "UnreadableFact", "NothingToCompare")),
    ("Asked again", _PRODUCT, ("AskedTwice",)),
    ("Irrelevant offer", _PRODUCT, ("IrrelevantOffer",)),
    ("Configuration error", _TEST, ("ConfigError", "RuleConfigError", "FeatureFileError")),
    ("Harness error", _TEST, ()),
]
# Raised, not asserted, yet the customer's experience: a product defect.
_PRODUCT_ERRORS = re.compile(r"\b(MailNotReceived|SystemUnreachable|TimeoutError):")


def _regex(kinds: tuple[str, ...]) -> str:
    return rf"[\s\S]*\b({'|'.join(kinds)})\b[\s\S]*"


CATEGORIES: list[dict[str, Any]] = [
    {"name": name, "matchedStatuses": [status], **({"messageRegex": _regex(kinds)} if kinds else {})}
    for name, status, kinds in _KINDS
]


# The categories' names for Dutch journeys (Allure 3's configuration is written per report).
_DUTCH = {
    "Privacy leak": "Privacylek",
    "Contradiction": "Tegenstrijdigheid",
    "Broken promise": "Gebroken belofte",
    "Mail never came": "Mail kwam nooit",
    "System slow or down": "Systeem traag of onbereikbaar",
    "Not shown": "Niet getoond",
    "Asked again": "Opnieuw gevraagd",
    "Irrelevant offer": "Aanbod dat niet past",
    "Configuration error": "Fout in de configuratie",
    "Harness error": "Fout in de testopzet",
}


def allure3_categories(language: str = "en") -> dict[str, Any]:
    """The ``categories`` of Allure 3's configuration: the same rules in its own form, named in ``language``."""
    rules = []
    for name, status, kinds in _KINDS:
        matchers: dict[str, Any] = {"statuses": [status]}
        if kinds:
            matchers["message"] = _regex(kinds)
        shown = _DUTCH[name] if language == "nl" else name
        rules.append({"id": name.lower().replace(" ", "-"), "name": shown, "matchers": matchers})
    return {"rules": rules}


def product_defect(message: str | None) -> bool:
    """Whether an error message tells of the product's defect (a mail that never came, a system down)."""
    return bool(message and _PRODUCT_ERRORS.search(message))


def mark_trend(results: Path, trend: Mapping[str, str], words: Mapping[str, str]) -> int:
    """Label each journey's Allure result with what the trend says of it (``failing again``...).

    ``words`` names each trend kind (``again`` -> ``failing again``). Returns how many results were marked.
    """
    marked = 0
    for path in sorted(Path(results).glob("*-result.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue  # named by allure_cli.unreadable_results when the report is built
        kind = trend.get(str(data.get("name", ""))) if isinstance(data, dict) else None
        if not kind:
            continue
        ours = set(words.values())
        labels = [
            label
            for label in data.get("labels", [])
            if label.get("name") != "journeys_trend" and not (label.get("name") == "tag" and label.get("value") in ours)
        ]
        labels += [{"name": "tag", "value": words.get(kind, kind)}, {"name": "journeys_trend", "value": kind}]
        data["labels"] = labels
        if kind == "flaky":  # Allure's own flaky mark, which its filters and categories read
            data["statusDetails"] = {**(data.get("statusDetails") or {}), "flaky": True}
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        marked += 1
    return marked


def write_categories(results_dir: Path) -> Path:
    """``categories.json`` in the Allure results, for Allure 2 (Allure 3 reads ``allure3_categories``)."""
    target = Path(results_dir) / "categories.json"
    target.write_text(json.dumps(CATEGORIES, indent=2), encoding="utf-8")
    return target


def write_environment(results_dir: Path, environment: Mapping[str, str]) -> Path:
    """``environment.properties`` in the Allure results: the system, its URL, seed, faults, versions."""
    target = Path(results_dir) / "environment.properties"
    lines = [f"{key.replace(' ', '.')}={_property(str(value))}" for key, value in environment.items()]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def _property(value: str) -> str:
    # Java properties: backslashes and line breaks escaped; non-ASCII as \\uXXXX.
    escaped = value.replace("\\", "\\\\").replace("\n", "\\n")
    return escaped.encode("ascii", "backslashreplace").decode("ascii").replace("\\x", "\\u00")
