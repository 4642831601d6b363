"""The session of a process that joins a running population: a browser process or a Locust worker.

The process that starts a run (the local engine or the master) owns the
system: it started the embedded shop (or found ``--base-url``), holds the
SMTP capture and the shared test clock. The others are told where all that
is (``describe``) and attach to it (``AttachedSession``): the same system
and map; the captured mail read through the capture's own HTTP view (it
answers like Mailpit, so the ``mailpit`` mail driver reads it); and a clock
whose moves go to the owner (``ForwardedClock``), where the turnstile of
``timekeeping`` decides when a customer may move time for everyone.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import asdict, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from journeys.channels.browser_settings import BrowserSettings
from journeys.journey.session import SystemSession

__all__ = ["AttachedSession", "ForwardedClock", "describe", "move"]


def describe(session: Any, system: str, seed: int) -> dict[str, Any]:
    """What another process needs to attach to ``session`` (plain data, sent as it is).

    Serves the view of each SMTP capture the session's systems send mail to (on loopback).
    """
    captures = {name: part.mail_capture for name, part in session.parts.items() if part.mail_capture is not None}
    views = {name: capture.serve_view() for name, capture in captures.items()}  # (an empty capture is falsy)
    return {
        "system": system,
        "base_url": session.base_url,
        "mail_views": views,
        "start_moment": session.start_moment.isoformat(),
        "reports_dir": str(Path(session.reports_dir).resolve()),
        "promise_store": str(session.promise_store_url),
        "seed": seed,
        # The run's variables (read where it started) and the embedded systems' own passwords and
        # tokens (made for this run), handed over with the rest: never exported to an environment.
        "environ": {
            **session.variables,
            **{k: v for part in session.parts.values() if part.embedded for k, v in part.embedded.env.items()},
        },
        "browser": asdict(session.browser_settings),  # the run's, in every process of it: timeouts, --chromium...
    }


class ForwardedClock:
    """The system's test clock for a customer walking in another process than the run's owner.

    Reading is local (the system's clock stands still unless a customer moves it); moving is
    ``forward(action, value)``, which asks the owner to move it (``set`` an ISO moment,
    ``advance`` seconds) and returns the moment it then shows. After her own move a customer
    reads that moment: the owner let her walk alone.
    """

    controllable = True

    def __init__(self, inner: Any, forward: Callable[[str, str], str]) -> None:
        self.inner = inner
        self.forward = forward
        self._mine = threading.local()  # per customer: a greenlet under gevent, the thread otherwise

    def now(self) -> datetime:
        moved = getattr(self._mine, "moment", None)
        return moved if moved is not None else self.inner.now()  # type: ignore[no-any-return]

    def set(self, moment: datetime) -> None:
        self._mine.moment = datetime.fromisoformat(self.forward("set", moment.isoformat()))

    def advance(self, seconds: float) -> None:
        self._mine.moment = datetime.fromisoformat(self.forward("advance", str(seconds)))

    def enter(self) -> None:
        """Through the owner's turnstile: she walks when nobody walks alone."""
        self.forget()
        self.forward("enter", "")

    def leave(self) -> None:
        self.forward("leave", "")
        self.forget()

    def forget(self) -> None:
        """A new customer starts in this thread: she has moved nothing yet."""
        self._mine.moment = None


def move(clock: Any, action: str, value: str) -> str:
    """Carry out a forwarded move (or turnstile step) on the owner's ``clock``; returns the moment
    it then shows (ISO)."""
    if action in ("enter", "leave"):
        getattr(clock, action)()
    elif action == "set":
        clock.set(datetime.fromisoformat(value))
    elif action == "advance":
        clock.advance(float(value))
    else:
        raise ValueError(f"unknown clock move '{action}': enter, leave, set or advance")
    return str(clock.now().isoformat())


class AttachedSession(SystemSession):
    """A system session on the system another process of the run started.

    Args:
        spec: ``describe``'s answer from the owner.
        browserless: web customers without a browser (a Locust worker's HTTP customers).
        forward: moves the clock at the owner (``ForwardedClock``); None: the system's clock as it is.
    """

    def __init__(self, spec: dict[str, Any], *, browserless: bool, forward: Callable[[str, str], str] | None) -> None:
        # A capture of our own on a free port (the map's port is the owner's); stopped: mail is read at the owner's.
        super().__init__(
            spec["system"],
            base_url=spec["base_url"],
            reports_dir=spec["reports_dir"],
            promise_store=spec.get("promise_store"),
            seed=int(spec["seed"]),
            smtp_port=0,
            browserless=browserless,
            environ=spec.get("environ"),
            browser=BrowserSettings(**spec.get("browser", {})),
        )
        self.start_moment = datetime.fromisoformat(spec["start_moment"])  # the owner's: journeys start there
        for name, url in spec.get("mail_views", {}).items():
            self._read_mail_at(name, url)
        if forward is not None and self.clock.controllable:
            self.clock = ForwardedClock(self.clock, forward)

    def _read_mail_at(self, system: str, url: str) -> None:
        """System ``system``'s mail through the owner's capture view (our own capture gets none)."""
        part = self.parts[system]
        if part.mail_capture is not None:
            part.mail_capture.stop()
            part.mail_capture = None
        part.map = replace(part.map, mail={"driver": "mailpit", "url": url})
        self.maps = [part.map if each.system == system else each for each in self.maps]
        if system == self.map.system:
            self.map, self.mail_capture = part.map, None
