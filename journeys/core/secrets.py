"""Secret values the harness must never write down: passwords, tokens, sessions.

Every driver passes text through ``Secrets.redact`` before it writes evidence
or raises an error, so a screenshot caption, a saved HTTP exchange or a
traceback never carries a password. The map names secrets only by their
environment variable; the values are collected here at run time.

``is_secret_header`` is the one list of HTTP headers whose values are never
kept (API evidence, browser traces, HAR files): against a real staging
system a session cookie or bearer token may still be valid.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from urllib.parse import quote, quote_plus

MASK = "•••"

# Shorter values would mask ordinary words ("agent", "1234") all over the evidence.
MIN_LENGTH = 4

# Headers that carry credentials or sessions; any header naming a token counts too.
SECRET_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key"})


def is_secret_header(name: str) -> bool:
    """True when the value of HTTP header ``name`` (any case) must be masked."""
    lowered = name.lower()
    return lowered in SECRET_HEADERS or "token" in lowered


class Secrets:
    """A set of secret values and the redaction of them from text.

    Thread-safe: customers on several threads may add their passwords while
    others redact.
    """

    def __init__(self, values: Iterable[str] = ()) -> None:
        self._values: set[str] = set()
        self._lock = threading.Lock()
        for value in values:
            self.add(value)

    def add(self, value: str | None) -> None:
        """Remember ``value`` as secret (its URL-encoded forms too)."""
        if not value or len(value) < MIN_LENGTH:
            return
        with self._lock:
            # A password also shows up form- or URL-encoded in a saved request.
            self._values.update({value, quote(value, safe=""), quote_plus(value)})

    def add_env(self, name: str, environ: Mapping[str, str]) -> None:
        """Remember the value of variable ``name`` in ``environ`` (the run's variables), if it is set."""
        self.add(environ.get(name))

    def add_env_names(self, names: Iterable[str], environ: Mapping[str, str]) -> None:
        """Remember the values of every variable in ``names`` that ``environ`` (the run's variables) sets."""
        for name in names:
            self.add_env(name, environ)

    def __contains__(self, value: object) -> bool:
        with self._lock:
            return value in self._values

    def __len__(self) -> int:
        with self._lock:
            return len(self._values)

    def redact(self, text: str) -> str:
        """``text`` with every secret value replaced by ``•••``."""
        if not text:
            return text
        with self._lock:
            # Longest first, so a secret containing another is masked whole.
            values = sorted(self._values, key=len, reverse=True)
        for value in values:
            if value in text:
                text = text.replace(value, MASK)
        return text

    def redact_bytes(self, data: bytes) -> bytes:
        """``data`` (UTF-8 or ASCII, as mail and HTTP bodies are) with secrets masked."""
        with self._lock:
            values = sorted(self._values, key=len, reverse=True)
        mask = MASK.encode()
        for value in values:
            data = data.replace(value.encode(), mask)
        return data
