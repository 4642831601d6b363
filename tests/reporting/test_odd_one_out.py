"""The map points at the odd one out: only dissenters red, missing mails drawn, paths from the run folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from ledger_factory import journey_dict

from journeys.messages import say
from journeys.reporting.journey_map import MissingMail, lane, missing_mail, page_data
from journeys.reporting.ledgers import TestCase as Case
from journeys.reporting.ledgers import read_run

RUN = "20261130-152200-abcd"


def _flagged(journey: dict) -> list[tuple[str, str]]:
    return [(stop["tp"], fact) for stop in journey["stops"] for fact, _, flag, _ in stop["facts"] if flag]


def test_only_the_mail_that_told_another_total_is_red(make_run, tmp_path: Path):
    folder = tmp_path / "reports" / "runs" / RUN
    make_run([journey_dict(1, stale_total=True, run=str(folder))])
    (journey,) = page_data(read_run(folder))["journeys"]
    assert _flagged(journey) == [("email.order_confirmation", "order.total")]
    assert str(tmp_path) not in "".join(journey["violations"])
    assert (
        f"evidence/{journey_dict(1)['customer']['key']}/email-09-email.order_confirmation.eml"
        in journey["violations"][0]
    )


def test_a_passing_journey_shows_no_red_even_where_a_fact_was_not_shown(make_run):
    data = journey_dict(0)
    unread = dict(data["observations"][-1], fact="callback.made", raw=None, value=None, seq=999)
    unread["kind"] = "text"
    data["observations"].append(unread)
    folder = make_run([data])
    (journey,) = page_data(read_run(folder))["journeys"]
    assert journey["outcome"] == "passed"
    assert _flagged(journey) == [] and journey["lines"] == [] and journey["marks"] == []


def test_a_mail_that_never_came_is_a_missing_box_in_the_mail_lane(make_run):
    data = journey_dict(0, outcome="failed")
    folder = make_run([data])
    error = (
        "features/delivery/shipping_notice.feature:12 (And she reads the shipping notice):\n"
        "MailNotReceived: anna at email.shipping_notice: no mail to anna@journeys.test with a subject"
        " matching 'Je bestelling' within 5 s in the SMTP capture at 127.0.0.1:2525."
    )
    case = Case(data["journey"], "features.delivery", "failed", "MailNotReceived", text=error)
    assert case.failing_line == "features/delivery/shipping_notice.feature:12"
    (journey,) = page_data(read_run(folder, [case]))["journeys"]
    last = journey["stops"][-1]
    assert (last["tp"], last["ch"], last["missing"], last["wait"]) == ("email.shipping_notice", "email", True, 5.0)
    assert "email" in journey["channels"] and len(journey["curve"]) == len(journey["stops"])
    assert journey["error"].endswith("127.0.0.1:2525.")  # whole, not cut: the page wraps it


def test_lanes_are_named_as_writers_name_channels():
    assert lane("app.order", "api") == "app"
    assert lane("store.lead_time", "api") == "store"
    assert lane("returns.portal", "web") == "web"
    assert missing_mail("StepError: no such step") is None
    assert missing_mail("MailNotReceived: a at email.refund: nothing came") == MissingMail("email.refund", None)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_mail_that_never_came_is_found_in_the_journeys_language(language):
    values = {"customer": "anna", "touchpoint": "email.parcel_notice", "address": "anna@journeys.test"}
    values |= {"subject": "Je pakket", "filled": "", "timeout": 5, "mailbox": "127.0.0.1:2525", "what": ""}
    error = "MailNotReceived: " + say("mail.not_received", language, **values, where="refshop.yaml:128")
    assert missing_mail(error) == MissingMail("email.parcel_notice", 5.0)


def test_a_fact_the_page_did_not_show_is_marked_not_read_with_paths_from_the_run(make_run, tmp_path: Path):
    folder = tmp_path / "reports" / "runs" / RUN
    data = journey_dict(0, run=str(folder))
    shot = folder / "evidence" / "anna" / "web-02-web.checkout.png"
    why = f"web.checkout: order.code_discount not found: nothing matches testid 'code-discount' (screenshot: {shot})."
    unread = dict(data["observations"][-1], fact="order.code_discount", raw=None, value=None, seq=999, problem=why)
    data["observations"].append(unread)
    make_run([data])
    (journey,) = page_data(read_run(folder))["journeys"]
    (fact,) = [f for stop in journey["stops"] for f in stop["facts"] if f[0] == "order.code_discount"]
    assert fact[2:] == [0, 1]  # not the odd one out, not read
    assert "(screenshot: evidence/anna/web-02-web.checkout.png)" in fact[1] and str(tmp_path) not in fact[1]
    read = [f for stop in journey["stops"] for f in stop["facts"] if f[0] != "order.code_discount"]
    assert read and all(f[3] == 0 for f in read)
