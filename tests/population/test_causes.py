"""One cause per journey that went wrong, errors grouped by kind, and how far the crowd got (fast, no Locust)."""

from __future__ import annotations

import httpx
import pytest

from journeys.errors import ChannelError, MailNotReceived, StepFailed, SystemUnreachable
from journeys.population.causes import cause_of_error, cause_of_violations, group_errors, one_cause
from journeys.population.reach import reach
from journeys.population.walker import Visited, Walked, _cause, walked_from_dict, walked_to_dict


def chained(error: BaseException, cause: BaseException) -> BaseException:
    error.__cause__ = cause
    return error


@pytest.mark.parametrize(
    ("error", "cause", "detail"),
    [
        (MailNotReceived("no mail 'Bevestiging' within 5 s in the capture"), "mail never came", "no mail within 5 s"),
        (
            MailNotReceived("mia bij email.order_confirmation: binnen 5 s kwam er in de SMTP-opvang geen mail aan mia"),
            "mail never came",
            "no mail within 5 s",
        ),
        (
            chained(
                ChannelError("anna-1 at web.checkout: POST /checkout: no answer within 10 s"), httpx.ReadTimeout("")
            ),
            "too slow",
            "no answer within 10 s",
        ),
        (
            ChannelError("anna-1 at web.checkout: the page at /checkout (HTTP 503) does not show x"),
            "system error",
            "HTTP 503",
        ),
        (ChannelError("anna-1 at app.order: GET /api/orders/RS-1 answered 500 INTERNAL"), "system error", "HTTP 500"),
        (SystemUnreachable("refused"), "system error", "the system did not answer (connection refused)"),
        (
            ChannelError("nothing to click called 'Shipping' on /dashboard/login/"),
            "harness error",
            "ChannelError: nothing to click called 'Shipping'",
        ),
    ],
)
def test_a_step_error_gets_the_cause_its_chain_tells(error, cause, detail):
    wrapped = StepFailed(error, "features/x.feature:3", "she pays")
    found = cause_of_error(wrapped)
    assert found[0] == cause and found[1].startswith(detail)


def violation(rule: str, heading: str = "", blamed: tuple[str, ...] = ("email.order_confirmation",)) -> dict:
    return {"rule": rule, "fact": "order.total", "heading": heading, "title": "t", "blamed": list(blamed)}


def test_the_severest_violation_is_the_cause_and_a_finding_beats_the_step_error_it_caused():
    assert cause_of_violations([violation("not_asked_twice"), violation("agree")])[0] == "contradiction"
    assert cause_of_violations([violation("promise_kept"), violation("kept_private")])[0] == "privacy leak"
    assert cause_of_violations([violation("agree", "NothingToCompare")])[0] == "harness error"
    assert cause_of_violations([]) is None
    timeout = chained(ChannelError("x at web.checkout: no answer within 10 s"), httpx.ReadTimeout(""))
    # An overloaded checkout is the cause, not the comparison it left with nothing to compare...
    assert _cause([violation("agree", "NothingToCompare")], timeout) == {
        "cause": "too slow",
        "detail": "no answer within 10 s",
        "touchpoint": "web.checkout",
    }
    # ...but a contradiction found before it is the finding.
    assert _cause([violation("agree")], timeout)["cause"] == "contradiction"


def walked(index: int, outcome: str = "passed", cause: dict | None = None, **digest) -> Walked:
    w = Walked(index, f"anna-{index}", "f.feature:3", "order", outcome, 1.0, digest={"visits": [], **digest})
    w.cause = cause
    return w


def test_one_cause_per_journey_a_leak_shown_to_her_first():
    slow = {"cause": "too slow", "detail": "no answer within 10 s", "touchpoint": "web.checkout"}
    assert one_cause(walked(1)) is None
    assert one_cause(walked(1, "failed", slow)) == slow
    assert one_cause(walked(1, "failed", slow), leaked=True)["cause"] == "privacy leak"
    assert one_cause(walked(1, "interrupted"))["cause"] == "harness error"
    back = walked_from_dict(walked_to_dict(walked(2, "failed", slow)))  # as it travels from a worker
    assert back.cause == slow


def test_errors_are_grouped_by_kind_without_customers_names_or_numbers():
    messages = [
        "ChannelError: jolijn-99c627e471 at app.order: GET http://127.0.0.1:4677/api/orders/RS-10005?email=j%40x.nl"
        " answered 404 NOT FOUND: geen bestelling RS-10005 voor Jolijn de Wit",
        "ChannelError: fenna-87a7baf6d4 at app.order: GET http://127.0.0.1:4677/api/orders/RS-10008?email=f%40x.nl"
        " answered 404 NOT FOUND: geen bestelling RS-10008 voor Fenna Bos",
        "ChannelError: anna-3 at web.checkout: POST http://127.0.0.1:4677/checkout: no answer within 10 s",
        "StepFailed: features/order/webbestelling.feature:10 (En ze leest de mail): MailNotReceived: mia-5423a3fe58"
        " at email.order_confirmation: no mail to mia-5423a3fe58@journeys.test within 0.02 s",
        "StepFailed: features/order/web_order.feature:18 (And she reads the mail): MailNotReceived: linn-4958023dca"
        " at email.order_confirmation: no mail to linn-4958023dca@journeys.test within 0.02 s",
    ]
    groups = group_errors(messages, ["Jolijn de Wit", "Fenna Bos"])
    assert [g["count"] for g in groups] == [2, 2, 1]  # the mail's in two scenarios, two languages: one kind
    assert (
        groups[1]["kind"] == "MailNotReceived: <customer> at email.order_confirmation: no mail to <e-mail> within <n> s"
    )
    assert "answered 404" in groups[0]["kind"] and "<customer>" in groups[0]["kind"] and "<name>" in groups[0]["kind"]
    assert "RS-10005" not in groups[0]["kind"] and groups[0]["example"] == messages[0]


def test_the_same_error_cut_at_another_length_is_the_same_kind():
    def mail(key: str, rest: str) -> str:
        return (
            f"StepFailed: features/delivery/shipping_notice.feature:12 (And she reads the shipping notice):"
            f" MailNotReceived: {key} at email.shipping_notice: no mail to {key}@journeys.test with a subject"
            f" matching 'Je bestelling {{order_number}} is verzonden' (order_number=RS-10003) within 5 s in the SMTP"
            f" capture at 127.0.0.1:36391. What did arrive for {key}@journeys.test: {rest}"
        )

    groups = group_errors([mail("liza-c7dcd783d1", "13:40:26 'Be"), mail("maartje-d9cab2a26c", "13:")])
    assert [g["count"] for g in groups] == [2]
    assert groups[0]["kind"].endswith("within <n> s in the SMTP capture at <n>.")


def test_reach_counts_who_got_where_against_who_was_to():
    def visited(index: int, location: str, touchpoints: list[str], outcome: str = "passed", error: str | None = None):
        w = walked(index, outcome, visits=[(tp, "web", 0) for tp in touchpoints], promises=[])
        w.location, w.error = location, error
        return w

    crowd = [
        visited(1, "a:3", ["web.product", "web.checkout", "agent.order"]),
        visited(2, "a:3", ["web.product"], "failed", "StepFailed: ..."),
        visited(3, "b:9", ["web.product"]),
    ]
    found = reach(crowd, ["a:3"])  # one more of a:3 was cut off
    assert found["everyone"] == 4 and found["completed"] == 2 and found["outcome"] == 3
    assert found["touchpoints"]["agent.order"] == {"reached": 1, "expected": 3}  # of a:3's three customers
    assert found["touchpoints"]["web.product"] == {"reached": 3, "expected": 4}
    assert found["promises"] == {"reached": 0, "expected": 0}
    assert Visited("web.product", 3.0, None, "touchpoint", "she orders").step == "she orders"


def test_a_journeys_own_privacy_finding_is_a_privacy_leak_of_the_crowd_too():
    from journeys.population.report import _leak
    from journeys.population.results import _privacy

    said = "kept_private(order.total): another customer was shown her order total at app.order"
    own = walked(1, "failed", {"cause": "privacy leak", "detail": said, "touchpoint": "app.order"})
    own.digest["customer"] = {"name": "Anna de Wit"}
    crowd = {"customer": "anna-2", "owner": "anna-3", "what": "address", "value": "Kade 1", "touchpoint": "app.order"}
    told_twice = walked(2, "failed", {"cause": "privacy leak", "detail": said, "touchpoint": "app.order"})
    slow = walked(4, "failed", {"cause": "too slow", "detail": "no answer within 10 s", "touchpoint": "web.checkout"})
    found = _privacy([own, told_twice, slow, walked(5)], [crowd])
    assert found["leaks"] == 2  # anna-2's is the crowd rule's already: counted once
    assert [_leak(leak) for leak in found["found"]] == [
        "anna-2 was shown anna-3's address (Kade 1) at app.order",
        f"Anna de Wit: {said}",
    ]
