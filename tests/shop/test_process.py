"""``python -m refshop`` as the harness runs it: ready line, a clean SIGTERM, gone with the harness."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from shop_helpers import free_port

ROOT = Path(__file__).resolve().parents[2]


def test_ready_line_then_clean_shutdown_on_sigterm(tmp_path: Path) -> None:
    env = {**os.environ, "REFSHOP_CLOCK_TOKEN": "t0k", "REFSHOP_AGENT_PASSWORD": "pw-123456"}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "refshop",
            "--port",
            "0",
            "--smtp-port",
            str(free_port()),
            "--clock",
            "2026-11-23T17:45:00+01:00",
            "--fault",
            "email-total-stale",
            "--db",
            str(tmp_path / "shop.db"),
            "--seed",
            "3",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )
    try:
        assert proc.stdout is not None
        info = json.loads(proc.stdout.readline())
        assert info["url"].startswith("http://127.0.0.1:")
        assert info["agent_url"] == info["url"] + "/agent/"
        assert (info["agent_user"], info["faults"], info["clock"]) == (
            "agent",
            ["email-total-stale"],
            "2026-11-23T17:45:00+01:00",
        )
        assert httpx.get(info["url"] + "/__clock").json()["now"] == info["clock"]
        moved = httpx.post(info["url"] + "/__clock", json={"advance_seconds": 60}, headers={"X-Clock-Token": "t0k"})
        assert moved.json()["now"] == "2026-11-23T17:46:00+01:00"
    finally:
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(timeout=10)
    assert code == 0, proc.stderr.read() if proc.stderr else ""
    assert (tmp_path / "shop.db").exists()


# A harness in a few lines: start the embedded shop (from a thread, if asked), say its PID, wait to be killed.
HARNESS = """
import sys, threading, time
from journeys.journey import embedded
started = []
start = lambda: started.append(embedded.start("refshop", smtp_port=int(sys.argv[1])))
if sys.argv[2] == "thread":
    worker = threading.Thread(target=start)
    worker.start()
    worker.join()
    time.sleep(0.5)  # the starting thread is gone; the shop must not go with it
else:
    start()
print(started[0].process.pid, started[0].process.poll(), flush=True)
time.sleep(60)
"""


@pytest.mark.parametrize("started_from", ["main", "thread"])
def test_a_killed_harness_takes_its_shop_along(started_from: str) -> None:
    harness = subprocess.Popen(
        [sys.executable, "-c", HARNESS, str(free_port()), started_from], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    assert harness.stdout is not None
    pid_text, exit_code = harness.stdout.readline().split()
    shop = int(pid_text)
    try:
        assert exit_code == "None", "the shop died before its harness did"
        harness.kill()  # SIGKILL: no teardown, no atexit, as when an xdist worker is killed
        harness.wait()
        killed = time.monotonic()
        while _alive(shop) and time.monotonic() - killed < 5:
            time.sleep(0.02)
        assert not _alive(shop), f"the shop (PID {shop}) outlived its killed harness by 5 s"
    finally:
        if _alive(shop):
            os.kill(shop, signal.SIGKILL)


def _alive(pid: int) -> bool:
    """True while ``pid`` runs (a zombie nobody has reaped yet counts as gone)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True  # no /proc here: it answered the signal
    return stat.rsplit(")", 1)[1].split()[0] != "Z"
