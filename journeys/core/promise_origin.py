"""Where a promise was made, as a later run needs to name it and find it again.

The promise is the first thing a touchpoint committed to (the confirmation
page's date, not the app's later one): a later touchpoint that shows another
value contradicts the promise, it does not replace it. A stored promise
carries its system, the map and address to check it with, and what the
customer would quote (her order or case number).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from journeys.core.ledger import Ledger
from journeys.core.promise_records import Promise
from journeys.core.promise_store import Origin
from journeys.core.records import Observation
from journeys.values import show

__all__ = ["contradiction", "first_promised", "map_source", "promise_origin", "subject_of"]


def first_promised(ledger: Ledger, fact: str, about: str = "", touchpoint: str | None = None) -> Observation | None:
    """The first readable observation of ``fact`` that is not a product page's (else the first at all)."""
    seen = [o for o in ledger.observations_of(fact, about or None, touchpoint=touchpoint) if not o.product]
    return next((o for o in seen if o.value is not None), seen[0] if seen else None)


def contradiction(ledger: Ledger, promise: Promise) -> str:
    """What later touchpoints showed of the promised fact instead (``9 Dec 2026 at app.order``), or ''."""
    if promise.value is None:
        return ""
    seen = ledger.observations_of(promise.fact, promise.about or None)
    made = min((o.seq for o in seen if o.where == promise.where), default=0)
    later = [o for o in seen if o.seq > made and not o.product and o.value is not None and o.value != promise.value]
    said = dict.fromkeys(f"{show(o.kind, o.value)} at {o.where.touchpoint}" for o in later)
    return "; ".join(said)


def subject_of(memory: dict[str, str]) -> str:
    """What the customer would quote on the phone: ``order 100234``, ``case C-12``, or ''."""
    for key, word in (("order_number", "order"), ("case_number", "case"), ("return_number", "return")):
        if memory.get(key):
            return f"{word} {memory[key]}"
    return ""


def map_source(path: Path) -> str:
    """A map's path as a later run finds it: relative to here when under it, else absolute."""
    resolved = path.resolve()
    try:
        return str(resolved.relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(resolved)


def promise_origin(
    session: Any, system: str, memory: dict[str, str], contradicted: str, language: str = "en"
) -> Origin:
    """The origin of a promise made now in ``session`` on ``system`` (default: its main system), by a
    journey in ``language``."""
    part = session.part(system or None)
    embedded = getattr(part, "embedded", None) is not None
    return Origin(
        system=part.map.system,
        run_id=Path(session.reports_dir).name,
        map_source=map_source(Path(part.map.path)),
        base_url="" if embedded else str(part.base_url),
        subject=subject_of(memory),
        contradiction=contradicted,
        language=language,
    )
