"""Why a value in a step could not be read, in English and Dutch (``journeys.messages.say``).

Said by the step parameters' readers (``journeys.vocabulary.params``, ``params_time``,
``words``) when a journey runs a step and when ``journeys lint`` checks one: the
writer's own text, and how to write it in her language.
"""

from __future__ import annotations

PARAM_TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "param.did_you_mean": "did you mean '{close}'? {advice}",
        "param.amount": "could not read an amount from '{text}': write it like '€ 12,00' or '12.00 EUR'",
        "param.quantity": "could not read a quantity from '{text}': {hint}",
        "param.quantity_low": "could not read a quantity from '{text}': it must be at least 1; {hint}",
        "param.quantity_hint": "write a whole number from 1 up, like '2', 'twee' or 'two'",
        "param.channel": "could not read a channel from '{text}': {advice}",
        "param.channel_advice": "write one of {known}",
        "param.no_segments": "unknown segment '{text}': {where} lists no segments; add them under 'segments:'",
        "param.segment": "unknown segment '{text}': {advice}",
        "param.segment_advice": "write one of {known} (the segments of {where})",
        "param.fact_unread": (
            "no touchpoint of {where} reads the fact '{fact}' ('{text}'): add it"
            " to the facts of a touchpoint there, or check another fact"
        ),
        "param.touchpoint": "unknown touchpoint '{text}': {advice}",
        "param.touchpoint_advice": "write one of the touchpoints of {where}: {known}",
        "param.no_channel": (
            "{where} has no touchpoint on the channel '{channel}': add one there, or use one of {known}"
        ),
        "param.map": "the touchpoint map",
        "time.moment": "could not read a moment from '{text}': {hint}",
        "time.moment_no_time": "could not read a moment from '{text}': add the time, like '{text} 17:45'",
        "time.no_time": "could not read a moment from '{text}': there is no time {time}; {hint}",
        "time.moment_hint": "write it like 'Friday 17:45', 'vrijdag 17:45' or '2026-11-27 17:45'",
        "time.day": "could not read a day from '{text}': {hint}",
        "time.day_hint": "write it like 'Wednesday', 'woensdag', '27 november' or '2026-11-27'",
        "time.a_day": "a day",
        "time.a_moment": "a moment",
        "time.no_month": "could not read {what} from '{text}': there is no month {month}; {hint}",
        "time.no_date": "could not read {what} from '{text}': there is no {date}; {hint}",
        "time.duration": "could not read a duration from '{text}': {hint}",
        "time.duration_zero": "could not read a duration from '{text}': it must be more than zero; {hint}",
        "time.duration_hint": "write it like '2 days', '2 dagen', '3 hours', '30 minuten' or '1 week'",
        "words.or": " (or {others})",
        "words.did_you_mean": "did you mean {options}? ",
        "words.options_or": " or ",
        "words.unknown_fact": (
            "unknown fact '{text}': {close}Write one of the facts' words: {known} (`journeys steps` lists every"
            " synonym); a system's own facts get their words in its map (`facts:`, see docs/new-system.md)"
        ),
        "words.unknown_input": "unknown thing to be asked for: '{text}': {close}Write one of {known}",
    },
    "nl": {
        "param.did_you_mean": "bedoel je '{close}'? {advice}",
        "param.amount": "'{text}' is geen bedrag: schrijf het als '€ 12,00' of '12,00 EUR'",
        "param.quantity": "'{text}' is geen aantal: {hint}",
        "param.quantity_low": "'{text}' is geen aantal: het moet minstens 1 zijn; {hint}",
        "param.quantity_hint": "schrijf een heel getal vanaf 1, zoals '2' of 'twee'",
        "param.channel": "'{text}' is geen kanaal: {advice}",
        "param.channel_advice": "schrijf een van deze: {known}",
        "param.no_segments": ("onbekend segment '{text}': {where} noemt geen segmenten; zet ze daar onder 'segments:'"),
        "param.segment": "onbekend segment '{text}': {advice}",
        "param.segment_advice": "schrijf een van deze: {known} (de segmenten in {where})",
        "param.fact_unread": (
            "geen contactpunt in {where} leest het feit '{fact}' ('{text}'): zet het bij de feiten van een"
            " contactpunt daar, of kies een ander feit"
        ),
        "param.touchpoint": "onbekend contactpunt '{text}': {advice}",
        "param.touchpoint_advice": "schrijf een van de contactpunten in {where}: {known}",
        "param.no_channel": (
            "{where} heeft geen contactpunt op het kanaal '{channel}': zet er daar een bij, of kies een van deze:"
            " {known}"
        ),
        "param.map": "de contactpuntenkaart",
        "time.moment": "'{text}' is geen tijdstip: {hint}",
        "time.moment_no_time": "in '{text}' staat geen tijd: schrijf er een bij, zoals '{text} 17:45'",
        "time.no_time": "'{text}' is geen tijdstip: {time} bestaat niet; {hint}",
        "time.moment_hint": "schrijf het als 'vrijdag 17:45' of '2026-11-27 17:45'",
        "time.day": "'{text}' is geen dag: {hint}",
        "time.day_hint": "schrijf het als 'woensdag', '27 november' of '2026-11-27'",
        "time.a_day": "dag",
        "time.a_moment": "tijdstip",
        "time.no_month": "'{text}' is geen {what}: maand {month} bestaat niet; {hint}",
        "time.no_date": "'{text}' is geen {what}: {date} bestaat niet; {hint}",
        "time.duration": "'{text}' is geen tijdsduur: {hint}",
        "time.duration_zero": "'{text}' is geen tijdsduur: die moet langer dan nul zijn; {hint}",
        "time.duration_hint": "schrijf het als '2 dagen', '3 uur', '30 minuten' of '1 week'",
        "words.or": " (of {others})",
        "words.did_you_mean": "bedoel je {options}? ",
        "words.options_or": " of ",
        "words.unknown_fact": (
            "onbekend feit '{text}': {close}Schrijf een van de woorden voor feiten: {known} (`journeys steps --lang"
            " nl` noemt alle synoniemen); de eigen feiten van een systeem krijgen hun woorden in de kaart"
            " (`facts:`, zie docs/new-system.md)"
        ),
        "words.unknown_input": (
            "'{text}' is niets waar de klant om gevraagd kan worden: {close}Schrijf een van deze: {known}"
        ),
    },
}
