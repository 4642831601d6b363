"""A population rule: nobody is shown another customer's data, and nothing of hers is told to another.

One journey cannot see this: it needs every ledger of the run. Privacy is by
ownership. Every datum the system tells a customer about herself (an order
number, her name, her address, her e-mail address, a case or return number:
a fact of kind ``order_ref``, ``address`` or ``email``, one whose name ends
in ``number``, ``email``, ``address``, ``reference``, or her name as
``customer.name``) is hers: the customer it
was made for. So is what she gave (her name, e-mail and street). A leak is

- a datum told to two customers, each as her own (an order number handed out
  twice): named with both customers and where each was told it; or
- any text a touchpoint showed her that holds a datum another customer owns:
  named with both customers, the datum and the touchpoint.

What the agent console shows is shown to the agent, not to her: it is not
read here. Names and streets that two synthetic customers happen to share
prove nothing and are left out (Faker can make two "Jan de Vries"), and so
is a value one fact tells every customer alike (the company's own e-mail
address is nobody's).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

__all__ = ["check", "check_ledgers", "personal"]

_WORD = re.compile(r"[\w@.+-]+", re.UNICODE)
_LONGEST = 6  # words in the longest name or street address looked for
_KINDS = {"order_ref": "order number", "address": "address", "email": "e-mail"}
_PERSONAL = re.compile(r"(?:^|[._])(number|email|e_mail|address|reference)$")
_HER_NAME = re.compile(r"(?:^|[._])(?:customer|recipient|contact|account)[._]name$")  # not a product's name
_NOT_HERS = ("agent",)  # channels whose pages staff see, not the customer
_SHARED_BY_CHANCE = ("name", "address")  # Faker may give two customers the same


def personal(fact: str, kind: str) -> str | None:
    """What a datum of ``fact`` (of ``kind``) is, in words, when it belongs to a customer; else None."""
    if kind in _KINDS:
        return _KINDS[kind]
    if _HER_NAME.search(fact):
        return "name"
    found = _PERSONAL.search(fact)
    if not found:
        return None
    words = {"email": "e-mail", "e_mail": "e-mail", "address": "address", "reference": "reference"}
    return fact.replace("_", " ").replace(".", " ") if found.group(1) == "number" else words[found.group(1)]


def check(digests: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every leak across the customers' ledger digests (``walker.digest``), one dict each."""
    people = [d for d in digests if d.get("customer", {}).get("key")]
    owners: dict[str, defaultdict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for d in people:
        me, key = d["customer"], d["customer"]["key"]
        for what, field in (("e-mail", "email"), ("name", "name"), ("address", "street")):
            owners[what][_norm(me.get(field))].add(key)
    shared = {value for what in _SHARED_BY_CHANCE for value, keys in owners[what].items() if len(keys) > 1}
    told, said = _told(people)
    leaks: list[dict[str, Any]] = []
    for (what, value), by in told.items():
        everyone = {**{k: "(gave it)" for k in owners[what].get(value, ())}, **by}  # who gave it, who was told it
        owners[what][value] |= set(by)
        if len(everyone) > 1 and not (what in _SHARED_BY_CHANCE and any(s and s in value for s in shared)):
            customers = sorted(everyone)
            leaks.append(
                {
                    "what": what,
                    "value": said.get((what, value), value),
                    "customers": customers,
                    "touchpoints": [everyone[k] for k in customers],
                    "touchpoint": by[max(by)],
                }
            )
    for d in people:
        key = d["customer"]["key"]
        for touchpoint, fact, raw, *rest in d.get("shown", []):
            if rest and rest[-1] in _NOT_HERS:
                continue
            for what, value, owner in _found(_text(raw), owners):
                if key not in owner:
                    leaks.append(
                        {
                            "what": what,
                            "value": value,
                            "customer": key,
                            "owner": sorted(owner)[0],
                            "touchpoint": touchpoint,
                            "fact": fact,
                        }
                    )
    return leaks


def _told(people: list[dict[str, Any]]) -> tuple[dict[tuple[str, str], dict[str, str]], dict[tuple[str, str], str]]:
    """(what, value) -> {customer: the first touchpoint that told her it as hers}; and each as it was shown."""
    told: defaultdict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    said: dict[tuple[str, str], str] = {}
    mine = [
        (d["customer"]["key"], touchpoint, fact, what, _norm(value), str(value))
        for d in people
        for touchpoint, fact, raw, *rest in d.get("shown", [])
        if not (len(rest) > 1 and rest[1] in _NOT_HERS)
        for what in [personal(fact, rest[0] if rest else "")]
        if what is not None
        for value in (raw if isinstance(raw, list) else [raw])
        if _norm(value)
    ]
    values: defaultdict[str, set[str]] = defaultdict(set)
    told_to: defaultdict[str, set[str]] = defaultdict(set)
    for key, _, fact, _, value, _ in mine:
        values[fact].add(value)
        told_to[fact].add(key)
    # One value told to every customer (three or more) is the company's, not hers: its service e-mail address.
    constant = {fact for fact, seen in values.items() if len(seen) == 1 and len(told_to[fact]) >= 3}
    for key, touchpoint, fact, what, value, raw in mine:
        if fact not in constant:
            told[(what, value)].setdefault(key, touchpoint)
            said.setdefault((what, value), raw)
    for d in people:
        for what, value in d.get("given", []):
            if what == "order_number" and _norm(value):  # a number she was given and gave back
                told[("order number", _norm(value))].setdefault(d["customer"]["key"], "(given back)")
                said.setdefault(("order number", _norm(value)), str(value))
    return told, said


def _found(text: str, owners: dict[str, defaultdict[str, set[str]]]) -> Iterable[tuple[str, str, set[str]]]:
    """(what, value, owners) for every owned datum in ``text``."""
    words = [w.strip(".,;:") for w in _WORD.findall(text)]
    seen: set[tuple[str, str]] = set()
    for size in range(1, _LONGEST + 1):
        for start in range(len(words) - size + 1):
            phrase = _norm(" ".join(words[start : start + size]))
            for what, index in owners.items():
                owner = index.get(phrase)
                if not owner or (what in _SHARED_BY_CHANCE and len(owner) > 1):
                    continue  # a shared name or street proves nothing
                if (what, phrase) not in seen:
                    seen.add((what, phrase))
                    yield what, phrase, owner


def _text(raw: Any) -> str:
    return " ".join(str(r) for r in raw) if isinstance(raw, list) else str(raw)


def _norm(value: Any) -> str:
    return " ".join(str(value or "").casefold().split())


def check_ledgers(folder: str | Path) -> list[dict[str, Any]]:
    """The same rule over the ``ledger.json`` files under ``folder`` (a run's evidence folder)."""
    from journeys.population.walker import digest

    digests = []
    for path in sorted(Path(folder).rglob("ledger.json")):
        digests.append(digest(json.loads(path.read_text(encoding="utf-8"))))
    return check(digests)
