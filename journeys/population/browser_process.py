"""A browser process of a population: walks browser customers, one at a time, in a real browser.

Playwright's sync API cannot run where Locust has patched the process with
gevent, so browser customers walk here: a plain Python process with one
browser (a fresh context per customer), attached to the run's system
(``attached``). Its parent (``browsers.BrowserPool``) talks to it over a
socket, one JSON object a line:

- parent: ``{"setup": spec}``; here: ``{"ready": true}`` or ``{"failed": why}``;
- parent: ``{"walk": scenario, "customer": spec}``; here, any number of
  ``{"clock": "set"|"advance", "value": ...}`` (answered ``{"moment": iso}``
  or ``{"error": why}``), then ``{"walked": ...}`` or ``{"error": why}``.

The process ends when its parent closes the socket (or dies).

    python -m journeys.population.browser_process FD
"""

from __future__ import annotations

import json
import socket
import sys
from pathlib import Path
from typing import Any

from journeys.errors import JourneysError

__all__ = ["Closed", "Lines", "Scenarios", "main", "scenario_address"]


class Closed(JourneysError, ConnectionError):
    """The other end is gone (its process ended or closed the socket)."""


class Lines:
    """Send and receive JSON objects, one a line, over ``sock``."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self._reader = sock.makefile("rb")

    def send(self, message: dict[str, Any]) -> None:
        try:
            self.sock.sendall(json.dumps(message, default=str).encode() + b"\n")
        except OSError as exc:
            raise Closed(f"cannot send: {exc}") from exc

    def receive(self) -> dict[str, Any]:
        try:
            line = self._reader.readline()
        except OSError as exc:
            raise Closed(f"cannot receive: {exc}") from exc
        if not line:
            raise Closed("the other end closed the connection")
        message: dict[str, Any] = json.loads(line)
        return message

    def close(self) -> None:
        """Close the socket (a reader waiting on it gets ``Closed``)."""
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass  # already gone
        self.sock.close()


def scenario_address(scenario: Any) -> dict[str, Any]:
    """Where a scenario is, for another process to read it again."""
    return {"path": str(Path(scenario.path).resolve()), "line": scenario.line, "row": scenario.row_line}


class Scenarios:
    """Scenarios read again from their feature files, each file once."""

    def __init__(self) -> None:
        self._files: dict[str, list[Any]] = {}

    def find(self, address: dict[str, Any]) -> Any:
        from journeys.vocabulary.feature import read_feature

        scenarios = self._files.setdefault(address["path"], read_feature(address["path"]))
        for scenario in scenarios:
            if scenario.line == address["line"] and scenario.row_line == address["row"]:
                return scenario
        raise JourneysError(f"{address['path']}:{address['row'] or address['line']}: no such scenario any more")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    sock = socket.socket(fileno=int(args[0]))
    sock.setblocking(True)  # gevent made the pair non-blocking in the parent; here we wait for each line
    lines = Lines(sock)
    try:
        setup = lines.receive()["setup"]
        session = _attach(lines, setup)
    except Closed:
        return 0
    if session is None:
        return 1
    try:
        _serve(lines, session)
    except Closed:
        pass  # the run is over (or its process died): nothing left to walk for
    finally:
        session.close()
        lines.close()
    return 0


def _attach(lines: Lines, spec: dict[str, Any]) -> Any:
    """The session with its browser started; tells the parent ready, or why not."""
    from journeys.population.attached import AttachedSession
    from journeys.vocabulary.catalogue import load_steps

    def forward(action: str, value: str) -> str:
        lines.send({"clock": action, "value": value})
        answer = lines.receive()
        if "error" in answer:
            raise JourneysError(f"the run could not move the clock: {answer['error']}")
        return str(answer["moment"])

    session = None
    try:
        load_steps(Path.cwd())
        session = AttachedSession(spec, browserless=False, forward=forward)
        session.browser.browser  # noqa: B018 - launch it now: a missing browser is told before anyone walks
    except Exception as exc:  # noqa: BLE001 - whatever stops it, the parent says it in one line
        if session is not None:
            session.close()
        lines.send({"failed": f"{type(exc).__name__}: {exc}"})
        return None
    lines.send({"ready": True})
    return session


def _serve(lines: Lines, session: Any) -> None:
    from journeys.population.attached import ForwardedClock
    from journeys.population.identities import CustomerSpec
    from journeys.population.walker import walk, walked_to_dict

    scenarios = Scenarios()
    while True:
        order = lines.receive()
        if isinstance(session.clock, ForwardedClock):
            session.clock.forget()
        try:
            scenario = scenarios.find(order["walk"])
            customer = CustomerSpec(**order["customer"]).customer()
            walked = walk(session, scenario, customer, browser=True)
        except Closed:
            raise
        except Exception as exc:  # noqa: BLE001 - one customer's crash is a finding, not the process's end
            lines.send({"error": f"{type(exc).__name__}: {exc}"[:400]})
            continue
        lines.send({"walked": walked_to_dict(walked)})


if __name__ == "__main__":
    sys.exit(main())
