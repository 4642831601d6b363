"""Who arrives (identities, browser share), what travels between processes, and the progress line."""

from __future__ import annotations

import io
import subprocess
import sys
import threading
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from population_helpers import ORDER, ROOT
from test_privacy_and_clock import MovableClock

from journeys.population.attached import ForwardedClock, move
from journeys.population.identities import CustomerSpec, Identities, in_browser
from journeys.population.mix import build_mix
from journeys.population.plan import Plan, Run
from journeys.population.telling import progress_line, wanted
from journeys.population.timekeeping import SharedClock, turnstile
from journeys.population.walker import Visited, Walked, walked_from_dict, walked_to_dict


def test_identities_are_unique_in_a_run_and_new_in_the_next():
    first, second = Identities(7, "sim-a", "local"), Identities(7, "sim-b", "local")
    keys = [first.spec(i).customer().key for i in range(3000)]
    assert len(set(keys)) == 3000
    assert not set(keys) & {second.spec(i).customer().key for i in range(3000)}
    spec = Identities(7, "sim-a", "local").spec(12)
    assert CustomerSpec(**spec.to_dict()).customer() == spec.customer()  # made again, in any process


def test_an_identity_taken_already_is_made_again_with_a_salted_worker_tag():
    identities = Identities(7, "sim-a", "local")
    once, again = identities.spec(5), identities.spec(5)  # the same number twice: the second is taken
    assert once.worker == "local" and again.worker == "local~1" and identities.salted == 1
    assert once.customer().email != again.customer().email


def test_the_browser_share_is_exact_and_spread_evenly():
    assert [i for i in range(30) if in_browser(i, 0.1)] == [9, 19, 29]
    assert [i for i in range(6) if in_browser(i, 0.5)] == [1, 3, 5]
    assert sum(in_browser(i, 0.37) for i in range(1000)) == 370
    assert not any(in_browser(i, 0.0) for i in range(100)) and all(in_browser(i, 1.0) for i in range(100))


def test_a_walk_travels_between_processes_unchanged():
    walked = Walked(3, "anna-1a2b3c", "f.feature:6", "A walk", "failed", 1.5, [Visited("web.checkout", 12.5, "Oops")])
    walked.digest = {"violations": [], "promises": [("kept", "app.order", "delivery.date")]}
    walked.driver, walked.queued = "browser", 0.25
    back = walked_from_dict(walked_to_dict(walked))
    assert back == walked


START = datetime(2026, 11, 30, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))


def test_a_customer_elsewhere_moves_time_through_the_owners_turnstile():
    owner = SharedClock(MovableClock(START), START)
    seen: list[tuple[str, str]] = []

    def forward(action: str, value: str) -> str:  # what the owner does for her, in her thread
        seen.append((action, value))
        return move(owner, action, value)

    elsewhere = ForwardedClock(MovableClock(START), forward)
    other_left = threading.Event()

    def other_customer() -> None:
        with turnstile(owner):
            other_left.wait(5)

    other = threading.Thread(target=other_customer)
    other.start()
    times: list[datetime] = []

    def mover() -> None:
        elsewhere.enter()
        elsewhere.advance(3600)  # waits until the other customer has left
        times.append(elsewhere.now())  # her own move, as the owner made it
        elsewhere.leave()
        times.append(elsewhere.now())

    moving = threading.Thread(target=mover)
    moving.start()
    moving.join(0.3)
    assert moving.is_alive() and times == []  # she waits to walk alone while the other customer walks
    other_left.set()
    moving.join(5)
    other.join(5)
    assert times == [START + timedelta(hours=1), START]
    assert owner.now() == START and owner.movers == 1  # the owner's clock is back at the start moment
    assert [action for action, _ in seen] == ["enter", "advance", "leave"]


def test_progress_says_done_wrong_walking_and_time_left():
    mix = build_mix([str(ROOT / f) for f in ORDER])
    plan = Plan(mix, rate=4.0, customers=100)
    run = Run(plan, env=None, arrived=40)
    run.walked = [Walked(i, f"k{i}", "f:1", "t", "failed" if i < 3 else "passed", 1.0) for i in range(30)]
    line = progress_line(plan, run, 10.0, walking=10, arriving=True)
    assert "30 done (3 went wrong)" in line and "10 walking" in line and "40 arrived (4.0/s)" in line
    assert "about 15 s of arrivals left" in line
    assert "arrivals over; at most 60 s to finish" in progress_line(plan, run, 30.0, walking=2, arriving=False)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_shown_on_a_terminal_only_and_not_in_ci(monkeypatch):
    monkeypatch.setattr(sys, "stdout", _Terminal())
    assert wanted(None, ci=False) and not wanted(False, ci=False)
    assert not wanted(None, ci=True) and wanted(True, ci=True)
    monkeypatch.setattr(sys, "stdout", io.StringIO())  # a file or a pipe
    assert not wanted(None, ci=False) and wanted(True, ci=False)


def test_the_browser_process_side_imports_neither_locust_nor_gevent():
    # Playwright's sync API would fail under gevent's patches: the browser process must never load them.
    modules = ("browser_process", "attached", "walker", "identities", "timekeeping")
    imports = "; ".join(f"import journeys.population.{m}" for m in modules)
    check = f"{imports}; import sys; print(sorted(m for m in ('locust', 'gevent') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", check], cwd=ROOT, capture_output=True, text=True, timeout=1800)
    assert done.returncode == 0 and done.stdout.strip() == "[]", done.stdout + done.stderr
