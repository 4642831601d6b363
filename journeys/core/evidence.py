"""Evidence files of one customer: screenshots, mails, HTTP exchanges, traces.

Everything lands under ``<reports>/evidence/<customer key>/`` with names that
say what they are and in which order they were made (``web-01-web.checkout.png``,
``email-01-email.order_confirmation.eml``, ``api-01-app.order.json``,
``trace.zip``). Paths handed back are relative to the reports folder, so a
report stays valid when the folder is moved or published as a CI artifact.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path

from journeys.core.secrets import Secrets
from journeys.core.stopwatch import Stopwatch

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_name(text: str) -> str:
    """``text`` usable as one file name: anything but letters, digits, ``._-`` becomes ``-``."""
    return _UNSAFE.sub("-", text).strip("-.") or "x"


class EvidenceStore:
    """Writes one customer's evidence files.

    Args:
        reports_dir: the run's reports folder.
        customer_key: the customer's key (``anna-3``); its folder name.
        secrets: when given, text written through ``write_text`` is redacted
            with it (drivers redact as well: this is the second lock on the door).
        stopwatch: the customer's stopwatch; writing evidence is the harness's time, never the
            system's (drivers also time their browser set-up and screenshots on it).
    """

    def __init__(
        self,
        reports_dir: str | Path,
        customer_key: str,
        secrets: Secrets | None = None,
        *,
        stopwatch: Stopwatch | None = None,
    ) -> None:
        self.reports_dir = Path(reports_dir)
        self.stopwatch = stopwatch or Stopwatch()
        self.customer_key = customer_key
        self.secrets = secrets
        self.folder = self.reports_dir / "evidence" / safe_name(customer_key)
        self._counts: dict[str, int] = {}
        self._lock = threading.Lock()

    def name_for(self, channel: str, touchpoint: str, suffix: str) -> str:
        """A new, unused file name such as ``web-02-web.checkout.png``."""
        channel, touchpoint = safe_name(channel), safe_name(touchpoint)
        suffix = suffix if suffix.startswith(".") else "." + suffix
        with self._lock:
            number = self._counts.get(channel, 0)
            while True:
                number += 1
                name = f"{channel}-{number:02d}-{touchpoint}{suffix}"
                # A store made again for the same customer must not overwrite the first one's files.
                if not (self.folder / name).exists():
                    break
            self._counts[channel] = number
            self.folder.mkdir(parents=True, exist_ok=True)
            (self.folder / name).touch()
        return name

    def path(self, name: str) -> Path:
        """The absolute path of evidence file ``name`` (its folder exists)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        return self.folder / safe_name(name)

    def relative(self, name: str) -> str:
        """``evidence/<customer>/<name>``: the path reports refer to."""
        return (self.path(name).relative_to(self.reports_dir)).as_posix()

    def write_bytes(self, name: str, data: bytes) -> str:
        """Write ``data`` as ``name``; returns its path relative to the reports folder."""
        with self.stopwatch.harness():
            self.path(name).write_bytes(data)
        return self.relative(name)

    def write_text(self, name: str, text: str) -> str:
        """Write ``text`` (redacted, when the store has secrets) as ``name``; returns its path."""
        with self.stopwatch.harness():
            if self.secrets is not None:
                text = self.secrets.redact(text)
            self.path(name).write_text(text, encoding="utf-8")
        return self.relative(name)

    def save(self, channel: str, touchpoint: str, suffix: str, data: bytes | str) -> str:
        """Write a new numbered file for ``touchpoint``; returns its relative path."""
        name = self.name_for(channel, touchpoint, suffix)
        if isinstance(data, str):
            return self.write_text(name, data)
        return self.write_bytes(name, data)
