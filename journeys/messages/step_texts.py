"""Why a step could not be carried out, in English and Dutch (``journeys.messages.say``).

Said by the bundled steps, the journey, the reference shop's tasks and the
channels: what went wrong, where, and what to write or do instead, in the
words a writer of that language uses (the Dutch hints quote the Dutch steps).
"""

from __future__ import annotations

STEP_TEXTS: dict[str, dict[str, str]] = {
    "en": {
        # the journey (journey_rules, identity)
        "step.none_visited": "no {channel} touchpoint was visited yet: visit one first",
        "step.none_visited_showing": "no {channel} touchpoint that shows {fact} was visited yet: visit one first",
        "step.none_showed": "no touchpoint showed {fact} yet: visit one first",
        "step.nothing_promised": "no {fact} was shown yet: nothing to hold the company to",
        "step.not_shown_because": "{name} not shown at {touchpoint}: {why}",
        "step.on_her_way": "the customer is already on her way: describe who she is before the first touchpoint",
        # the facts the security steps record (their words; a writer never writes them)
        "fact.old.session": "old session",
        "fact.guessed.password": "guessed password",
        "fact.chosen.password": "chosen password",
        "fact.form.from_another_site": "form from another site",
        # a step no step says (gherkin.runner)
        "step.dutch_in_english": (
            "{location}: '{step}' is a step in Dutch, in a file in English: give the file '# language: nl' as"
            " its first line, or write the step in English."
        ),
        "step.english_in_dutch": (
            "{location}: '{step}' is a step in English, in a file in Dutch: give the file no '# language:' line"
            " (English), or write the step in Dutch."
        ),
        "step.unknown": (
            "{location}: unknown step '{step}'.{closest} Run `journeys steps` for the catalogue, or write a step"
            " of your own (docs/own-steps.md); to fill in and paste into steps/*.py:\n\n{skeleton}"
        ),
        "step.closest": " Closest known steps: {steps}.",
        # the bundled steps
        "step.no_pickup_date": "no readable pickup date was shown yet: order for pickup first",
        "step.nothing_readable": "no readable {fact} was shown yet: visit a touchpoint that shows it first",
        "step.no_delivery_date": (
            "no web touchpoint showed a delivery date yet: let her look at a product or order first"
        ),
        "step.no_agent_order": (
            "no agent touchpoint showed an order yet: let an agent look her up, or let her phone first"
        ),
        "step.unknown_reason": "unknown reason '{text}': {hint}write one of {reasons}",
        "step.did_you_mean": "did you mean '{close}'? ",
        "step.not_logged_out": "she has not logged out in this journey: write 'When she logs out' before this step",
        "step.not_logged_in": "she is not logged in, so nothing is sent in her name: log her in first",
        "step.cancelled_why": "she cancelled the order before it shipped",
        "step.parcel": "parcel {number}",
        "dates.on": "the web shop promised delivery on {day}",
        "dates.on_expected": "expected: no delivery date on {day}",
        "dates.later": "the web shop promised delivery later than {count} working days",
        "dates.later_expected": "expected: delivery within {count} working days of the day she saw the date",
        # a mail's text and HTML parts (mail_parts)
        "parts.differs": "{name} differs between the parts of the mail at {touchpoint}",
        "parts.detail": (
            "a mail client shows the HTML part, a text-only one the text part: both must say the same"
            "\nread from both because {line} names no `part:`"
        ),
        "part.text": "text part",
        "part.html": "HTML part",
        "parts.missing": "not in the {part}",
        # the channels
        "mail.not_received": (
            "{customer} at {touchpoint}: no mail to {address} with a subject matching '{subject}'{filled}"
            " within {timeout} s in {mailbox}. {what} If the subject changed, update `subject:` at {where};"
            " if nothing came, check that the system sends mail there."
        ),
        "mail.capture": "the SMTP capture at {host}:{port}",
        "mail.arrived": "What did arrive for {address}: {listing}.",
        "mail.nothing_arrived": "Nothing at all arrived for {address}.",
        "missing.page": (
            "{touchpoint}: {fact} not found: nothing matches {reader} on the page at {url}{shown}."
            " Either the system no longer shows it, or the reader at {line} is out of date."
        ),
        "missing.mail": (
            "{touchpoint}: {fact} not found: nothing matches {reader} in the mail at {url}{shown}."
            " Either the system no longer shows it, or the reader at {line} is out of date."
        ),
        "missing.json": (
            "{touchpoint}: {fact} not found: nothing matches {reader} in the JSON at {url}{shown}."
            " Either the system no longer shows it, or the reader at {line} is out of date."
        ),
        "evidence.screenshot": " (screenshot: {file})",
        "evidence.file": " (evidence: {file})",
    },
    "nl": {
        "step.none_visited": "er is nog geen contactpunt van {channel} bezocht: bezoek er eerst een",
        "step.none_visited_showing": (
            "er is nog geen contactpunt van {channel} bezocht dat {name} toont: bezoek er eerst een"
        ),
        "step.none_showed": "nog geen enkel contactpunt toonde {name}: bezoek er eerst een",
        "step.nothing_promised": "{name} is nog nergens getoond: er is niets om het bedrijf aan te houden",
        "step.not_shown_because": "{name} ontbreekt bij {touchpoint}: {why}",
        "step.on_her_way": "de klant is al onderweg: zeg wie ze is vóór het eerste contactpunt",
        "fact.old.session": "haar oude sessie",
        "fact.guessed.password": "het raden van haar wachtwoord",
        "fact.chosen.password": "een zwak wachtwoord",
        "fact.form.from_another_site": "een formulier van een andere site",
        "step.dutch_in_english": (
            "{location}: '{step}' is een Nederlandse stap in een Engels bestand: zet '# language: nl' op de"
            " eerste regel van het bestand, of schrijf de stap in het Engels."
        ),
        "step.english_in_dutch": (
            "{location}: '{step}' is een Engelse stap in een Nederlands bestand: haal '# language: nl' bovenaan"
            " weg, of schrijf de stap in het Nederlands."
        ),
        "step.unknown": (
            "{location}: onbekende stap '{step}'.{closest} Kijk in `journeys steps --lang nl` welke stappen er"
            " zijn, of schrijf een eigen stap (docs/own-steps.md); om in te vullen en in steps/*.py te"
            " plakken:\n\n{skeleton}"
        ),
        "step.closest": " Stappen die erop lijken: {steps}.",
        "step.no_pickup_date": "er is nog geen leesbare ophaaldatum getoond: laat haar eerst bestellen om af te halen",
        "step.nothing_readable": "{name} is nog nergens leesbaar getoond: ga eerst naar een contactpunt dat het toont",
        "step.no_delivery_date": (
            "nog geen contactpunt van de webwinkel toonde een bezorgdatum: laat haar eerst een product bekijken"
            " of bestellen"
        ),
        "step.no_agent_order": (
            "de klantenservice heeft nog geen bestelling van haar bekeken: laat een medewerker haar eerst opzoeken,"
            " of laat haar eerst bellen"
        ),
        "step.unknown_reason": "onbekende reden '{text}': {hint}schrijf een van deze: {reasons}",
        "step.did_you_mean": "bedoel je '{close}'? ",
        "step.not_logged_out": "ze is in deze klantreis niet uitgelogd: schrijf eerst 'Als ze uitlogt'",
        "step.not_logged_in": "ze is niet ingelogd, dus er wordt niets uit haar naam verstuurd: log haar eerst in",
        "step.cancelled_why": "ze de bestelling annuleerde voordat die verzonden was",
        "step.parcel": "pakket {number}",
        "dates.on": "de webwinkel beloofde bezorging op {day}",
        "dates.on_expected": "verwacht: geen bezorgdatum op {day}",
        "dates.later": "de webwinkel beloofde bezorging pas na meer dan {count} werkdagen",
        "dates.later_expected": "verwacht: bezorging binnen {count} werkdagen na de dag waarop ze de datum zag",
        "parts.differs": "{name} verschilt tussen de delen van de mail bij {touchpoint}",
        "parts.detail": (
            "een mailprogramma toont het HTML-deel, een programma voor alleen tekst het tekstdeel: allebei moeten"
            " ze hetzelfde zeggen\nuit allebei gelezen omdat {line} geen `part:` noemt"
        ),
        "part.text": "tekstdeel",
        "part.html": "HTML-deel",
        "parts.missing": "niet in het {part}",
        "mail.not_received": (
            "{customer} bij {touchpoint}: binnen {timeout} s kwam er in {mailbox} geen mail aan {address}"
            " met een onderwerp als '{subject}'{filled}. {what} Is het onderwerp veranderd, pas dan `subject:`"
            " aan op {where}; kwam er niets, kijk dan of het systeem daar wel mail heen stuurt."
        ),
        "mail.capture": "de SMTP-opvang op {host}:{port}",
        "mail.arrived": "Wat er wel binnenkwam voor {address}: {listing}.",
        "mail.nothing_arrived": "Voor {address} kwam helemaal niets binnen.",
        "missing.page": (
            "{touchpoint}: {fact} niet gevonden: niets past bij {reader} op de pagina op {url}{shown}."
            " Het systeem toont het niet meer, of de lezer op {line} is verouderd."
        ),
        "missing.mail": (
            "{touchpoint}: {fact} niet gevonden: niets past bij {reader} in de mail op {url}{shown}."
            " Het systeem toont het niet meer, of de lezer op {line} is verouderd."
        ),
        "missing.json": (
            "{touchpoint}: {fact} niet gevonden: niets past bij {reader} in de JSON op {url}{shown}."
            " Het systeem toont het niet meer, of de lezer op {line} is verouderd."
        ),
        "evidence.screenshot": " (schermafbeelding: {file})",
        "evidence.file": " (bewijs: {file})",
    },
}
