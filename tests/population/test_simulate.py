"""`journeys simulate` against the embedded shop, with real Locust: results, bounds, bad input."""

from __future__ import annotations

import signal
import socket
import subprocess
from pathlib import Path

import psutil
import pytest
from population_helpers import CLOCK_MOVERS, ORDER, finish, read_until, simulate_args, start


def test_a_clean_population_walks_the_journeys_and_meets_its_thresholds(simulate):
    run = simulate(
        *ORDER,
        CLOCK_MOVERS,
        "--customers",
        "16",
        "--rate",
        "8",
        "--seed",
        "11",
        "--threshold",
        "violation_rate < 0.001",
        "--threshold",
        "p95(web.checkout) < 2s",
        "--threshold",
        "promises_kept > 0.99",
        "--threshold",
        "privacy_leaks == 0",
    )
    assert run.exit_code == 0, run.output
    assert "; promises not yet due -> reports/promises.sqlite" in run.output  # the project's store, not --out's
    results = run.results
    assert results["run"]["walked"] == 16 and results["journeys"]["passed"] == 16
    assert results["run"]["walked_alone"] > 0  # the clock-moving journeys walked alone
    assert results["promises"]["kept"] > 0 and results["promises"]["broken"] == 0
    assert all(t["passed"] for t in results["thresholds"])
    checkout = next(t for t in results["touchpoints"] if t["name"] == "web.checkout")
    assert checkout["visits"] > 0 and checkout["failures"] == 0 and checkout["p95_ms"] > 0
    assert {m["touchpoint"] for m in results["moments_of_truth"]} >= {"web.checkout", "app.order"}
    assert len(list((run.out / "evidence").glob("*/ledger.json"))) == 16
    assert "touchpoint,web.checkout" in (run.out / "locust_stats.csv").read_text()
    assert "<svg" in (run.out / "simulation.html").read_text() and (run.out / "locust.html").exists()
    assert "# Population simulation" in (run.out / "summary.md").read_text()
    assert " arrived (" not in run.output  # no progress lines into a pipe: it is not a terminal
    assert results["run"]["identities_unique"] and results["drivers"]["http"]["walked"] == 16


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--mix", "A scenario nobody wrote=1"], "unknown journey 'A scenario nobody wrote' in the mix"),
        (["--mix", "features/order=30%", "--mix", "features/delivery=50%"], "do not add up: 30% + 50% = 80%"),
        (["--mix", "@gate=2", "--mix", "features/order=1"], "is in the mix twice"),
        (
            ["--threshold", "p95(web.chekout) < 800"],
            "no touchpoint 'web.chekout' in the map. Did you mean 'web.checkout'",
        ),
        (["--threshold", "happiness > 3"], "unknown metric 'happiness'"),
        (["--expect-workers", "2"], "--expect-workers is for a master: add --master"),
    ],
)
def test_bad_input_is_told_before_anyone_walks(simulate, args, message):
    run = simulate(*ORDER, CLOCK_MOVERS, "--customers", "5", *args)
    assert run.exit_code == 4, run.output
    assert message in run.output
    assert not (run.out / "simulation.json").exists()


def test_a_system_that_is_not_there_is_a_clear_error(simulate):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    run = simulate(*ORDER, "--customers", "3", "--base-url", f"http://127.0.0.1:{port}", "--http-timeout", "2")
    assert run.exit_code == 3, run.output
    assert "the system is not there" in run.output and str(port) in run.output


def test_a_rate_the_machine_cannot_reach_is_reported_with_the_rate_reached(simulate):
    run = simulate("features/order/web_order.feature", "--customers", "8", "--rate", "400", "--max-active", "2")
    assert run.exit_code == 0, run.output
    reached = run.results["run"]["rate_reached"]
    assert reached < 400 and f"the rate asked was not reached: {reached:g}/s of 400/s" in run.output


def _start(tmp_path: Path, *args: str) -> tuple[subprocess.Popen[str], Path, list[str]]:
    """A run of two minutes of arrivals, once its first progress line says customers are walking."""
    out = tmp_path / "simulation"
    process = start(
        simulate_args(out, *ORDER, "--rate", "4", "--duration", "120", "--drain", "20", "--progress", *args)
    )
    return process, out, read_until(process, " arrived (")


def test_ctrl_c_stops_arrivals_and_keeps_the_results_so_far(tmp_path):
    process, out, said = _start(tmp_path, "--seed", "3")
    assert "done (0 went wrong)" in said[-1] and "of arrivals left" in said[-1]  # the progress line
    process.send_signal(signal.SIGINT)
    run = finish(process, out, said, timeout=1800)
    assert run.exit_code == 2, run.output
    assert "Ctrl-C: no new customers" in run.output
    results = run.results
    assert results["run"]["stopped"].startswith("interrupted") and results["run"]["walked"] > 0


@pytest.mark.parametrize("where", [(), ("--workers", "2")], ids=["here", "on-workers"])
def test_a_system_that_goes_down_ends_the_run_early_with_its_cause(tmp_path, where):
    process, out, said = _start(tmp_path, "--seed", "4", *where)
    shop = [p for p in psutil.Process(process.pid).children(recursive=True) if "refshop" in " ".join(p.cmdline())]
    assert shop, "the embedded shop runs as a child of the simulation"
    shop[0].kill()
    run = finish(process, out, said, timeout=1800)
    assert run.exit_code == 3, run.output
    assert "stopping early: the system stopped answering" in run.output
    assert run.results["run"]["stopped"].startswith("the system stopped answering")
    assert run.results["run"]["walked"] > 0 and (out / "summary.md").exists()  # the results so far are kept
    assert run.results["run"]["arrived"] < run.results["run"]["rate_asked"] * run.results["run"]["duration_asked"] / 2
    # early: not half the arrivals of the 120 s asked


def test_a_crowd_that_never_got_an_answer_in_time_is_too_slow_and_its_gate_is_not_measured(simulate):
    """Every request times out: each journey is 'too slow' (with the timeout), and 'privacy_leaks == 0' is no pass."""
    run = simulate(
        ORDER[0],
        *("--customers", "3", "--rate", "3", "--seed", "4", "--http-timeout", "0.001", "--mail-timeout", "2"),
        *("--threshold", "privacy_leaks == 0", "--threshold", "failure_rate(web.order_confirmation) < 0.5"),
    )
    assert run.exit_code == 1, run.output
    assert "NOT MEASURED privacy_leaks == 0" in run.output and "0 of 3 customers reached" in run.output
    [cause] = run.results["causes"]["by_cause"]
    assert (cause["cause"], cause["journeys"], cause["example"]) == ("too slow", 3, "no answer within 0.001 s")
    assert [(t["measured"], t["reached"], t["expected"]) for t in run.results["thresholds"]] == [(False, 0, 3)] * 2
    assert "went wrong: 3 too slow" in run.output
