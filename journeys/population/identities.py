"""Who arrives: each customer's identity, unique in the run, and whether she brings a browser.

Customer ``n`` of a run is ``Customer.create(seed, index=n, run_id=..., worker=...)``
wherever she walks (this process, a browser process, a Locust worker): the
process that schedules arrivals (the local engine or the master) hands out
the numbers, so no two workers ever make the same customer. Her key and
mailbox are a short hash of run id, worker tag and number; should two
customers of one run come out with the same key (or e-mail address), the
later one is made again with a salted worker tag: a run never holds two
customers with one identity. A new run has a new run id, and new mailboxes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from journeys.core.customer import Customer

__all__ = ["CustomerSpec", "Identities", "in_browser"]


@dataclass(frozen=True)
class CustomerSpec:
    """What makes customer ``index`` again in any process: seed, number, run id and worker tag."""

    seed: int
    index: int
    run_id: str
    worker: str

    def customer(self) -> Customer:
        return Customer.create(self.seed, index=self.index, run_id=self.run_id, worker=self.worker)

    def to_dict(self) -> dict[str, object]:
        return dict(self.__dict__)


class Identities:
    """Hands out customer identities, none twice in a run.

    Args:
        seed: the run's seed.
        run_id: the run's id (goes into every mailbox).
        worker: the tag of the process that schedules arrivals.
    """

    def __init__(self, seed: int, run_id: str, worker: str) -> None:
        self.seed, self.run_id, self.worker = seed, run_id, worker
        self._taken: set[str] = set()
        self.salted = 0  # identities made again because the first try was taken

    def spec(self, index: int) -> CustomerSpec:
        """Customer ``index``'s identity (made again with a salted worker tag when taken)."""
        tag, attempt = self.worker, 0
        while True:
            spec = CustomerSpec(self.seed, index, self.run_id, tag)
            customer = spec.customer()
            names = {customer.key.casefold(), customer.email.casefold()}
            if not names & self._taken:
                self._taken |= names
                return spec
            attempt += 1
            self.salted += 1
            tag = f"{self.worker}~{attempt}"


def in_browser(index: int, share: float) -> bool:
    """Whether customer ``index`` walks in a real browser: exactly ``share`` of every run, spread evenly.

    Customer ``n`` is a browser customer when ``floor((n + 1) * share)`` passes a whole number,
    so 0.1 makes customers 9, 19, 29... browser customers, and 0.5 every second one.
    """
    return share > 0 and math.floor((index + 1) * share + 1e-9) > math.floor(index * share + 1e-9)
