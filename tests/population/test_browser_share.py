"""A browser share: some customers of a population walk in a real browser, the rest over HTTP."""

from __future__ import annotations

import psutil
import pytest
from population_helpers import CLOCK_MOVERS, finish, read_until, simulate_args, start

pytestmark = pytest.mark.e2e

JOURNEYS = ("features/order/web_order.feature", CLOCK_MOVERS)


def test_browser_customers_walk_in_a_real_browser_and_their_visits_are_counted(simulate):
    # Customers 1 and 3 walk in a browser (share 0.5); seed 5 gives one of them a clock-moving journey.
    run = simulate(
        *JOURNEYS, "--customers", "4", "--rate", "4", "--seed", "5", "--browser-share", "0.5", "--browsers", "1"
    )
    assert run.exit_code == 0, run.output
    results = run.results
    assert results["journeys"]["passed"] == 4, results["journeys"]["errors"]
    assert results["drivers"]["browser"]["walked"] == 2 and results["drivers"]["http"]["walked"] == 2
    assert "2 walked in a browser, 2 without one" in run.output

    ledgers = {ledger["customer"]["key"]: ledger for ledger in run.ledgers()}
    shots = {key: [f for f in ledger["files"] if f.endswith(".png")] for key, ledger in ledgers.items()}
    in_browser = [key for key, found in shots.items() if found]
    assert len(in_browser) == 2, shots  # screenshots: only a browser takes them
    walked = {w: ledgers[w]["journey"] for w in in_browser}
    assert any(j.startswith("The cut-off decides") for j in walked.values()), walked  # she moved the clock
    assert any("ordered on the web" in j for j in walked.values()), walked
    for key in in_browser:  # her web touchpoints were read from screenshotted pages
        seen = [o for o in ledgers[key]["observations"] if o["where"]["channel"] == "web"]
        assert seen and all(any(e.endswith(".png") for e in o["where"]["evidence"]) for o in seen), key
    orderer = next(w for w, j in walked.items() if "ordered on the web" in j)
    assert any(f.endswith(".eml") for f in ledgers[orderer]["files"])  # her mail, read at the run's capture
    assert results["run"]["walked_alone"] >= 1

    visits = sum(row["visits"] for row in results["touchpoints"] if row["kind"] == "touchpoint")
    assert visits == results["drivers"]["browser"]["visits"] + results["drivers"]["http"]["visits"]
    checkout = next(row for row in results["touchpoints"] if row["name"] == "web.checkout")
    assert checkout["visits"] == 4 and checkout["failures"] == 0  # every customer's, the browser's too


def test_no_browser_to_launch_is_said_before_anyone_walks(simulate, tmp_path):
    missing = tmp_path / "no-chromium"
    run = simulate(
        "features/order/web_order.feature",
        "--customers",
        "2",
        "--browser-share",
        "0.5",
        "--browsers",
        "1",
        env={"JOURNEYS_CHROMIUM": str(missing), "PLAYWRIGHT_BROWSERS_PATH": str(tmp_path / "none")},
    )
    assert run.exit_code == 3, run.output
    assert "a browser process did not start" in run.output and str(missing) in run.output
    assert "playwright install chromium" in run.output
    assert not (run.out / "simulation.json").exists()


@pytest.mark.nightly  # a whole crowd in one browser
def test_a_browser_process_that_dies_fails_her_walk_and_the_pool_walks_on(tmp_path):
    out = tmp_path / "simulation"
    # Everyone in one browser, faster than it walks them: it is always mid-walk, with customers queued.
    args = ("features/order/web_order.feature", "--customers", "6", "--rate", "4", "--seed", "3", "--progress")
    run = start(simulate_args(out, *args, "--browser-share", "1", "--browsers", "1"))
    said = read_until(run, " arrived (")
    browser = next(
        p for p in psutil.Process(run.pid).children() if "journeys.population.browser_process" in p.cmdline()
    )
    browser.kill()
    done = finish(run, out, said)
    assert done.exit_code == 0, done.output
    errors = done.results["journeys"]["errors"]
    assert len(errors) == 1 and errors[0]["count"] == 1, errors  # hers, and only hers
    assert errors[0]["example"].startswith("BrowserCustomerFailed: her browser process ended mid-walk"), errors
    assert done.results["causes"]["by_cause"] == [
        {"cause": "harness error", "journeys": 1, "severe": False, "example": errors[0]["example"]}
    ]
    assert done.results["journeys"]["passed"] == 5  # the others walked in the process that replaced it
    assert done.results["drivers"]["browser"]["walked"] == 6
