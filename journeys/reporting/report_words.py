"""The words of the reports people read, in English and Dutch, and clock times as they read them."""

from __future__ import annotations

from datetime import datetime

__all__ = ["TREND_KINDS", "TREND_SAID", "WORDS", "clock", "words"]

# What the trend says of a journey, worst news first (``TrendStore.changes``).
TREND_KINDS = ("started", "again", "stopped", "flaky")
# ... as the terminal says it.
TREND_SAID = {
    "started": "started failing since the previous run",
    "again": "failing again (failed before, passed after a change, fails again)",
    "stopped": "stopped failing since the previous run",
    "flaky": "flaky (passed and failed on the same code and system)",
}

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Journey map",
        "run": "run",
        "overview": "All journeys",
        "overview_hint": "one row per journey, one column per touchpoint; click a row to open the journey",
        "journey": "journey",
        "feature": "feature",
        "customer": "customer",
        "outcome": "outcome",
        "passed": "passed",
        "failed": "failed",
        "interrupted": "interrupted",
        "unknown": "unknown",
        "effort": "Effort",
        "score": "score",
        "touchpoints": "touchpoints",
        "channel_switches": "channel switches",
        "repeated_questions": "repeated questions",
        "waiting_seconds": "waiting (s)",
        "broken_promises": "broken promises",
        "curve": "effort so far",
        "promises": "Promises",
        "promise": "promise",
        "kept": "kept",
        "broken": "broken",
        "pending": "pending",
        "due": "due",
        "beyond": "after the journey's end",
        "violations": "Violations",
        "facts_shown": "facts shown",
        "all_facts": "number of facts",
        "show_fact": "show fact",
        "asked": "asked",
        "gave": "gave",
        "logged_in": "logged in",
        "logged_out": "logged out",
        "problems": "Could not be read",
        "not_finished": "Did not finish",
        "started": "started failing since the previous run",
        "stopped": "stopped failing since the previous run",
        "again": "failing again (failed, passed after a change, and fails again)",
        "flaky": "flaky (passed and failed on the same code and system)",
        "trend": "trend",
        "started_short": "started failing",
        "again_short": "failing again",
        "stopped_short": "stopped failing",
        "flaky_short": "flaky",
        "lane_web": "web shop",
        "lane_email": "mail",
        "lane_app": "app",
        "lane_store": "store",
        "lane_phone": "phone",
        "lane_chat": "chat",
        "lane_agent": "customer service",
        "never_came": "never came",
        "not_read": "not shown",
        "gate": "Gate thresholds crossed",
        "back": "back to all journeys",
        "evidence": "evidence",
        "waited": "waited",
        "none": "none",
        "no_journeys": "No journey ledgers in this run folder.",
        "noscript": "This page draws the journeys with JavaScript: allow scripts for this file.",
    },
    "nl": {
        "title": "Klantreiskaart",
        "run": "run",
        "overview": "Alle klantreizen",
        "overview_hint": "een rij per klantreis, een kolom per contactpunt; klik op een rij om de reis te openen",
        "journey": "klantreis",
        "feature": "feature",
        "customer": "klant",
        "outcome": "uitkomst",
        "passed": "geslaagd",
        "failed": "gefaald",
        "interrupted": "onderbroken",
        "unknown": "onbekend",
        "effort": "Klantinspanning",
        "score": "score",
        "touchpoints": "contactpunten",
        "channel_switches": "kanaalwisselingen",
        "repeated_questions": "herhaalde vragen",
        "waiting_seconds": "wachttijd (s)",
        "broken_promises": "gebroken beloften",
        "curve": "inspanning tot nu toe",
        "promises": "Beloften",
        "promise": "belofte",
        "kept": "nagekomen",
        "broken": "gebroken",
        "pending": "nog open",
        "due": "uiterlijk",
        "beyond": "na het einde van de reis",
        "violations": "Overtredingen",
        "facts_shown": "getoonde feiten",
        "all_facts": "aantal feiten",
        "show_fact": "toon feit",
        "asked": "gevraagd",
        "gave": "gegeven",
        "logged_in": "ingelogd",
        "logged_out": "uitgelogd",
        "problems": "Niet te lezen",
        "not_finished": "Niet afgerond",
        "started": "faalt sinds de vorige run",
        "stopped": "slaagt weer sinds de vorige run",
        "again": "faalt opnieuw (faalde, slaagde na een wijziging en faalt weer)",
        "flaky": "wisselvallig (slaagde en faalde op dezelfde code en hetzelfde systeem)",
        "trend": "trend",
        "started_short": "faalt sinds kort",
        "again_short": "faalt opnieuw",
        "stopped_short": "slaagt weer",
        "flaky_short": "wisselvallig",
        "lane_web": "webwinkel",
        "lane_email": "mail",
        "lane_app": "app",
        "lane_store": "winkel",
        "lane_phone": "telefoon",
        "lane_chat": "chat",
        "lane_agent": "klantenservice",
        "never_came": "nooit gekomen",
        "not_read": "niet getoond",
        "gate": "Drempels van de poort overschreden",
        "back": "terug naar alle klantreizen",
        "evidence": "bewijs",
        "waited": "wachttijd",
        "none": "geen",
        "no_journeys": "Geen grootboeken van klantreizen in deze run-map.",
        "noscript": "Deze pagina tekent de klantreizen met JavaScript: sta scripts toe voor dit bestand.",
    },
}

_DAYS = {"en": "Mon Tue Wed Thu Fri Sat Sun".split(), "nl": "ma di wo do vr za zo".split()}
_MONTHS = {
    "en": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(),
    "nl": "jan feb mrt apr mei jun jul aug sep okt nov dec".split(),
}


def words(language: str) -> dict[str, str]:
    """The report's words in ``language`` (``en`` or ``nl``; English for any other)."""
    return WORDS.get(language, WORDS["en"])


def clock(moment: datetime | None, language: str) -> str:
    """``Mon 30 Nov 15:22`` / ``ma 30 nov 15:22``: the simulated clock as a person reads it."""
    if moment is None:
        return ""
    lang = language if language in _DAYS else "en"
    return f"{_DAYS[lang][moment.weekday()]} {moment.day} {_MONTHS[lang][moment.month - 1]} {moment:%H:%M}"
