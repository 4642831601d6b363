"""Ctrl-C during a journey: finish the step being taken, then stop cleanly.

Left to itself, Ctrl-C lands in the middle of a browser call and every
journey after it fails with "target closed". Here the first Ctrl-C is only
noted: the running step completes (within its timeouts), the journey is
recorded as interrupted and ``KeyboardInterrupt`` is raised between steps.
A second Ctrl-C interrupts at once.
"""

from __future__ import annotations

import signal
import threading
from types import FrameType, TracebackType
from typing import Any


class StopBetweenSteps:
    """A context in which Ctrl-C stops the journey at the next step boundary."""

    def __init__(self) -> None:
        self.requested = False
        self._previous: Any = None

    def __enter__(self) -> StopBetweenSteps:
        if threading.current_thread() is threading.main_thread():  # signals reach the main thread only
            self._previous = signal.signal(signal.SIGINT, self._note)
        return self

    def _note(self, signum: int, frame: FrameType | None) -> None:
        if self.requested:  # the second Ctrl-C: now
            self._restore()
            raise KeyboardInterrupt
        self.requested = True

    def check(self) -> None:
        """Raise ``KeyboardInterrupt`` if Ctrl-C was pressed since the journey began."""
        if self.requested:
            raise KeyboardInterrupt

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self._restore()
        if self.requested and kind is None:
            raise KeyboardInterrupt

    def _restore(self) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)
            self._previous = None
