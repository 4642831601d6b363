"""Login throttling per account and per client (OWASP ASVS 2.2.1).

Failed logins are counted in a sliding window of wall-clock time, per
account (the e-mail address or agent name tried) and per client address.
Past the limit every attempt, right password or not, is refused with 429
and ``Retry-After`` until the oldest counted failure leaves the window. A
successful login clears its account's count (not the client's: one address
guessing many accounts stays throttled).

Wall-clock time, not the shop clock: a test that moves the shop a week ahead
must not reopen the door to guessing. Counts live in memory: a restart
forgets them, which a demo shop can afford.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable

from refshop.errors import ShopError

WINDOW_SECONDS = 15 * 60
ACCOUNT_LIMIT = 5  # wrong passwords for one account within the window
CLIENT_LIMIT = 20  # wrong passwords from one address within the window


class Throttled(ShopError):
    """Too many failed logins: 429, with the seconds to wait."""

    def __init__(self, retry_after: int) -> None:
        minutes = max(1, math.ceil(retry_after / 60))
        super().__init__(
            f"Te veel mislukte inlogpogingen. Probeer het over {minutes} minuten opnieuw.",
            429,
        )
        self.retry_after = retry_after


class LoginThrottle:
    """Failure counts of one running shop (shared by its request threads).

    Args:
        now: the clock (seconds); injectable for tests.
    """

    def __init__(self, now: Callable[[], float] = time.monotonic) -> None:
        self._now = now
        self._lock = threading.Lock()
        self._failures: dict[tuple[str, str], deque[float]] = {}

    def check(self, account: str, client: str) -> None:
        """Raise :class:`Throttled` when either the account or the client is over its limit."""
        with self._lock:
            wait = max(
                self._wait(("account", account.casefold()), ACCOUNT_LIMIT),
                self._wait(("client", client), CLIENT_LIMIT),
            )
        if wait > 0:
            raise Throttled(wait)

    def failed(self, account: str, client: str) -> None:
        """Count one wrong password for ``account`` from ``client``."""
        at = self._now()
        with self._lock:
            for key in (("account", account.casefold()), ("client", client)):
                self._failures.setdefault(key, deque()).append(at)

    def succeeded(self, account: str) -> None:
        """The right password (within the limits): the account's count starts again."""
        with self._lock:
            self._failures.pop(("account", account.casefold()), None)

    def _wait(self, key: tuple[str, str], limit: int) -> int:
        """Seconds until ``key`` is under ``limit`` again (0: it is now). Call with the lock held."""
        times = self._failures.get(key)
        if not times:
            return 0
        cutoff = self._now() - WINDOW_SECONDS
        while times and times[0] <= cutoff:
            times.popleft()
        if not times:
            del self._failures[key]
            return 0
        if len(times) < limit:
            return 0
        # Under the limit once the failures beyond the newest limit-1 have left the window.
        release = times[len(times) - limit] + WINDOW_SECONDS
        return max(1, math.ceil(release - self._now()))
