"""What the rules say they found, in English and Dutch (``journeys.messages.say``).

``{name}`` is a fact in the writer's words (``order total``, ``het
totaalbedrag``), ``{bare}`` the same without its article (after ``haar``),
``{fact}`` the fact as the map names it. The Dutch is written for a Dutch
reader, not translated word by word: the sentences differ where Dutch wants
them to, the values in them do not.
"""

from __future__ import annotations

from journeys.messages.rule_texts_nl import RULE_TEXTS_NL

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
    "nl": RULE_TEXTS_NL,
}
