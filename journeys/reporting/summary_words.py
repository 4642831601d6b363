"""The words of summary.md, in English and Dutch: the summary speaks the language the journeys were written in."""

from __future__ import annotations

__all__ = ["SUMMARY_WORDS", "counted", "summary_words"]

SUMMARY_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "journey": "journey",
        "journeys": "journeys",
        "all_passed": "all {n} journeys passed",
        "one_passed": "1 journey passed",
        "not_passed": "{n} of {total} journeys did not pass",
        "one_not_passed": "1 journey did not pass",
        "error": "error",
        "errors": "errors",
        "none_ran": "no journey ran",
        "gate_failed": "gate **failed**",
        "gate_passed": "gate passed",
        "run": "Run",
        "map": "journey map",
        "head": "| | journey | customer | where | what | expected | seen |",
        "more": "… and {n} more in the journey map.",
        "more_rows": "… {n} more",
        "step_failed": "step could not be carried out",
        "no_step": "a step could not be carried out",
        "at": "at",
        "mail": "a mail at {touchpoint}",
        "no_mail": "none came within {seconds} s",
        "Errors": "Errors",
        "gate": "Gate thresholds crossed",
        "started": "Started failing since the previous run",
        "again": "Failing again (failed before, passed after a change, fails again)",
        "stopped": "Stopped failing since the previous run",
        "flaky": "Flaky (passed and failed on the same code and system)",
        "problems": "Could not be read",
        "not_finished": "Did not finish",
        "unfinished": "{n} did not finish",
        "and_more": "… and {n} more",
    },
    "nl": {
        "journey": "klantreis",
        "journeys": "klantreizen",
        "all_passed": "alle {n} klantreizen geslaagd",
        "one_passed": "1 klantreis geslaagd",
        "not_passed": "{n} van de {total} klantreizen niet geslaagd",
        "one_not_passed": "1 klantreis niet geslaagd",
        "error": "fout",
        "errors": "fouten",
        "none_ran": "geen klantreis uitgevoerd",
        "gate_failed": "poort **dicht**",
        "gate_passed": "poort open",
        "run": "Run",
        "map": "klantreiskaart",
        "head": "| | klantreis | klant | waar | wat | verwacht | gezien |",
        "more": "… en nog {n} in de klantreiskaart.",
        "more_rows": "… nog {n}",
        "step_failed": "stap kon niet worden uitgevoerd",
        "no_step": "een stap kon niet worden uitgevoerd",
        "at": "bij",
        "mail": "een mail bij {touchpoint}",
        "no_mail": "binnen {seconds} s kwam er geen",
        "Errors": "Fouten",
        "gate": "Drempels van de poort overschreden",
        "started": "Faalt sinds de vorige run",
        "again": "Faalt opnieuw (faalde eerder, slaagde na een wijziging en faalt weer)",
        "stopped": "Slaagt weer sinds de vorige run",
        "flaky": "Wisselvallig (slaagde en faalde op dezelfde code en hetzelfde systeem)",
        "problems": "Niet te lezen",
        "not_finished": "Niet afgerond",
        "unfinished": "{n} niet afgerond",
        "and_more": "… en nog {n}",
    },
}


def summary_words(language: str) -> dict[str, str]:
    """The summary's words in ``language`` (English for any but ``nl``)."""
    return SUMMARY_WORDS.get(language, SUMMARY_WORDS["en"])


def counted(n: int, one: str, many: str) -> str:
    """``1 error``, ``2 errors``: a count with its noun in the right number."""
    return f"{n} {one if n == 1 else many}"
