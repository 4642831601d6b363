"""A population without a browser: customers and touchpoint visits per second, and what the harness costs.

One embedded shop, one process, two phases with the same concurrency:

1. the harness: ``--customers`` customers walk the order journey (product,
   cart, checkout, confirmation page, confirmation mail, app) through
   ``journeys.population.engine`` (Locust), rules, ledgers and all;
2. the baseline: as many plain Locust ``HttpUser`` customers make the same
   HTTP requests (no parsing, no rules, no ledger, no mail read).

The phases alternate in four rounds, so the shop's growing database weighs on both alike.

The ratio (harness seconds per customer / plain seconds per customer) is the
harness's cost; the target is at most 1.3. ``--browser N`` also times N
customers walked one at a time in a real browser (a browser process of the
population's pool, as ``--browser-share`` walks them) against N without one.

    .venv/bin/python bench/population.py [--customers 200] [--concurrency 10] [--browser 5]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
JOURNEY = ROOT / "features" / "order" / "web_order.feature"
ROUNDS = 4
_HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)"[^>]*value="([^"]*)"')


def plain_customer() -> Any:
    """A plain Locust ``HttpUser`` class making the order journey's HTTP requests, and nothing else."""
    from locust import HttpUser

    class PlainCustomer(HttpUser):
        """The order journey's HTTP requests, and nothing else."""

        def order(self, n: int) -> None:
            c = self.client
            product = c.get("/product/tablet-10", name="product").text
            token = dict(_HIDDEN.findall(product))  # the page's CSRF token
            c.post("/cart/add", data={**token, "sku": "tablet-10", "quantity": "1"}, name="cart")
            page = c.get("/checkout", name="checkout").text
            form = dict(_HIDDEN.findall(page))  # a CSRF token, when the shop asks for one
            email = f"plain-{n}-{time.time_ns()}@journeys.test"
            details = {
                "name": "Pim Plain",
                "email": email,
                "street": "Laan 1",
                "postcode": "3511 AX",
                "city": "Utrecht",
            }
            done = c.post(
                "/checkout",
                data={**form, **details, "password": "Plain-pass-123!", "business": "no"},
                name="place order",
            )
            ref = done.url.rstrip("/").split("/")[-2]
            c.get(f"/api/orders/{ref}", name="app")  # her session: the checkout logged her in

    return PlainCustomer


def harness(session: object, customers: int, concurrency: int) -> tuple[float, float, int]:
    from journeys.population.engine import Engine
    from journeys.population.mix import build_mix
    from journeys.population.plan import Plan

    mix = build_mix([str(JOURNEY)], ["A tablet ordered on the web is confirmed the same way everywhere=1"])
    plan = Plan(
        mix,
        rate=1000.0,
        customers=customers,
        max_active=concurrency,
        progress_every=None,
        run_id=f"bench-{time.time_ns()}",
    )
    started, cpu = time.perf_counter(), time.process_time()
    run = Engine(plan, session, say=lambda _: None).run()  # type: ignore[arg-type]
    visits = sum(len(w.visits) for w in run.walked)
    failed = [w.error or w.outcome for w in run.walked if w.outcome != "passed"]
    if failed:
        sys.exit(f"the harness's customers did not all pass: {failed[:3]}")
    return time.perf_counter() - started, time.process_time() - cpu, visits


def plain(base_url: str, customers: int, concurrency: int) -> tuple[float, float]:
    from gevent.pool import Pool
    from locust.env import Environment

    PlainCustomer = plain_customer()  # noqa: N806 - a class
    PlainCustomer.host = base_url
    env = Environment(user_classes=[PlainCustomer], host=base_url)
    env.create_local_runner()
    pool = Pool(concurrency)
    started, cpu = time.perf_counter(), time.process_time()
    for n in range(customers):
        pool.spawn(PlainCustomer(env).order, n)
    pool.join(raise_error=True)
    if env.stats.total.num_failures:
        sys.exit(f"the plain customers failed {env.stats.total.num_failures} requests")
    return time.perf_counter() - started, time.process_time() - cpu


def one_by_one(session: object, customers: int, *, browser_share: float, pool: object = None) -> float:
    """Seconds per customer of the order journey, one customer at a time, through the population engine."""
    from journeys.population.engine import Engine, LocalWalks
    from journeys.population.mix import build_mix
    from journeys.population.plan import Plan

    class KeepingThePool(LocalWalks):
        def close(self) -> None:
            """The pool serves the next measurement too."""

    mix = build_mix([str(JOURNEY)], ["A tablet ordered on the web is confirmed the same way everywhere=1"])
    plan = Plan(mix, rate=1000.0, customers=customers, max_active=1, progress_every=None, browser_share=browser_share)
    plan = replace(plan, run_id=f"bench-{time.time_ns()}")
    started = time.perf_counter()
    run = Engine(plan, session, say=lambda _: None, walks=KeepingThePool(session, pool)).run()  # type: ignore[arg-type]
    failed = [w.error or w.outcome for w in run.walked if w.outcome != "passed"]
    if failed:
        sys.exit(f"the customers did not all pass: {failed[:3]}")
    return (time.perf_counter() - started) / customers


def browser_against_http(session: object, customers: int) -> None:
    """A browser customer (a browser process of the pool) against one without a browser, walked one by one."""
    from journeys.population.attached import describe
    from journeys.population.browsers import BrowserPool

    pool = BrowserPool(describe(session, "refshop", 5), 1).start()
    try:
        one_by_one(session, 2, browser_share=1.0, pool=pool)  # warm up the browser
        in_browser = one_by_one(session, customers, browser_share=1.0, pool=pool)
        without = one_by_one(session, customers, browser_share=0.0)
    finally:
        pool.close()
    print(
        f"browser  {in_browser:.3f} s a customer in a browser, {without:.3f} s without one (one at a time):"
        f" a browser customer costs {in_browser / without:.1f} times an HTTP customer"
    )


def main() -> None:
    import locust  # noqa: F401 - first: gevent patches the process before anything else is made

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--customers", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=10)
    parser.add_argument("--browser", type=int, default=5, help="customers for the browser/HTTP comparison (0: none)")
    args = parser.parse_args()
    from journeys.population.engine import PopulationSession

    with tempfile.TemporaryDirectory() as reports:
        session = PopulationSession("refshop", reports_dir=reports, seed=5)
        try:
            plain(session.base_url, 5, 5)  # warm up the shop (first requests pay for templates)
            harness(session, args.concurrency, args.concurrency)  # and the harness's first customers
            seconds = cpu = base = base_cpu = 0.0
            visits = 0
            for _ in range(ROUNDS):  # alternating, so the shop's growing database weighs on both alike
                took, used, seen = harness(session, args.customers // ROUNDS, args.concurrency)
                plain_took, plain_used = plain(session.base_url, args.customers // ROUNDS, args.concurrency)
                seconds, cpu, visits = seconds + took, cpu + used, visits + seen
                base, base_cpu = base + plain_took, base_cpu + plain_used
            report(args, seconds, cpu, visits, base, base_cpu)
            if args.browser:
                browser_against_http(session, args.browser)
        finally:
            session.close()


def report(args: Any, seconds: float, cpu: float, visits: int, base: float, base_cpu: float) -> None:
    n = args.customers // ROUNDS * ROUNDS
    print(f"harness  {n} customers in {seconds:.2f} s: {n / seconds:.1f} customers/s, {visits / seconds:.1f} visits/s")
    print(f"plain    {n} customers in {base:.2f} s: {n / base:.1f} customers/s (same requests, plain HttpUser)")
    print(f"ratio    {seconds / base:.2f} (harness / plain, target <= 1.3), concurrency {args.concurrency}")
    print(
        f"load-generator CPU a customer: harness {cpu / n * 1000:.1f} ms, plain {base_cpu / n * 1000:.1f} ms"
        f" (ratio {cpu / base_cpu:.2f}; the shop's own CPU is in its process)"
    )


if __name__ == "__main__":
    main()
