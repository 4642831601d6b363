"""What the rules say they found, in Dutch: the table beside ``rule_texts``' English, key for key."""

from __future__ import annotations

RULE_TEXTS_NL: dict[str, str] = {
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
    "privacy.shown_detail": ("geprobeerd zonder haar sessie of een code van haar: het contactpunt had moeten weigeren"),
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
}
