"""A distributed population: Locust's master here, Locust workers on loopback, one report."""

from __future__ import annotations

import signal
import sys
import time

import psutil
import pytest
from population_helpers import CLOCK_MOVERS, ORDER, clean_env, finish, read_until, simulate_args, start

pytestmark = pytest.mark.e2e

JOURNEYS = (*ORDER, CLOCK_MOVERS)


def test_two_workers_walk_one_population_into_one_report(simulate):
    run = simulate(
        *JOURNEYS,
        *("--customers", "12", "--rate", "6", "--seed", "8", "--workers", "2"),
        *("--browser-share", "0.25", "--browsers", "1"),
        *("--threshold", "privacy_leaks == 0", "--threshold", "customers_lost == 0"),
    )
    assert run.exit_code == 0, run.output
    assert "2 workers ready" in run.output
    results = run.results
    assert results["run"]["walked"] == 12 and results["journeys"]["passed"] == 12, results["journeys"]["errors"]
    workers = results["run"]["workers"]
    assert len(workers) == 2 and all(w["walked"] > 0 for w in workers), workers  # both walked
    assert sum(w["walked"] for w in workers) == 12

    # One population: every customer once, her ledger in the one evidence folder, her visits in Locust's stats.
    ledgers = run.ledgers()
    keys = [ledger["customer"]["key"] for ledger in ledgers]
    assert len(keys) == 12 and len(set(keys)) == 12 and results["run"]["identities_unique"]
    assert len({ledger["customer"]["email"] for ledger in ledgers}) == 12
    assert results["drivers"]["browser"]["walked"] == 3  # customers 3, 7 and 11, on the workers' browsers
    assert sum(1 for ledger in ledgers if any(f.endswith(".png") for f in ledger["files"])) == 3
    assert results["run"]["walked_alone"] > 0  # clock movers on the workers walked alone, for the whole run
    assert results["promises"]["kept"] > 0 and results["promises"]["broken"] == 0
    visits = sum(row["visits"] for row in results["touchpoints"] if row["kind"] == "touchpoint")
    assert visits == sum(d["visits"] for d in results["drivers"].values())
    stats = (run.out / "locust_stats.csv").read_text()
    assert "touchpoint,web.checkout" in stats and "journey,features/" in stats
    assert {m["touchpoint"] for m in results["moments_of_truth"]} >= {"web.checkout", "app.order"}


@pytest.mark.nightly  # two distributed runs
def test_a_run_id_makes_identities_new_in_every_run(simulate):
    args = ("features/order/web_order.feature", "--customers", "4", "--rate", "8", "--seed", "8", "--workers", "2")
    first, second = simulate(*args), simulate(*args)
    assert first.exit_code == 0 and second.exit_code == 0, first.output + second.output
    assert first.results["run"]["run_id"] != second.results["run"]["run_id"]
    emails = [{ledger["customer"]["email"] for ledger in run.ledgers()} for run in (first, second)]
    assert len(emails[0]) == len(emails[1]) == 4 and not emails[0] & emails[1]


@pytest.mark.nightly  # waits for a worker to be missed
def test_a_master_and_workers_started_apart_as_with_locust_and_one_that_stops_answering(tmp_path):
    # Workers started by hand need the system's secrets in their environment, as the master has them.
    secrets = {
        "REFSHOP_CLOCK_TOKEN": "clock-token-of-this-test",
        "REFSHOP_STORE_KEY": "store-key-of-this-test",
        "REFSHOP_AGENT_USER": "agent",
        "REFSHOP_AGENT_PASSWORD": "agent-password-of-this-test",
    }
    env = clean_env(**secrets)
    out = tmp_path / "simulation"
    args = (*JOURNEYS, "--duration", "6", "--rate", "6", "--seed", "2", "--master", "--expect-workers", "2")
    master = start(simulate_args(out, *args), env)
    said = read_until(master, "waiting for 2 workers")
    port = said[-1].split("127.0.0.1:")[1].split(",")[0]
    worker = [sys.executable, "-m", "journeys.cli", "simulate", "--worker", "--master-port", port]
    workers = [start(worker, env) for _ in "ab"]
    said += read_until(master, "2 workers ready")
    # Not a process of the master's: only the missing heartbeat can tell it is gone. Stopped, then killed.
    time.sleep(1)
    workers[0].send_signal(signal.SIGSTOP)
    time.sleep(2)
    workers[0].kill()
    workers[0].wait()
    run = finish(master, out, said)
    output, _ = workers[1].communicate(timeout=1800)
    assert workers[1].returncode == 0, output
    # A worker started by hand says what it does: connected, attached, walking, done.
    for said_by_worker in ("connected to the master at 127.0.0.1:", "attached to refshop at http", "the run is over;"):
        assert said_by_worker in output, output
    assert run.exit_code == 0, run.output
    assert "lost: it stopped answering (no heartbeat for ten seconds)" in run.output
    r = run.results["run"]
    assert r["lost"] > 0 and r["walked"] + r["lost"] == r["arrived"] and len(r["workers"]) == 2, r
    assert run.results["journeys"]["passed"] == r["walked"]


@pytest.mark.nightly  # waits for a worker to be missed
def test_a_worker_that_dies_mid_run_loses_its_customers_and_the_others_finish(tmp_path):
    out = tmp_path / "simulation"
    args = (*ORDER, "--rate", "8", "--duration", "8", "--seed", "6", "--workers", "2", "--progress")
    master = start(simulate_args(out, *args, "--threshold", "customers_lost == 0"))
    said = read_until(master, "workers ready")
    said += read_until(master, " arrived (")  # customers are walking
    worker = next(p for p in psutil.Process(master.pid).children() if "--worker" in p.cmdline())
    # Stopped first, so the master keeps sending it customers it never answers; then killed.
    worker.send_signal(signal.SIGSTOP)
    time.sleep(2)
    worker.kill()
    run = finish(master, out, said)
    assert run.exit_code == 1, run.output  # the threshold on lost customers is crossed; the run went on
    assert "lost: its process ended (exit code -9)" in run.output
    r = run.results["run"]
    assert r["lost"] > 0 and r["walked"] + r["lost"] == r["arrived"], r
    assert r["stopped"] == "8 s of arrivals"  # not cut short: the other worker walked on
    lost = r["lost_by_worker"]
    assert len(lost) == 1 and lost[0]["customers"] == r["lost"] and "exit code -9" in lost[0]["cause"]
    survivor = next(w for w in r["workers"] if not w["lost"])
    assert survivor["walked"] > 0 and run.results["journeys"]["passed"] == r["walked"]
    assert f"LOST {r['lost']} customers" in (out / "summary.md").read_text()
    assert f"LOST {r['lost']} customers whose walk did not come back" in run.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--worker"], "--master-port is needed"),
        (["--worker", "--master-port", "5557", "features"], "a worker takes its journeys and options from the master"),
    ],
)
def test_a_worker_told_wrong_says_how_to_start_it(simulate, args, message):
    run = simulate(*args)
    assert run.exit_code == 4, run.output
    assert message in run.output
