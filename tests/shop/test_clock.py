"""The test clock endpoint: token, loopback, and processes running in time order."""

from __future__ import annotations

from collections.abc import Callable

from shop_helpers import HTTP, TILL, app_order, person, set_clock, web_order

from refshop.clock import parse_moment
from refshop.server import RunningShop


def test_clock_reads_without_token(shop: RunningShop) -> None:
    assert HTTP.get(f"{shop.url}/__clock").json() == {"now": "2026-11-23T10:00:00+01:00"}


def test_clock_refuses_to_move_without_the_right_token(shop: RunningShop) -> None:
    for headers in ({}, {"X-Clock-Token": "wrong"}):
        r = HTTP.post(f"{shop.url}/__clock", json={"advance_seconds": 60}, headers=headers)
        assert r.status_code == 403
        assert "X-Clock-Token" in r.json()["error"]
    assert HTTP.get(f"{shop.url}/__clock").json()["now"] == "2026-11-23T10:00:00+01:00"


def test_clock_refuses_non_loopback_callers(shop: RunningShop) -> None:
    client = shop.app.test_client()
    r = client.post(
        "/__clock",
        json={"advance_seconds": 60},
        headers={"X-Clock-Token": "test-clock-token"},
        environ_base={"REMOTE_ADDR": "192.0.2.7"},
    )
    assert r.status_code == 403 and "loopback" in r.get_json()["error"]


def test_clock_rejects_bad_bodies(shop: RunningShop) -> None:
    h = {"X-Clock-Token": "test-clock-token"}
    for body in (
        {},
        {"set": "gisteren"},
        {"advance_seconds": -5},
        {"advance_seconds": "x"},
        {"set": "2026-11-24T10:00:00", "advance_seconds": 5},
    ):
        r = HTTP.post(f"{shop.url}/__clock", json=body, headers=h)
        assert r.status_code == 400, body
        assert "error" in r.json()


def test_processes_run_in_time_order_when_the_clock_jumps(shop: RunningShop) -> None:
    first = person()
    web_order(shop, first)  # Monday 10:00: delivered Tuesday
    set_clock(shop, "2026-11-23T18:30:00+01:00")  # picks RS-10001 only
    second = person()
    web_order(shop, second)  # Monday 18:30: delivered Wednesday
    moved = set_clock(shop, "2026-11-26T09:00:00+01:00")
    assert moved["ran"] == [
        "pick:RS-10002",  # 19:30, before the first order's van leaves at 20:00
        "ship:RS-10001",
        "deliver:RS-10001",
        "ship:RS-10002",
        "deliver:RS-10002",
    ]
    assert app_order(shop, "RS-10002", second.email)["status"] == "delivered"


def test_setting_the_clock_back_undoes_nothing(shop: RunningShop) -> None:
    who = person()
    web_order(shop, who)
    set_clock(shop, "2026-11-25T10:00:00+01:00")
    assert set_clock(shop, "2026-11-23T09:00:00+01:00")["ran"] == []
    assert app_order(shop, "RS-10001", who.email)["status"] == "delivered"


def test_live_clock_follows_the_wall_clock_and_can_be_moved(
    start_shop: Callable[..., RunningShop],
) -> None:
    shop = start_shop(clock=None)
    assert not shop.shop.clock.frozen
    placed = HTTP.post(
        f"{shop.url}/api/store/orders",
        headers=TILL,
        json={
            "store": "utrecht",
            "sku": "headphones",
            "quantity": 1,
            "name": "Live",
            "email": "live@example.test",
            "street": "Markt 1",
            "postcode": "3511 AA",
            "city": "Utrecht",
        },
    ).json()
    delivery = placed["delivery_date"]
    moved = set_clock(shop, f"{delivery}T15:00:00+01:00")
    assert moved["ran"][-1] == f"deliver:{placed['order_number']}"
    now = parse_moment(HTTP.get(f"{shop.url}/__clock").json()["now"])
    assert abs((now - parse_moment(f"{delivery}T15:00:00+01:00")).total_seconds()) < 5
