"""Ledger files as ``Journey.close`` writes them, made without a browser or a shop.

One web order journey (product, checkout, confirmation page, confirmation
mail, app, and the app again the next day to check the delivery promise),
recorded through the real ``Ledger`` API and rules so the files have the real
format. Options switch on what reports must draw: a stale mail total (the
``email-total-stale`` fault), a broken promise, a question asked twice, a
slow touchpoint, Dutch steps, an interrupted journey.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from journeys.core import rules
from journeys.core.effort import effort
from journeys.core.ledger import Ledger
from journeys.core.promise_records import PromiseCheck
from journeys.core.records import Provenance

START = datetime(2026, 11, 30, 15, 22, tzinfo=ZoneInfo("Europe/Amsterdam"))
FEATURE = {"en": "features/order/web_order.feature", "nl": "features/order/webbestelling.feature"}
STEPS = {
    "en": {
        "order": 'When she orders a "tablet-10" on the web shop',
        "mail": "And she reads the order confirmation email",
        "app": "And she looks the order up in the app",
        "later": "When the promised delivery day has passed",
        "agree": "Then every touchpoint agrees on the order total",
    },
    "nl": {
        "order": 'Als ze een "tablet-10" bestelt in de webwinkel',
        "mail": "En ze leest de bevestigingsmail",
        "app": "En ze zoekt de bestelling op in de app",
        "later": "Als de beloofde bezorgdag voorbij is",
        "agree": "Dan is elk contactpunt het eens over het totaalbedrag",
    },
}


def journey_dict(
    index: int = 0,
    *,
    lang: str = "en",
    stale_total: bool = False,
    promise_broken: bool = False,
    asked_again: bool = False,
    slow_seconds: float = 0.0,
    outcome: str | None = None,
    run: str = "reports/runs/20261130-152200-abcd",
    name: str | None = None,
) -> dict[str, Any]:
    """A ledger file's content (``journey``, ``outcome``, the ledger, ``effort``) for one customer."""
    key = f"anna-{index:06x}"
    steps = STEPS[lang]
    ledger = Ledger({"name": f"Anna {index}", "key": key, "segment": "family"}, 4711 + index, "refshop")

    def where(tp: str, step: str, line: int, minutes: float, *, shot: bool = True) -> Provenance:
        suffix = "png" if tp.split(".")[0] == "web" else ("eml" if tp.startswith("email") else "json")
        evidence = (f"{run}/evidence/{key}/{tp.split('.')[0]}-{line:02d}-{tp}.{suffix}",) if shot else ()
        channel = {"app": "api"}.get(tp.split(".")[0], tp.split(".")[0])
        return Provenance(
            tp, channel, steps[step], f"{FEATURE[lang]}:{line}", START + timedelta(minutes=minutes), evidence
        )

    def visit(tp: str, step: str, line: int, minutes: float, waited: float = 0.4) -> Provenance:
        here = where(tp, step, line, minutes)
        ledger.visited(tp, here.channel, here.seen_at, waited)
        return here

    visit("web.product", "order", 8, 0)
    checkout = visit("web.checkout", "order", 8, 0)
    ledger.asked("email", "web.checkout", checkout)
    ledger.gave("email", f"{key}@journeys.test", "web.checkout", checkout)
    page = visit("web.order_confirmation", "order", 8, 0)
    ledger.observe("order.number", "RS-10001", kind="order_ref", where=page)
    ledger.observe("order.total", "€ 329,00", kind="money", where=page)
    ledger.observe("delivery.date", "morgen", kind="date", where=page)
    due = (START + timedelta(days=1)).replace(hour=23, minute=59)
    check = PromiseCheck("app.order", "delivery.date", "not_after")
    ledger.promise("delivery.date", "morgen", kind="date", due=due, check=check, where=page)
    mail = visit("email.order_confirmation", "mail", 9, 1)
    ledger.observe("order.number", "RS-10001", kind="order_ref", where=mail)
    ledger.observe("order.total", "€ 349,00" if stale_total else "€ 329,00", kind="money", where=mail)
    app = visit("app.order", "app", 10, 2, waited=0.4 + slow_seconds)
    ledger.observe("order.total", "€ 329,00", kind="money", where=app)
    if asked_again:
        ledger.logged_in("app.order", app)  # the app knows her: asked as herself
        ledger.asked("email", "app.order", app)
    ledger.add(rules.agree(ledger, "order.total"))
    if asked_again:  # with nothing asked twice the rule has nothing to compare: not asked for here
        ledger.add(rules.not_asked_twice(ledger))
    later = visit("app.order", "later", 11, 60 * 33)
    shown = ledger.observe("delivery.date", "2026-12-03" if promise_broken else "2026-12-01", kind="date", where=later)
    ledger.add(rules.promise_kept(ledger.promises[0], shown, later.seen_at))
    verdict = outcome or ("failed" if ledger.violations else "passed")
    title = name or f"A tablet ordered on the web is confirmed the same way everywhere [{index}]"
    return {"journey": title, "outcome": verdict, **ledger.to_dict(), "effort": effort(ledger).to_dict()}


def write_run(folder: Path, journeys: list[dict[str, Any]], *, junit: bool = True) -> Path:
    """A run folder with one ``evidence/<customer>/ledger.json`` per journey (and a junit.xml)."""
    for data in journeys:
        key = data["customer"]["key"]
        target = folder / "evidence" / key / "ledger.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
    if junit:
        cases = "".join(
            f'<testcase classname="features.order" name="{d["journey"]}">'
            + ("<failure message='violations'/>" if d["outcome"] != "passed" else "")
            + "</testcase>"
            for d in journeys
        )
        (folder / "junit.xml").write_text(f"<testsuites><testsuite>{cases}</testsuite></testsuites>", encoding="utf-8")
    return folder
