"""A population rule: no customer was shown another customer's name, e-mail, address or order.

One journey cannot see this: it needs every ledger of the run. A customer's
own data is what she gave (her name, e-mail, address, the order numbers she
was given and then gave back); a leak is any text a touchpoint showed her
that holds another customer's e-mail address, name, street address or order
number, or an order number two customers were both told is theirs.

Names and addresses that two synthetic customers happen to share prove
nothing and are left out (Faker can make two "Jan de Vries").
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

__all__ = ["check", "check_ledgers"]

_WORD = re.compile(r"[\w@.+-]+", re.UNICODE)
_LONGEST = 6  # words in the longest name or street address looked for


def check(digests: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every leak across the customers' ledger digests (``walker.digest``), one dict each."""
    people = [d for d in digests if d.get("customer", {}).get("key")]
    owners: dict[str, defaultdict[str, set[str]]] = {
        what: defaultdict(set) for what in ("e-mail", "name", "address", "order number")
    }
    for d in people:
        me = d["customer"]
        key = me["key"]
        owners["e-mail"][_norm(me.get("email"))].add(key)
        owners["name"][_norm(me.get("name"))].add(key)
        owners["address"][_norm(me.get("street"))].add(key)
        for what, value in d.get("given", []):
            if what == "order_number":
                owners["order number"][_norm(value)].add(key)
    leaks: list[dict[str, Any]] = []
    for number, keys in owners["order number"].items():
        if len(keys) > 1:
            leaks.append({"what": "order number", "value": number.upper(), "customers": sorted(keys)})
    for d in people:
        key = d["customer"]["key"]
        for touchpoint, fact, raw in d.get("shown", []):
            for what, _value, owner in _found(str(raw), owners):
                if key not in owner:
                    leaks.append(
                        {
                            "what": what,
                            "value": raw,
                            "customer": key,
                            "owner": sorted(owner)[0],
                            "touchpoint": touchpoint,
                            "fact": fact,
                        }
                    )
    return leaks


def _found(text: str, owners: dict[str, defaultdict[str, set[str]]]) -> Iterable[tuple[str, str, set[str]]]:
    """(what, value, owners) for every known e-mail, name, address or order number in ``text``."""
    words = [w.strip(".,;:") for w in _WORD.findall(text)]
    seen: set[tuple[str, str]] = set()
    for size in range(1, _LONGEST + 1):
        for start in range(len(words) - size + 1):
            phrase = _norm(" ".join(words[start : start + size]))
            for what, index in owners.items():
                owner = index.get(phrase)
                if owner is None or (what in ("name", "address") and len(owner) > 1):
                    continue  # a shared name or street proves nothing
                if (what, phrase) not in seen:
                    seen.add((what, phrase))
                    yield what, phrase, owner


def _norm(value: Any) -> str:
    return " ".join(str(value or "").casefold().split())


def check_ledgers(folder: str | Path) -> list[dict[str, Any]]:
    """The same rule over the ``ledger.json`` files under ``folder`` (a run's evidence folder)."""
    from journeys.population.walker import digest

    digests = []
    for path in sorted(Path(folder).rglob("ledger.json")):
        digests.append(digest(json.loads(path.read_text(encoding="utf-8"))))
    return check(digests)
