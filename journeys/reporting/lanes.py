"""What the journey map adds to a ledger's stops: lanes in the writer's words, mails that never came.

A lane is named as a feature's writer names the channel ("in the app", "the mail", "in the store",
"on the phone"): by the first word of the touchpoint's name where it is such a word (``app.order``
is the app, though the harness reads it over HTTP as ``api``), else by its channel. A mail that
never came left no observation on the ledger, only the step's error: ``MailNotReceived: ... at
email.shipping_notice: ... within 30 s``. The map draws it as a missing box in the mail lane with
how long she waited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from journeys.reporting.allure_links import LinkedPaths

__all__ = ["MissingMail", "lane", "missing_mail", "relative"]

# The first words of touchpoint names that are channels as a writer names them.
_CHANNEL_WORDS = {"web", "email", "app", "store", "phone", "chat", "agent"}
# English "... at email.x: ... within 5 s", Dutch "... bij email.x: binnen 5 s ..." (messages.step_texts).
_MISSING = re.compile(r"MailNotReceived: .*? (?:at|bij) ([\w.-]+): (?:.*?(?:within|binnen) ([\d.]+) s)?", re.DOTALL)


def lane(touchpoint: str, channel: str) -> str:
    """The lane a touchpoint is drawn in: ``app`` for ``app.order``, ``web`` for ``returns.portal``."""
    first = touchpoint.split(".", 1)[0]
    return first if first in _CHANNEL_WORDS else channel


@dataclass(frozen=True)
class MissingMail:
    """A mail the customer waited for and never got."""

    touchpoint: str
    waited: float | None  # seconds, when the error says


def missing_mail(error: str) -> MissingMail | None:
    """The mail a step's error says never came, or None."""
    found = _MISSING.search(error)
    if found is None:
        return None
    return MissingMail(found.group(1), float(found.group(2)) if found.group(2) else None)


def relative(text: str, folder: Path, project: Path | None = None, base: str = "") -> str:
    """``text`` with paths of the machine written from the run folder (evidence; under ``base``, the URL it is
    published at) or the project (the rest)."""
    return LinkedPaths(folder, project, base).text(text)
