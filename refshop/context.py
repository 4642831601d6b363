"""What one request or one process run works with: the shop, a connection, a time."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime

from refshop.clock import ShopClock
from refshop.faults import FaultSet
from refshop.mailer import Mail, Mailer
from refshop.storage import Storage
from refshop.throttle import LoginThrottle


@dataclass
class Shop:
    """The parts of one running shop, shared by all its threads.

    Attributes:
        seed: makes track-and-trace codes and other generated values reproducible.
        secret: signs session cookies and label links (random per start).
        store_key: the key the stores' tills send (empty: the till API is locked).
        throttle: failed logins, per account and per client.
        agent_ready: set once the agent's login is stored (hashed at start, in the background).
    """

    storage: Storage
    clock: ShopClock
    faults: FaultSet
    mailer: Mailer
    seed: int
    secret: bytes
    base_url: str = ""
    store_key: str = ""
    throttle: LoginThrottle = field(default_factory=LoginThrottle)
    agent_ready: threading.Event = field(default_factory=threading.Event)


@dataclass
class Ctx:
    """One unit of work: a request, or one process that came due.

    ``now`` is the shop clock's time for a request, and the due time for a
    process, so processes that run late (the clock jumped) still happen "at"
    their own time, in time order.
    """

    shop: Shop
    db: sqlite3.Connection
    now: datetime
    _pending: list[Mail] = field(default_factory=list)

    def active(self, fault: str) -> bool:
        """Whether the shop was started with ``fault``."""
        return self.shop.faults.active(fault)

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One all-or-nothing change; mail queued inside it is sent after commit.

        Sent by the mailer's own thread, after the answer: a slow mail server
        never keeps the customer waiting (unless ``mail-blocks-checkout`` is on,
        which sends it here and now, as the shop used to).
        """
        outer = not self.db.in_transaction
        with self.shop.storage.write(self.db) as conn:
            yield conn
        if outer:
            pending, self._pending = self._pending, []
            inline = self.active("mail-blocks-checkout")
            for mail in pending:
                if inline:
                    self.shop.mailer.deliver(mail)  # Seam: the request waits for the mail server.
                else:
                    self.shop.mailer.send(mail)

    def queue_mail(self, mail: Mail) -> None:
        """Send ``mail`` once the current change is committed (never for a rolled-back one)."""
        self._pending.append(mail)
