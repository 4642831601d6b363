"""A run whose output pipe closed (``| tee`` after Ctrl-C) finishes instead of dying on BrokenPipeError."""

from __future__ import annotations

import io
import os

from journeys.run.command_line import PipeSafe


class ClosedPipe(io.StringIO):
    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    def fileno(self) -> int:
        return self._fd

    def __init__(self, fd: int) -> None:
        super().__init__()
        self._fd = fd


def test_writes_after_the_reader_went_away_are_dropped(tmp_path):
    fd = os.open(tmp_path / "out.txt", os.O_WRONLY | os.O_CREAT)
    try:
        stream = PipeSafe(ClosedPipe(fd))  # type: ignore[arg-type]
        assert stream.write("journeys: interrupted (exit 2)\n") == len("journeys: interrupted (exit 2)\n")
        stream.flush()
        assert stream.broken
        assert stream.write("more\n") == 5
    finally:
        os.close(fd)


def test_a_working_stream_is_written_to():
    inner = io.StringIO()
    stream = PipeSafe(inner)
    stream.write("ok\n")
    stream.flush()
    assert inner.getvalue() == "ok\n" and not stream.broken and stream.getvalue() == "ok\n"
