"""Local servers for driver tests: tiny pages and JSON on loopback, never the shop."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from journeys.channels.browser import BrowserSession
from journeys.core.evidence import EvidenceStore
from journeys.core.secrets import Secrets


@dataclass
class Site:
    """A loopback HTTP server answering from a dict: path -> (status, content type, body)."""

    routes: dict[str, tuple[int, str, bytes]] = field(default_factory=dict)
    requests: list[dict[str, Any]] = field(default_factory=list)
    url: str = ""

    def page(self, path: str, html: str, status: int = 200) -> str:
        body = f"<!doctype html><html><head><meta charset='utf-8'></head><body>{html}</body></html>"
        self.routes[path] = (status, "text/html; charset=utf-8", body.encode())
        return self.url + path

    def json(self, path: str, data: Any, status: int = 200) -> str:
        self.routes[path] = (status, "application/json", json.dumps(data).encode())
        return self.url + path


def _serve(site: Site) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            site.requests.append(
                {
                    "method": self.command,
                    "path": self.path,
                    "headers": dict(self.headers),
                    "body": body,
                }
            )
            status, kind, content = site.routes.get(urlparse(self.path).path, (404, "text/plain", b"not found"))
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(content)))
            self.end_headers()
            self.wfile.write(content)

        do_GET = do_POST = _answer  # noqa: N815

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    site.url = f"http://127.0.0.1:{server.server_address[1]}"
    return server


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site()
    server = _serve(s)
    yield s
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def module_site() -> Iterator[Site]:
    s = Site()
    server = _serve(s)
    yield s
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[BrowserSession]:
    """One real browser for a test module: each test opens its own context in it."""
    session = BrowserSession()
    yield session
    session.close()


@pytest.fixture
def evidence(tmp_path: Path) -> EvidenceStore:
    return EvidenceStore(tmp_path / "reports", "anna-1")


@pytest.fixture
def secrets() -> Secrets:
    return Secrets()


@pytest.fixture
def closed_port() -> int:
    """A loopback port nobody listens on (bound, then released)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


FilesContaining = Callable[[Path, str], list[str]]
