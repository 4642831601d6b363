"""Load on the reference shop's app API, against a plain werkzeug app as the baseline.

Starts ``python -m refshop`` on a free loopback port, places one order, then
fires a bounded load (``--requests`` GETs from ``--threads`` threads, at most
``--max-seconds``) at ``GET /api/orders/<ref>?token=``. The same load then
goes to a trivial werkzeug app (same server, same threading, one small JSON
answer), started the same way, so the ratio shows what the shop itself costs.

    .venv/bin/python bench/shop_api_load.py [--requests 2000] [--threads 8]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import secrets
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Result:
    done: int
    errors: int
    seconds: float

    @property
    def per_second(self) -> float:
        return self.done / self.seconds if self.seconds else 0.0


def load(port: int, path: str, requests: int, threads: int, max_seconds: float) -> Result:
    """``requests`` GETs of ``path`` from ``threads`` threads; stops early at ``max_seconds``."""
    counter = iter(range(requests))
    lock = threading.Lock()
    tally = {"done": 0, "errors": 0}
    deadline = time.perf_counter() + max_seconds

    def worker() -> None:
        done = errors = 0
        while time.perf_counter() < deadline:
            with lock:
                if next(counter, None) is None:
                    break
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                done += 1
                errors += response.status != 200
            except OSError:
                errors += 1
            finally:
                conn.close()
        with lock:
            tally["done"] += done
            tally["errors"] += errors

    started = time.perf_counter()
    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return Result(tally["done"], tally["errors"], time.perf_counter() - started)


def start(args: list[str], env: dict[str, str] | None = None) -> tuple[subprocess.Popen[str], dict]:
    proc = subprocess.Popen(
        [sys.executable, *args],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if not line:
        proc.kill()
        raise SystemExit(f"could not start {' '.join(args)}: no ready line")
    return proc, json.loads(line)


def stop(proc: subprocess.Popen[str]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def place_order(port: int, store_key: str) -> str:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    body = json.dumps(
        {
            "store": "utrecht",
            "sku": "tablet-10",
            "quantity": 1,
            "name": "Bench Mark",
            "email": "bench@example.test",
            "street": "Oudegracht 1",
            "postcode": "3511 AA",
            "city": "Utrecht",
        }
    )
    conn.request("POST", "/api/store/orders", body, {"Content-Type": "application/json", "X-Store-Key": store_key})
    response = conn.getresponse()
    data = json.loads(response.read())
    if response.status != 201:
        raise SystemExit(f"could not place the bench order: {response.status} {data}")
    return str(data["order_number"])


def plain_server() -> None:
    """The baseline: a trivial WSGI app on werkzeug's threaded server."""
    from werkzeug.serving import WSGIRequestHandler, make_server

    class Quiet(WSGIRequestHandler):
        def log_request(self, *args: object) -> None:
            pass

    def app(environ, start_response):  # type: ignore[no-untyped-def]
        body = b'{"order_number": "RS-10001", "status": "ordered"}'
        start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
        return [body]

    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=Quiet)
    print(json.dumps({"url": f"http://127.0.0.1:{server.socket.getsockname()[1]}"}), flush=True)
    server.serve_forever()


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--requests", type=int, default=2000)
    p.add_argument("--threads", type=int, default=8)
    p.add_argument("--max-seconds", type=float, default=20.0)
    p.add_argument("--plain-server", action="store_true", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.plain_server:
        plain_server()
        return 0

    store_key = secrets.token_urlsafe(8)
    folder = tempfile.mkdtemp(prefix="bench-shop-")
    db = str(Path(folder) / "shop.sqlite")
    shop, info = start(
        ["-m", "refshop", "--port", "0", "--clock", "2026-11-23T10:00:00+01:00", "--db", db],
        {"REFSHOP_CLOCK_TOKEN": secrets.token_urlsafe(8), "REFSHOP_STORE_KEY": store_key},
    )
    try:
        port = int(info["url"].rsplit(":", 1)[1])
        ref = place_order(port, store_key)
        # The order's access code, as her confirmation mail carries it (the till's receipt does not).
        with sqlite3.connect(db) as conn:
            token = conn.execute("SELECT access_token FROM orders WHERE ref=?", (ref,)).fetchone()[0]
        path = f"/api/orders/{ref}?token={token}"
        load(port, path, 50, 2, 5)  # warm up: templates, connections, caches
        shop_result = load(port, path, args.requests, args.threads, args.max_seconds)
    finally:
        stop(shop)
        shutil.rmtree(folder, ignore_errors=True)
    plain, plain_info = start([str(Path(__file__).resolve()), "--plain-server"])
    try:
        plain_port = int(plain_info["url"].rsplit(":", 1)[1])
        load(plain_port, "/", 50, 2, 5)
        plain_result = load(plain_port, "/", args.requests, args.threads, args.max_seconds)
    finally:
        stop(plain)

    for name, r in (
        ("shop  GET /api/orders/<ref>", shop_result),
        ("plain werkzeug app", plain_result),
    ):
        print(f"{name:28} {r.done:5d} requests in {r.seconds:6.2f} s = {r.per_second:7.0f} req/s  (errors: {r.errors})")
    ratio = shop_result.per_second / plain_result.per_second if plain_result.per_second else 0
    print(f"ratio shop / plain: {ratio:.2f}  ({args.threads} threads, loopback)")
    return 1 if shop_result.errors or plain_result.errors else 0


if __name__ == "__main__":
    sys.exit(main())
