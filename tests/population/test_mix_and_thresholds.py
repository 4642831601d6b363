"""The mix of journeys and the thresholds: read from what a user types, with clear messages."""

from __future__ import annotations

from collections import Counter

import pytest
from population_helpers import CLOCK_MOVERS, ORDER, ROOT

from journeys.population.mix import MixError, build_mix
from journeys.population.thresholds import Known, ThresholdError, evaluate, parse, parse_share

# Named files, not all of features/: other journeys come and go there meanwhile.
FEATURES = [str(ROOT / f) for f in (*ORDER, CLOCK_MOVERS, "features/parity/store_vs_online.feature")]
ORDER_FOLDER = str(ROOT / "features" / "order")


def test_without_weights_every_scenario_is_equally_likely():
    mix = build_mix([str(ROOT / f) for f in ORDER])
    assert len(mix.shares) == 3 and {round(s.share, 4) for s in mix.shares} == {0.3333}


def test_weights_by_file_tag_and_name_split_over_the_scenarios_they_pick():
    mix = build_mix(
        FEATURES,
        [
            f"{ORDER_FOLDER}/web_order.feature=60%",
            "@store=30%",
            "An order on Friday afternoon arrives on the promised day=10%",
        ],
    )
    shares = {s.scenario.location.split("features/")[-1]: round(s.share, 3) for s in mix.shares}
    assert shares == {
        "order/web_order.feature:6": 0.3,
        "order/web_order.feature:15": 0.3,
        "parity/store_vs_online.feature:16": 0.15,
        "parity/store_vs_online.feature:17": 0.15,
        "delivery/next_day_promise.feature:8": 0.1,
    }
    picks = Counter(mix.pick(7, i).location.split("features/")[-1] for i in range(2000))
    assert 500 < picks["order/web_order.feature:6"] < 700 and 120 < picks["delivery/next_day_promise.feature:8"] < 280
    assert [mix.pick(7, i) for i in range(20)] == [mix.pick(7, i) for i in range(20)]  # replayable


@pytest.mark.parametrize(
    ("weights", "message"),
    [
        (["Ordering on Mars=1"], "unknown journey 'Ordering on Mars' in the mix"),
        (["@gaet=1"], "Did you mean '@gate'?"),
        ([f"{ORDER_FOLDER}=3", "@parity=20%"], "mixes percentages and relative weights"),
        ([f"{ORDER_FOLDER}=0"], "a weight must be more than 0"),
        ([f"{ORDER_FOLDER}=lots"], "the weight 'lots' is not a number"),
        ([f"{ORDER_FOLDER}"], "write a weight as SELECTOR=WEIGHT"),
    ],
)
def test_a_mix_that_cannot_be_made_says_why(weights, message):
    with pytest.raises(MixError, match=message.replace("?", r"\?").replace("(", r"\(")):
        build_mix(FEATURES, weights)


def test_a_path_that_does_not_exist_is_named():
    with pytest.raises(MixError, match="nowhere: no such file or folder"):
        build_mix(["nowhere"])


RESULTS = {
    "run": {"walked": 100, "rate_reached": 4.8},
    "journeys": {"violation_rate": 0.02, "failure_rate": 0.03},
    "promises": {"promises_kept": None},
    "privacy": {"leaks": 0},
    "rules": {"by_rule": [{"rule": "agree(order.total)", "violations": 3}]},
    "effort": {"journeys": 100, "p50": 9.0, "p95": 14.5, "mean": 9.4, "max": 20.0},
    "touchpoints": [
        {
            "name": "web.checkout",
            "kind": "touchpoint",
            "p50_ms": 40,
            "p95_ms": 820,
            "mean_ms": 60,
            "max_ms": 900,
            "failure_rate": 0.01,
        },
    ],
}


KNOWN = Known(
    frozenset({"web.checkout"}), frozenset({"order.total", "order.number"}), frozenset({"agree", "promise_kept"})
)


def test_thresholds_are_checked_and_nothing_measured_is_not_a_pass():
    checks = [
        parse(t, known=KNOWN)
        for t in (
            "violation_rate < 0.001",
            "p95(web.checkout) < 0.8s",
            "p50(web.checkout) <= 40ms",
            "failure_rate(web.checkout) < 2%",
            "violations(agree) == 3",
            "p95(effort) < 15",
            "rate_reached >= 4.5",
            "promises_kept > 0.99",
        )
    ]
    verdicts = {v["threshold"]: (v["passed"], v["value"]) for v in evaluate(checks, RESULTS)}
    assert verdicts == {
        "violation_rate < 0.001": (False, 0.02),
        "p95(web.checkout) < 0.8s": (False, 820.0),
        "p50(web.checkout) <= 40ms": (True, 40.0),
        "failure_rate(web.checkout) < 2%": (True, 0.01),
        "violations(agree) == 3": (True, 3.0),
        "p95(effort) < 15": (True, 14.5),
        "rate_reached >= 4.5": (True, 4.8),
        "promises_kept > 0.99": (False, None),
    }


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("violation_rate lower than 1", "write METRIC OP VALUE"),
        ("p42(web.checkout) < 3", "unknown metric 'p42'"),
        ("journeys(web.checkout) > 3", "'journeys' takes no argument"),
        ("p95(web.chekout) < 800", "no touchpoint 'web.chekout' in the map. Did you mean 'web.checkout'"),
        ("violations(agree(order.totl)) == 0", "no fact 'order.totl' in the map. Did you mean 'order.total'"),
        ("violations(agre) == 0", "no rule 'agre'. Did you mean 'agree'"),
        ("violations(agreee(order.total)) == 0", "no rule 'agreee'. Did you mean 'agree'"),
        ("privacy_leak == 0", "unknown metric 'privacy_leak'. Did you mean 'privacy_leaks'"),
    ],
)
def test_a_threshold_that_cannot_be_read_says_how_to_write_it(text, message):
    with pytest.raises(ThresholdError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse(text, known=KNOWN)


def test_the_known_names_come_from_the_map_and_the_rules():
    from journeys.systems.map_files import find_map

    known = Known.of(find_map("refshop", "fixtures/systems"))
    assert {"web.checkout", "email.order_confirmation"} <= known.touchpoints
    assert {"order.total", "order.number", "case.number"} <= known.facts
    assert {"agree", "promise_kept", "kept_private"} <= known.rules
    assert parse("violations(agree(order.total)) == 0", known=known).arg == "agree(order.total)"


def reached(completed: int, everyone: int, checkout: tuple[int, int] = (100, 100)) -> dict:
    return {
        "everyone": everyone,
        "completed": completed,
        "outcome": everyone,
        "touchpoints": {"web.checkout": {"reached": checkout[0], "expected": checkout[1]}},
        "promises": {"reached": 0, "expected": 0},
    }


def test_a_threshold_few_customers_reached_is_not_measured_and_fails():
    """29 of 30 customers failed before the page the rule reads: 'privacy_leaks == 0' is not a pass."""
    results = {**RESULTS, "run": {"walked": 30, "rate_reached": 4.8}, "reach": reached(1, 30, (1, 30))}
    checks = [parse(t, known=KNOWN) for t in ("privacy_leaks == 0", "p95(web.checkout) < 2s", "violation_rate < 0.5")]
    verdicts = evaluate(checks, results)
    # Each would pass on what the one customer showed: none is measured.
    assert [(v["passed"], v["measured"], v["reached"], v["expected"]) for v in verdicts] == [(False, False, 1, 30)] * 3
    assert (
        "not measured: 1 of 30 customers reached the end of their journey (27 needed: --coverage 90%)"
        in (verdicts[0]["note"])
    )
    assert "1 of 30 customers reached web.checkout" in verdicts[1]["note"]


def test_enough_coverage_is_measured_and_a_crossing_found_by_few_is_still_crossed():
    results = {**RESULTS, "privacy": {"leaks": 2}, "reach": reached(27, 30)}
    verdicts = evaluate([parse("privacy_leaks == 0"), parse("failure_rate < 0.5")], results)
    assert [(v["passed"], v["measured"]) for v in verdicts] == [(False, True), (True, True)]
    assert verdicts[1]["note"] == "30 of 30 customers reached an outcome"
    few = {**results, "reach": reached(3, 30)}
    leaks = evaluate([parse("privacy_leaks == 0")], few)[0]
    assert (leaks["passed"], leaks["measured"], leaks["value"]) == (False, True, 2)  # found is found
    assert evaluate([parse("violation_rate < 0.5")], few, coverage=0.1)[0]["passed"]  # --coverage 10%
    small = {**results, "privacy": {"leaks": 0}, "reach": reached(8, 9)}
    assert not evaluate([parse("privacy_leaks == 0")], small)[0]["measured"]  # under ten: all of them


@pytest.mark.parametrize(("text", "share"), [("90%", 0.9), ("0.5", 0.5), ("100%", 1.0)])
def test_coverage_is_a_share(text, share):
    assert parse_share(text, "--coverage") == share


@pytest.mark.parametrize("text", ["0", "150%", "most"])
def test_a_coverage_that_is_not_a_share_is_refused(text):
    with pytest.raises(ThresholdError, match="--coverage"):
        parse_share(text, "--coverage")
