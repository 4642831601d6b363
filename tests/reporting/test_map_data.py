"""The journey map's data and page, built from generated ledgers (the browser test is in tests/e2e)."""

from __future__ import annotations

import re
from pathlib import Path

from ledger_factory import journey_dict

from journeys.reporting.journey_map import PageExtras, journey_data, page_data, render, write_map
from journeys.reporting.ledgers import read_run


def _journey(folder: Path, name_part: str) -> dict:
    results = read_run(folder)
    index, record = next((i, r) for i, r in enumerate(results.journeys) if name_part in r.name)
    return journey_data(index, record, results.language)


def test_a_stale_mail_total_is_a_red_line_with_both_values(one_stale: Path):
    journey = _journey(one_stale, "[1]")

    [line] = journey["lines"]
    assert (line["h"], line["fact"]) == ("InconsistentFact", "order.total")
    assert (line["av"], line["bv"]) == ("€ 329,00", "€ 349,00")
    assert journey["stops"][line["a"]]["tp"] == "web.order_confirmation"
    assert journey["stops"][line["b"]]["tp"] == "email.order_confirmation"


def test_a_clean_journey_has_no_red_line(one_stale: Path):
    journey = _journey(one_stale, "[0]")

    assert journey["lines"] == [] and journey["marks"] == [] and journey["violations"] == []
    assert not any(flag for stop in journey["stops"] for _, _, flag, _ in stop["facts"])


def test_one_swimlane_per_channel_and_stops_in_order_on_the_clock(one_stale: Path):
    journey = _journey(one_stale, "[0]")

    assert journey["channels"] == ["web", "email", "app"]  # the app lane, as the writer calls it (read as api)
    assert [s["tp"] for s in journey["stops"]] == [
        "web.product",
        "web.checkout",
        "web.order_confirmation",
        "email.order_confirmation",
        "app.order",
        "app.order",
    ]
    assert journey["stops"][3]["at"] == "Mon 30 Nov 15:23"
    assert journey["stops"][1]["asked"] == ["email"] and journey["stops"][1]["gave"] == ["email"]


def test_screenshots_are_linked_relative_to_the_run_folder_and_other_evidence_listed(one_stale: Path):
    journey = _journey(one_stale, "[0]")

    assert journey["stops"][2]["shots"] == ["evidence/anna-000000/web-08-web.order_confirmation.png"]
    assert journey["stops"][3]["files"] == ["evidence/anna-000000/email-09-email.order_confirmation.eml"]


def test_a_promise_runs_from_where_it_was_made_to_its_deadline_with_its_outcome(one_stale: Path):
    kept = _journey(one_stale, "[0]")["promises"]
    broken = _journey(one_stale, "Een tablet")["promises"]

    assert kept == [
        {
            "fact": "delivery.date",
            "raw": "morgen",
            "made": 2,
            "due": "Tue 1 Dec 23:59",
            "dueStop": 5,
            "status": "kept",
            "verdict": kept[0]["verdict"],
        }
    ]
    assert broken[0]["status"] == "broken" and broken[0]["due"] == "Tue 1 Dec 23:59"  # an English run


def test_the_effort_curve_rises_after_each_stop_and_ends_at_the_score(make_run):
    folder = make_run([journey_dict(0, asked_again=True, promise_broken=True, slow_seconds=12)])
    journey = _journey(folder, "[0]")

    curve = journey["curve"]
    assert len(curve) == len(journey["stops"])
    assert curve == sorted(curve)
    assert curve[-1] == journey["effort"]["score"]
    assert curve[4] - curve[3] >= 5  # the question asked again at app.order weighs 5
    assert curve[5] - curve[4] >= 8  # the broken promise counts when its deadline has passed


def test_the_overview_columns_are_touchpoints_in_journey_order(one_stale: Path):
    data = page_data(read_run(one_stale))

    assert data["columns"][:3] == ["web.product", "web.checkout", "web.order_confirmation"]
    assert data["counts"] == {"passed": 1, "failed": 2}


def test_the_page_is_dutch_when_the_features_were(make_run):
    folder = make_run([journey_dict(0, lang="nl"), journey_dict(1, lang="nl", stale_total=True)])

    html = render(page_data(read_run(folder)))

    assert '<html lang="nl">' in html and "Klantreiskaart" in html


def test_the_page_is_self_contained(one_stale: Path):
    page = write_map(read_run(one_stale), PageExtras(trend={}, gate=[]))
    html = page.read_text(encoding="utf-8")

    assert page.name == "journey-map.html" and page.parent == one_stale
    # Nothing loaded from elsewhere: no external script, style, font or image.
    assert not re.search(r"""(src|href)\s*=\s*["']?https?:""", html)
    assert "@import" not in html and "<link" not in html
    assert "€ 349,00" in html


def test_text_from_a_ledger_cannot_close_the_script(make_run):
    folder = make_run([journey_dict(0, name="</script><script>alert(1)</script>")])

    html = render(page_data(read_run(folder)))

    assert "</script><script>alert(1)" not in html
    assert html.count("</script>") == 2  # the data's and the code's own


def test_trend_and_gate_findings_are_on_the_page(one_stale: Path):
    results = read_run(one_stale)
    name = results.journeys[1].name

    data = page_data(results, PageExtras(trend={name: "started"}, gate=["effort 26 above 20"]))

    assert data["trend"]["started"] == [name]
    assert data["journeys"][1]["trend"] == "started"
    assert data["gate"] == ["effort 26 above 20"]
