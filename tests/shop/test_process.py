"""``python -m refshop`` as the harness runs it: ready line, then a clean SIGTERM."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx
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
