"""Waiting for a mail as a customer does, and the rule that a mail does not come.

On a test clock the clock moves on a few hours at a time, never past the day
she waits until; without one, the mail channel's own wait applies.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from journeys import rules

if TYPE_CHECKING:
    from journeys.customer import Customer
    from journeys.ledger import Ledger
    from journeys.records import Observation
    from journeys.system.touchpoint_map import Touchpoint

WAITING_STEP = timedelta(hours=4)  # how far a test clock moves at a time while she waits for a mail


class MailWaits:
    """What a journey knows of waiting for mail (mixed into ``Journey``)."""

    ledger: Ledger
    system: Any
    memory: dict[str, str]
    customer: Customer

    # What the walking half provides.
    @property
    def mail(self) -> Any:
        raise NotImplementedError

    def touchpoint(self, name: str) -> Touchpoint:
        raise NotImplementedError

    def visit(self, name: str, /, *, about: str = "", **params: str) -> dict[str, Observation]:
        raise NotImplementedError

    def now(self) -> datetime:
        raise NotImplementedError

    def advance(self, seconds: float) -> None:
        raise NotImplementedError

    def wait_for_mail(self, name: str, /, *, by: datetime) -> bool:
        """Whether mail ``name`` has come, the test clock moved on until it did or ``by`` was reached."""
        tp, values = self.touchpoint(name).filled(self.memory), {**self.memory}
        if self.system.clock.controllable:
            while self.now() < by and not self.mail.arrived(tp, self.customer.email, **values):
                self.advance(min(WAITING_STEP, by - self.now()).total_seconds())
        return bool(self.mail.arrived(tp, self.customer.email, **values))

    def expect_no_mail(self, name: str, /, *, by: datetime, why: str) -> None:
        """Rule *not sent*: mail ``name`` has not come by ``by``; when it has, it is read and named.

        Without a test clock the mail is looked for once, now: what may still come later is not seen.
        """
        if self.wait_for_mail(name, by=by):
            seen = self.visit(name)
            self.ledger.add(rules.not_sent(name, why, tuple(seen.values())))
