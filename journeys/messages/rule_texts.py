"""What the rules say they found, in English and Dutch (``journeys.messages.say``).

``{name}`` is a fact in the writer's words (``order total``, ``het
totaalbedrag``), ``{bare}`` the same without its article (after ``haar``),
``{fact}`` the fact as the map names it. The Dutch is written for a Dutch
reader, not translated word by word: the sentences differ where Dutch wants
them to, the values in them do not.
"""

from __future__ import annotations

RULE_TEXTS: dict[str, dict[str, str]] = {
    "en": {
        # A violation's lines (rules.violation, rules.odd) and the journey's verdict (errors.JourneyFailed).
        "render.rule": "rule: {rule}({fact})",
        "render.evidence": "evidence: ",
        "render.differs": "<- differs",
        "render.raw": "{shown}  raw {raw}",
        "expected": "expected: {value}",
        "odd.majority": "{places} of {every} touchpoints said {value}",
        "odd.first": "no majority: the first told, {value} at {touchpoint}, is the reference",
        "failed.one": "1 violation in this journey",
        "failed.many": "{count} violations in this journey",
        "failed.before": "Before that step, the rules found {text}",
        # What a touchpoint showed (ledger, journey, promises).
        "not_shown": "{name} not shown at {touchpoint}",
        "unreadable_value": "could not read {noun} from {raw} at {touchpoint}",
        "noun.money": "an amount of money",
        "noun.date": "a date",
        "noun.order_ref": "an order reference",
        "noun.status": "a status",
        "noun.text": "a text",
        "noun.name": "a name",
        "noun.address": "an address",
        "noun.count": "a count",
        "noun.other": "a {kind}",
        # agree
        "agree.differs": "{name}{about} disagrees across touchpoints",
        "agree.missing": "{name}{about} not shown at {where}",
        "agree.unreadable": "{name}{about} could not be read at {where}",
        "agree.nothing_none": "{name}{about} was shown at no touchpoint: nothing to compare",
        "agree.nothing_one": "{name}{about} was shown at only one touchpoint: nothing to compare",
        "agree.nothing_apart": (
            "{name}{about} was shown at touchpoints, but never twice for one product at one time: nothing to compare"
        ),
        "agree.nothing_detail": (
            "shown at: {shown_at}\nvisit a second touchpoint that shows {fact} before checking that they agree"
        ),
        "none": "none",
        # all shown
        "all_shown.many": "{count} mapped facts not shown: {listed}",
        "all_shown.item": "{name} at {touchpoint}",
        "all_shown.hint": (
            "every fact in the touchpoint map must be shown where the map says; a fact shown only"
            " in some states is marked `optional: true` in the map"
        ),
        # shown, shows
        "shown.never_read": "the journey never read {touchpoint}: visit it before checking what it shows",
        "shows.never_read": "{name} was never read at {touchpoint}: nothing to compare with {expected}",
        "shows.visit_first": "visit {touchpoint} before checking what it shows",
        "shows.missing": "{name} not shown at {touchpoint}: nothing to compare with {expected}",
        "shows.unreadable": "{name} could not be read at {touchpoint}: nothing to compare with {expected}",
        "shows.differs": "{name} at {touchpoint} is not {expected}",
        # known at
        "known_at.nothing": "nothing was known of {name} before {touchpoint} showed it: nothing to compare",
        "known_at.nothing_hint": (
            "give {fact} or read it at another touchpoint before {touchpoint}, then check what it knows"
        ),
        "known_at.not_known": "{name} not known at {touchpoint}",
        "known_at.differs": "{name} at {touchpoint} differs from what the company knows",
        "known_at.known": "known: {value} (from {touchpoint})",
        "known_at.never_shown": (
            "no observation of {fact} at {touchpoint}: visit {touchpoint} first, or add {fact} to it in the"
            " touchpoint map"
        ),
        # channel parity
        "parity.differs": "{name} differs between {left} and {right}",
        "parity.differs_within": "{name} differs between {left} and {right} (and within a side)",
        "parity.blind": "{name} could not be compared between {left} and {right}: nothing readable at {where}",
        "parity.blind_detail": "nothing to compare via {sides}: every observation there is missing or unreadable",
        "parity.unreadable": "{name} could not be read at {where}",
        "parity.and": " and ",
        "parity.no_side": (
            "no observation of {fact} via '{side}': visit a {side} touchpoint that shows {fact} before checking parity"
        ),
        "parity.no_moment": (
            "{left} and {right} did not show {fact} for the same product at the same time:"
            " ask both about the same product, without time passing in between"
        ),
        # kept private
        "privacy.anywhere": "any touchpoint",
        "privacy.nobody": "nobody else tried {where}: nothing to check her privacy with",
        "privacy.nobody_hint": (
            "let another customer try the touchpoint first (a step such as"
            " 'another customer looks up her order in the app')"
        ),
        "privacy.shown": "another customer was shown her {names} at {places}",
        "privacy.shown_detail": "tried without her session or any code of hers: the touchpoint should have refused",
        # promise kept
        "promise.unreadable": "the promise could not be read: {verdict}",
        "promise.unread": "could not read the promise",
        "promise.shows": "{touchpoint} shows {value}",
        "promise.not_after": "{touchpoint} shows {shown}, not after {promised}",
        "promise.after": "{touchpoint} shows {shown}, after the promised {promised}",
        "promise.not": "{touchpoint} shows {shown}, not {expected}",
        "promise.kept": "kept: {why}",
        "promise.broken": "broken: {why}",
        "promise.detail": "promised at {origin}, due {due}, checked at {touchpoint} ({expect})\n{why}",
        "promise.title": "{name} promised at {touchpoint} was not kept",
        # A stored promise checked by a later run (journeys promises --verify).
        "promise.time_unknown": "kept, time unknown: {found} (the map reads no {name} there)",
        "promise.in_time": "kept by the deadline: {found} since {changed}",
        "promise.late": "kept late: {found} since {changed}, after the deadline {due}",
        "promise.late_title": "{name} promised at {touchpoint} was kept late",
        "promise.not_read": "{touchpoint} could not be read: {why}",
        "promise.no_fact": "{touchpoint} does not read {fact}: add it to its facts",
        "promise.login_refused": "the staff login was refused (still at {url} after logging in with {names}): ",
        "promise.not_opened": "{system} could not be opened: {why}",
        "promise.status.kept": "kept",
        "promise.status.broken": "broken",
        "promise.status.unverifiable": "unverifiable",
        # refused, protected
        "refused.nobody": "nobody tried {name}: nothing to check",
        "refused.nobody_hint": (
            "let a step try it first (such as 'someone else tries 20 wrong passwords for her account')"
        ),
        "refused.through": "{places} did not refuse {name}",
        "refused.word": "refused",
        "protected.nobody": "no page's headers were recorded: nothing to check",
        "protected.nobody_hint": "let her see a page of the web shop first",
        "protected.bare": "{places} came without {missing}",
        # matches
        "matches.nothing": "{name} against the {reference} she was told: nothing to compare",
        "matches.nothing_hint": "no touchpoint showed {missing} readably: visit one that shows it before this check",
        "matches.differs": "{name} is not the {reference} she was told",
        "matches.expected": "expected: {value} ({fact} at {touchpoint})",
        # suits
        "suits.others": "offers at {touchpoint} are meant for others than a {audience}",
        "suits.meant_for": "meant for: {who}",
        "suits.instead": "{touchpoint} showed instead: {url}{shot}",
        "suits.missing": "{name} not shown at {touchpoint}: no offers to compare with a {audience}",
        "suits.unreadable": "{name} could not be read at {touchpoint}: no offers to compare with a {audience}",
        "suits.never_read": "no observation of {fact}: visit the touchpoint that shows it first",
        # not asked twice
        "asked.nothing": "the customer neither gave nor was asked for {name}{within}: nothing to compare",
        "asked.nothing_any": "the customer neither gave nor was asked for anything{within}: nothing to compare",
        "asked.within": " at {scope}",
        "asked.nothing_hint": "let the journey give {what} at one touchpoint and go where it could be asked again",
        "asked.something": "something",
        "asked.hers": "her {bare}",
        "asked.again": "asked again for {name}",
        "asked.again_logged_in": "asked again for {name} while logged in",
        "asked.title": "{name} asked again at {touchpoint}",
        "asked.before": "the customer gave it before at {before}",
        # answered within
        "answered.nothing": "no visit to {touchpoints} was measured: nothing to compare with {seconds} s",
        "answered.nothing_hint": (
            "visit {touchpoints} (or a touchpoint named {touchpoints}.<page>) before checking how fast it answers"
        ),
        "answered.row": "answered after {seconds} s  ({started})",
        "answered.slow": "{touchpoints} kept the customer waiting longer than {seconds} s",
        # not sent
        "not_sent.title": "{touchpoint} came, though {why}",
        "not_sent.detail": "she should not have had this mail: {why}",
    },
    "nl": {
        "render.rule": "regel: {rule}({fact})",
        "render.evidence": "bewijs: ",
        "render.differs": "<- wijkt af",
        "render.raw": "{shown}  letterlijk {raw}",
        "expected": "verwacht: {value}",
        "odd.majority": "{places} van de {every} contactpunten zeiden {value}",
        "odd.first": "geen meerderheid: wat ze het eerst hoorde, {value} bij {touchpoint}, is de maatstaf",
        "failed.one": "1 overtreding in deze klantreis",
        "failed.many": "{count} overtredingen in deze klantreis",
        "failed.before": "Vóór die stap vonden de regels {text}",
        "not_shown": "{name} ontbreekt bij {touchpoint}",
        "unreadable_value": "{raw} bij {touchpoint} is geen {noun}",
        "noun.money": "leesbaar bedrag",
        "noun.date": "leesbare datum",
        "noun.order_ref": "leesbaar bestelnummer",
        "noun.status": "leesbare status",
        "noun.text": "leesbare tekst",
        "noun.name": "leesbare naam",
        "noun.address": "leesbaar adres",
        "noun.count": "leesbaar aantal",
        "noun.other": "leesbare waarde ({kind})",
        "agree.differs": "{name}{about} verschilt tussen de contactpunten",
        "agree.missing": "{name}{about} ontbreekt bij {where}",
        "agree.unreadable": "{name}{about} was bij {where} niet te lezen",
        "agree.nothing_none": "{name}{about} stond op geen enkel contactpunt: niets om te vergelijken",
        "agree.nothing_one": "{name}{about} stond op maar één contactpunt: niets om te vergelijken",
        "agree.nothing_apart": (
            "{name}{about} stond wel op contactpunten, maar nooit twee keer voor hetzelfde product op hetzelfde"
            " moment: niets om te vergelijken"
        ),
        "agree.nothing_detail": (
            "getoond bij: {shown_at}\nbezoek eerst nog een contactpunt dat {name} toont en kijk dan of ze het eens zijn"
        ),
        "none": "geen",
        "all_shown.many": "{count} feiten uit de kaart ontbreken: {listed}",
        "all_shown.item": "{name} bij {touchpoint}",
        "all_shown.hint": (
            "elk feit uit de contactpuntenkaart moet te zien zijn waar de kaart dat zegt; een feit dat er maar"
            " soms staat, krijgt in de kaart `optional: true`"
        ),
        "shown.never_read": "de klantreis kwam niet bij {touchpoint}: ga er eerst heen en kijk dan wat het toont",
        "shows.never_read": "{name} is bij {touchpoint} nooit gelezen: niets om met {expected} te vergelijken",
        "shows.visit_first": "ga eerst naar {touchpoint} en kijk dan wat het toont",
        "shows.missing": "{name} ontbreekt bij {touchpoint}: niets om met {expected} te vergelijken",
        "shows.unreadable": "{name} was bij {touchpoint} niet te lezen: niets om met {expected} te vergelijken",
        "shows.differs": "{name} bij {touchpoint} is niet {expected}",
        "known_at.nothing": (
            "van haar {bare} was nog niets bekend voordat {touchpoint} het toonde: niets om te vergelijken"
        ),
        "known_at.nothing_hint": (
            "laat de klant eerst haar {bare} geven, of lees het bij een ander contactpunt dan {touchpoint},"
            " en kijk dan wat dat weet"
        ),
        "known_at.not_known": "haar {bare} is niet bekend bij {touchpoint}",
        "known_at.differs": "haar {bare} bij {touchpoint} wijkt af van wat het bedrijf weet",
        "known_at.known": "bekend: {value} (van {touchpoint})",
        "known_at.never_shown": (
            "{touchpoint} heeft haar {bare} nog niet getoond: ga eerst naar {touchpoint}, of zet {fact} daar in de"
            " contactpuntenkaart"
        ),
        "parity.differs": "{name} verschilt tussen {left} en {right}",
        "parity.differs_within": "{name} verschilt tussen {left} en {right} (en ook binnen één kant)",
        "parity.blind": "{name} was niet te vergelijken tussen {left} en {right}: niets leesbaars bij {where}",
        "parity.blind_detail": "niets om te vergelijken via {sides}: alles daar ontbreekt of is niet te lezen",
        "parity.unreadable": "{name} was bij {where} niet te lezen",
        "parity.and": " en ",
        "parity.no_side": (
            "via '{side}' is {name} nergens gezien: ga eerst naar een contactpunt van {side} dat {name} toont"
        ),
        "parity.no_moment": (
            "{left} en {right} toonden {name} niet voor hetzelfde product op hetzelfde moment:"
            " vraag beide naar hetzelfde product, zonder dat er tijd verstrijkt"
        ),
        "privacy.anywhere": "ook maar één contactpunt",
        "privacy.nobody": "niemand anders probeerde {where}: niets om haar privacy mee te toetsen",
        "privacy.nobody_hint": (
            "laat eerst een andere klant het contactpunt proberen (met een stap als"
            " 'een andere klant haar bestelling opzoekt in de app')"
        ),
        "privacy.shown": "een andere klant kreeg haar {names} te zien bij {places}",
        "privacy.shown_detail": (
            "geprobeerd zonder haar sessie of een code van haar: het contactpunt had moeten weigeren"
        ),
        "promise.unreadable": "de belofte was niet te lezen: {verdict}",
        "promise.unread": "de belofte was niet te lezen",
        "promise.shows": "{touchpoint} toont {value}",
        "promise.not_after": "{touchpoint} toont {shown}, niet later dan {promised}",
        "promise.after": "{touchpoint} toont {shown}, later dan de beloofde {promised}",
        "promise.not": "{touchpoint} toont {shown}, niet {expected}",
        "promise.kept": "nagekomen: {why}",
        "promise.broken": "gebroken: {why}",
        "promise.detail": "beloofd bij {origin}, uiterlijk {due}, nagekeken bij {touchpoint} ({expect})\n{why}",
        "promise.title": "{name}, beloofd bij {touchpoint}, is niet nagekomen",
        "promise.time_unknown": "nagekomen, tijdstip onbekend: {found} (de kaart leest daar geen {name})",
        "promise.in_time": "op tijd nagekomen: {found} sinds {changed}",
        "promise.late": "te laat nagekomen: {found} sinds {changed}, later dan de beloofde {due}",
        "promise.late_title": "{name}, beloofd bij {touchpoint}, is te laat nagekomen",
        "promise.not_read": "{touchpoint} was niet te lezen: {why}",
        "promise.no_fact": "{touchpoint} leest {fact} niet: zet het bij de facts van dat contactpunt",
        "promise.login_refused": "de medewerker kwam niet binnen (nog op {url} na het inloggen met {names}): ",
        "promise.not_opened": "{system} was niet te openen: {why}",
        "promise.status.kept": "nagekomen",
        "promise.status.broken": "gebroken",
        "promise.status.unverifiable": "niet na te gaan",
        "refused.nobody": "niemand probeerde {name}: niets om na te gaan",
        "refused.nobody_hint": (
            "laat het eerst een stap proberen (zoals 'iemand anders 20 verkeerde wachtwoorden voor haar account"
            " probeert en daarna het juiste')"
        ),
        "refused.through": "{places} weigerde {name} niet",
        "refused.word": "geweigerd",
        "protected.nobody": "van geen enkele pagina zijn de headers vastgelegd: niets om na te gaan",
        "protected.nobody_hint": "laat haar eerst een pagina van de webwinkel zien",
        "protected.bare": "{places} kwam zonder {missing}",
        "matches.nothing": "{name} naast wat haar eerst als {bare_reference} werd genoemd: niets om te vergelijken",
        "matches.nothing_hint": (
            "geen contactpunt toonde {missing_name} leesbaar: ga eerst naar een contactpunt dat het toont"
        ),
        "matches.differs": "{name} wijkt af van wat haar eerst als {bare_reference} werd genoemd",
        "matches.expected": "verwacht: {value} ({reference} bij {touchpoint})",
        "suits.others": "de aanbiedingen bij {touchpoint} zijn bedoeld voor anderen dan een {audience}",
        "suits.meant_for": "bedoeld voor: {who}",
        "suits.instead": "{touchpoint} toonde in plaats daarvan: {url}{shot}",
        "suits.missing": "{name} ontbreekt bij {touchpoint}: geen aanbiedingen om met een {audience} te vergelijken",
        "suits.unreadable": (
            "{name} was bij {touchpoint} niet te lezen: geen aanbiedingen om met een {audience} te vergelijken"
        ),
        "suits.never_read": "{name} is nog nergens gezien: ga eerst naar het contactpunt dat het toont",
        "asked.nothing": (
            "de klant gaf haar {bare} niet en werd er ook niet naar gevraagd{within}: niets om te vergelijken"
        ),
        "asked.nothing_any": "de klant gaf niets en werd nergens naar gevraagd{within}: niets om te vergelijken",
        "asked.within": " bij {scope}",
        "asked.nothing_hint": (
            "laat de klant {thing} bij één contactpunt geven en ga dan waar er opnieuw naar gevraagd kan worden"
        ),
        "asked.something": "iets",
        "asked.hers": "haar {bare}",
        "asked.again": "opnieuw gevraagd naar haar {bare}",
        "asked.again_logged_in": "opnieuw gevraagd naar haar {bare}, terwijl ze ingelogd was",
        "asked.title": "bij {touchpoint} opnieuw gevraagd naar haar {bare}",
        "asked.before": "de klant gaf het al eerder bij {before}",
        "answered.nothing": "geen bezoek aan {touchpoints} gemeten: niets om met {seconds} s te vergelijken",
        "answered.nothing_hint": (
            "ga eerst naar {touchpoints} (of een contactpunt {touchpoints}.<pagina>) en kijk dan hoe snel het antwoordt"
        ),
        "answered.row": "antwoordde na {seconds} s  ({started})",
        "answered.slow": "{touchpoints} liet de klant langer dan {seconds} s wachten",
        "not_sent.title": "{touchpoint} kwam toch, terwijl {why}",
        "not_sent.detail": "deze mail had ze niet mogen krijgen, omdat {why}",
    },
}
