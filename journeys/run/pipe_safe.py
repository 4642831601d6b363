"""Output that outlives its reader: ``journeys run … | tee out.txt`` and Ctrl-C.

Ctrl-C reaches the whole pipeline: ``tee`` ends at once, and the run's next
line to the terminal would raise ``BrokenPipeError`` and end it before
junit.xml and the reports are written (exit 1, the interrupted journey
missing). Behind this wrapper a write to a closed pipe goes nowhere instead:
the run finishes its reports and exits 2, as an interrupted run does.
"""

from __future__ import annotations

import os
from typing import Any, TextIO


class PipeSafe:
    """A text stream whose writes and flushes after its reader went away are dropped."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self.broken = False

    def write(self, text: str) -> int:
        if not self.broken:
            try:
                return self._stream.write(text)
            except BrokenPipeError:
                self._went_away()
        return len(text)

    def flush(self) -> None:
        if not self.broken:
            try:
                self._stream.flush()
            except BrokenPipeError:
                self._went_away()

    def _went_away(self) -> None:
        self.broken = True
        try:  # Python flushes stdout again at exit: point it at nothing, quietly
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, self._stream.fileno())
            os.close(devnull)
        except (OSError, ValueError):
            pass

    def __getattr__(self, name: str) -> Any:  # isatty, fileno, encoding...: the stream's own
        return getattr(self._stream, name)
