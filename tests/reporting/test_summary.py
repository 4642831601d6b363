"""summary.md: what failed, where, the two values, a link to the map; short enough for a PR comment."""

from __future__ import annotations

from pathlib import Path

import pytest
from ledger_factory import journey_dict

from journeys.messages import say
from journeys.reporting.ledgers import read_run
from journeys.reporting.summary import summary_markdown, write_summary


def test_a_failed_journey_shows_where_and_both_values(one_stale: Path):
    text = summary_markdown(read_run(one_stale))

    assert text.startswith("## ❌ journeys: 2 of 3 journeys did not pass")
    assert "[journey map](journey-map.html)" in text
    assert "| | journey | customer | where | what | expected | seen |" in text
    row = next(line for line in text.splitlines() if "InconsistentFact" in line)
    # The reference (the page and the app) against the odd one out (the mail), at the mail's line.
    assert "`€ 329,00` at web.order_confirmation, app.order" in row
    assert "`€ 349,00` at email.order_confirmation" in row
    assert "| features/order/web_order.feature:9 |" in row and "| Anna 1 |" in row
    assert "BrokenPromise" in text


def test_a_clean_run_is_one_green_line_and_the_link(make_run):
    text = summary_markdown(read_run(make_run([journey_dict(0), journey_dict(1)])))

    assert text.splitlines()[0] == "## ✅ journeys: all 2 journeys passed"
    assert len(text.splitlines()) == 3


def test_the_gate_verdict_thresholds_and_trend_are_said(one_stale: Path):
    results = read_run(one_stale)
    names = [j.name for j in results.journeys]

    text = summary_markdown(
        results,
        gate=["A: effort score 26.4 is above 20 (max_effort_score)"],
        trend={names[1]: "started", names[0]: "flaky"},
        gate_run=True,
    )

    assert "· gate **failed**" in text.splitlines()[0]
    assert "**Gate thresholds crossed**\n- A: effort score 26.4 is above 20 (max_effort_score)" in text
    assert f"**Started failing since the previous run**\n- {names[1]}" in text
    assert f"**Flaky (passed and failed on the same code and system)**\n- {names[0]}" in text


def test_500_failing_journeys_still_make_a_short_summary(make_run):
    results = read_run(make_run([journey_dict(i, stale_total=True) for i in range(60)], junit=False))

    text = summary_markdown(results)

    assert "… and 50 more in the journey map." in text
    assert len(text) < 6000  # GitHub allows 65536 characters in a comment; a glance needs far fewer


def test_problems_and_unfinished_journeys_are_listed(make_run):
    folder = make_run([journey_dict(0, outcome="interrupted")], junit=False)
    (folder / "evidence" / "bad").mkdir()
    (folder / "evidence" / "bad" / "ledger.json").write_text("nonsense", encoding="utf-8")

    text = summary_markdown(read_run(folder))

    assert "**Could not be read**" in text and "bad/ledger.json" in text
    assert "**Did not finish**" in text and "(interrupted)" in text


def test_pipes_in_names_do_not_break_the_table(make_run):
    folder = make_run([journey_dict(0, stale_total=True, name="Cash | card")])

    text = summary_markdown(read_run(folder))

    assert "Cash \\| card" in text


def test_the_map_link_follows_the_published_url(one_stale: Path):
    path = write_summary(read_run(one_stale), report_url="https://ci.example.com/artifacts/run-7/")

    assert "(https://ci.example.com/artifacts/run-7/journey-map.html)" in path.read_text(encoding="utf-8")


def test_one_journey_is_said_in_the_singular(make_run):
    text = summary_markdown(read_run(make_run([journey_dict(0)])))
    assert text.splitlines()[0] == "## ✅ journeys: 1 journey passed"
    text = summary_markdown(read_run(make_run([journey_dict(0, stale_total=True)], run_id="20261130-152300-abcd")))
    assert text.splitlines()[0] == "## ❌ journeys: 1 journey did not pass"


def test_a_step_error_points_at_the_failing_line_with_its_kind(make_run):
    from journeys.reporting.ledgers import TestCase as Case

    data = journey_dict(0, outcome="failed")
    folder = make_run([data])
    error = f"features/order/web_order.feature:12 (And she reads the shipping notice):\nMailNotReceived: {folder}/x"
    text = summary_markdown(read_run(folder, [Case(data["journey"], "c", "failed", error, error)]))
    row = next(line for line in text.splitlines() if "MailNotReceived" in line)
    assert "| features/order/web_order.feature:12 | **MailNotReceived** |" in row
    assert str(folder) not in row  # paths from the run folder


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_mail_that_never_came_says_which_mail_and_how_long_she_waited(make_run, language):
    from journeys.reporting.ledgers import TestCase as Case

    data = journey_dict(0, outcome="failed", lang=language)
    folder = make_run([data])
    values = {"customer": "anna", "touchpoint": "email.shipping_notice", "address": "anna@journeys.test"}
    values |= {"subject": "Verzonden", "filled": "", "timeout": 5, "mailbox": "x", "what": "", "where": "m.yaml:1"}
    said = say("mail.not_received", language, **values)
    error = (
        f"features/delivery/shipping_notice.feature:12 (And she reads the shipping notice):\nMailNotReceived: {said}"
    )
    text = summary_markdown(read_run(folder, [Case(data["journey"], "c", "failed", error, error)]))
    row = next(line for line in text.splitlines() if "MailNotReceived" in line)
    expected = {"en": "| a mail at email.shipping_notice | none came within 5 s |"}
    expected["nl"] = "| een mail bij email.shipping_notice | binnen 5 s kwam er geen |"
    assert row.endswith(expected[language]), row


def test_dutch_journeys_get_a_dutch_summary(make_run):
    folder = make_run([journey_dict(0, lang="nl"), journey_dict(1, lang="nl", stale_total=True)])
    text = summary_markdown(read_run(folder))
    assert text.splitlines()[0] == "## ❌ journeys: 1 van de 2 klantreizen niet geslaagd"
    assert "| | klantreis | klant | waar | wat | verwacht | gezien |" in text
    assert "`€ 349,00` bij email.order_confirmation" in text


def test_an_unexpected_value_row_says_what_was_expected(make_run):
    from decimal import Decimal

    from journeys.core import rules
    from journeys.core.effort import effort
    from journeys.core.ledger import Ledger
    from journeys.values.money import Money

    ledger = Ledger.from_dict(journey_dict(0))
    ledger.add(rules.shows(ledger, "app.order", "order.total", Money(Decimal("300.00"), "EUR"), "money"))
    data = {"journey": "Expected total", "outcome": "failed", **ledger.to_dict(), "effort": effort(ledger).to_dict()}

    text = summary_markdown(read_run(make_run([data])))

    row = next(line for line in text.splitlines() if "UnexpectedFact" in line)
    assert "| `€ 300,00` | `€ 329,00` at app.order |" in row, row


def test_an_unreadable_feature_file_beside_a_passing_journey_is_not_all_passed(make_run):
    from journeys.reporting.journey_map import page_data
    from journeys.reporting.ledgers import TestCase

    folder = make_run([journey_dict(0)])
    cases = [
        TestCase(read_run(folder).journeys[0].name, "features/a.feature::A", "passed"),
        TestCase("unreadable", "features/empty.feature::unreadable", "failed", "empty.feature:1: empty feature file"),
    ]
    results = read_run(folder, cases)

    text = summary_markdown(results)

    assert text.splitlines()[0] == "## ❌ journeys: 1 journey passed; 1 did not finish"
    assert "empty feature file" in text
    assert page_data(results)["counts"] == {"passed": 1, "failed": 1}


def test_a_journey_that_never_reported_is_not_all_passed(make_run):
    from journeys.reporting.ledgers import TestCase, write_planned

    folder = make_run([journey_dict(0)])
    passed = read_run(folder).journeys[0].name
    write_planned(folder, [passed, "Killed with its worker"])

    text = summary_markdown(read_run(folder, [TestCase(passed, "a.feature::A", "passed")]))

    assert text.splitlines()[0] == "## ❌ journeys: 1 journey passed; 1 did not finish"
    assert "Killed with its worker (no result" in text


def test_a_dutch_map_says_its_dates_weekdays_in_dutch(make_run):
    from journeys.reporting.journey_map import page_data

    folder = make_run([journey_dict(0, lang="nl")])
    (journey,) = page_data(read_run(folder))["journeys"]
    dates = [f[1] for stop in journey["stops"] for f in stop["facts"] if f[0] == "delivery.date"]
    assert dates and all(d.endswith(("(ma)", "(di)", "(wo)", "(do)", "(vr)", "(za)", "(zo)")) for d in dates), dates
    (english,) = page_data(read_run(folder), language="en")["journeys"]
    assert any(f[1].endswith("(Tue)") for stop in english["stops"] for f in stop["facts"] if f[0] == "delivery.date")
