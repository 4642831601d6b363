"""The moments of truth by cause, the report a CX lead reads, and the ramp of customers at once (fast)."""

from __future__ import annotations

import re
from types import SimpleNamespace

from journeys.population.load import START, LoadControl
from journeys.population.report import markdown, page
from journeys.population.truth_moments import causes, leaked, moments
from journeys.population.walker import Visited, Walked

SLOW = {"cause": "too slow", "detail": "no answer within 10 s", "touchpoint": "web.checkout"}
MAIL = {"cause": "mail never came", "detail": "no mail within 5 s", "touchpoint": "email.order_confirmation"}


def customer(index: int, cause: dict | None = None) -> Walked:
    visits = [
        Visited("web.checkout", 80.0, None, "touchpoint", 'she orders "Tulp Tab 10"'),
        Visited("email.order_confirmation", 20.0, None, "touchpoint", "she reads her confirmation mail"),
    ]
    digest = {"visits": [("web.checkout", "web", 0), ("email.order_confirmation", "email", 0)], "customer": {}}
    w = Walked(index, f"anna-{index}", "f.feature:3", "order", "failed" if cause else "passed", 1.0, visits)
    w.digest, w.cause = digest, cause
    return w


def crowd() -> tuple[list[Walked], dict[str, str]]:
    walked = [customer(i, SLOW) for i in range(6)] + [customer(6, MAIL)] + [customer(i) for i in range(7, 10)]
    leak = {"what": "order number", "value": "RS-1", "customers": ["anna-8", "anna-9"], "touchpoint": "web.checkout"}
    return walked, leaked([leak])


def test_each_journey_that_went_wrong_counts_once_under_its_cause_and_leaks_come_first():
    walked, leaks = crowd()
    found = causes(walked, leaks)
    assert [(c["cause"], c["journeys"]) for c in found["by_cause"]] == [
        ("too slow", 6),
        ("privacy leak", 2),
        ("mail never came", 1),
    ]
    assert found["went_wrong"] == 9 and found["by_touchpoint"]["web.checkout"] == {"too slow": 6, "privacy leak": 2}
    rows = moments(walked, leaks)
    assert [r["touchpoint"] for r in rows] == ["web.checkout", "email.order_confirmation"]
    checkout, mail = rows
    assert checkout["causes"] == {"privacy leak": 2, "too slow": 6} and checkout["went_wrong"] == 8
    assert mail["causes"] == {"mail never came": 1}  # the overloaded checkout is not the mail's fault
    assert checkout["words"] == 'she orders "Tulp Tab 10"' and checkout["privacy_leaks"] == 2


def results(walked: list[Walked], leaks: dict[str, str]) -> dict:
    rows = moments(walked, leaks)
    return {
        "run": {
            "walked": 10,
            "seconds": 3.0,
            "arrived": 10,
            "rate_reached": 5.0,
            "rate_asked": 5.0,
            "stopped": "all",
            "cut_off": 0,
            "walked_alone": 0,
        },
        "journeys": {
            "passed": 1,
            "failed": 9,
            "interrupted": 0,
            "violation_rate": 0.0,
            "failure_rate": 0.9,
            "errors": [{"kind": "x at <n>", "count": 6, "example": "x at 10"}],
        },
        "promises": {"promises_kept": None, "kept": 0, "broken": 0, "pending": 0},
        "privacy": {
            "leaks": 1,
            "found": [
                {"what": "order number", "value": "RS-1", "customers": ["anna-8", "anna-9"], "touchpoints": ["a", "b"]}
            ],
        },
        "causes": causes(walked, leaks),
        "moments_of_truth": rows + [{**rows[1], "touchpoint": "app.order", "words": "", "went_wrong": 0, "causes": {}}],
        "touchpoints": [],
        "rules": {"by_rule": []},
        "effort": {},
        "load": {"said": ["the system bent at 13 customers at once (x): held at 9"]},
        "thresholds": [
            {
                "threshold": "privacy_leaks == 0",
                "value": 0,
                "passed": False,
                "measured": False,
                "note": "not measured: 1 of 30",
            }
        ],
    }


def test_the_report_puts_leaks_first_names_touchpoints_in_words_and_colours_by_severity():
    r = results(*crowd())
    text = markdown(r)
    assert (
        text.index("## Privacy leaks: 1") < text.index("## Why journeys went wrong") < text.index("## Moments of truth")
    )
    assert "RS-1 was told to anna-8 (at a), anna-9 (at b) as each one's own" in text
    assert "| NOT MEASURED | not measured: 1 of 30 |" in text and "the system bent at 13" in text
    assert '| web.checkout | she orders "Tulp Tab 10" | 10 | 8 | 2 privacy leak, 6 too slow |' in text
    html = page(r)
    assert html.index("Privacy leaks") < html.index("Moments of truth")
    assert "she orders &quot;Tulp Tab 10&quot; (web.checkout)" in html
    # The 0-of-10 row has a bar of no colour: only the background, and no cause's fill.
    zero = html[html.index(">app.order<") :].split("</text>", 2)[1]
    assert "0 of 10" in html and not re.search(r"fill='#(?!eef1f4)", zero)
    assert "fill='#7a0019'" in html and "fill='#edc948'" in html  # privacy leak, too slow
    assert "8 of 10: 2 privacy leak, 6 too slow" in html  # the severest named first, as drawn
    assert "1 journeys" not in html and "<td>6</td><td>x at &lt;n&gt;</td>" in html


class Hook:
    def __init__(self) -> None:
        self.listeners = []

    def add_listener(self, listener) -> None:
        self.listeners.append(listener)


def control(fixed: int = 0) -> LoadControl:
    return LoadControl(SimpleNamespace(events=SimpleNamespace(request=Hook(), cpu_warning=Hook())), fixed)


def window(load: LoadControl, ms: float, *, full: bool = True, timeouts: int = 0) -> None:
    for _ in range(5):
        load._request("touchpoint", "web.checkout", ms)
    for _ in range(timeouts):
        load._request("touchpoint", "web.checkout", 10_000, exception=Exception("x: no answer within 10 s"))
    if full:
        load.full(load.limit)
    load.judge()


def test_the_ramp_lets_more_in_while_the_system_answers_in_time_then_holds_where_it_bent():
    load = control()
    assert load.limit == START
    for _ in range(3):
        window(load, 100)
    assert load.limit == 32 and not load.holding
    window(load, 150)  # a little slower: still in time
    window(load, 1100)  # three times its quickest (100 ms), and a second more: bent
    assert load.holding and load.limit == 32
    assert load.bent == {
        "active": 64,
        "why": "web.checkout took 1100 ms at the median against 100 ms with fewer",
        "held_at": 32,
    }
    window(load, 100)
    assert load.limit == 32
    assert load.report()["said"][0].startswith("the system bent at 64 customers at once")


def test_a_slower_mail_that_is_still_in_time_does_not_bend_it():
    load = control()
    window(load, 40)
    window(load, 500)  # twelve times as slow, but half a second: in time
    assert not load.holding and load.limit == 4 * 2 * 2


def test_a_timeout_bends_it_and_without_waiting_arrivals_it_does_not_ramp():
    load = control()
    window(load, 100, full=False)
    assert load.limit == START
    window(load, 100, timeouts=1)
    assert load.holding and "1 requests timed out" in load.bent["why"]


def test_a_visit_half_way_to_the_timeout_bends_it_before_anyone_times_out():
    load = control()
    window(load, 100)
    load._request("touchpoint", "web.order_confirmation", 5200.0)
    window(load, 100)
    assert load.holding and load.bent["why"] == "web.order_confirmation took 5200 ms, half-way to the 10 s timeout"
    mail = control()
    mail._request("touchpoint", "email.order_confirmation", 6000.0)  # waiting for a mail is not a slow request
    window(mail, 100)
    assert not mail.holding


def test_a_saturated_generator_stops_the_ramp_and_says_so():
    load = control()
    window(load, 100)  # the warm-up window is not judged for saturation
    for _ in range(2):
        load._cpu_warning(cpu_usage=97.0)
        window(load, 100)
    assert load.holding and load.saturated
    assert "the load generator was saturated (CPU up to 97% of a core" in " ".join(load.report()["said"])


def test_a_fixed_max_active_is_kept():
    load = control(6)
    window(load, 100)
    window(load, 5000, timeouts=3)
    assert load.limit == 6 and load.bent is None and load.report()["max_active"] == 6


def test_a_small_run_is_not_told_that_its_rate_was_not_reached(tmp_path):
    from journeys.population.telling import verdict

    said: list[str] = []
    run = SimpleNamespace(lost=[], stopped="all 2 customers arrived")
    r = results(*crowd())
    r["run"] = {**r["run"], "walked": 2, "arrived": 2, "rate_reached": 3.3, "rate_asked": 5.0, "late_p95_ms": 4.0}
    r["journeys"]["violation_rate"] = 0.0
    assert verdict(run, r, tmp_path, said.append) == 1  # its threshold is not measured
    assert not any("rate asked was not reached" in line for line in said)
    assert "  NOT MEASURED privacy_leaks == 0  (value 0) not measured: 1 of 30" in said
    assert "  went wrong: 6 too slow, 2 privacy leak, 1 mail never came" in said
    assert "  the system bent at 13 customers at once (x): held at 9" in said
