"""The journey map: one self-contained HTML page a person opens from disk.

Per journey one swimlane per channel, the touchpoints in the order the
customer met them with the simulated clock time, the facts each showed,
thumbnails of the screenshots (linked, not inlined: the page stays small),
red lines between touchpoints that disagree with both values, promises from
when they were made to their deadline, the effort score, its parts and its
curve; above them an overview of every journey, touchpoint and fact.

Python lays the journeys out (``timeline``) into JSON data; the page's own
script draws them, one journey at a time, so 500 journeys stay a page that
opens quickly. No network: the CSS and script are inlined from
``templates/journey_map.html``.

A lane is named as a feature's writer names the channel ("in the app", "the
mail", "in the store", "on the phone"): by the first word of the
touchpoint's name where it is such a word (``app.order`` is the app, though
the harness reads it over HTTP as ``api``), else by its channel. A mail that
never came left no observation on the ledger, only the step's error:
``MailNotReceived: ... at email.shipping_notice: ... within 30 s``. The map
draws it as a missing box in the mail lane with how long she waited (the
summary and Allure read lanes and missing mails here too).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote

from journeys.core.rules.odd import split
from journeys.messages import speaking
from journeys.reporting import timeline
from journeys.reporting.allure_links import LinkedPaths
from journeys.reporting.ledgers import JourneyRecord, RunResults
from journeys.reporting.report_words import TREND_KINDS, clock, words

__all__ = [
    "MAP_FILE",
    "MissingMail",
    "PageExtras",
    "journey_data",
    "lane",
    "missing_mail",
    "page_data",
    "relative",
    "render",
    "write_map",
]

MAP_FILE = "journey-map.html"
_IMAGES = (".png", ".jpg", ".jpeg", ".webp", ".gif")
_PARTS = ("touchpoints", "channel_switches", "repeated_questions", "waiting_seconds", "broken_promises")


@dataclass
class PageExtras:
    """What the page says beyond the ledgers: trend per journey name, gate findings."""

    trend: dict[str, str] = field(default_factory=dict)  # journey name -> started / again / stopped / flaky
    gate: list[str] = field(default_factory=list)
    report_url: str = ""  # where CI publishes the run folder (--report-url): paths in errors shown under it


def write_map(results: RunResults, extras: PageExtras | None = None, *, language: str | None = None) -> Path:
    """Write ``journey-map.html`` into the run folder; returns its path."""
    target = results.folder / MAP_FILE
    target.write_text(render(page_data(results, extras, language=language)), encoding="utf-8")
    return target


def render(data: dict[str, Any]) -> str:
    """The page: the template with the data in it (``<`` escaped, so no text can close the script)."""
    template = resources.files("journeys.reporting").joinpath("templates/journey_map.html").read_text("utf-8")
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    title = f"{data['words']['title']} · {data['run']}".replace("&", "&amp;").replace("<", "&lt;")
    return (
        template.replace("__LANG__", data["lang"])
        .replace("__TITLE__", title)
        .replace("__NOSCRIPT__", data["words"]["noscript"])
        .replace("__DATA__", payload)
    )


def page_data(results: RunResults, extras: PageExtras | None = None, *, language: str | None = None) -> dict[str, Any]:
    """Everything the page draws, as JSON-ready data."""
    extras = extras or PageExtras()
    lang = language or results.language
    with speaking(lang):  # the values' words too: a date's weekday
        journeys = [journey_data(i, record, lang) for i, record in enumerate(results.journeys)]
    said = {case.name: case.text or case.message for case in results.testcases if case.status in ("failed", "error")}
    for item in journeys:
        item["trend"] = extras.trend.get(item["name"], "")
        # The step that could not be carried out; violations are drawn and listed already.
        stopped = item["outcome"] != "passed" and not item["violations"]
        base = extras.report_url
        item["error"] = relative(said.get(item["name"], ""), results.folder, base=base) if stopped else ""
        item["violations"] = [relative(text, results.folder, base=base) for text in item["violations"]]
        for stop in item["stops"]:  # why a fact was not read names the screenshot and the map's line
            stop["facts"] = [
                [f[0], relative(f[1], results.folder, base=base) if f[3] else f[1], *f[2:]] for f in stop["facts"]
            ]
        _draw_missing_mail(item)
    outcomes = [record.outcome for record in results.journeys]
    outcomes += ["failed"] * len(results.failed_without_ledger())  # unreadable files count as failures too
    counts = {o: outcomes.count(o) for o in ("passed", "failed", "interrupted", "unknown") if o in outcomes}
    trend = {kind: sorted(n for n, k in extras.trend.items() if k == kind) for kind in TREND_KINDS}
    return {
        "lang": lang,
        "words": words(lang),
        "run": results.run_id,
        "counts": counts,
        "problems": results.problems,
        "notFinished": results.not_finished(),
        "trend": trend,
        "gate": extras.gate,
        "columns": _columns(journeys),
        "journeys": journeys,
    }


def journey_data(index: int, record: JourneyRecord, lang: str) -> dict[str, Any]:
    """One journey laid out: stops, red lines, marks, promise spans, effort and its curve."""
    ledger = record.ledger
    stops, at_seq = timeline.stops(ledger)
    lines, marks = timeline.conflicts(ledger, at_seq)
    # Red is for the odd ones out only: the value most touchpoints told stays neutral.
    flagged = {seq for violation in ledger.violations for seq in split(violation).odd_seqs}
    lanes = list(dict.fromkeys(lane(stop.touchpoint, stop.channel) for stop in stops))
    return {
        "id": index,
        "name": record.name,
        "outcome": record.outcome,
        "customer": str(ledger.customer.get("name", record.key)),
        "segment": str(ledger.customer.get("segment", "")),
        "location": record.location,
        "channels": lanes,
        "stops": [_stop(stop, flagged, lang) for stop in stops],
        "lines": [
            {"h": c.heading, "fact": c.fact, "title": c.title, "a": c.a, "b": c.b, "av": c.a_value, "bv": c.b_value}
            for c in lines
        ],
        "marks": [[stop, heading] for stop, heading in dict.fromkeys(marks)],
        "promises": [
            {
                "fact": span.fact,
                "raw": span.raw,
                "made": span.made,
                "due": clock(span.due, lang),
                "dueStop": span.due_stop,
                "status": span.status,
                "verdict": span.verdict,
            }
            for span in timeline.promise_spans(ledger, stops, at_seq)
        ],
        "effort": {part: record.effort.get(part, 0) for part in ("score", *_PARTS)},
        "curve": timeline.effort_curve(ledger, stops),
        "violations": [v.render() for v in ledger.violations],
    }


def _stop(stop: timeline.Stop, flagged: set[int], lang: str) -> dict[str, Any]:
    hrefs = [_href(path) for path in stop.evidence]
    return {
        "tp": stop.touchpoint,
        "ch": lane(stop.touchpoint, stop.channel),
        "at": clock(stop.seen_at, lang),
        "step": stop.step or "",
        "loc": stop.location or "",
        "wait": round(stop.waited, 2),
        # [fact, what she saw (or why it was not read), odd one out, not read]
        "facts": [
            [o.fact, timeline.shown(o), int(o.seq in flagged), int(o.problem is not None)] for o in stop.observations
        ],
        "asked": stop.asked,
        "gave": stop.gave,
        "login": ["in" if logged_in else "out" for logged_in in stop.logins],
        "shots": [h for h in hrefs if h.lower().endswith(_IMAGES)],
        "files": [h for h in hrefs if not h.lower().endswith(_IMAGES)],
    }


def _draw_missing_mail(item: dict[str, Any]) -> None:
    """A mail the step's error says never came: a missing box in the mail lane, with how long she waited."""
    mail = missing_mail(item["error"])
    if mail is None:
        return
    found = next((s for s in reversed(item["stops"]) if s["tp"] == mail.touchpoint and not s["facts"]), None)
    if found is None:
        at = item["stops"][-1]["at"] if item["stops"] else ""
        found = {"tp": mail.touchpoint, "ch": lane(mail.touchpoint, "email"), "at": at, "step": "", "loc": ""}
        found.update({"wait": 0, "facts": [], "asked": [], "gave": [], "login": [], "shots": [], "files": []})
        item["stops"].append(found)
        item["curve"].append(item["curve"][-1] if item["curve"] else 0)
    found["missing"] = True
    found["wait"] = mail.waited if mail.waited is not None else found["wait"]
    if found["ch"] not in item["channels"]:
        item["channels"].append(found["ch"])


def _href(path: str) -> str:
    """A link to an evidence file from the page in the run folder: relative, so the folder can move."""
    text = path.replace("\\", "/")
    at = text.rfind("evidence/")  # evidence lives in <run folder>/evidence/<customer>/, beside the page
    if at >= 0:
        return quote(text[at:])
    return Path(text).as_uri() if Path(text).is_absolute() else quote(text)


def _columns(journeys: list[dict[str, Any]]) -> list[str]:
    """Touchpoints for the overview's columns, in the order journeys usually meet them."""
    places: dict[str, list[float]] = {}
    for journey in journeys:
        count = max(len(journey["stops"]), 1)
        for i, stop in enumerate(journey["stops"]):
            places.setdefault(stop["tp"], []).append(i / count)
    return sorted(places, key=lambda tp: (sum(places[tp]) / len(places[tp]), tp))


# The first words of touchpoint names that are channels as a writer names them.
_CHANNEL_WORDS = {"web", "email", "app", "store", "phone", "chat", "agent"}
# English "... at email.x: ... within 5 s", Dutch "... bij email.x: binnen 5 s ..." (messages.step_texts).
_MISSING = re.compile(r"MailNotReceived: .*? (?:at|bij) ([\w.-]+): (?:.*?(?:within|binnen) ([\d.]+) s)?", re.DOTALL)


def lane(touchpoint: str, channel: str) -> str:
    """The lane a touchpoint is drawn in: ``app`` for ``app.order``, ``web`` for ``returns.portal``."""
    first = touchpoint.split(".", 1)[0]
    return first if first in _CHANNEL_WORDS else channel


@dataclass(frozen=True)
class MissingMail:
    """A mail the customer waited for and never got."""

    touchpoint: str
    waited: float | None  # seconds, when the error says


def missing_mail(error: str) -> MissingMail | None:
    """The mail a step's error says never came, or None."""
    found = _MISSING.search(error)
    if found is None:
        return None
    return MissingMail(found.group(1), float(found.group(2)) if found.group(2) else None)


def relative(text: str, folder: Path, project: Path | None = None, base: str = "") -> str:
    """``text`` with paths of the machine written from the run folder (evidence; under ``base``, the URL it is
    published at) or the project (the rest)."""
    return LinkedPaths(folder, project, base).text(text)
