"""A whole order -> delivery -> return -> refund journey through the shop's APIs alone.

Runs the journey N times against one reference shop (a fresh customer each
time) and, as the plain baseline in the same run, as many plain GETs of the
order API as the journey makes requests. Prints medians and the ratio; the
aim is "well under a second" per journey.

    .venv/bin/python bench/shop_api_journey.py [--rounds 20]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("REFSHOP_CLOCK_TOKEN", "bench-token")
from refshop.server import RunningShop, serve  # noqa: E402

TOKEN = {"X-Clock-Token": os.environ["REFSHOP_CLOCK_TOKEN"]}
STORE = {"X-Store-Key": "bench-store-key"}


def order_token(shop: RunningShop, ref: str) -> str:
    """The order's access code, as its confirmation mail carries it (the till's receipt does not)."""
    conn = shop.shop.storage.connect()
    try:
        return str(conn.execute("SELECT access_token FROM orders WHERE ref=?", (ref,)).fetchone()[0])
    finally:
        conn.close()


def journey(http: httpx.Client, shop: RunningShop, i: int) -> int:
    """One customer's journey; returns the number of requests it made."""
    email = f"bench{i}@example.test"
    http.post("/__clock", json={"set": "2026-11-23T10:00:00+01:00"}, headers=TOKEN)
    order = http.post(
        "/api/store/orders",
        json={
            "store": "rotterdam",
            "sku": "tablet-10",
            "quantity": 1,
            "name": "Joke Visser",
            "email": email,
            "street": "Coolsingel 40",
            "postcode": "3011 AD",
            "city": "Rotterdam",
        },
        headers=STORE,
    ).json()
    code = {"token": order_token(shop, order["order_number"])}
    http.post("/__clock", json={"set": "2026-11-24T15:00:00+01:00"}, headers=TOKEN)
    assert http.get(f"/api/orders/{order['order_number']}", params=code).json()["status"] == "delivered"
    made = http.post(
        "/api/returns",
        json={"order_number": order["order_number"], "email": email, "sku": "tablet-10", **code},
    ).json()
    http.post("/__clock", json={"set": "2026-11-27T12:00:00+01:00"}, headers=TOKEN)
    answer = http.get(f"/api/returns/{made['return_number']}", params=code).json()
    assert answer["status"] == "refunded", answer
    return 7


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    rounds = parser.parse_args().rounds
    shop = serve(port=0, clock="2026-11-23T10:00:00+01:00", store_key=STORE["X-Store-Key"])
    try:
        with httpx.Client(base_url=shop.url, timeout=10) as http:
            first = http.post(
                "/api/store/orders",
                json={
                    "store": "rotterdam",
                    "sku": "headphones",
                    "quantity": 1,
                    "name": "Base Line",
                    "email": "base@example.test",
                    "street": "Coolsingel 40",
                    "postcode": "3011 AD",
                    "city": "Rotterdam",
                },
                headers=STORE,
            ).json()["order_number"]
            code = {"token": order_token(shop, first)}
            whole, plain = [], []
            for i in range(rounds):
                started = time.perf_counter()
                requests = journey(http, shop, i)
                whole.append(time.perf_counter() - started)
                started = time.perf_counter()
                for _ in range(requests):
                    http.get(f"/api/orders/{first}", params=code)
                plain.append(time.perf_counter() - started)
    finally:
        shop.stop()
    j, p = statistics.median(whole), statistics.median(plain)
    print(f"order->delivery->return->refund through the APIs, {rounds} journeys")
    print(f"  journey (7 requests, 3 clock moves)  median {j * 1000:6.1f} ms")
    print(f"  plain: 7 order lookups               median {p * 1000:6.1f} ms")
    print(f"  ratio journey/plain {j / p:.1f}  (the journey runs every process it triggers)")


if __name__ == "__main__":
    main()
