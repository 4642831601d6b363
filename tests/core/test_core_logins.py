"""Whether the company knows who she is: read from the ledger's logins, never a flag set by hand."""

from __future__ import annotations

import json

from core_helpers import at

from journeys.core import rules
from journeys.core.ledger import Ledger
from journeys.reporting import timeline


def test_a_guest_is_not_known_until_she_logs_in_and_no_longer_once_she_logs_out(ledger: Ledger):
    assert not ledger.identified
    first = ledger.asked("email", "web.checkout", at("web.checkout"))
    ledger.logged_in("web.login", at("web.login"))
    second = ledger.asked("email", "returns.portal", at("returns.portal"))
    ledger.logged_out("web.logout", at("web.logout"))
    third = ledger.asked("email", "chat.conversation", at("chat.conversation"))

    assert [first.identified, second.identified, third.identified] == [False, True, False]
    assert not ledger.identified
    assert [ledger.identified_at(q.seq) for q in (first, second, third)] == [False, True, False]
    assert [(login.logged_in, login.touchpoint) for login in ledger.logins] == [
        (True, "web.login"),
        (False, "web.logout"),
    ]


def test_logins_are_events_in_order_and_travel_with_the_ledger(ledger: Ledger):
    ledger.gave("email", "anna@journeys.test", "web.checkout", at("web.checkout", 12))
    ledger.logged_in("web.order_confirmation", at("web.order_confirmation", 13))
    ledger.asked("email", "returns.portal", at("returns.portal", 20))

    assert [type(event).__name__ for event in ledger.events] == ["Input", "Login", "Question"]
    record = json.loads(ledger.to_json())
    assert record["logins"] == [
        {
            "logged_in": True,
            "touchpoint": "web.order_confirmation",
            "where": at("web.order_confirmation", 13).to_dict(),
            "seq": 2,
        }
    ]
    assert record["questions"][0]["identified"] is True
    back = Ledger.from_json(ledger.to_json())
    assert back.logins == ledger.logins and back.identified
    assert back.questions == ledger.questions


def test_a_ledger_from_before_logins_keeps_what_its_questions_say(ledger: Ledger):
    ledger.asked("email", "returns.portal", at("returns.portal"))
    old = ledger.to_dict()
    del old["logins"]
    old["questions"][0]["identified"] = True  # written when a task set the flag
    back = Ledger.from_dict(old)
    assert back.questions[0].identified and back.logins == [] and not back.identified


def test_a_question_without_its_flag_is_derived_from_the_logins(ledger: Ledger):
    ledger.logged_in("web.login", at("web.login"))
    ledger.asked("email", "returns.portal", at("returns.portal"))
    written = ledger.to_dict()
    del written["questions"][0]["identified"]
    assert Ledger.from_dict(written).questions[0].identified is True


def test_a_guest_asked_twice_is_a_repeat_and_only_a_known_customer_is_asked_again_while_logged_in(ledger: Ledger):
    ledger.gave("email", "anna@journeys.test", "web.checkout", at("web.checkout", 12))
    ledger.asked("email", "chat.conversation", at("chat.conversation", 20))  # a guest
    ledger.logged_in("web.login", at("web.login", 22))
    ledger.asked("email", "returns.portal", at("returns.portal", 30))  # known by now
    guest, known = rules.not_asked_twice(ledger)
    assert guest.observations[-1].problem == "asked again for email"
    assert known.observations[-1].problem == "asked again for email while logged in"


def test_the_journey_map_shows_where_she_logged_in_and_out(ledger: Ledger):
    ledger.visited("web.checkout", "web", at("web.checkout").seen_at, 0.5)
    ledger.logged_in("web.checkout", at("web.checkout"))
    ledger.logged_out("web.logout", at("web.logout"))
    ledger.visited("chat.conversation", "chat", at("chat.conversation").seen_at, 0.5)
    found, _ = timeline.stops(ledger)
    assert [(stop.touchpoint, stop.logins) for stop in found] == [
        ("web.checkout", [True]),
        ("web.logout", [False]),
        ("chat.conversation", []),
    ]
