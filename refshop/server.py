"""Run the shop: a threaded werkzeug server on loopback, plus the live clock's ticker.

Started by a harness that sets ``REFSHOP_PARENT_PID``, the shop also watches
that its parent is still there, and stops (as on SIGTERM) once it is not: a
harness killed with SIGKILL must not leave a shop running with parent PID 1.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flask import Flask
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from refshop import passwords, processes
from refshop.access import STORE_KEY_ENV
from refshop.app import create_app
from refshop.catalogue import main_range
from refshop.clock import ShopClock, iso, parse_moment
from refshop.context import Shop
from refshop.faults import FaultSet
from refshop.mailer import Mailer
from refshop.storage import Storage

HOST = "127.0.0.1"
PARENT_ENV = "REFSHOP_PARENT_PID"
PARENT_CHECK_INTERVAL = 0.25  # seconds an orphaned shop may outlive its harness


class QuietHandler(WSGIRequestHandler):
    """No access log line per request: the harness drains stderr, errors still go there."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        pass


@dataclass
class RunningShop:
    """A shop serving on loopback; ``stop()`` shuts it down and removes its temp database."""

    url: str
    port: int
    shop: Shop
    app: Flask
    agent_user: str
    agent_password: str
    _server: BaseWSGIServer
    _threads: list[threading.Thread] = field(default_factory=list)
    _stopping: threading.Event = field(default_factory=threading.Event)
    _tempdir: str | None = None

    @property
    def info(self) -> dict[str, Any]:
        """The ready line's content."""
        return {
            "url": self.url,
            "agent_url": f"{self.url}/agent/",
            "agent_user": self.agent_user,
            "faults": list(self.shop.faults.names),
            "clock": iso(self.shop.clock.now()),
            "seed": self.shop.seed,
        }

    def stop(self) -> None:
        if self._stopping.is_set():
            return
        self._stopping.set()
        self._server.shutdown()
        self._server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)
        self.shop.mailer.close(timeout=5)  # what is queued still goes out, unless the server hangs
        if self._tempdir:
            shutil.rmtree(self._tempdir, ignore_errors=True)


def serve(
    *,
    port: int = 0,
    smtp_host: str = HOST,
    smtp_port: int | None = None,
    db: str | Path | None = None,
    faults: Iterable[str] = (),
    clock: str | None = None,
    seed: int = 1,
    agent_user: str | None = None,
    agent_password: str | None = None,
    store_key: str | None = None,
) -> RunningShop:
    """Start the shop in background threads and return once it accepts requests.

    Args:
        port: 0 picks a free port (read it from the result).
        smtp_port: where mail goes; None keeps mail in the outbox table only.
        db: the SQLite file; a fresh temporary one when None.
        faults: fault names (``refshop.faults``); unknown ones raise UnknownFault.
        clock: ISO moment to freeze the clock at; None follows the wall clock.
        agent_user/agent_password: the console's login; default from
            ``REFSHOP_AGENT_USER`` / ``REFSHOP_AGENT_PASSWORD``, else
            ``agent`` and a random password.
        store_key: the key the tills send in ``X-Store-Key``; default from
            ``REFSHOP_STORE_KEY``; none: the till's order API is locked.
    """
    fault_set = FaultSet(faults)
    tempdir = None
    if db is None:
        tempdir = tempfile.mkdtemp(prefix="refshop-")
        db = Path(tempdir) / "refshop.db"
    storage = Storage(db)
    user = agent_user or os.environ.get("REFSHOP_AGENT_USER") or "agent"
    password = agent_password or os.environ.get("REFSHOP_AGENT_PASSWORD") or secrets.token_urlsafe(12)
    shop = Shop(
        storage=storage,
        clock=ShopClock(parse_moment(clock) if clock else None),
        faults=fault_set,
        mailer=Mailer(smtp_host, smtp_port),
        seed=seed,
        secret=secrets.token_bytes(32),
        store_key=store_key or os.environ.get(STORE_KEY_ENV, ""),
    )
    # A default-method hash takes a good part of a second: the shop starts answering meanwhile,
    # and only an agent's login waits for it (Shop.agent_ready).
    hashing = threading.Thread(target=_store_agent, args=(shop, user, password), name="refshop-agent", daemon=True)
    hashing.start()
    app = create_app(shop)
    _warm(app)
    server = make_server(HOST, port, app, threaded=True, request_handler=QuietHandler)
    real_port = server.socket.getsockname()[1]
    shop.base_url = f"http://{HOST}:{real_port}"
    running = RunningShop(shop.base_url, real_port, shop, app, user, password, server, _tempdir=tempdir)
    running._threads.append(hashing)
    serving = threading.Thread(
        target=server.serve_forever,
        kwargs={"poll_interval": 0.01},  # stop() waits at most this long
        name="refshop-http",
        daemon=True,
    )
    serving.start()
    running._threads.append(serving)
    if not shop.clock.frozen:
        ticker = threading.Thread(target=_tick, args=(running,), name="refshop-clock", daemon=True)
        ticker.start()
        running._threads.append(ticker)
    parent = os.environ.get(PARENT_ENV, "")
    if parent.isdigit():
        watchdog = threading.Thread(
            target=_watch_parent, args=(running, int(parent)), name="refshop-parent", daemon=True
        )
        watchdog.start()
        running._threads.append(watchdog)
    return running


def _store_agent(shop: Shop, user: str, password: str) -> None:
    """Keep the agent's login as a hash (never the password); then let agent logins in."""
    conn = shop.storage.connect()
    try:
        conn.execute(
            "INSERT INTO agents (username, password_hash) VALUES (?, ?) ON CONFLICT(username)"
            " DO UPDATE SET password_hash = excluded.password_hash",
            (user, passwords.make_hash(password)),
        )
    finally:
        conn.close()
        shop.agent_ready.set()


def _tick(running: RunningShop) -> None:
    """With a live clock, processes come due by themselves: look once a second."""
    while not running._stopping.wait(1.0):
        processes.run_due(running.shop, running.shop.clock.now())


def _watch_parent(running: RunningShop, parent: int) -> None:
    """Stop the process once ``parent`` (the harness that started it) is gone.

    Polling ``os.getppid()`` works on every system and whatever thread started
    the shop; Linux's parent-death signal, when the harness asked for it, is
    only quicker.
    """
    while os.getppid() == parent:
        if running._stopping.wait(PARENT_CHECK_INTERVAL):
            return
    # The same clean stop as the harness's SIGTERM (temporary database removed), no traceback.
    os.kill(os.getpid(), signal.SIGTERM)


def _warm(app: Flask) -> None:
    """Render the home page and a product page once before the first customer, as a shop that has been
    running has them: templates compiled, number and date formats loaded (its first customer waits no
    longer than the rest). Nothing is stored: a page view changes no order, cart or account."""
    client = app.test_client()
    client.get("/")
    client.get(f"/product/{main_range()[0].sku}")
