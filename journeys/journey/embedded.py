"""Start an embedded system (the reference shop) as a separate process.

The harness never imports the shop: it runs ``python -m <module>`` and reads
the one JSON line the shop prints when it is ready, like any other system it
would meet over HTTP and SMTP.

The shop dies with the harness, even a harness killed with SIGKILL (an xdist
worker that hung): on Linux the kernel sends it SIGTERM when its parent goes
(``PR_SET_PDEATHSIG``), and everywhere ``REFSHOP_PARENT_PID`` asks the
shop's own watchdog to stop once its parent is gone. It runs in a session of
its own, so a Ctrl-C at the terminal reaches only the harness, which stops
the shop in its teardown, after the journeys in flight.
"""

from __future__ import annotations

import ctypes
import json
import os
import secrets
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import IO, Any

from journeys.errors import SystemUnreachable

READY_TIMEOUT = 20.0
PARENT_ENV = "REFSHOP_PARENT_PID"
_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


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
        _end(self.process)


def start(
    module: str,
    *,
    smtp_port: int,
    port: int = 0,
    faults: tuple[str, ...] = (),
    clock: str | None = None,
    seed: int = 1,
    db: str | None = None,
    variables: Mapping[str, str] | None = None,
) -> EmbeddedSystem:
    """Start ``python -m module`` on a free port and wait for its ready line.

    The clock token and agent password are generated per start (unless ``variables``, the run's,
    read where it started, set them) and handed to the process through its environment; the returned
    ``env`` holds them so the touchpoint map's ``*_env`` names resolve in this process too.
    """
    given = variables or {}
    # Fresh secrets per start, unless the run was given some (a person running the demo).
    env = {
        "REFSHOP_CLOCK_TOKEN": given.get("REFSHOP_CLOCK_TOKEN") or secrets.token_urlsafe(16),
        # The store's till authenticates with this key (the map's store.order names it).
        "REFSHOP_STORE_KEY": given.get("REFSHOP_STORE_KEY") or secrets.token_urlsafe(16),
        "REFSHOP_AGENT_USER": given.get("REFSHOP_AGENT_USER") or "agent",
        "REFSHOP_AGENT_PASSWORD": given.get("REFSHOP_AGENT_PASSWORD") or secrets.token_urlsafe(12),
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
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **env, PARENT_ENV: str(os.getpid())},  # a child's: ours passed on, never looked into
        start_new_session=True,
        preexec_fn=_die_with_parent(),  # one prctl call between fork and exec: nothing to deadlock on
    )
    try:
        line = _first_line(process.stdout, READY_TIMEOUT)
    except BaseException:  # Ctrl-C while it starts: nobody would stop the shop later
        _end(process)
        raise
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


def _end(process: subprocess.Popen[str]) -> None:
    """SIGTERM (the shop's clean stop), SIGKILL if that takes over 5 s."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _die_with_parent() -> Callable[[], None] | None:
    """A pre-exec hook asking the kernel for SIGTERM when this process dies (Linux), else None.

    The signal follows the *thread* that started the child, so it is only asked
    for from the main thread: a shop started from a worker thread would die
    with that thread. The shop's watchdog covers that case and other systems.
    """
    prctl = _prctl()
    if prctl is None or threading.current_thread() is not threading.main_thread():
        return None
    parent, sigterm = os.getpid(), int(signal.SIGTERM)

    def hook() -> None:  # runs in the child between fork and exec: no imports, no locks
        prctl(_PR_SET_PDEATHSIG, sigterm, 0, 0, 0)
        if os.getppid() != parent:  # the harness died before the request took effect
            os._exit(1)

    return hook


@lru_cache(maxsize=1)
def _prctl() -> Any:
    """libc's ``prctl``, looked up once in the parent (never inside the forked child)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
    prctl.restype = ctypes.c_int
    return prctl


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
