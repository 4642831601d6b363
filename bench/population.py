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
customers walked in a real browser against N without one (in a process of
its own: Playwright's sync API cannot run under Locust's gevent).

    .venv/bin/python bench/population.py [--customers 200] [--concurrency 10] [--browser 5]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
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
    from journeys.population.engine import Engine, Plan
    from journeys.population.mix import build_mix

    mix = build_mix([str(JOURNEY)], ["A tablet ordered on the web is confirmed the same way everywhere=1"])
    plan = Plan(
        mix,
        rate=1000.0,
        customers=customers,
        max_active=concurrency,
        progress_every=3600,
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


def browser_against_http(n: int) -> None:
    """Seconds per customer of the order journey in a real browser and without one (no Locust here)."""
    from journeys.customer import Customer
    from journeys.gherkin.catalogue import load_steps
    from journeys.gherkin.feature import read_feature
    from journeys.population.walker import walk
    from journeys.session import SystemSession

    load_steps(ROOT)
    scenario = read_feature(JOURNEY)[0]
    with tempfile.TemporaryDirectory() as reports:
        session = SystemSession("refshop", reports_dir=reports, seed=5)
        try:
            timings = {}
            for browserless in (False, True, False, True):  # the first round warms up browser and shop
                session.browserless = browserless  # type: ignore[attr-defined]
                started = time.perf_counter()
                for i in range(n):
                    walked = walk(session, scenario, Customer.create(5, index=i, run_id=f"b{browserless}{started}"))
                    if walked.outcome != "passed":
                        sys.exit(f"{walked.key}: {walked.error}")
                timings[browserless] = (time.perf_counter() - started) / n
        finally:
            session.close()
    print(
        f"browser  {timings[False]:.3f} s a customer; without a browser {timings[True]:.3f} s;"
        f" a browser customer costs {timings[False] / timings[True]:.1f} times an HTTP customer (walked one by one)"
    )


def main() -> None:
    if sys.argv[1:2] == ["--browser-only"]:
        browser_against_http(int(sys.argv[2]))
        return
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
        finally:
            session.close()
    n = args.customers // ROUNDS * ROUNDS
    print(f"harness  {n} customers in {seconds:.2f} s: {n / seconds:.1f} customers/s, {visits / seconds:.1f} visits/s")
    print(f"plain    {n} customers in {base:.2f} s: {n / base:.1f} customers/s (same requests, plain HttpUser)")
    print(f"ratio    {seconds / base:.2f} (harness / plain, target <= 1.3), concurrency {args.concurrency}")
    print(
        f"load-generator CPU a customer: harness {cpu / n * 1000:.1f} ms, plain {base_cpu / n * 1000:.1f} ms"
        f" (ratio {cpu / base_cpu:.2f}; the shop's own CPU is in its process)"
    )
    if args.browser:
        done = subprocess.run(
            [sys.executable, __file__, "--browser-only", str(args.browser)], capture_output=True, text=True, cwd=ROOT
        )
        print(done.stdout.strip() or done.stderr.strip())


if __name__ == "__main__":
    main()
