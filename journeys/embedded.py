"""Start an embedded system (the reference shop) as a separate process.

The harness never imports the shop: it runs ``python -m <module>`` and reads
the one JSON line the shop prints when it is ready, like any other system it
would meet over HTTP and SMTP.
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from typing import IO

from journeys.errors import SystemUnreachable

READY_TIMEOUT = 20.0


@dataclass
class EmbeddedSystem:
    """A running embedded system and the secrets it was started with."""

    module: str
    process: subprocess.Popen[str]
    info: dict[str, object]
    env: dict[str, str] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return str(self.info["url"])

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start(
    module: str,
    *,
    smtp_port: int,
    port: int = 0,
    faults: tuple[str, ...] = (),
    clock: str | None = None,
    seed: int = 1,
    db: str | None = None,
) -> EmbeddedSystem:
    """Start ``python -m module`` on a free port and wait for its ready line.

    The clock token and agent password are generated per start (unless set in
    the environment) and handed to the process through its environment; the returned ``env`` holds them so
    the touchpoint map's ``*_env`` names resolve in this process too.
    """
    # Fresh secrets per start, unless the environment already holds some (a person running the demo).
    env = {
        "REFSHOP_CLOCK_TOKEN": os.environ.get("REFSHOP_CLOCK_TOKEN") or secrets.token_urlsafe(16),
        "REFSHOP_AGENT_USER": os.environ.get("REFSHOP_AGENT_USER") or "agent",
        "REFSHOP_AGENT_PASSWORD": os.environ.get("REFSHOP_AGENT_PASSWORD") or secrets.token_urlsafe(12),
    }
    args = [sys.executable, "-m", module, "--port", str(port), "--smtp-port", str(smtp_port)]
    args += ["--seed", str(seed)]
    for fault in faults:
        args += ["--fault", fault]
    if clock:
        args += ["--clock", clock]
    if db:
        args += ["--db", db]
    process = subprocess.Popen(
        args,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **env},
    )
    line = _first_line(process.stdout, READY_TIMEOUT)
    if not line:
        process.kill()
        _, err = process.communicate(timeout=5)
        detail = (err or "").strip().splitlines()
        raise SystemUnreachable(
            f"the embedded system '{module}' did not start"
            f" (exit {process.returncode}): {detail[-1] if detail else 'no output'}"
            + ("" if process.returncode else f"; no ready line within {READY_TIMEOUT:.0f} s")
        )
    # Keep draining stderr so a chatty server never blocks on a full pipe.
    threading.Thread(target=_drain, args=(process.stderr,), daemon=True).start()
    threading.Thread(target=_drain, args=(process.stdout,), daemon=True).start()
    return EmbeddedSystem(module, process, json.loads(line), env)


def _first_line(stream: IO[str] | None, timeout: float) -> str:
    result: list[str] = []
    reader = threading.Thread(target=lambda: result.append(stream.readline() if stream else ""))
    reader.daemon = True
    reader.start()
    reader.join(timeout)
    return result[0].strip() if result else ""


def _drain(stream: IO[str] | None) -> None:
    if stream is None:
        return
    for _ in stream:
        pass
