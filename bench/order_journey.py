"""The order journey through the harness against the same journey as a plain script.

Both run against one embedded reference shop and one SMTP capture, in the
same process, interleaved: order a tablet on the web, read the confirmation
mail, look the order up in the API, compare number, total and date.

- harness: ``Journey`` with the refshop map and tasks (ledger, screenshots,
  evidence, rules), with the default evidence (``--screenshot on``,
  ``--tracing off`` as in pytest-playwright);
- harness, no screenshots: the same with ``BrowserSettings(screenshot="off")``
  (``journeys run --screenshot off``);
- harness, with trace: the default and ``--tracing retain-on-failure``, to
  show what recording the DOM-snapshot trace costs (no target);
- plain: Playwright + httpx + the same capture, the same clicks and reads,
  nothing kept.

Prints the median of each and the ratios harness/plain (targets: at most 1.25
with the default evidence, at most 1.10 without screenshots).

    .venv/bin/python bench/order_journey.py [--rounds 11]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from journeys.channels.browser_settings import BrowserSettings  # noqa: E402
from journeys.core.customer import Customer  # noqa: E402
from journeys.journey.journey import Journey  # noqa: E402
from journeys.journey.session import SystemSession  # noqa: E402

DEFAULT = BrowserSettings()
NO_SCREENSHOTS = BrowserSettings(screenshot="off")
WITH_TRACE = BrowserSettings(tracing="retain-on-failure")
TARGETS = {"harness": 1.25, "harness, no screenshots": 1.10}


def harness_round(
    session: SystemSession, index: int, settings: BrowserSettings = DEFAULT, run_id: str = "bench"
) -> None:
    """One customer's order journey; ``run_id`` tells paths' customers apart (one e-mail, one account)."""
    # One browser and one shop for all paths: the drivers take the evidence settings from the session.
    session.browser_settings = settings
    journey = Journey(session, Customer.create(5, index=index, run_id=run_id), name="bench")
    journey.do("place order", sku="tablet-10")
    journey.visit("email.order_confirmation")
    journey.visit("app.order")
    for fact in ("order.number", "order.total", "delivery.date"):
        journey.agree(fact)
    journey.close()
    assert not journey.ledger.violations, journey.ledger.violations


def plain_round(session: SystemSession, index: int) -> None:
    customer = Customer.create(5, index=index, run_id="plain")
    base = session.base_url
    context = session.browser.new_context()
    page = context.new_page()
    page.goto(f"{base}/product/tablet-10")
    [page.get_by_test_id(t).inner_text() for t in ("price", "delivery-promise", "delivery-date")]
    page.fill("[name=quantity]", "1")
    page.get_by_test_id("add-to-cart").click()
    page.goto(f"{base}/checkout")
    [page.get_by_test_id(t).inner_text() for t in ("checkout-total", "delivery-date")]
    for name, value in (
        ("name", customer.name),
        ("email", customer.email),
        ("street", customer.street),
        ("postcode", customer.postcode),
        ("city", customer.city),
        ("password", customer.password),
        ("birthdate", customer.birthdate.isoformat()),
    ):
        page.fill(f"[name={name}]", value)
    page.get_by_test_id("place-order").click()
    page.wait_for_load_state("load")
    number = page.get_by_test_id("order-number").inner_text()
    total = page.get_by_test_id("order-total").inner_text()
    day = page.get_by_test_id("delivery-date").inner_text()
    page.get_by_test_id("delivery-address").inner_text()
    token = page.get_by_test_id("order-token").inner_text()  # the order's code: the app asks for it
    deadline = time.monotonic() + 10
    while not (mails := [m for m in session.mail_capture.messages(customer.email) if number in m.subject]):
        if time.monotonic() > deadline:
            raise RuntimeError("no confirmation mail")
        session.mail_capture.wait_for_more(len(session.mail_capture.messages()), 0.05)
    body = mails[0].text
    mail_total = re.search(r"Totaal:\s*(.+)", body).group(1).strip()
    answer = httpx.get(f"{base}/api/orders/{number}", params={"email": customer.email, "token": token}).json()
    assert mail_total == total and answer["order_number"] == number and day
    context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=11)
    rounds = parser.parse_args().rounds
    paths = {
        "harness": lambda session, i: harness_round(session, i, DEFAULT),
        "harness, no screenshots": lambda session, i: harness_round(session, i, NO_SCREENSHOTS, "bench-off"),
        "harness, with trace": lambda session, i: harness_round(session, i, WITH_TRACE, "bench-trace"),
        "plain": plain_round,
    }
    times: dict[str, list[float]] = {name: [] for name in paths}
    with tempfile.TemporaryDirectory() as reports:
        session = SystemSession("refshop", reports_dir=reports, systems_dir=ROOT / "journeys/maps")
        try:
            session.browser.new_context().close()  # launch the browser outside the timings
            for run in paths.values():  # warm every path once
                run(session, 0)
            for i in range(1, rounds + 1):
                for name, run in paths.items():
                    started = time.perf_counter()
                    run(session, i)
                    times[name].append(time.perf_counter() - started)
        finally:
            session.close()
    medians = {name: statistics.median(values) for name, values in times.items()}
    plain = medians["plain"]
    print(f"order journey, {rounds} rounds each, interleaved")
    for name, median in medians.items():
        print(f"  {name:<24} median {median * 1000:7.0f} ms")
    for name in medians:
        if name != "plain":
            target = f"  (target <= {TARGETS[name]:.2f})" if name in TARGETS else ""
            print(f"  ratio {name + '/plain':<35} {medians[name] / plain:.2f}{target}")


if __name__ == "__main__":
    main()
